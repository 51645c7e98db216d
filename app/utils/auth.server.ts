import { redirect } from "@remix-run/node";
import { Authenticator } from "remix-auth";
import { FormStrategy } from "remix-auth-form";
import { prisma } from "./db.server";
import { hashPassword, verifyPassword } from "./password.server";
import { SESSION_ID_KEY, getSession, sessionStorage } from "./session.server";
import { audit } from "./audit.server";
import { loginSchema } from "./validation";

export const CLIENT_IP_HEADER = "X-Engages-Client-Ip";

export const SESSION_DURATION_MS = 30 * 24 * 60 * 60 * 1000;

/** Sign-in throttling: after this many failures in the window, the address (or IP) must wait. */
export const MAX_FAILED_LOGINS_PER_EMAIL = 5;
export const MAX_FAILED_LOGINS_PER_IP = 30;
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;

/** An expected sign-in refusal, with a message for the person. */
export class LoginError extends Error {
  constructor(
    message: string,
    readonly field?: "email" | "password",
  ) {
    super(message);
  }
}

export function clientIp(request: Request) {
  return request.headers.get(CLIENT_IP_HEADER) || "unknown";
}

async function assertNotThrottled(email: string, ip: string) {
  const since = new Date(Date.now() - LOGIN_WINDOW_MS);
  const [byEmail, byIp] = await Promise.all([
    prisma.loginAttempt.count({ where: { email, success: false, createdAt: { gte: since } } }),
    prisma.loginAttempt.count({ where: { ip, success: false, createdAt: { gte: since } } }),
  ]);
  if (byEmail >= MAX_FAILED_LOGINS_PER_EMAIL || byIp >= MAX_FAILED_LOGINS_PER_IP) {
    throw new LoginError(
      "Trop de tentatives de connexion ont échoué. Par sécurité, réessayez dans 15 minutes ou réinitialisez votre mot de passe.",
    );
  }
}

/** Checks an e-mail and password; records the attempt. Throws LoginError when refused. */
export async function verifyLogin(emailInput: string, password: string, ip: string) {
  const email = emailInput.trim().toLowerCase();
  await assertNotThrottled(email, ip);
  const user = await prisma.user.findUnique({
    where: { email },
    select: { id: true, passwordHash: true },
  });
  const ok = user?.passwordHash ? await verifyPassword(user.passwordHash, password) : false;
  await prisma.loginAttempt.create({ data: { email, ip, success: ok } });
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
    return verifyLogin(parsed.data.email, parsed.data.password, clientIp(request));
  }),
  "form",
);

/** Starts a new server-side session (the previous one, if any, is ended: rotation). */
export async function createUserSession(request: Request, userId: string, redirectTo: string) {
  const cookieSession = await getSession(request);
  const previous = cookieSession.get(SESSION_ID_KEY) as string | undefined;
  const session = await prisma.$transaction(async (tx) => {
    if (previous) await tx.session.deleteMany({ where: { id: previous } });
    await tx.user.update({ where: { id: userId }, data: { lastLoginAt: new Date() } });
    return tx.session.create({
      data: { userId, expiresAt: new Date(Date.now() + SESSION_DURATION_MS) },
      select: { id: true, expiresAt: true },
    });
  });
  const fresh = await sessionStorage.getSession();
  fresh.set(SESSION_ID_KEY, session.id);
  return redirect(redirectTo, {
    headers: {
      "Set-Cookie": await sessionStorage.commitSession(fresh, { expires: session.expiresAt }),
    },
  });
}

/** The signed-in user's id, or null (expired or unknown sessions count as signed out). */
export async function getUserId(request: Request) {
  const cookieSession = await getSession(request);
  const sessionId = cookieSession.get(SESSION_ID_KEY) as string | undefined;
  if (!sessionId) return null;
  const session = await prisma.session.findUnique({
    where: { id: sessionId },
    select: { userId: true, expiresAt: true },
  });
  if (!session || session.expiresAt < new Date()) return null;
  return session.userId;
}

export async function requireUserId(request: Request) {
  const userId = await getUserId(request);
  if (!userId) {
    const url = new URL(request.url);
    const redirectTo = url.pathname + url.search;
    throw redirect(`/login?${new URLSearchParams({ redirectTo })}`);
  }
  return userId;
}

export async function requireAnonymous(request: Request) {
  if (await getUserId(request)) throw redirect("/espace");
}

/** Ends the session on the server and in the browser. */
export async function logout(request: Request) {
  const cookieSession = await getSession(request);
  const sessionId = cookieSession.get(SESSION_ID_KEY) as string | undefined;
  if (sessionId) await prisma.session.deleteMany({ where: { id: sessionId } });
  return redirect("/", {
    headers: { "Set-Cookie": await sessionStorage.destroySession(cookieSession) },
  });
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

/** A safe redirect target: only paths of this site. */
export function safeRedirect(
  to: FormDataEntryValue | string | null | undefined,
  fallback = "/espace",
) {
  if (!to || typeof to !== "string") return fallback;
  if (!to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) return fallback;
  return to;
}
