// Markdown typed by users (meeting agendas and minutes, good practices, comments) turned into
// HTML that is safe to insert in a page. Two layers:
//  1. marked renders Markdown, with raw HTML in the source shown as text (never as markup);
//  2. sanitize-html keeps only an allow-list of tags and attributes, links to http(s)/mailto
//     only (rel="noopener noreferrer nofollow"), images from https only — whatever marked made.
// Render on the server only, and insert the result with dangerouslySetInnerHTML (see
// app/components/markdown-content.tsx).
// Rendering never fails: a text nesting too deeply for marked's recursion (see markdown-nesting.ts),
// or any error while rendering, gives the text itself, escaped, so one text cannot break a page.

import { Marked } from "marked";
import sanitizeHtml from "sanitize-html";
import { escapeHtml } from "./html";
import { withinMarkdownNesting } from "./markdown-nesting";

const marked = new Marked({
  gfm: true,
  // Standard Markdown: a blank line starts a paragraph; a single line break is a space (texts
  // wrapped by hand stay readable). Lists and headings need no blank line.
  breaks: false,
  async: false,
  renderer: {
    // Raw HTML blocks and inline tags are shown as typed, not interpreted.
    html({ text }) {
      return escapeHtml(text);
    },
  },
});

const SANITIZE_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    "p",
    "br",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "strong",
    "em",
    "del",
    "code",
    "pre",
    "blockquote",
    "ul",
    "ol",
    "li",
    "hr",
    "a",
    "img",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "input",
  ],
  allowedAttributes: {
    a: ["href", "title", "rel"],
    img: ["src", "alt", "title"],
    ol: ["start"],
    th: ["align"],
    td: ["align"],
    // GFM task lists: a disabled checkbox.
    input: ["type", "checked", "disabled"],
  },
  allowedClasses: { code: ["language-*"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesByTag: { img: ["https"] },
  allowedSchemesAppliedToAttributes: ["href", "src"],
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
  transformTags: {
    a: (tagName, attribs) => ({
      tagName,
      attribs: { ...attribs, rel: "noopener noreferrer nofollow" },
    }),
    input: (tagName, attribs) => ({
      tagName,
      attribs: {
        type: "checkbox",
        disabled: "",
        ...(attribs.checked !== undefined ? { checked: "" } : {}),
      },
    }),
  },
  exclusiveFilter: (frame) =>
    // An image whose address was refused, or any input but a task-list checkbox, goes.
    (frame.tag === "img" && !frame.attribs.src) ||
    (frame.tag === "input" && frame.attribs.type !== "checkbox"),
};

/** The text as typed, escaped: paragraphs at blank lines, line breaks kept. */
function plainTextHtml(text: string): string {
  return text
    .trim()
    .split(/(?:\r?\n[ \t]*){2,}/)
    .map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\r?\n/g, "<br />")}</p>`)
    .join("\n");
}

/**
 * The heading levels of a text placed under the page's own headings (RGAA 9.1): the text's
 * highest level becomes `headingLevel`, each next level used one below it (a text jumping from
 * "#" to "###" gets two consecutive levels), never below h6.
 */
function headingTransforms(
  html: string,
  headingLevel: number,
): sanitizeHtml.IOptions["transformTags"] {
  // marked's own output: raw HTML in the text was escaped, so every "<hN" here is a heading.
  const used = [...new Set([...html.matchAll(/<h([1-6])[\s>]/g)].map((m) => Number(m[1])))].sort();
  return Object.fromEntries(
    used.map((level, rank) => [`h${level}`, `h${Math.min(headingLevel + rank, 6)}`]),
  );
}

/**
 * Safe HTML for a Markdown text typed by a user; never throws. `headingLevel` is the level its
 * first-rank headings take: one below the heading the text is shown under (2 under the page's
 * h1, 3 under a section's h2…).
 */
export function renderMarkdown(markdown: string, { headingLevel = 2 } = {}): string {
  if (!markdown.trim()) return "";
  if (!withinMarkdownNesting(markdown)) return plainTextHtml(markdown);
  try {
    const html = marked.parse(markdown) as string;
    return sanitizeHtml(html, {
      ...SANITIZE_OPTIONS,
      transformTags: {
        ...SANITIZE_OPTIONS.transformTags,
        ...headingTransforms(html, headingLevel),
      },
    });
  } catch (error) {
    // RangeError (stack) or a parser bug: this text is shown as typed, the page still answers.
    console.warn(`Markdown affiché en texte brut : ${(error as Error)?.name ?? "erreur"}`);
    return plainTextHtml(markdown);
  }
}
