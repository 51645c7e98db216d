// The server's guard against double posts (issue 18, point 8): a form sent twice (a double
// click, a resent page, a second tab) within a short window with the same content by the same
// person creates one row, not two. The writers look for the identical row created since
// `duplicateSince()` inside their transaction and answer with it, as if the second send were
// the first; the person sees the same success. PostForm (app/components/post-form.tsx) prevents
// most second sends in the browser; this guard holds without JavaScript.

/** How long an identical send counts as the same one. */
export const DUPLICATE_WINDOW_MS = 2 * 60_000;

/** The moment from which an identical row is taken for a double post. */
export function duplicateSince(now = Date.now()) {
  return new Date(now - DUPLICATE_WINDOW_MS);
}
