// Helpers to act as a signed-in user in loader/action tests: a real server-side session, and a
// Request carrying its cookie.
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
