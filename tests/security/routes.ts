// The app's routes as the tests see them: every file of app/routes/, its URL pattern, its params,
// and a way to call its loader or action in-process and read the outcome as an HTTP status.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { ActionFunction, LoaderFunction } from "@remix-run/node";

const ROUTES_DIR = fileURLToPath(new URL("../../app/routes", import.meta.url));

export type RouteFile = {
  /** File name without extension, e.g. `entreprise.$companyId.equipe`: the matrix key. */
  id: string;
  file: string;
  /** Names of the `$params` of its URL, outermost first. */
  params: string[];
};

/** Every route file, sorted. A new file shows up here, hence in the matrix check. */
export function listRouteFiles(): RouteFile[] {
  return fs
    .readdirSync(ROUTES_DIR)
    .filter((name) => /\.(tsx?|jsx?)$/.test(name))
    .sort()
    .map((name) => {
      const id = name.replace(/\.(tsx?|jsx?)$/, "");
      return {
        id,
        file: path.join(ROUTES_DIR, name),
        params: [...id.matchAll(/\$(\w+)/g)].map((m) => m[1]),
      };
    });
}

/** The URL of a flat-routes file name with its params filled in (`[.]` escapes a dot). */
export function urlOf(id: string, params: Record<string, string>): string {
  // Split on dots, except escaped ones (`[.]`), which stay in their segment.
  const segments = id
    .split(/(?<!\[)\.(?!\])/)
    .filter((s) => !s.startsWith("_"))
    .map((s) => s.replace(/\[\.\]/g, "."))
    .map((s) => s.replace(/\$(\w+)/g, (_, name: string) => encodeURIComponent(params[name] ?? "")));
  return "/" + segments.join("/");
}

export type RouteModule = { loader?: LoaderFunction; action?: ActionFunction };

export async function importRoute(route: RouteFile): Promise<RouteModule> {
  return (await import(/* @vite-ignore */ route.file)) as RouteModule;
}

/**
 * An HTTP-like outcome: the status code, or "login" for a redirect to the sign-in page.
 * 405 when the module has no loader (GET) or action (POST): Remix answers that way for a
 * resource route, and a page without a loader reads nothing.
 */
export type Outcome = number | "login";

function statusOf(value: unknown): Outcome {
  if (value instanceof Response) {
    const location = value.headers.get("Location");
    if (value.status >= 300 && value.status < 400 && location?.startsWith("/login")) {
      return "login";
    }
    return value.status;
  }
  // `data(value, { status })` from @remix-run/node.
  if (
    value &&
    typeof value === "object" &&
    "type" in value &&
    value.type === "DataWithResponseInit"
  ) {
    return (value as { init?: { status?: number } }).init?.status ?? 200;
  }
  return 200;
}

export type Call = {
  outcome: Outcome;
  /** What the route returned or threw (for checking bodies). */
  value: unknown;
  /** The unexpected exception, when the outcome is 500. */
  error?: unknown;
};

/** Calls the loader (GET) or action (POST) of a route module as Remix would. */
export async function callRoute(
  module: RouteModule,
  method: "GET" | "POST",
  request: Request,
  params: Record<string, string>,
): Promise<Call> {
  const handler = method === "GET" ? module.loader : module.action;
  if (!handler) return { outcome: 405, value: null };
  try {
    const value = await handler({ request, params, context: {} });
    return { outcome: statusOf(value), value };
  } catch (thrown) {
    if (thrown instanceof Response) return { outcome: statusOf(thrown), value: thrown };
    const outcome = statusOf(thrown);
    if (outcome !== 200) return { outcome, value: thrown };
    return { outcome: 500, value: thrown, error: thrown };
  }
}
