// Authorisation decided in one place (permissions.server.ts): each role, each scope, on a real
// database with two clubs in Pas-de-Calais (62) and one in Nord (59).
import { beforeAll, describe, expect, test } from "vitest";
import {
  addMembership,
  insertClub,
  insertCompany,
  insertUser,
  grantRole,
} from "../prisma/factories";
import { prisma } from "~/utils/db.server";
import {
  can,
  canInvite,
  loadCurrentUser,
  requirePermission,
  type CurrentUser,
  type Permission,
} from "~/utils/permissions.server";
import { appRequest, sessionCookieFor, thrown } from "./utils/session";

type World = Awaited<ReturnType<typeof buildWorld>>;
let w: World;

async function buildWorld() {
  const clubX = await insertClub(prisma, { name: "Club Arras", departementCode: "62" });
  const clubY = await insertClub(prisma, { name: "Club Boulogne", departementCode: "62" });
  const clubZ = await insertClub(prisma, { name: "Club Lille", departementCode: "59" });

  const companyA = await insertCompany(prisma, { name: "Entreprise A", communeCode: "62041" });
  const companyB = await insertCompany(prisma, { name: "Entreprise B", communeCode: "62160" });
  const companyC = await insertCompany(prisma, {
    name: "Entreprise C (Nord)",
    communeCode: "59350",
  });
  const prospectP = await insertCompany(prisma, { name: "Prospect P", communeCode: "62041" });
  const outsider = await insertCompany(prisma, { name: "Hors club", communeCode: "62041" });
  await addMembership(prisma, { companyId: companyA.id, clubId: clubX.id });
  await addMembership(prisma, { companyId: companyB.id, clubId: clubY.id });
  await addMembership(prisma, { companyId: companyC.id, clubId: clubZ.id });
  await addMembership(prisma, { companyId: prospectP.id, clubId: clubX.id, status: "PROSPECT" });

  const person = async (name: string, ...scopes: Parameters<typeof grantRole>[2][]) => {
    const user = await insertUser(prisma, { name });
    for (const scope of scopes) await grantRole(prisma, user.id, scope);
    const current = await loadCurrentUser(user.id);
    if (!current) throw new Error("utilisateur introuvable");
    return current;
  };

  return {
    clubX,
    clubY,
    clubZ,
    companyA,
    companyB,
    companyC,
    prospectP,
    outsider,
    leaderA: await person("Dirigeante A", { role: "COMPANY", companyId: companyA.id }),
    leaderB: await person("Dirigeant B", { role: "COMPANY", companyId: companyB.id }),
    animatorX: await person("Animateur X", { role: "ANIMATOR", clubId: clubX.id }),
    prefecture62: await person("Préfecture 62", { role: "PREFECTURE", departementCode: "62" }),
    admin: await person("Admin national", { role: "ADMIN" }),
    nobody: await person("Sans rôle"),
  };
}

beforeAll(async () => {
  w = await buildWorld();
});

const check = (user: CurrentUser, permission: Permission) => can(user, permission);

describe("loadCurrentUser", () => {
  test("rend les rôles avec leur périmètre et un nom lisible", () => {
    expect(w.leaderA.roles).toEqual([
      expect.objectContaining({
        role: "COMPANY",
        companyId: w.companyA.id,
        scopeName: "Entreprise A",
      }),
    ]);
    expect(w.prefecture62.roles[0]).toMatchObject({
      role: "PREFECTURE",
      departementCode: "62",
      scopeName: "Pas-de-Calais (62)",
    });
    expect(w.admin.roles[0]).toMatchObject({ role: "ADMIN", scopeName: "National" });
  });
});

describe("membre d'une entreprise (COMPANY)", () => {
  test("lit et modifie son entreprise A, jamais l'entreprise B", async () => {
    expect(await check(w.leaderA, { action: "company:read", companyId: w.companyA.id })).toBe(true);
    expect(await check(w.leaderA, { action: "company:write", companyId: w.companyA.id })).toBe(
      true,
    );
    expect(await check(w.leaderA, { action: "company:read", companyId: w.companyB.id })).toBe(
      false,
    );
    expect(await check(w.leaderA, { action: "company:write", companyId: w.companyB.id })).toBe(
      false,
    );
    expect(await check(w.leaderB, { action: "company:read", companyId: w.companyA.id })).toBe(
      false,
    );
  });

  test("voit son club, pas les autres ; n'anime rien ; pas de chiffres de département", async () => {
    expect(await check(w.leaderA, { action: "club:read", clubId: w.clubX.id })).toBe(true);
    expect(await check(w.leaderA, { action: "club:read", clubId: w.clubY.id })).toBe(false);
    expect(await check(w.leaderA, { action: "club:manage", clubId: w.clubX.id })).toBe(false);
    expect(await check(w.leaderA, { action: "departement:read", departementCode: "62" })).toBe(
      false,
    );
    expect(await check(w.leaderA, { action: "admin" })).toBe(false);
  });
});

describe("animateur de club (ANIMATOR)", () => {
  test("anime son club X, pas le club Y", async () => {
    expect(await check(w.animatorX, { action: "club:manage", clubId: w.clubX.id })).toBe(true);
    expect(await check(w.animatorX, { action: "club:read", clubId: w.clubX.id })).toBe(true);
    expect(await check(w.animatorX, { action: "club:manage", clubId: w.clubY.id })).toBe(false);
    expect(await check(w.animatorX, { action: "club:read", clubId: w.clubY.id })).toBe(false);
    expect(await check(w.animatorX, { action: "club:manage", clubId: w.clubZ.id })).toBe(false);
  });

  test("lit les déclarations des membres de son club, pas celles de ses prospects ni des autres (décision 013)", async () => {
    expect(await check(w.animatorX, { action: "company:read", companyId: w.companyA.id })).toBe(
      true,
    );
    expect(await check(w.animatorX, { action: "company:read", companyId: w.prospectP.id })).toBe(
      false,
    );
    expect(await check(w.animatorX, { action: "company:read", companyId: w.companyB.id })).toBe(
      false,
    );
    expect(await check(w.animatorX, { action: "company:read", companyId: w.companyC.id })).toBe(
      false,
    );
    expect(await check(w.animatorX, { action: "company:read", companyId: w.outsider.id })).toBe(
      false,
    );
  });

  test("ne modifie jamais les données d'une entreprise, même de son club", async () => {
    for (const company of [w.companyA, w.prospectP, w.companyB]) {
      expect(await check(w.animatorX, { action: "company:write", companyId: company.id })).toBe(
        false,
      );
    }
  });

  test("n'a ni les chiffres du département ni l'administration", async () => {
    expect(await check(w.animatorX, { action: "departement:read", departementCode: "62" })).toBe(
      false,
    );
    expect(await check(w.animatorX, { action: "admin" })).toBe(false);
  });
});

describe("préfecture (PREFECTURE 62)", () => {
  test("lit les chiffres du 62, pas ceux du 59", async () => {
    expect(await check(w.prefecture62, { action: "departement:read", departementCode: "62" })).toBe(
      true,
    );
    expect(await check(w.prefecture62, { action: "departement:read", departementCode: "59" })).toBe(
      false,
    );
  });

  test("descend dans les clubs du 62, pas dans ceux du 59, sans les animer", async () => {
    expect(await check(w.prefecture62, { action: "club:read", clubId: w.clubX.id })).toBe(true);
    expect(await check(w.prefecture62, { action: "club:read", clubId: w.clubY.id })).toBe(true);
    expect(await check(w.prefecture62, { action: "club:read", clubId: w.clubZ.id })).toBe(false);
    expect(await check(w.prefecture62, { action: "club:manage", clubId: w.clubX.id })).toBe(false);
  });

  test("lit les déclarations d'un membre d'un club du 62, sans pouvoir les modifier", async () => {
    expect(await check(w.prefecture62, { action: "company:read", companyId: w.companyA.id })).toBe(
      true,
    );
    expect(await check(w.prefecture62, { action: "company:read", companyId: w.companyB.id })).toBe(
      true,
    );
    expect(await check(w.prefecture62, { action: "company:write", companyId: w.companyA.id })).toBe(
      false,
    );
    expect(await check(w.prefecture62, { action: "company:read", companyId: w.companyC.id })).toBe(
      false,
    );
    expect(await check(w.prefecture62, { action: "company:read", companyId: w.outsider.id })).toBe(
      false,
    );
    expect(await check(w.prefecture62, { action: "admin" })).toBe(false);
  });
});

describe("administration nationale (ADMIN)", () => {
  test("a l'administration et les chiffres de tous les départements", async () => {
    expect(await check(w.admin, { action: "admin" })).toBe(true);
    expect(await check(w.admin, { action: "departement:read", departementCode: "62" })).toBe(true);
    expect(await check(w.admin, { action: "departement:read", departementCode: "59" })).toBe(true);
    expect(await check(w.admin, { action: "club:manage", clubId: w.clubZ.id })).toBe(true);
    expect(await check(w.admin, { action: "company:read", companyId: w.companyC.id })).toBe(true);
  });

  test("ne modifie pas les déclarations d'une entreprise", async () => {
    expect(await check(w.admin, { action: "company:write", companyId: w.companyA.id })).toBe(false);
  });
});

test("un compte sans rôle n'a accès à rien", async () => {
  const permissions: Permission[] = [
    { action: "admin" },
    { action: "company:read", companyId: w.companyA.id },
    { action: "company:write", companyId: w.companyA.id },
    { action: "club:read", clubId: w.clubX.id },
    { action: "club:manage", clubId: w.clubX.id },
    { action: "departement:read", departementCode: "62" },
  ];
  for (const permission of permissions) expect(await check(w.nobody, permission)).toBe(false);
});

describe("canInvite", () => {
  test("l'administration invite des animateurs et la préfecture", async () => {
    expect(await canInvite(w.admin, { role: "ANIMATOR", clubId: w.clubX.id })).toBe(true);
    expect(await canInvite(w.admin, { role: "PREFECTURE", departementCode: "59" })).toBe(true);
    expect(await canInvite(w.admin, { role: "ADMIN" })).toBe(true);
  });

  test("un animateur invite la première personne d'une entreprise que son club a inscrite, seulement", async () => {
    // A has its own people: they invite their colleagues, not the club.
    expect(
      await canInvite(w.animatorX, {
        role: "COMPANY",
        companyId: w.companyA.id,
        clubId: w.clubX.id,
      }),
    ).toBe(false);
    expect(
      await canInvite(w.animatorX, {
        role: "COMPANY",
        companyId: w.prospectP.id,
        clubId: w.clubX.id,
      }),
    ).toBe(true);
    // B is in club Y: neither by naming Y (not animated) nor by naming X (B is not in X).
    expect(
      await canInvite(w.animatorX, {
        role: "COMPANY",
        companyId: w.companyB.id,
        clubId: w.clubY.id,
      }),
    ).toBe(false);
    expect(
      await canInvite(w.animatorX, {
        role: "COMPANY",
        companyId: w.companyB.id,
        clubId: w.clubX.id,
      }),
    ).toBe(false);
    expect(await canInvite(w.animatorX, { role: "COMPANY", companyId: w.companyA.id })).toBe(false);
  });

  test("l'administration donne sa première personne à une entreprise sans équipe, pas aux autres", async () => {
    expect(await canInvite(w.admin, { role: "COMPANY", companyId: w.prospectP.id })).toBe(true);
    expect(await canInvite(w.admin, { role: "COMPANY", companyId: w.companyA.id })).toBe(false);
  });

  test("un animateur n'invite ni animateur, ni préfecture, ni administrateur", async () => {
    expect(await canInvite(w.animatorX, { role: "ANIMATOR", clubId: w.clubX.id })).toBe(false);
    expect(await canInvite(w.animatorX, { role: "PREFECTURE", departementCode: "62" })).toBe(false);
    expect(await canInvite(w.animatorX, { role: "ADMIN" })).toBe(false);
  });

  test("un membre invite un collègue de son entreprise, pas d'une autre", async () => {
    expect(await canInvite(w.leaderA, { role: "COMPANY", companyId: w.companyA.id })).toBe(true);
    expect(await canInvite(w.leaderA, { role: "COMPANY", companyId: w.companyB.id })).toBe(false);
    expect(
      await canInvite(w.leaderA, { role: "COMPANY", companyId: w.companyB.id, clubId: w.clubY.id }),
    ).toBe(false);
    expect(await canInvite(w.leaderA, { role: "COMPANY", companyId: null })).toBe(false);
  });

  test("un membre d'entreprise n'invite pas d'animateur (ni préfecture)", async () => {
    expect(await canInvite(w.leaderA, { role: "ANIMATOR", clubId: w.clubX.id })).toBe(false);
    expect(await canInvite(w.leaderA, { role: "PREFECTURE", departementCode: "62" })).toBe(false);
  });

  test("la préfecture n'invite personne", async () => {
    expect(
      await canInvite(w.prefecture62, {
        role: "COMPANY",
        companyId: w.companyA.id,
        clubId: w.clubX.id,
      }),
    ).toBe(false);
    expect(await canInvite(w.prefecture62, { role: "PREFECTURE", departementCode: "62" })).toBe(
      false,
    );
  });
});

describe("requirePermission", () => {
  test("rend l'utilisateur connecté qui a la permission", async () => {
    const cookie = await sessionCookieFor(w.leaderA.id);
    const user = await requirePermission(appRequest(`/entreprise/${w.companyA.id}`, { cookie }), {
      action: "company:write",
      companyId: w.companyA.id,
    });
    expect(user.id).toBe(w.leaderA.id);
  });

  test("répond 403 à un utilisateur connecté qui n'a pas la permission", async () => {
    const cookie = await sessionCookieFor(w.leaderA.id);
    const error = await thrown(() =>
      requirePermission(appRequest(`/entreprise/${w.companyB.id}`, { cookie }), {
        action: "company:read",
        companyId: w.companyB.id,
      }),
    );
    expect(error).toBeInstanceOf(Response);
    expect((error as Response).status).toBe(403);
  });

  test("répond 403 à un animateur sur un autre club", async () => {
    const cookie = await sessionCookieFor(w.animatorX.id);
    const error = (await thrown(() =>
      requirePermission(appRequest(`/club/${w.clubY.id}`, { cookie }), {
        action: "club:manage",
        clubId: w.clubY.id,
      }),
    )) as Response;
    expect(error.status).toBe(403);
  });

  test("renvoie vers la connexion, avec le retour prévu, quand personne n'est connecté", async () => {
    const error = await thrown(() =>
      requirePermission(appRequest(`/entreprise/${w.companyA.id}?onglet=equipe`), {
        action: "company:read",
        companyId: w.companyA.id,
      }),
    );
    expect(error).toBeInstanceOf(Response);
    const response = error as Response;
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get("Location")!, "http://localhost");
    expect(location.pathname).toBe("/login");
    expect(location.searchParams.get("redirectTo")).toBe(
      `/entreprise/${w.companyA.id}?onglet=equipe`,
    );
  });

  test("une session expirée compte comme une déconnexion", async () => {
    const cookie = await sessionCookieFor(w.admin.id);
    await prisma.session.updateMany({
      where: { userId: w.admin.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const error = (await thrown(() =>
      requirePermission(appRequest("/admin", { cookie }), { action: "admin" }),
    )) as Response;
    expect(error.status).toBe(302);
    expect(error.headers.get("Location")).toMatch(/^\/login\?redirectTo=/);
  });
});
