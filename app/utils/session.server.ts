import { createCookieSessionStorage, redirect } from "@remix-run/node";
import { secureCookies, sessionSecret } from "./env.server";

/**
 * The cookie holds only the id of a server-side Session row (and one-shot flash messages);
 * httpOnly and SameSite=Lax so scripts cannot read it and other sites cannot post with it.
 */
export const sessionStorage = createCookieSessionStorage({
  cookie: {
    name: "__engages_session",
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secrets: [sessionSecret],
    secure: secureCookies,
  },
});

export const SESSION_ID_KEY = "sessionId";
const FLASH_KEY = "flash";

export type Flash = { kind: "success" | "error" | "info"; message: string };

export async function getSession(request: Request) {
  return sessionStorage.getSession(request.headers.get("Cookie"));
}

/** Reads (and clears) the flash message; returns the Set-Cookie header to send back. */
export async function readFlash(request: Request) {
  const session = await getSession(request);
  const flash = (session.get(FLASH_KEY) as Flash | undefined) ?? null;
  const headers = flash ? { "Set-Cookie": await sessionStorage.commitSession(session) } : undefined;
  return { flash, headers };
}

/** Redirects and shows a flash message on the next page. */
export async function redirectWithFlash(
  request: Request,
  to: string,
  flash: Flash,
  init?: ResponseInit,
) {
  const session = await getSession(request);
  session.flash(FLASH_KEY, flash);
  const headers = new Headers(init?.headers);
  headers.append("Set-Cookie", await sessionStorage.commitSession(session));
  return redirect(to, { ...init, headers });
}

/** The Set-Cookie header of a new, empty session carrying only a flash message (after sign-out). */
export async function freshFlashCookie(flash: Flash) {
  const session = await sessionStorage.getSession();
  session.flash(FLASH_KEY, flash);
  return sessionStorage.commitSession(session);
}
