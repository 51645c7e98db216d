// Where to send someone after signing in or out. The `redirectTo` value comes from the address
// bar, so anyone can write it (a link in a phishing e-mail): it must never lead to another site.

/**
 * A path of this site for a `redirectTo` value, or `fallback`. The value is resolved as the
 * browser will resolve the Location header (WHATWG URL: tabs and newlines dropped, `\` read as
 * `/`, dot segments resolved) against the request's origin. Only a same-origin result is kept,
 * and only its path, query and fragment, serialised: the header never names another site and
 * never carries a character that would make it invalid.
 */
export function safeRedirect(
  to: FormDataEntryValue | string | null | undefined,
  request: Request,
  fallback = "/espace",
): string {
  if (typeof to !== "string" || !to.startsWith("/")) return fallback;
  const origin = new URL(request.url).origin;
  let url: URL;
  try {
    url = new URL(to, origin);
  } catch {
    return fallback;
  }
  if (url.origin !== origin) return fallback;
  const path = url.pathname + url.search + url.hash;
  // `/.//evil.example` resolves to the path `//evil.example`: another site, for a browser.
  return path.startsWith("//") ? fallback : path;
}
