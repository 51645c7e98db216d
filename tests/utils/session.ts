// Helpers to act as a signed-in user in loader/action tests: a real server-side session, and a
// Request carrying its cookie.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { createUserSession } from "~/utils/auth.server";

export const TEST_ORIGIN = "http://localhost:3000";

/** The `name=value` part of a Set-Cookie header, ready for a Cookie request header. */
export function cookieFrom(response: Response): string {
  const setCookie = response.headers.get("Set-Cookie");
  if (!setCookie) throw new Error("La réponse ne pose aucun cookie");
  return setCookie.split(";")[0];
}

/** Signs the user in (a real Session row) and returns the Cookie header value. */
export async function sessionCookieFor(userId: string): Promise<string> {
  const response = await createUserSession(new Request(`${TEST_ORIGIN}/login`), userId, "/espace");
  return cookieFrom(response);
}

/** A Request to a path of the app, optionally with a session cookie. */
export function appRequest(path: string, init: RequestInit & { cookie?: string } = {}): Request {
  const { cookie, ...rest } = init;
  const headers = new Headers(rest.headers);
  if (cookie) headers.set("Cookie", cookie);
  return new Request(new URL(path, TEST_ORIGIN), { ...rest, headers });
}

/** Runs `fn` and returns what it threw (a Response, for Remix redirects and errors). */
export async function thrown(fn: () => unknown): Promise<unknown> {
  try {
    await fn();
  } catch (error) {
    return error;
  }
  throw new Error("Aucune exception levée");
}

type RouteFn = (args: LoaderFunctionArgs) => Promise<unknown>;

/** Runs a loader or an action as Remix would; returns the HTTP status it ends with, the data it
 * returned, and the Response it returned or threw. Any other exception is a failure: rethrown. */
export async function routeOutcome(fn: RouteFn, request: Request, params: Record<string, string>) {
  let result: unknown;
  try {
    result = await fn({ request, params, context: {} });
  } catch (error) {
    if (!(error instanceof Response)) throw error;
    result = error;
  }
  if (result instanceof Response)
    return { status: result.status, body: null as unknown, response: result };
  const withInit = result as { data?: unknown; init?: { status?: number } | null; type?: string };
  if (withInit && withInit.type === "DataWithResponseInit") {
    return { status: withInit.init?.status ?? 200, body: withInit.data, response: null };
  }
  return { status: 200, body: result, response: null };
}

/** Calls a loader or an action as a signed-in user (a form makes it a POST): see routeOutcome. */
export async function callAs(
  fn: RouteFn,
  path: string,
  userId: string,
  params: Record<string, string>,
  form?: Record<string, string>,
) {
  const cookie = await sessionCookieFor(userId);
  const request = appRequest(
    path,
    form
      ? {
          method: "POST",
          cookie,
          headers: { "Content-Type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams(form).toString(),
        }
      : { cookie },
  );
  return routeOutcome(fn, request, params);
}
