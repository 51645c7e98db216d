// How deeply a Markdown text nests, estimated in one pass without parsing it. marked parses nested
// blocks (quotes, lists) and inline spans (emphasis, strike-through, links) recursively, so a few
// kilobytes of ">>>>…" or "1. 1. 1. …" overflow the call stack. Forms refuse texts that nest beyond
// MARKDOWN_MAX_NESTING, and renderMarkdown shows them as plain text. Client-safe (used by schemas).
//
// The estimate errs on the high side: every quote or list marker opening a line counts, every four
// columns of indentation count, and every emphasis or link delimiter that can open counts until one
// that can only close takes it back. Real texts stay far below the limit.

export const MARKDOWN_MAX_NESTING = 20;

export const MARKDOWN_NESTING_MESSAGE = `Ce texte imbrique trop de niveaux (listes, citations ou mises en forme) : ${MARKDOWN_MAX_NESTING} au plus. Simplifiez sa mise en forme.`;

const LIST_MARKER = /(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$)/y;
const DELIMITERS = new Set(["*", "_", "~"]);
const PUNCTUATION = /[\p{P}\p{S}]/u;

const isSpace = (c: string | undefined) => c === undefined || /\s/.test(c);
const isPunct = (c: string | undefined) => c !== undefined && PUNCTUATION.test(c);

/** Nesting opened by a line's prefix (quote markers, list markers, indentation); where the rest starts. */
function blockPrefix(line: string) {
  let i = 0;
  let columns = 0;
  let markers = 0;
  while (i < line.length) {
    const c = line[i];
    if (c === " ") columns += 1;
    else if (c === "\t") columns += 4;
    else if (c === ">") markers += 1;
    else {
      LIST_MARKER.lastIndex = i;
      const marker = LIST_MARKER.exec(line);
      if (!marker) break;
      markers += 1;
      i += marker[0].length;
      continue;
    }
    i += 1;
  }
  return { depth: markers + Math.floor(columns / 4), start: i };
}

/** The deepest nesting of blocks plus open inline spans anywhere in the text. */
export function markdownNesting(text: string): number {
  let deepest = 0;
  // Delimiters still open in the current paragraph (a blank line closes everything).
  let open = 0;
  for (const line of text.split(/\r\n|\r|\n/)) {
    if (!line.trim()) {
      open = 0;
      continue;
    }
    const { depth, start } = blockPrefix(line);
    let peak = open;
    for (let i = start; i < line.length;) {
      const c = line[i];
      if (c === "[") {
        peak = Math.max(peak, ++open);
        i += 1;
      } else if (c === "]") {
        open = Math.max(0, open - 1);
        i += 1;
      } else if (DELIMITERS.has(c)) {
        let end = i;
        while (line[end] === c) end += 1;
        const run = end - i;
        const before = line[i - 1];
        const after = line[end];
        const canOpen = !isSpace(after) && (!isPunct(after) || isSpace(before) || isPunct(before));
        const canClose = !isSpace(before) && (!isPunct(before) || isSpace(after) || isPunct(after));
        // Only a run that cannot open takes nesting back; an ambiguous one is counted as opening
        // (except "_" inside a word, as in snake_case, which Markdown never reads as emphasis).
        const intraword = c === "_" && canOpen && canClose && !isPunct(before);
        if (canOpen && !intraword) peak = Math.max(peak, (open += run));
        else if (canClose && !canOpen) open = Math.max(0, open - run);
        i = end;
      } else i += 1;
    }
    deepest = Math.max(deepest, depth + peak);
  }
  return deepest;
}

export const withinMarkdownNesting = (text: string) =>
  markdownNesting(text) <= MARKDOWN_MAX_NESTING;
