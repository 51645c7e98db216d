// Shared frame of every e-mail: a simple, accessible HTML (tables only where mail clients need
// them) and a plain-text twin.

import { escapeHtml } from "../app/utils/html";

export type RenderedEmail = { subject: string; html: string; text: string };

/** A message typed by a person, as paragraphs (blank lines separate them). */
export function paragraphsOf(message: string): string[] {
  return message
    .replace(/\r\n?/g, "\n")
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter(Boolean);
}

/** The last lines of a message people may stop receiving: why, the link to stop, a remark. */
export function unsubscribeFooterHtml(text: string, label: string, url: string, after = "") {
  return `<p style="margin:24px 0 0;padding-top:16px;border-top:1px solid #e5e7eb;font-size:13px;color:#4b5563">${escapeHtml(text)} <a href="${escapeHtml(url)}" style="color:#1f4e8c">${escapeHtml(label)}</a>${after ? ` ${escapeHtml(after)}` : ""}</p>`;
}

export type EmailBlock =
  | { kind: "paragraph"; text: string }
  | { kind: "button"; label: string; url: string }
  | { kind: "note"; text: string }
  /** The last lines of a message people may stop receiving: why, and the link to stop. */
  | { kind: "unsubscribe"; text: string; label: string; url: string };

export function renderEmail(subject: string, heading: string, blocks: EmailBlock[]): RenderedEmail {
  const htmlBlocks = blocks
    .map((block) => {
      switch (block.kind) {
        case "paragraph":
          return `<p style="margin:0 0 16px;line-height:1.5">${escapeHtml(block.text)}</p>`;
        case "note":
          return `<p style="margin:0 0 16px;line-height:1.5;color:#4b5563;font-size:14px">${escapeHtml(block.text)}</p>`;
        case "unsubscribe":
          return unsubscribeFooterHtml(block.text, block.label, block.url);
        case "button":
          return `<p style="margin:24px 0"><a href="${escapeHtml(block.url)}" style="background:#1f4e8c;color:#ffffff;padding:12px 20px;border-radius:6px;text-decoration:none;font-weight:bold;display:inline-block">${escapeHtml(block.label)}</a></p>
<p style="margin:0 0 16px;font-size:13px;color:#4b5563">Si le bouton ne fonctionne pas, copiez ce lien dans votre navigateur :<br>${escapeHtml(block.url)}</p>`;
      }
    })
    .join("\n");
  const html = frameHtml(subject, heading, htmlBlocks);
  const text = frameText(
    heading,
    blocks.map((block) =>
      block.kind === "button"
        ? `${block.label} : ${block.url}\n`
        : block.kind === "unsubscribe"
          ? `${block.text} ${block.label} : ${block.url}\n`
          : `${block.text}\n`,
    ),
  );
  return { subject, html, text };
}

/** The HTML page around an e-mail's blocks: the operator's name, the heading, the body. */
export function frameHtml(subject: string, heading: string, bodyHtml: string) {
  return `<!doctype html>
<html lang="fr">
<head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="margin:0;padding:24px;background:#f3f4f6;font-family:Arial,Helvetica,sans-serif;color:#111827">
<div style="max-width:560px;margin:0 auto;background:#ffffff;padding:32px;border-radius:8px">
<p style="margin:0 0 24px;font-weight:bold;color:#1f4e8c">Engagés — Les entreprises s'engagent</p>
<h1 style="font-size:20px;margin:0 0 16px">${escapeHtml(heading)}</h1>
${bodyHtml}
</div>
</body>
</html>`;
}

/** The plain-text twin of frameHtml. */
export function frameText(heading: string, bodyParts: string[]) {
  return ["Engagés — Les entreprises s'engagent", "", heading, "", ...bodyParts].join("\n");
}
