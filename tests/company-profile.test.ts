// Company profile, head office links and team rules (company-profile.server.ts and the profile
// and team routes), plus the annual report figures and the XLSX export
// (company-report.server.ts), on a real SQLite database.
import { parseWithZod } from "@conform-to/zod/v4";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, test } from "vitest";
import {
  addMembership,
  insertClub,
  insertCommitment,
  insertCompany,
  insertRealisation,
  insertUser,
  grantRole,
} from "../prisma/factories";
import { withLuhnCheckDigit } from "~/utils/siret";
import {
  CompanyProfileError,
  changeCompanySiret,
  companyProfileSchema,
  updateCompanyProfile,
  type CompanyProfileInput,
} from "~/models/company-profile.server";
import { linkHeadOffice, unlinkHeadOffice } from "~/models/company-head-office.server";
import { searchCommunes } from "~/models/communes.server";
import {
  leaveCompany,
  removeTeamMember,
  revokeCompanyInvitation,
} from "~/models/company-team.server";
import { getAnnualReport } from "~/models/company-report.server";
import { buildCompanyExport } from "~/models/company-export.server";
import { action as profileAction } from "~/routes/entreprise.$companyId.profil";
import { action as teamAction } from "~/routes/entreprise.$companyId.equipe";
import { prisma } from "~/utils/db.server";
import { appRequest, sessionCookieFor } from "./utils/session";

/** A valid SIRET: a SIREN (Luhn) followed by a NIC, the whole Luhn-valid. */
const siretOf = (siren: string, nic: string) => withLuhnCheckDigit(siren + nic);
const SIREN_A = withLuhnCheckDigit("41234567");
const SIREN_B = withLuhnCheckDigit("52345678");

let clubId: string;
beforeAll(async () => {
  const club = await insertClub(prisma, { name: "Club d'Arras", departementCode: "62" });
  clubId = club.id;
});

async function companyWithLeader(overrides: Parameters<typeof insertCompany>[1] = {}) {
  const company = await insertCompany(prisma, { communeCode: "62041", ...overrides });
  await addMembership(prisma, { companyId: company.id, clubId });
  const leader = await insertUser(prisma, { name: "Dirigeante" });
  const role = await grantRole(prisma, leader.id, { role: "COMPANY", companyId: company.id });
  return { company, leader, role };
}

function profileInput(fields: Record<string, string>) {
  const formData = new FormData();
  for (const [key, value] of Object.entries(fields)) formData.append(key, value);
  const submission = parseWithZod(formData, { schema: companyProfileSchema });
  return {
    status: submission.status,
    value: submission.status === "success" ? submission.value : null,
    error: submission.status === "success" ? null : submission.error,
  };
}

const auditCount = (companyId: string) => prisma.auditLog.count({ where: { companyId } });

async function expectRefusal(promise: Promise<unknown>, message: RegExp, field?: string) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CompanyProfileError);
  expect((error as CompanyProfileError).message).toMatch(message);
  if (field) expect((error as CompanyProfileError).field).toBe(field);
}

/** Posts a form to a route action as a signed-in user; returns the status and the body. */
async function post(
  routeAction: typeof profileAction | typeof teamAction,
  path: string,
  companyId: string,
  userId: string,
  form: Record<string, string>,
) {
  const cookie = await sessionCookieFor(userId);
  const request = appRequest(path, {
    method: "POST",
    cookie,
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(form).toString(),
  });
  let result: unknown;
  try {
    result = await routeAction({ request, params: { companyId }, context: {} });
  } catch (error) {
    result = error;
  }
  if (result instanceof Response) return { status: result.status, body: null as unknown };
  const withInit = result as { data: unknown; init: { status?: number } | null };
  return { status: withInit.init?.status ?? 200, body: withInit.data };
}

describe("validation du profil", () => {
  test("accepte un profil complet et le normalise", () => {
    const siret = siretOf(SIREN_A, "0001");
    const submission = profileInput({
      name: "  Transports Test  ",
      siret: `${siret.slice(0, 3)} ${siret.slice(3, 6)} ${siret.slice(6, 9)} ${siret.slice(9)}`,
      nafCode: "4941a",
      headcountBracket: "12",
      communeCode: "62498",
      website: "www.transports-test.fr",
      publicPage: "on",
    });
    expect(submission.status).toBe("success");
    expect(submission.value).toEqual({
      name: "Transports Test",
      siret,
      nafCode: "49.41A",
      headcountBracket: "12",
      communeCode: "62498",
      website: "https://www.transports-test.fr",
      publicPage: true,
    });
  });

  test("refuse en français un SIRET à la clé fausse, un code NAF inconnu, une URL invalide", () => {
    const valid = siretOf(SIREN_A, "0002");
    const wrongKey = valid.slice(0, 13) + String((Number(valid[13]) + 1) % 10);
    const submission = profileInput({
      name: "X",
      siret: wrongKey,
      nafCode: "99.99Z",
      headcountBracket: "77",
      communeCode: "Lens",
      website: "javascript:alert(1)",
    });
    expect(submission.status).toBe("error");
    const errors = submission.error ?? {};
    expect(errors.name).toEqual(["Le nom doit compter au moins 2 caractères."]);
    expect(errors.siret?.[0]).toMatch(/^Ce numéro SIRET n'est pas valide/);
    expect(errors.nafCode?.[0]).toMatch(/^Ce code NAF n'existe pas/);
    expect(errors.headcountBracket).toEqual(["Choisissez une tranche d'effectif de la liste."]);
    expect(errors.communeCode?.[0]).toMatch(/^Choisissez une commune de la liste/);
    expect(errors.website?.[0]).toMatch(/^Indiquez une adresse de site valide/);
  });

  test("un SIRET de 13 chiffres ou avec des lettres : un seul message clair", () => {
    for (const siret of ["1234567890123", "ABCDEFGHIJKLMN"]) {
      const submission = profileInput({ name: "Entreprise", siret });
      expect(submission.error?.siret).toEqual(["Le SIRET compte exactement 14 chiffres."]);
    }
  });
});

describe("enregistrement du profil", () => {
  test("écrit le profil, déduit le libellé NAF, et journalise avant/après", async () => {
    const { company, leader } = await companyWithLeader({ nafCode: "62.01Z", website: null });
    const input: CompanyProfileInput = {
      name: "Nouveau nom",
      nafCode: "49.41A",
      headcountBracket: "21",
      communeCode: "62498",
      website: "https://www.nouveau.fr",
      publicPage: true,
    };
    const changed = await updateCompanyProfile(leader.id, company.id, input);
    expect(changed).toEqual(expect.arrayContaining(["name", "nafCode", "nafLabel"]));
    const saved = await prisma.company.findUniqueOrThrow({ where: { id: company.id } });
    expect(saved).toMatchObject({
      name: "Nouveau nom",
      siret: company.siret,
      siren: company.siren,
      nafCode: "49.41A",
      nafLabel: "Transports routiers de fret interurbains",
      headcountBracket: "21",
      communeCode: "62498",
      website: "https://www.nouveau.fr",
      publicPage: true,
    });
    const entry = await prisma.auditLog.findFirstOrThrow({
      where: { companyId: company.id, entityType: "Company", action: "UPDATE" },
    });
    expect(entry.actorId).toBe(leader.id);
    expect(entry.clubId).toBe(clubId);
    expect(JSON.parse(entry.before!)).toMatchObject({ name: company.name, nafCode: "62.01Z" });
    expect(JSON.parse(entry.after!)).toMatchObject({ name: "Nouveau nom", nafCode: "49.41A" });
  });

  test("sans changement, rien n'est écrit ni journalisé", async () => {
    const { company, leader } = await companyWithLeader();
    const before = await auditCount(company.id);
    const changed = await updateCompanyProfile(leader.id, company.id, {
      name: company.name,
      siret: company.siret,
      nafCode: company.nafCode ?? undefined,
      headcountBracket: company.headcountBracket ?? undefined,
      communeCode: company.communeCode ?? undefined,
      website: undefined,
      publicPage: company.publicPage,
    });
    expect(changed).toEqual([]);
    expect(await auditCount(company.id)).toBe(before);
  });

  test("l'entreprise ne change pas son SIRET, ni vers un numéro libre ni vers celui d'une autre (décision 013)", async () => {
    const other = await insertCompany(prisma, { siret: siretOf(SIREN_A, "0100") });
    const { company, leader } = await companyWithLeader();
    for (const siret of [other.siret, siretOf(SIREN_A, "0101")]) {
      await expectRefusal(
        updateCompanyProfile(leader.id, company.id, {
          name: "Peu importe",
          siret,
          publicPage: false,
        }),
        /^Le SIRET identifie votre entreprise auprès des clubs : il ne peut pas être modifié ici/,
        "siret",
      );
    }
    const after = await prisma.company.findUniqueOrThrow({ where: { id: company.id } });
    expect(after.name).toBe(company.name);
    expect(after.siret).toBe(company.siret);
    expect(await auditCount(company.id)).toBe(0);
  });

  test("l'administration corrige un SIRET (journalisé), jamais vers un SIRET déjà connu", async () => {
    const admin = await insertUser(prisma, { name: "Admin national" });
    const other = await insertCompany(prisma, { siret: siretOf(SIREN_A, "0200") });
    const { company } = await companyWithLeader();
    await expectRefusal(
      changeCompanySiret(admin.id, company.id, other.siret),
      /^Une autre entreprise inscrite a déjà ce numéro SIRET/,
      "siret",
    );
    expect(await auditCount(company.id)).toBe(0);
    const fixed = siretOf(SIREN_B, "0201");
    await changeCompanySiret(admin.id, company.id, fixed);
    expect(await prisma.company.findUniqueOrThrow({ where: { id: company.id } })).toMatchObject({
      siret: fixed,
      siren: SIREN_B,
    });
    const entry = await prisma.auditLog.findFirstOrThrow({
      where: { companyId: company.id, action: "CHANGE_SIRET" },
    });
    expect(entry.actorId).toBe(admin.id);
    expect(JSON.parse(entry.before!)).toEqual({ siret: company.siret, siren: company.siren });
    expect(JSON.parse(entry.after!)).toEqual({ siret: fixed, siren: SIREN_B });
  });

  test("refuse une commune inconnue", async () => {
    const { company, leader } = await companyWithLeader();
    await expectRefusal(
      updateCompanyProfile(leader.id, company.id, {
        name: company.name,
        siret: company.siret,
        communeCode: "99999",
        publicPage: false,
      }),
      /^Cette commune n'existe pas/,
      "communeCode",
    );
  });

  test("un établissement rattaché ne change pas de SIREN", async () => {
    const siren = withLuhnCheckDigit("61111111");
    const admin = await insertUser(prisma, { name: "Admin national" });
    const headOffice = await insertCompany(prisma, { siret: siretOf(siren, "0001") });
    const { company } = await companyWithLeader({
      siret: siretOf(siren, "0002"),
      headOfficeId: headOffice.id,
    });
    await expectRefusal(
      changeCompanySiret(admin.id, company.id, siretOf(withLuhnCheckDigit("71111111"), "0002")),
      /^Cette entreprise est rattachée à un siège/,
      "siret",
    );
  });

  test("par la route : 400 et messages en français sur une saisie fausse, rien de modifié", async () => {
    const { company, leader } = await companyWithLeader();
    const path = `/entreprise/${company.id}/profil`;
    const response = await post(profileAction, path, company.id, leader.id, {
      intent: "profile",
      name: "Nom modifié",
      siret: "12345678901234",
      website: "pas une adresse",
    });
    expect(response.status).toBe(400);
    const body = response.body as { result: { error: Record<string, string[]> } };
    expect(body.result.error.siret[0]).toMatch(/^Ce numéro SIRET n'est pas valide/);
    expect(body.result.error.website[0]).toMatch(/^Indiquez une adresse de site valide/);
    const after = await prisma.company.findUniqueOrThrow({ where: { id: company.id } });
    expect(after.name).toBe(company.name);
    expect(await auditCount(company.id)).toBe(0);

    const ok = await post(profileAction, path, company.id, leader.id, {
      intent: "profile",
      name: "Nom modifié",
      siret: company.siret,
      communeCode: "62498",
    });
    expect(ok.status).toBe(302);
    expect(await prisma.company.findUniqueOrThrow({ where: { id: company.id } })).toMatchObject({
      name: "Nom modifié",
      communeCode: "62498",
      website: null,
    });
    expect(await auditCount(company.id)).toBe(1);
  });

  test("l'animateur du club lit le profil mais ne peut rien y écrire (403)", async () => {
    const { company } = await companyWithLeader();
    const animator = await insertUser(prisma, { name: "Animateur" });
    await grantRole(prisma, animator.id, { role: "ANIMATOR", clubId });
    for (const [routeAction, path, form] of [
      [profileAction, "profil", { intent: "profile", name: "Piraté", siret: company.siret }],
      [teamAction, "equipe", { intent: "leave" }],
    ] as const) {
      const response = await post(
        routeAction,
        `/entreprise/${company.id}/${path}`,
        company.id,
        animator.id,
        form,
      );
      expect(response.status).toBe(403);
    }
    expect((await prisma.company.findUniqueOrThrow({ where: { id: company.id } })).name).toBe(
      company.name,
    );
  });
});

describe("siège et établissements", () => {
  test("rattache un établissement au siège de même SIREN, puis le détache, avec journal", async () => {
    const siren = withLuhnCheckDigit("81111111");
    const headOffice = await insertCompany(prisma, { siret: siretOf(siren, "0001") });
    const { company, leader } = await companyWithLeader({ siret: siretOf(siren, "0023") });
    const linked = await linkHeadOffice(leader.id, company.id, headOffice.siret);
    expect(linked.id).toBe(headOffice.id);
    expect(
      (await prisma.company.findUniqueOrThrow({ where: { id: company.id } })).headOfficeId,
    ).toBe(headOffice.id);
    const establishments = await prisma.company.findMany({
      where: { headOfficeId: headOffice.id },
      select: { id: true },
    });
    expect(establishments).toEqual([{ id: company.id }]);

    await unlinkHeadOffice(leader.id, company.id);
    expect(
      (await prisma.company.findUniqueOrThrow({ where: { id: company.id } })).headOfficeId,
    ).toBeNull();
    const entries = await prisma.auditLog.findMany({
      where: { companyId: company.id },
      orderBy: { createdAt: "asc" },
      select: { action: true, actorId: true, after: true },
    });
    expect(entries.map((e) => e.action)).toEqual(["LINK_HEAD_OFFICE", "UNLINK_HEAD_OFFICE"]);
    expect(JSON.parse(entries[0].after!)).toMatchObject({ headOfficeId: headOffice.id });
    await expectRefusal(unlinkHeadOffice(leader.id, company.id), /n'est rattachée à aucun siège/);
  });

  test("refuse un siège d'un autre SIREN, inconnu, soi-même, ou lui-même établissement", async () => {
    const siren = withLuhnCheckDigit("91111111");
    const { company, leader } = await companyWithLeader({ siret: siretOf(siren, "0005") });
    const foreign = await insertCompany(prisma, { siret: siretOf(SIREN_A, "0900") });
    await expectRefusal(
      linkHeadOffice(leader.id, company.id, foreign.siret),
      /n'a pas le même SIREN/,
      "headOfficeSiret",
    );
    await expectRefusal(
      linkHeadOffice(leader.id, company.id, siretOf(siren, "0999")),
      /^Aucune entreprise inscrite sur Engagés n'a ce SIRET/,
    );
    await expectRefusal(
      linkHeadOffice(leader.id, company.id, company.siret),
      /C'est le SIRET de votre propre entreprise/,
    );
    await expectRefusal(
      linkHeadOffice(leader.id, company.id, "12345678901234"),
      /n'est pas valide/,
    );
    const top = await insertCompany(prisma, { siret: siretOf(siren, "0001") });
    const middle = await insertCompany(prisma, {
      siret: siretOf(siren, "0002"),
      headOfficeId: top.id,
    });
    await expectRefusal(
      linkHeadOffice(leader.id, company.id, middle.siret),
      /elle-même un établissement/,
    );
    expect(
      (await prisma.company.findUniqueOrThrow({ where: { id: company.id } })).headOfficeId,
    ).toBeNull();
    expect(await auditCount(company.id)).toBe(0);
  });

  test("un siège qui a des établissements ne peut pas être rattaché à un autre siège", async () => {
    const siren = withLuhnCheckDigit("31111111");
    const { company: headOffice, leader } = await companyWithLeader({
      siret: siretOf(siren, "0001"),
    });
    await insertCompany(prisma, { siret: siretOf(siren, "0002"), headOfficeId: headOffice.id });
    const other = await insertCompany(prisma, { siret: siretOf(siren, "0003") });
    await expectRefusal(
      linkHeadOffice(leader.id, headOffice.id, other.siret),
      /est le siège d'autres établissements/,
    );
  });
});

describe("équipe", () => {
  test("la dernière personne ne peut ni partir ni être retirée", async () => {
    const { company, leader, role } = await companyWithLeader();
    await expectRefusal(
      leaveCompany(leader.id, company.id),
      /^Vous êtes la dernière personne de l'équipe/,
    );
    await expectRefusal(
      removeTeamMember(leader.id, company.id, role.id),
      /utilisez « Quitter l'entreprise »/,
    );
    expect(await prisma.roleAssignment.count({ where: { companyId: company.id } })).toBe(1);
    expect(await auditCount(company.id)).toBe(0);

    // By the route too: a French 400, nothing deleted.
    const response = await post(
      teamAction,
      `/entreprise/${company.id}/equipe`,
      company.id,
      leader.id,
      { intent: "leave" },
    );
    expect(response.status).toBe(400);
    expect((response.body as { error: string }).error).toMatch(/dernière personne de l'équipe/);
    expect(await prisma.roleAssignment.count({ where: { companyId: company.id } })).toBe(1);
  });

  test("retirer un ou une collègue, puis partir, journalisés", async () => {
    const { company, leader } = await companyWithLeader();
    const colleague = await insertUser(prisma, { name: "Collègue Un" });
    const colleagueRole = await grantRole(prisma, colleague.id, {
      role: "COMPANY",
      companyId: company.id,
    });
    const third = await insertUser(prisma, { name: "Collègue Deux" });
    await grantRole(prisma, third.id, { role: "COMPANY", companyId: company.id });

    const removed = await removeTeamMember(leader.id, company.id, colleagueRole.id);
    expect(removed.name).toBe("Collègue Un");
    expect(await prisma.roleAssignment.findUnique({ where: { id: colleagueRole.id } })).toBeNull();
    expect(await prisma.user.findUnique({ where: { id: colleague.id } })).not.toBeNull();

    await leaveCompany(leader.id, company.id);
    const remaining = await prisma.roleAssignment.findMany({
      where: { companyId: company.id },
      select: { userId: true },
    });
    expect(remaining).toEqual([{ userId: third.id }]);

    const entries = await prisma.auditLog.findMany({
      where: { companyId: company.id },
      orderBy: { createdAt: "asc" },
      select: { action: true, actorId: true, entityType: true, entityId: true },
    });
    expect(entries).toEqual([
      {
        action: "REMOVE_MEMBER",
        actorId: leader.id,
        entityType: "RoleAssignment",
        entityId: colleagueRole.id,
      },
      {
        action: "LEAVE",
        actorId: leader.id,
        entityType: "RoleAssignment",
        entityId: expect.any(String),
      },
    ]);
    // The last one left cannot leave.
    await expectRefusal(leaveCompany(third.id, company.id), /dernière personne/);
  });

  test("on ne retire pas quelqu'un d'une autre entreprise", async () => {
    const mine = await companyWithLeader();
    const theirs = await companyWithLeader();
    const colleague = await insertUser(prisma);
    await grantRole(prisma, colleague.id, { role: "COMPANY", companyId: theirs.company.id });
    await expectRefusal(
      removeTeamMember(mine.leader.id, mine.company.id, theirs.role.id),
      /ne fait pas partie de l'équipe/,
    );
    expect(
      await prisma.roleAssignment.findUnique({ where: { id: theirs.role.id } }),
    ).not.toBeNull();
  });

  test("révoquer une invitation en attente de son entreprise seulement", async () => {
    const mine = await companyWithLeader();
    const theirs = await companyWithLeader();
    const invitation = (companyId: string, email: string) =>
      prisma.invitation.create({
        data: {
          email,
          role: "COMPANY",
          companyId,
          tokenHash: `hash-${email}`,
          expiresAt: new Date(Date.now() + 86_400_000),
        },
      });
    const own = await invitation(mine.company.id, "a@exemple.test");
    const foreign = await invitation(theirs.company.id, "b@exemple.test");
    await expectRefusal(
      revokeCompanyInvitation(mine.leader.id, mine.company.id, foreign.id),
      /n'est plus en attente/,
    );
    await revokeCompanyInvitation(mine.leader.id, mine.company.id, own.id);
    expect(
      (await prisma.invitation.findUniqueOrThrow({ where: { id: own.id } })).revokedAt,
    ).not.toBeNull();
    expect(
      (await prisma.invitation.findUniqueOrThrow({ where: { id: foreign.id } })).revokedAt,
    ).toBeNull();
    await expectRefusal(
      revokeCompanyInvitation(mine.leader.id, mine.company.id, own.id),
      /n'est plus en attente/,
    );
    expect(
      await prisma.auditLog.count({
        where: { companyId: mine.company.id, action: "REVOKE", entityId: own.id },
      }),
    ).toBe(1);
  });
});

describe("recherche de communes", () => {
  test("par début de nom, sans accents ni majuscules, ou par code postal", async () => {
    expect((await searchCommunes({ query: "etaples" })).map((c) => c.name)).toContain("Étaples");
    const lens = await searchCommunes({ query: "LEN", departementCode: "62" });
    expect(lens[0]).toEqual({
      code: "62498",
      name: "Lens",
      postcodes: ["62300"],
      departementCode: "62",
    });
    expect(lens.every((c) => c.departementCode === "62")).toBe(true);
    expect((await searchCommunes({ query: "saint omer" })).map((c) => c.code)).toContain("62765");
    expect((await searchCommunes({ query: "62300" })).map((c) => c.code)).toContain("62498");
    expect(await searchCommunes({ query: "' OR 1=1 --" })).toEqual([]);
  });
});

describe("rapport annuel et export", () => {
  test("les totaux de l'année sont calculés par la base, pour cette entreprise seulement", async () => {
    const { company, leader } = await companyWithLeader();
    const { company: other } = await companyWithLeader();
    const commitment = await insertCommitment(prisma, {
      companyId: company.id,
      year: 2025,
      targetQuantity: 4,
      publics: ["DELD", "RSA"],
    });
    const at = (month: number, day = 10) => new Date(Date.UTC(2025, month - 1, day, 12));
    await insertRealisation(prisma, {
      companyId: company.id,
      commitmentId: commitment.id,
      date: at(1),
      quantity: 2,
      publicCategoryCode: "DELD",
      contractType: "CDI",
      qpv: "YES",
      createdById: leader.id,
    });
    await insertRealisation(prisma, {
      companyId: company.id,
      commitmentId: commitment.id,
      date: at(3),
      quantity: 1,
      publicCategoryCode: "RSA",
      contractType: "CDD_LONG",
    });
    await insertRealisation(prisma, {
      companyId: company.id,
      date: at(3, 20),
      actionTypeCode: "INCLUSIVE_PURCHASE",
      quantity: 5000,
      publicCategoryCode: "DISABILITY",
    });
    await insertRealisation(prisma, { companyId: company.id, date: at(12, 31), quantity: 3 });
    // Another year and another company: left out.
    await insertRealisation(prisma, {
      companyId: company.id,
      date: new Date(Date.UTC(2024, 5, 1)),
    });
    await insertRealisation(prisma, { companyId: other.id, date: at(2), quantity: 50 });

    const report = (await getAnnualReport(company.id, 2025))!;
    expect(report.total).toEqual({ count: 4, people: 6, euros: 5000, hours: 0 });
    expect(report.commitments).toEqual([
      expect.objectContaining({ realised: 3, targetQuantity: 4, percent: 75 }),
    ]);
    expect(report.byPublic.find((r) => r.code === "DELD")).toMatchObject({ count: 2, people: 5 });
    expect(report.byPublic.find((r) => r.code === "DISABILITY")).toMatchObject({
      count: 1,
      people: 0,
      euros: 5000,
    });
    expect(report.byContract.find((r) => r.code === "CDI")).toMatchObject({ count: 2, people: 5 });
    expect(report.byContract.find((r) => r.code === "CDD_LONG")).toMatchObject({ people: 1 });
    expect(report.byQpv.find((r) => r.code === "YES")).toMatchObject({ count: 1, people: 2 });
    expect(report.byMonth.map((m) => m.count)).toEqual([1, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
    expect(report.byMonth[2]).toMatchObject({ people: 1, euros: 5000 });
    expect(report.byActionType.find((r) => r.code === "HIRE")).toMatchObject({
      count: 3,
      people: 6,
    });

    const exported = (await buildCompanyExport(company.id, new Date("2026-03-04T10:00:00Z")))!;
    expect(exported.fileName).toBe(`engages-${company.siret}-2026-03-04.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(exported.buffer as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      "À propos",
      "Entreprise",
      "Engagements",
      "Réalisations",
      "Suivis renseignés",
      "Devenir des personnes 2026",
      "Équipe",
      "Journal",
    ]);
    expect(workbook.getWorksheet("Réalisations")!.rowCount).toBe(1 + 5);
    expect(workbook.getWorksheet("Engagements")!.getRow(2).getCell(5).value).toBe(
      "Demandeurs d'emploi de longue durée ; Bénéficiaires du RSA",
    );
    const profileValues = workbook
      .getWorksheet("Entreprise")!
      .getColumn(2)
      .values.map((v) => String(v ?? ""));
    expect(profileValues).toContain(company.siret);
    expect(profileValues).not.toContain(other.siret);
  });
});

test("une entreprise inconnue : ni rapport ni export", async () => {
  expect(await getAnnualReport("inconnue", 2025)).toBeNull();
  expect(await buildCompanyExport("inconnue")).toBeNull();
});
