// Sign-in, throttling, sessions and redirects (auth.server.ts) on a real database.
import { beforeAll, describe, expect, test } from "vitest";
import { createUser } from "../prisma/factories";
import {
  LOGIN_WINDOW_MS,
  LoginError,
  createUserSession,
  getUserId,
  logout,
  safeRedirect,
  setPassword,
  verifyLogin,
} from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { hashPassword } from "~/utils/password.server";
import { SESSION_ID_KEY, sessionStorage } from "~/utils/session.server";
import { appRequest, cookieFrom, thrown } from "./utils/session";

const PASSWORD = "un-mot-de-passe-tres-solide";
const WRONG = "pas-le-bon-mot-de-passe";
const THROTTLE_MESSAGE =
  "Trop de tentatives de connexion ont échoué. Par sécurité, réessayez dans 15 minutes ou réinitialisez votre mot de passe.";

let passwordHash: string;
beforeAll(async () => {
  passwordHash = await hashPassword(PASSWORD); // one argon2 hash, reused by every user
});

let counter = 0;
async function newUser() {
  counter++;
  return createUser(prisma, { email: `personne-${counter}@exemple.test`, passwordHash });
}

async function sessionIdOf(cookie: string) {
  const session = await sessionStorage.getSession(cookie);
  return session.get(SESSION_ID_KEY) as string;
}

describe("mots de passe", () => {
  test("sont hachés avec argon2id", async () => {
    const user = await createUser(prisma, { email: "hachage@exemple.test", password: PASSWORD });
    const stored = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
    expect(stored.passwordHash).not.toContain(PASSWORD);
    expect(passwordHash).toMatch(/^\$argon2id\$/);
  });
});

describe("verifyLogin", () => {
  test("accepte le bon mot de passe (adresse sans casse ni espaces) et trace la tentative", async () => {
    const user = await newUser();
    const id = await verifyLogin(`  ${user.email.toUpperCase()} `, PASSWORD, "10.0.0.1");
    expect(id).toBe(user.id);
    const attempts = await prisma.loginAttempt.findMany({ where: { email: user.email } });
    expect(attempts).toEqual([expect.objectContaining({ success: true, ip: "10.0.0.1" })]);
  });

  test("refuse un mauvais mot de passe, et une adresse inconnue, avec le même message", async () => {
    const user = await newUser();
    const wrongPassword = await thrown(() => verifyLogin(user.email, WRONG, "10.0.0.2"));
    expect(wrongPassword).toBeInstanceOf(LoginError);
    expect((wrongPassword as Error).message).toBe("Adresse e-mail ou mot de passe incorrect.");

    const unknown = await thrown(() => verifyLogin("inconnu@exemple.test", PASSWORD, "10.0.0.2"));
    expect(unknown).toBeInstanceOf(LoginError);
    expect((unknown as Error).message).toBe("Adresse e-mail ou mot de passe incorrect.");

    expect(await prisma.loginAttempt.count({ where: { ip: "10.0.0.2", success: false } })).toBe(2);
  });

  test("refuse un compte sans mot de passe (invitation pas encore acceptée)", async () => {
    const user = await createUser(prisma, { email: "sans-mdp@exemple.test", passwordHash: null });
    await expect(verifyLogin(user.email, PASSWORD, "10.0.0.3")).rejects.toThrow(
      "Adresse e-mail ou mot de passe incorrect.",
    );
  });

  test("après 5 échecs pour une adresse, même le bon mot de passe est refusé", async () => {
    const user = await newUser();
    for (let i = 1; i <= 5; i++) {
      // A different IP each time: the limit is per address, not only per IP.
      await expect(verifyLogin(user.email, WRONG, `10.1.0.${i}`)).rejects.toThrow(
        "Adresse e-mail ou mot de passe incorrect.",
      );
    }
    const error = await thrown(() => verifyLogin(user.email, PASSWORD, "10.1.0.99"));
    expect(error).toBeInstanceOf(LoginError);
    expect((error as Error).message).toBe(THROTTLE_MESSAGE);

    // Another person signing in from one of those addresses is not affected.
    const other = await newUser();
    expect(await verifyLogin(other.email, PASSWORD, "10.1.0.1")).toBe(other.id);
  });

  test("les échecs anciens (hors de la fenêtre de 15 minutes) ne comptent plus", async () => {
    const user = await newUser();
    const old = new Date(Date.now() - LOGIN_WINDOW_MS - 60_000);
    await prisma.loginAttempt.createMany({
      data: Array.from({ length: 5 }, () => ({
        email: user.email,
        ip: "10.2.0.1",
        success: false,
        createdAt: old,
      })),
    });
    expect(await verifyLogin(user.email, PASSWORD, "10.2.0.1")).toBe(user.id);
  });
});

describe("sessions", () => {
  test("createUserSession crée une session côté serveur et redirige", async () => {
    const user = await newUser();
    const response = await createUserSession(appRequest("/login"), user.id, "/espace");
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/espace");
    const setCookie = response.headers.get("Set-Cookie")!;
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);

    const cookie = cookieFrom(response);
    const sessionId = await sessionIdOf(cookie);
    const row = await prisma.session.findUniqueOrThrow({ where: { id: sessionId } });
    expect(row.userId).toBe(user.id);
    expect(row.expiresAt.getTime()).toBeGreaterThan(Date.now() + 29 * 24 * 3600_000);
    expect(await getUserId(appRequest("/espace", { cookie }))).toBe(user.id);
    expect(
      (await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).lastLoginAt,
    ).toBeInstanceOf(Date);
  });

  test("une nouvelle connexion remplace la session précédente (rotation)", async () => {
    const user = await newUser();
    const first = cookieFrom(await createUserSession(appRequest("/login"), user.id, "/espace"));
    const firstId = await sessionIdOf(first);

    const second = cookieFrom(
      await createUserSession(appRequest("/login", { cookie: first }), user.id, "/espace"),
    );
    const secondId = await sessionIdOf(second);

    expect(secondId).not.toBe(firstId);
    expect(await prisma.session.findUnique({ where: { id: firstId } })).toBeNull();
    expect(await prisma.session.findUnique({ where: { id: secondId } })).not.toBeNull();
    expect(await getUserId(appRequest("/espace", { cookie: first }))).toBeNull();
    expect(await getUserId(appRequest("/espace", { cookie: second }))).toBe(user.id);
  });

  test("logout supprime la session côté serveur et efface le cookie", async () => {
    const user = await newUser();
    const cookie = cookieFrom(await createUserSession(appRequest("/login"), user.id, "/espace"));
    const sessionId = await sessionIdOf(cookie);

    const response = await logout(appRequest("/logout", { method: "POST", cookie }));
    expect(response.status).toBe(302);
    expect(response.headers.get("Set-Cookie")).toMatch(/Expires=Thu, 01 Jan 1970|Max-Age=0/i);
    expect(await prisma.session.findUnique({ where: { id: sessionId } })).toBeNull();
    // The old cookie, replayed, no longer signs anyone in.
    expect(await getUserId(appRequest("/espace", { cookie }))).toBeNull();
  });

  test("un cookie falsifié ne connecte personne", async () => {
    const user = await newUser();
    const cookie = cookieFrom(await createUserSession(appRequest("/login"), user.id, "/espace"));
    const [name, value] = cookie.split("=");
    const tampered = `${name}=${value.slice(0, -4)}AAAA`;
    expect(await getUserId(appRequest("/espace", { cookie: tampered }))).toBeNull();
  });

  test("setPassword change le mot de passe (argon2id) et ferme toutes les sessions", async () => {
    const user = await newUser();
    const cookie = cookieFrom(await createUserSession(appRequest("/login"), user.id, "/espace"));
    await setPassword(user.id, "un-tout-nouveau-mot-de-passe");
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0);
    expect(await getUserId(appRequest("/espace", { cookie }))).toBeNull();
    const stored = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyLogin(user.email, "un-tout-nouveau-mot-de-passe", "10.3.0.1")).toBe(user.id);
    await expect(verifyLogin(user.email, PASSWORD, "10.3.0.1")).rejects.toThrow(LoginError);
    expect(
      await prisma.auditLog.count({ where: { entityId: user.id, action: "PASSWORD_SET" } }),
    ).toBe(1);
  });
});

describe("safeRedirect", () => {
  test("garde les chemins du site", () => {
    expect(safeRedirect("/entreprise/abc?onglet=equipe")).toBe("/entreprise/abc?onglet=equipe");
    expect(safeRedirect("/")).toBe("/");
  });

  test("refuse les adresses d'un autre site", () => {
    expect(safeRedirect("//evil.com")).toBe("/espace");
    expect(safeRedirect("https://evil.com")).toBe("/espace");
    expect(safeRedirect("/\\evil.com")).toBe("/espace");
    expect(safeRedirect("javascript:alert(1)")).toBe("/espace");
    expect(safeRedirect("evil.com/login")).toBe("/espace");
  });

  test("rend la valeur par défaut sans cible", () => {
    expect(safeRedirect(null)).toBe("/espace");
    expect(safeRedirect(undefined, "/")).toBe("/");
    expect(safeRedirect("", "/tableau")).toBe("/tableau");
  });
});
