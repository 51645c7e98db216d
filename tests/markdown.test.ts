// renderMarkdown (app/utils/markdown.server.ts): Markdown typed by users becomes safe HTML, whatever
// they try. Checked on the produced HTML with a real parser (htmlparser2, sanitize-html's own),
// not only with string matching.
import { parseDocument } from "htmlparser2";
import { describe, expect, test } from "vitest";
import { renderMarkdown } from "~/utils/markdown.server";

type El = { name: string; attribs: Record<string, string>; children?: El[]; type: string };

/** Every element of the rendered HTML, flattened. */
function elements(html: string): El[] {
  const out: El[] = [];
  const walk = (nodes: El[] | undefined) => {
    for (const node of nodes ?? []) {
      if (node.type === "tag" || node.type === "script" || node.type === "style") out.push(node);
      walk(node.children);
    }
  };
  walk(parseDocument(html).children as unknown as El[]);
  return out;
}

const FORBIDDEN_TAGS = ["script", "style", "iframe", "object", "embed", "svg", "math", "form"];

/** The invariants that must hold for any input. */
function expectSafe(html: string) {
  for (const el of elements(html)) {
    expect(FORBIDDEN_TAGS, `balise <${el.name}>`).not.toContain(el.name);
    for (const [attr, value] of Object.entries(el.attribs)) {
      expect(attr.startsWith("on"), `attribut ${attr}`).toBe(false);
      expect(attr, "attribut style").not.toBe("style");
      expect(value, `${attr}="${value}"`).not.toMatch(/^\s*(javascript|data|vbscript):/i);
      if (attr === "href") expect(value).toMatch(/^(https?:|mailto:)/i);
      if (attr === "src") expect(value).toMatch(/^https:\/\//);
    }
    if (el.name === "a" && el.attribs.href) {
      expect(el.attribs.rel).toBe("noopener noreferrer nofollow");
    }
  }
}

describe("renderMarkdown", () => {
  test("renders ordinary Markdown: headings, emphasis, lists, links, tables, code", () => {
    const html = renderMarkdown(
      [
        "# Compte rendu",
        "",
        "## Présents",
        "Une **quinzaine** d'entreprises, *France Travail*.",
        "",
        "1. Bilan",
        "2. Forum",
        "",
        "- [site](https://exemple.fr/page?a=1&b=2)",
        "- [écrire](mailto:club@exemple.fr)",
        "",
        "| Public | Personnes |",
        "|:--|--:|",
        "| RSA | 4 |",
        "",
        "`code` et ~~barré~~",
        "",
        "![Logo](https://exemple.fr/logo.png)",
      ].join("\n"),
    );
    expectSafe(html);
    // "#" becomes a section heading: the page keeps its only h1.
    expect(html).toContain("<h2>Compte rendu</h2>");
    expect(html).not.toContain("<h1");
    expect(html).toContain("<strong>quinzaine</strong>");
    expect(html).toContain("<ol>");
    expect(html).toContain(
      '<a href="https://exemple.fr/page?a=1&amp;b=2" rel="noopener noreferrer nofollow">site</a>',
    );
    expect(html).toContain('href="mailto:club@exemple.fr"');
    expect(html).toContain('<td align="right">4</td>');
    expect(html).toContain("<code>code</code>");
    expect(html).toContain("<del>barré</del>");
    expect(html).toContain('<img src="https://exemple.fr/logo.png" alt="Logo" />');
  });

  test("paragraphs are separated by a blank line; empty input gives nothing", () => {
    expect(renderMarkdown("ligne 1\nligne 2\n\nautre")).toBe(
      "<p>ligne 1\nligne 2</p>\n<p>autre</p>\n",
    );
    expect(renderMarkdown("   \n ")).toBe("");
  });

  test.each([
    ["script tag", "Bonjour <script>alert(1)</script>"],
    ["script block", "<script>\nalert(document.cookie)\n</script>"],
    ["style", "<style>body { display: none }</style>"],
    ["iframe", '<iframe src="https://evil.test"></iframe>'],
    ["svg onload", "<svg onload=alert(1)><circle/></svg>"],
    ["img onerror", "<img src=x onerror=alert(1)>"],
    ["event handler on a div", '<div onclick="alert(1)">clic</div>'],
    ["form", '<form action="https://evil.test"><input name=p></form>'],
    ["html link with javascript", '<a href="javascript:alert(1)">clic</a>'],
    ["markdown javascript link", "[clic](javascript:alert(1))"],
    ["mixed-case scheme", "[clic](JaVaScRiPt:alert(1))"],
    ["entity-encoded scheme", "[clic](jav&#x61;script:alert(1))"],
    ["decimal entities", "[clic](&#106;&#97;&#118;&#97;script:alert(1))"],
    ["named entity colon", "[clic](javascript&colon;alert(1))"],
    ["tab inside scheme", "[clic](java\tscript:alert(1))"],
    ["leading spaces", "[clic](   javascript:alert(1))"],
    ["vbscript", "[clic](vbscript:msgbox(1))"],
    ["data: link", "[clic](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)"],
    ["data: image", "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)"],
    ["http image", "![x](http://exemple.fr/suivi.png)"],
    ["protocol-relative link", "[clic](//evil.test/page)"],
    ["reference link", "[clic][1]\n\n[1]: javascript:alert(1)"],
    ["autolink", "<javascript:alert(1)>"],
    ["title breaking out", '[clic](https://exemple.fr "a\\" onmouseover=\\"alert(1)")'],
    ["escaped tag", "&lt;script&gt;alert(1)&lt;/script&gt;"],
    ["nested quotes", '<img src="https://ok.test/a.png" alt=\'"><script>alert(1)</script>\'>'],
    ["comment trick", "<!--><script>alert(1)</script>-->"],
    ["code fence with html", "```html\n<script>alert(1)</script>\n```"],
  ])("neutralises %s", (_label, input) => {
    const html = renderMarkdown(input);
    expectSafe(html);
  });

  test("raw HTML is shown as text, not interpreted", () => {
    const html = renderMarkdown("Bonjour <b>toi</b> <script>alert(1)</script>");
    expect(html).toContain("&lt;b&gt;toi&lt;/b&gt;");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(elements(html).map((e) => e.name)).toEqual(["p"]);
  });

  test("a refused link keeps its text; a refused image disappears", () => {
    const link = renderMarkdown("[clic](javascript:alert(1))");
    expect(link).toContain(">clic</a>");
    expect(link).not.toContain("href");
    expect(renderMarkdown("![pisteur](http://exemple.fr/p.png)")).not.toContain("<img");
    expect(renderMarkdown("![x](data:image/png;base64,AAAA)")).not.toContain("<img");
  });

  test("task lists keep disabled checkboxes only", () => {
    const html = renderMarkdown("- [x] fait\n- [ ] à faire");
    const inputs = elements(html).filter((e) => e.name === "input");
    expect(inputs).toHaveLength(2);
    for (const input of inputs) {
      expect(input.attribs.type).toBe("checkbox");
      expect("disabled" in input.attribs).toBe(true);
    }
  });
});
