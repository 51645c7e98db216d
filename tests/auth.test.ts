// Sign-in, throttling, sessions and redirects (auth.server.ts) on a real database.
import { beforeAll, describe, expect, test } from "vitest";
import { grantRole, insertClub, insertCompany, insertUser } from "../prisma/factories";
import {
  ACCOUNT_UNDER_ATTACK,
  LOGIN_WINDOW_MS,
  LoginError,
  MAX_FAILED_LOGINS_PER_DEVICE,
  MAX_FAILED_LOGINS_PER_EMAIL,
  MAX_FAILED_LOGINS_PER_EMAIL_AND_IP,
  TOO_MANY_FAILED_LOGINS,
  createUserSession,
  getUserId,
  logout,
  setPassword,
  verifyLogin,
} from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { loadCurrentUser } from "~/utils/permissions.server";
import { runWithRequestMemo } from "~/utils/request-memo.server";
import { hashPassword, passwordVerifications } from "~/utils/password.server";
import { SESSION_ID_KEY, sessionStorage } from "~/utils/session.server";
import { appRequest, cookieFrom, thrown } from "./utils/session";

const PASSWORD = "un-mot-de-passe-tres-solide";
const WRONG = "pas-le-bon-mot-de-passe";

let passwordHash: string;
beforeAll(async () => {
  passwordHash = await hashPassword(PASSWORD); // one argon2 hash, reused by every user
});

let counter = 0;
async function newUser() {
  counter++;
  return insertUser(prisma, { email: `personne-${counter}@exemple.test`, passwordHash });
}

async function sessionIdOf(cookie: string) {
  const session = await sessionStorage.getSession(cookie);
  return session.get(SESSION_ID_KEY) as string;
}

describe("mots de passe", () => {
  test("sont hachés avec argon2id", async () => {
    const user = await insertUser(prisma, { email: "hachage@exemple.test", password: PASSWORD });
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
    const user = await insertUser(prisma, { email: "sans-mdp@exemple.test", passwordHash: null });
    await expect(verifyLogin(user.email, PASSWORD, "10.0.0.3")).rejects.toThrow(
      "Adresse e-mail ou mot de passe incorrect.",
    );
  });

  test("5 échecs depuis une IP bloquent cette IP pour l'adresse, pas le propriétaire ailleurs", async () => {
    const user = await newUser();
    for (let i = 0; i < MAX_FAILED_LOGINS_PER_EMAIL_AND_IP; i++) {
      await expect(verifyLogin(user.email, WRONG, "10.1.0.1")).rejects.toThrow(
        "Adresse e-mail ou mot de passe incorrect.",
      );
    }
    // The attacker's IP is held, even with the right password…
    const error = await thrown(() => verifyLogin(user.email, PASSWORD, "10.1.0.1"));
    expect(error).toBeInstanceOf(LoginError);
    expect((error as LoginError).message).toBe(TOO_MANY_FAILED_LOGINS);
    expect((error as LoginError).status).toBe(429);
    // …but the owner, from another network, signs in.
    expect(await verifyLogin(user.email, PASSWORD, "10.1.0.2")).toBe(user.id);
    // Another person signing in from the attacker's IP is not affected either.
    const other = await newUser();
    expect(await verifyLogin(other.email, PASSWORD, "10.1.0.1")).toBe(other.id);
  });

  test("une attaque répartie sur beaucoup d'IP bloque les nouveaux appareils, pas un appareil connu", async () => {
    const user = await newUser();
    const device = { id: "appareil-du-proprietaire", users: [user.id] };
    await prisma.loginAttempt.createMany({
      data: Array.from({ length: MAX_FAILED_LOGINS_PER_EMAIL }, (_, i) => ({
        email: user.email,
        ip: `10.4.${Math.floor(i / 250)}.${i % 250}`,
        success: false,
      })),
    });
    const error = await thrown(() => verifyLogin(user.email, PASSWORD, "10.4.9.9"));
    expect((error as LoginError).message).toBe(ACCOUNT_UNDER_ATTACK);
    expect((error as LoginError).status).toBe(429);
    expect(await verifyLogin(user.email, PASSWORD, "10.4.9.9", device)).toBe(user.id);
    // A device cookie of another account gives nothing.
    const stranger = { id: "appareil-d-un-autre", users: ["un-autre-compte"] };
    await expect(verifyLogin(user.email, PASSWORD, "10.4.9.9", stranger)).rejects.toThrow(
      ACCOUNT_UNDER_ATTACK,
    );
  });

  test("un appareil connu est tenu par ses propres échecs", async () => {
    const user = await newUser();
    const device = { id: "appareil-partage", users: [user.id] };
    for (let i = 0; i < MAX_FAILED_LOGINS_PER_DEVICE; i++) {
      await expect(verifyLogin(user.email, WRONG, `10.5.0.${i}`, device)).rejects.toThrow(
        "Adresse e-mail ou mot de passe incorrect.",
      );
    }
    await expect(verifyLogin(user.email, PASSWORD, "10.5.1.1", device)).rejects.toThrow(
      TOO_MANY_FAILED_LOGINS,
    );
    // Those failures were the device's: the owner elsewhere is not held.
    expect(await verifyLogin(user.email, PASSWORD, "10.5.1.1")).toBe(user.id);
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

describe("découverte des comptes par le temps de réponse", () => {
  // The timing itself is not measured (too noisy to test); the work that sets it is: the same
  // argon2 verification for every address.
  test("une adresse inconnue, ou un compte sans mot de passe, passe par argon2 comme un vrai compte", async () => {
    const user = await newUser();
    const pending = await insertUser(prisma, { email: "invite@exemple.test", passwordHash: null });
    for (const email of [user.email, "personne@inconnu.test", pending.email]) {
      const before = passwordVerifications();
      await expect(verifyLogin(email, WRONG, "10.6.0.1")).rejects.toThrow(
        "Adresse e-mail ou mot de passe incorrect.",
      );
      expect(passwordVerifications() - before).toBe(1);
    }
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

  test("une session expirée ne connecte plus personne, une session valide jusqu'à sa fin", async () => {
    const user = await newUser();
    const cookie = cookieFrom(await createUserSession(appRequest("/login"), user.id, "/espace"));
    const id = await sessionIdOf(cookie);
    await prisma.session.update({
      where: { id },
      data: { expiresAt: new Date(Date.now() + 60_000) },
    });
    expect(await getUserId(appRequest("/espace", { cookie }))).toBe(user.id);
    await prisma.session.update({
      where: { id },
      data: { expiresAt: new Date(Date.now() - 1_000) },
    });
    expect(await getUserId(appRequest("/espace", { cookie }))).toBeNull();
  });

  test("la session donne la personne et ses rôles, dans l'ordre où ils ont été donnés, avec le nom de leur périmètre", async () => {
    const user = await newUser();
    const club = await insertClub(prisma, { name: "Club des Deux Caps", departementCode: "62" });
    const company = await insertCompany(prisma, { name: "Boulangerie Lefebvre" });
    await grantRole(prisma, user.id, { role: "ANIMATOR", clubId: club.id });
    await grantRole(prisma, user.id, { role: "COMPANY", companyId: company.id });
    await grantRole(prisma, user.id, { role: "PREFECTURE", departementCode: "62" });
    const cookie = cookieFrom(await createUserSession(appRequest("/login"), user.id, "/espace"));
    const signedIn = await runWithRequestMemo(async () => {
      const id = await getUserId(appRequest("/espace", { cookie }));
      return loadCurrentUser(id!);
    });
    expect(signedIn).toMatchObject({ id: user.id, email: user.email, name: user.name });
    expect(signedIn!.roles.map((r) => [r.role, r.scopeName])).toEqual([
      ["ANIMATOR", "Club des Deux Caps"],
      ["COMPANY", "Boulangerie Lefebvre"],
      ["PREFECTURE", "Pas-de-Calais (62)"],
    ]);
    const roleless = await newUser();
    expect(await loadCurrentUser(roleless.id)).toMatchObject({ id: roleless.id, roles: [] });
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
