import { useSyncExternalStore } from "react";

/** False on the server and during hydration, true once React runs in the browser. */
export function useHydrated() {
  return useSyncExternalStore(
    () => () => {},
    () => true,
    () => false,
  );
}
