import { redirect } from "@remix-run/node";
import { Authenticator } from "remix-auth";
import { FormStrategy } from "remix-auth-form";
import { prisma } from "./db.server";
import { readSessionUser } from "./current-user.server";
import type { CurrentUser } from "./permissions.server";
import { memoForRequest } from "./request-memo.server";
import { type KnownDevice, readKnownDevice, rememberDevice } from "./known-device.server";
import { dummyPasswordHash, hashPassword, verifyPassword } from "./password.server";
import { SESSION_ID_KEY, getSession, sessionStorage } from "./session.server";
import { audit } from "./audit.server";
import { loginSchema } from "./validation";

export const CLIENT_IP_HEADER = "X-Engages-Client-Ip";

export const SESSION_DURATION_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * Sign-in throttling, on the failures of the last 15 minutes. Guessing must stay slow, but a
 * stranger must not be able to lock the owner out (5 wrong passwords used to refuse even the
 * right one, from anywhere, for 15 minutes). So, as large services do:
 * - a browser known for this account (it signed in to it before: known-device cookie) is held
 *   only by its own failures, 5 for this address; nobody else's failures count against it;
 * - any other client is held after 5 failures for this address from its IP (the strict limit,
 *   which an attacker meets first), after 30 from its IP whatever the address (spraying many
 *   accounts), and after 50 for this address from all IPs together (a distributed attack: a
 *   bound on the total guesses, which the owner's known devices escape).
 * An owner signing in from another network, or from a known device, is therefore not refused
 * because of an attacker's failures, unless the attack is distributed and the owner uses a new
 * device (then a password reset, which marks the device as known, lets them in).
 */
export const MAX_FAILED_LOGINS_PER_DEVICE = 5;
export const MAX_FAILED_LOGINS_PER_EMAIL_AND_IP = 5;
export const MAX_FAILED_LOGINS_PER_IP = 30;
export const MAX_FAILED_LOGINS_PER_EMAIL = 50;
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;

export const TOO_MANY_FAILED_LOGINS =
  "Trop de tentatives de connexion ont échoué. Par sécurité, réessayez dans 15 minutes ou réinitialisez votre mot de passe.";
export const ACCOUNT_UNDER_ATTACK =
  "Trop de tentatives de connexion ont échoué pour cette adresse. Par sécurité, réessayez dans 15 minutes depuis un appareil où vous vous êtes déjà connecté, ou réinitialisez votre mot de passe.";

/** An expected sign-in refusal, with a message for the person (429 when throttled). */
export class LoginError extends Error {
  constructor(
    message: string,
    readonly field?: "email" | "password",
    readonly status: 400 | 429 = 400,
  ) {
    super(message);
  }
}

export function clientIp(request: Request) {
  return request.headers.get(CLIENT_IP_HEADER) || "unknown";
}

async function assertNotThrottled(email: string, ip: string, device: string | null) {
  const failed = { success: false, createdAt: { gte: new Date(Date.now() - LOGIN_WINDOW_MS) } };
  const refuse = (message: string) => {
    throw new LoginError(message, undefined, 429);
  };
  if (device) {
    const byDevice = await prisma.loginAttempt.count({ where: { ...failed, email, device } });
    if (byDevice >= MAX_FAILED_LOGINS_PER_DEVICE) refuse(TOO_MANY_FAILED_LOGINS);
    return;
  }
  const [byEmailAndIp, byIp, byEmail] = await Promise.all([
    prisma.loginAttempt.count({ where: { ...failed, email, ip } }),
    prisma.loginAttempt.count({ where: { ...failed, ip } }),
    prisma.loginAttempt.count({ where: { ...failed, email } }),
  ]);
  if (byEmailAndIp >= MAX_FAILED_LOGINS_PER_EMAIL_AND_IP || byIp >= MAX_FAILED_LOGINS_PER_IP) {
    refuse(TOO_MANY_FAILED_LOGINS);
  }
  if (byEmail >= MAX_FAILED_LOGINS_PER_EMAIL) refuse(ACCOUNT_UNDER_ATTACK);
}

// Made at start-up, so that even the first unknown address costs no more than a real account.
void dummyPasswordHash();

/**
 * Checks an e-mail and password; records the attempt. Throws LoginError when refused. An unknown
 * address (or an account without a password yet) is checked against a dummy hash of the same
 * cost, so the answer takes as long as for a real account and its timing reveals nothing.
 */
export async function verifyLogin(
  emailInput: string,
  password: string,
  ip: string,
  knownDevice: KnownDevice | null = null,
) {
  const email = emailInput.trim().toLowerCase();
  const user = await prisma.user.findUnique({
    where: { email },
    select: { id: true, passwordHash: true },
  });
  const device = user && knownDevice?.users.includes(user.id) ? knownDevice.id : null;
  await assertNotThrottled(email, ip, device);
  const matches = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
  const ok = Boolean(user?.passwordHash) && matches;
  await prisma.loginAttempt.create({ data: { email, ip, device, success: ok } });
  if (!user || !ok) throw new LoginError("Adresse e-mail ou mot de passe incorrect.");
  return user.id;
}

export const authenticator = new Authenticator<string>();
authenticator.use(
  new FormStrategy(async ({ form, request }) => {
    const parsed = loginSchema.safeParse(Object.fromEntries(form));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new LoginError(issue.message, issue.path[0] as "email" | "password");
    }
    return verifyLogin(
      parsed.data.email,
      parsed.data.password,
      clientIp(request),
      await readKnownDevice(request),
    );
  }),
  "form",
);

/**
 * Starts a new server-side session (the previous one, if any, is ended: rotation), and marks
 * the browser as a known device of the account (see the throttling rules above).
 */
export async function createUserSession(
  request: Request,
  userId: string,
  redirectTo: string,
  options: { proConnectIdToken?: string } = {},
) {
  const cookieSession = await getSession(request);
  const previous = cookieSession.get(SESSION_ID_KEY) as string | undefined;
  const session = await prisma.$transaction(async (tx) => {
    if (previous) await tx.session.deleteMany({ where: { id: previous } });
    await tx.user.update({ where: { id: userId }, data: { lastLoginAt: new Date() } });
    return tx.session.create({
      data: {
        userId,
        expiresAt: new Date(Date.now() + SESSION_DURATION_MS),
        proConnectIdToken: options.proConnectIdToken ?? null,
      },
      select: { id: true, expiresAt: true },
    });
  });
  const fresh = await sessionStorage.getSession();
  fresh.set(SESSION_ID_KEY, session.id);
  const headers = new Headers();
  headers.append(
    "Set-Cookie",
    await sessionStorage.commitSession(fresh, { expires: session.expiresAt }),
  );
  headers.append("Set-Cookie", await rememberDevice(request, userId));
  return redirect(redirectTo, { headers });
}

/**
 * The signed-in user with their roles, or null (expired or unknown sessions count as signed out):
 * one query (current-user.server.ts), once per request.
 */
export async function getSignedInUser(request: Request): Promise<CurrentUser | null> {
  const cookieSession = await getSession(request);
  const sessionId = cookieSession.get(SESSION_ID_KEY) as string | undefined;
  if (!sessionId) return null;
  return memoForRequest(`session:${sessionId}`, () => readSessionUser(sessionId));
}

/** The signed-in user's id, or null. */
export async function getUserId(request: Request) {
  return (await getSignedInUser(request))?.id ?? null;
}

/** The signed-in user with their roles; redirects to sign-in when signed out. */
export async function requireSignedInUser(request: Request): Promise<CurrentUser> {
  const user = await getSignedInUser(request);
  if (!user) {
    const url = new URL(request.url);
    const redirectTo = url.pathname + url.search;
    throw redirect(`/login?${new URLSearchParams({ redirectTo })}`);
  }
  return user;
}

export async function requireUserId(request: Request) {
  return (await requireSignedInUser(request)).id;
}

export async function requireAnonymous(request: Request) {
  if (await getUserId(request)) throw redirect("/espace");
}

/**
 * Ends the session on the server; returns the Set-Cookie header that ends it in the browser and
 * the ProConnect ID token it was signed in with, if any (to end the ProConnect session too).
 */
export async function endSession(request: Request) {
  const cookieSession = await getSession(request);
  const sessionId = cookieSession.get(SESSION_ID_KEY) as string | undefined;
  const ended = sessionId
    ? await prisma.session.findUnique({
        where: { id: sessionId },
        select: { proConnectIdToken: true },
      })
    : null;
  if (sessionId) await prisma.session.deleteMany({ where: { id: sessionId } });
  return {
    proConnectIdToken: ended?.proConnectIdToken ?? null,
    setCookie: await sessionStorage.destroySession(cookieSession),
  };
}

/** Ends the session on the server and in the browser, then goes to `to` (a checked path). */
export async function logout(request: Request, to = "/") {
  const { setCookie } = await endSession(request);
  return redirect(to, { headers: { "Set-Cookie": setCookie } });
}

/** Sets a new password, ends every other session of the user and logs it. */
export async function setPassword(userId: string, password: string) {
  const passwordHash = await hashPassword(password);
  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { passwordHash } });
    await tx.session.deleteMany({ where: { userId } });
    await audit(tx, {
      actorId: userId,
      action: "PASSWORD_SET",
      entityType: "User",
      entityId: userId,
    });
  });
}
