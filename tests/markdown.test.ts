// renderMarkdown (app/utils/markdown.server.ts): Markdown typed by users becomes safe HTML, whatever
// they try. Checked on the produced HTML with a real parser (htmlparser2, sanitize-html's own),
// not only with string matching.
import { parseDocument } from "htmlparser2";
import { describe, expect, test } from "vitest";
import { renderMarkdown } from "~/utils/markdown.server";
import {
  MARKDOWN_MAX_NESTING,
  MARKDOWN_NESTING_MESSAGE,
  markdownNesting,
} from "~/utils/markdown-nesting";
import { meetingSchema, minutesTextSchema } from "~/utils/schemas/meeting";
import { commentSchema, practiceSchema } from "~/utils/schemas/practice";

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
  test("headings follow the page's hierarchy: first rank at headingLevel, no level skipped (RGAA 9.1)", () => {
    const headings = (html: string) =>
      elements(html)
        .filter((e) => /^h[1-6]$/.test(e.name))
        .map((e) => e.name)
        .join(" ");
    const minutes = "# Bilan\n\n### Présents\n\n#### Excusés\n\n# Suite\n\n###### Fin";
    // Under a section's h2 (the minutes on a meeting page): h3, then h4, h5…
    expect(headings(renderMarkdown(minutes, { headingLevel: 3 }))).toBe("h3 h4 h5 h3 h6");
    // A text whose highest heading is "###" still starts at the given level.
    expect(headings(renderMarkdown("### Ordre\n\n#### Point", { headingLevel: 4 }))).toBe("h4 h5");
    // Never deeper than h6.
    expect(headings(renderMarkdown("# A\n\n## B\n\n### C", { headingLevel: 5 }))).toBe("h5 h6 h6");
    // Default: under the page's h1.
    expect(headings(renderMarkdown("## Seul"))).toBe("h2");
    // Raw HTML headings stay text.
    expect(headings(renderMarkdown("<h1>pas un titre</h1>", { headingLevel: 3 }))).toBe("");
  });

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
    expect(html).toContain("<h3>Présents</h3>");
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

// Stored denial of service (issue 12, finding 2): marked recurses once per nesting level, so a few
// kilobytes of nested lists, quotes or emphasis — within the length limits — overflowed the stack
// and every page showing the text answered 500. Forms refuse them (a French error); rendering shows
// them as plain text, whatever reached the database.
const NESTED: Record<string, string> = {
  "compact lists": "- ".repeat(1500) + "a",
  "ordered lists": "1. ".repeat(1800) + "a",
  "indented lists": Array.from({ length: 140 }, (_, i) => `${" ".repeat(i * 2)}- a`).join("\n"),
  quotes: ">".repeat(3000) + " a",
  "spaced quotes": "> ".repeat(3000) + "a",
  "quotes, one more per line": Array.from({ length: 300 }, (_, i) => `${"> ".repeat(i)}a`).join(
    "\n",
  ),
  "quotes and lists": "> - ".repeat(1000) + "a",
  "emphasis runs": "*".repeat(3000) + "a" + "*".repeat(3000),
  "underscore runs": "_".repeat(9000) + "a" + "_".repeat(9000),
  "nested emphasis": "*a ".repeat(3300) + "x" + " a*".repeat(3300),
  "nested strong": "**a ".repeat(2400) + "x" + " a**".repeat(2400),
  "nested strike-through": "~~a ".repeat(2400) + "x" + " a~~".repeat(2400),
  "nested links": "[".repeat(3000) + "a" + "](https://exemple.fr)".repeat(900),
  "emphasis across lines": Array.from({ length: 3000 }, () => "*a").join("\n") + "\nx",
  "mixed inline": "*[~~a ".repeat(3000),
};

describe("deeply nested Markdown (stored denial of service)", () => {
  for (const [name, text] of Object.entries(NESTED)) {
    test(`${name} (${text.length} characters): refused by the estimate, rendered as escaped text`, () => {
      expect(markdownNesting(text)).toBeGreaterThan(MARKDOWN_MAX_NESTING);
      const html = renderMarkdown(text);
      expectSafe(html);
      expect(html.startsWith("<p>")).toBe(true);
      // The text is still there, as typed.
      expect(html).toContain(escapeForHtml(text.trim().split("\n")[0].slice(0, 40)));
    });
  }

  test("the forms refuse them with a French message: practice, comment, agenda, minutes", () => {
    const text = NESTED["quotes"];
    const practice = practiceSchema.safeParse({
      clubId: "c",
      title: "Une pratique",
      body: text,
      visibility: "CLUB",
    });
    const comment = commentSchema.safeParse({ body: NESTED["nested emphasis"].slice(0, 1900) });
    const agenda = meetingSchema().safeParse({
      title: "Réunion",
      startsAt: "2030-01-10T09:00",
      endsAt: "2030-01-10T11:00",
      place: "Arras",
      agenda: NESTED["ordered lists"],
    });
    const minutes = minutesTextSchema.safeParse(NESTED["quotes and lists"]);
    for (const result of [practice, comment, agenda, minutes]) {
      expect(result.success).toBe(false);
      expect(result.error?.issues.map((i) => i.message)).toContain(MARKDOWN_NESTING_MESSAGE);
    }
  });

  test("ordinary texts stay well below the limit and render as Markdown", () => {
    const ordinary = [
      "# Compte rendu\n\n**Note :** les *présents*, l'**équipe** et ~~barré~~ [lien](https://a.fr/x_y_z_w).",
      "- un\n  - deux\n    - trois\n      - quatre\n        - cinq",
      "> citation\n> > réponse\n> > > et encore",
      "1. Tour de table\n2. Bilan\n   - RSA : 4\n   - jeunes : 12",
      "```\nconst a = b * c * d;\n```",
      "fichier_de_suivi_2026_final_v2_ok.xlsx et mon_nom_de_variable_long_long_long_long_long_long",
      "***très important***, puis __souligné__ et _fin_.",
    ];
    for (const text of ordinary) {
      expect(markdownNesting(text), text).toBeLessThanOrEqual(6);
      expect(renderMarkdown(text)).not.toMatch(/^<p>[^<]*[*>#`]/);
    }
    expect(renderMarkdown(ordinary[1])).toContain("<ul>");
  });

  test("a long line renders as an ordinary paragraph", () => {
    const html = renderMarkdown("mot ".repeat(5000));
    expect(html).toMatch(/^<p>mot mot/);
  });

  test("the fallback keeps paragraphs and line breaks, and escapes everything", () => {
    const text = `${">".repeat(50)} <script>alert(1)</script>\nligne 2\n\nparagraphe 2 & fin`;
    const html = renderMarkdown(text);
    expectSafe(html);
    expect(html).toBe(
      `<p>${"&gt;".repeat(50)} &lt;script&gt;alert(1)&lt;/script&gt;<br />ligne 2</p>\n<p>paragraphe 2 &amp; fin</p>`,
    );
  });
});

function escapeForHtml(text: string) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
