// Text placed in HTML that we write by hand (e-mails, Markdown fallbacks): the five characters
// that could open markup or end an attribute, escaped.

/** `<a href="x">` → `&lt;a href=&quot;x&quot;&gt;`. */
export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}
