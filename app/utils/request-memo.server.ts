// Within one page load, the root, layout and page loaders each ask who is signed in and what they
// may do: without a memo every loader repeats the same session, user and permission queries
// (issue 14's profile). server.mjs runs each GET or HEAD request inside `runWithRequestMemo`, so
// those answers are computed once per request. Writes (POST…) run without it: an action may change
// what a later loader of the same request must see. Outside a request (tests, scripts), nothing is
// remembered.
import { AsyncLocalStorage } from "node:async_hooks";
import { remember } from "@epic-web/remember";

const storage = remember(
  "request-memo",
  () => new AsyncLocalStorage<Map<string, Promise<unknown>>>(),
);

/** Runs `handle` (an HTTP request's handling) with an empty memo of its own. */
export function runWithRequestMemo<T>(handle: () => T): T {
  return storage.run(new Map(), handle);
}

/** `compute()` once per request for a given key; every call outside a request computes. */
export function memoForRequest<T>(key: string, compute: () => Promise<T>): Promise<T> {
  const memo = storage.getStore();
  if (!memo) return compute();
  let answer = memo.get(key) as Promise<T> | undefined;
  if (!answer) {
    answer = compute();
    memo.set(key, answer);
  }
  return answer;
}
