import { Suspense, type ReactNode } from "react";
import { useHydrated } from "~/utils/use-hydrated";

/**
 * A widget that needs JavaScript and is loaded lazily (React.lazy, decision 017): the plain
 * `fallback` is rendered by the server, without JavaScript and while the widget's chunk loads.
 */
export function AfterHydration({
  fallback,
  children,
}: {
  fallback: ReactNode;
  children: ReactNode;
}) {
  const hydrated = useHydrated();
  if (!hydrated) return <>{fallback}</>;
  return <Suspense fallback={fallback}>{children}</Suspense>;
}
