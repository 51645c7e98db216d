// Head office and establishments (issue 16 point 4, decision 028): the group's figures side by
// side and in total, checked against plain SQL (each realisation counted once, where it was
// declared, whatever the clubs); detaching and linking establishments, audited, refused in French.
import { beforeAll, describe, expect, test } from "vitest";
import {
  addMembership,
  grantRole,
  insertClub,
  insertCompany,
  insertRealisation,
  insertUser,
  randomSiren,
  randomSiret,
} from "../prisma/factories";
import { withLuhnCheckDigit } from "~/utils/siret";
import { getCompanyGroup } from "~/models/company-group.server";
import { acceptInvitation } from "~/models/invitation.server";
import {
  action as groupAction,
  loader as groupLoader,
} from "~/routes/entreprise.$companyId.groupe";
import { prisma } from "~/utils/db.server";
import { callAs } from "./utils/session";
import { straightSql } from "./utils/straight-sql";

const YEAR = 2026;
let ids: { head: string; lens: string; lille: string; roubaix: string; other: string };
let leader: string;

beforeAll(async () => {
  const arras = await insertClub(prisma, { name: "Club d'Arras", departementCode: "62" });
  const lille = await insertClub(prisma, { name: "Club de Lille", departementCode: "59" });
  const siren = randomSiren();
  const head = await insertCompany(prisma, { siren, name: "Groupe — siège" });
  const est = (name: string) => insertCompany(prisma, { siren, name, headOfficeId: head.id });
  const [lens, lilleEst, roubaix] = await Promise.all([
    est("Agence de Lens"),
    est("Agence de Lille"),
    est("Agence de Roubaix"),
  ]);
  const other = await insertCompany(prisma, { siren, name: "Même SIREN, non rattachée" });
  ids = { head: head.id, lens: lens.id, lille: lilleEst.id, roubaix: roubaix.id, other: other.id };
  await addMembership(prisma, { companyId: head.id, clubId: arras.id, status: "MEMBER" });
  await addMembership(prisma, { companyId: lens.id, clubId: arras.id, status: "MEMBER" });
  await addMembership(prisma, { companyId: lilleEst.id, clubId: lille.id, status: "MEMBER" });
  // Roubaix is a member of both clubs: each declaration still counts once.
  await addMembership(prisma, { companyId: roubaix.id, clubId: lille.id, status: "MEMBER" });
  await addMembership(prisma, { companyId: roubaix.id, clubId: arras.id, status: "MEMBER" });
  await addMembership(prisma, { companyId: other.id, clubId: arras.id, status: "MEMBER" });
  const declare = (
    companyId: string,
    clubId: string,
    month: number,
    action: string,
    quantity: number,
    year = YEAR,
  ) =>
    insertRealisation(prisma, {
      companyId,
      clubId,
      date: new Date(Date.UTC(year, month, 15)),
      actionTypeCode: action,
      quantity,
    });
  await declare(head.id, arras.id, 1, "HIRE", 3);
  await declare(head.id, arras.id, 2, "VOLUNTEERING", 20);
  await declare(lens.id, arras.id, 3, "WORK_STUDY", 2);
  await declare(lens.id, arras.id, 4, "INCLUSIVE_PURCHASE", 1500);
  await declare(lilleEst.id, lille.id, 5, "HIRE", 4);
  await declare(roubaix.id, lille.id, 6, "IMMERSION", 2);
  await declare(roubaix.id, arras.id, 7, "HIRE", 1);
  await declare(roubaix.id, arras.id, 8, "HIRE", 5, YEAR - 1);
  await declare(other.id, arras.id, 9, "HIRE", 7);
  const user = await insertUser(prisma, {
    email: "dirigeante-groupe@test.local",
    passwordHash: "x",
  });
  await grantRole(prisma, user.id, { role: "COMPANY", companyId: head.id });
  leader = user.id;
});

type Totals = { declarations: number; people: number; hours: number; euros: number };
async function sqlTotals(companyIds: string[], year = YEAR): Promise<Totals> {
  const marks = companyIds.map(() => "?").join(", ");
  const [row] = await straightSql<{
    n: number;
    p: number | null;
    h: number | null;
    e: number | null;
  }>(
    `SELECT COUNT(*) AS n,
            SUM(CASE WHEN "unit" = 'PEOPLE' THEN "quantity" ELSE 0 END) AS p,
            SUM(CASE WHEN "unit" = 'HOURS' THEN "quantity" ELSE 0 END) AS h,
            SUM(CASE WHEN "unit" = 'EUROS' THEN "quantity" ELSE 0 END) AS e
       FROM "Realisation" WHERE "companyId" IN (${marks}) AND "date" >= ? AND "date" < ?`,
    ...companyIds,
    `${year}-01-01`,
    `${year + 1}-01-01`,
  );
  return { declarations: row!.n, people: row!.p ?? 0, hours: row!.h ?? 0, euros: row!.e ?? 0 };
}

describe("group figures", () => {
  test("each establishment's row and the group total equal plain SQL; nothing counted twice", async () => {
    const group = (await getCompanyGroup(ids.head, YEAR))!;
    expect(group.rows.map((r) => [r.name, r.isHeadOffice])).toEqual([
      ["Groupe — siège", true],
      ["Agence de Lens", false],
      ["Agence de Lille", false],
      ["Agence de Roubaix", false],
    ]);
    for (const row of group.rows) expect(row.figures).toEqual(await sqlTotals([row.id]));
    const members = [ids.head, ids.lens, ids.lille, ids.roubaix];
    expect(group.total).toEqual(await sqlTotals(members));
    expect(group.total).toEqual({
      declarations: 7,
      people: 3 + 2 + 4 + 2 + 1,
      hours: 20,
      euros: 1500,
    });
    // The clubs' counts of the same realisations add up to the group's: one club each.
    const byClub = await straightSql<{ clubId: string; n: number }>(
      `SELECT "clubId", COUNT(*) AS n FROM "Realisation"
        WHERE "companyId" IN (?, ?, ?, ?) AND "date" >= ? AND "date" < ? GROUP BY "clubId"`,
      ...members,
      `${YEAR}-01-01`,
      `${YEAR + 1}-01-01`,
    );
    expect(byClub.reduce((sum, c) => sum + c.n, 0)).toBe(group.total.declarations);
    // Roubaix, member of both clubs, listed with both; its declarations once.
    expect(group.rows[3]!.memberships.map((m) => m.club.name).sort()).toEqual([
      "Club d'Arras",
      "Club de Lille",
    ]);
    // Another year: only that year's declarations.
    expect((await getCompanyGroup(ids.head, YEAR - 1))!.total).toEqual(
      await sqlTotals(members, YEAR - 1),
    );
  });

  test("the page: its own people only see it; an establishment is sent to its head office", async () => {
    const page = await callAs(groupLoader, `/entreprise/${ids.head}/groupe?annee=${YEAR}`, leader, {
      companyId: ids.head,
    });
    expect(page.status).toBe(200);
    expect((page.body as { group: { total: Totals } }).group.total.declarations).toBe(7);
    const own = await insertUser(prisma, { email: "agence-lens@test.local", passwordHash: "x" });
    await grantRole(prisma, own.id, { role: "COMPANY", companyId: ids.lens });
    const fromLens = await callAs(groupLoader, `/entreprise/${ids.lens}/groupe`, own.id, {
      companyId: ids.lens,
    });
    expect((fromLens.body as { group: { headOfficeName: string } }).group.headOfficeName).toBe(
      "Groupe — siège",
    );
    expect(
      (await callAs(groupLoader, `/entreprise/${ids.head}/groupe`, own.id, { companyId: ids.head }))
        .status,
    ).toBe(403);
  });
});

describe("detaching and linking", () => {
  test("the head office detaches an establishment: audited, its club and declarations kept", async () => {
    const path = `/entreprise/${ids.head}/groupe`;
    const auditsBefore = await prisma.auditLog.count();
    // Someone else's establishment, or nonsense: 404, nothing written.
    for (const establishmentId of [ids.other, "'; DROP TABLE Company; --", "x".repeat(5000)]) {
      const refused = await callAs(
        groupAction,
        path,
        leader,
        { companyId: ids.head },
        { intent: "detach", establishmentId },
      );
      expect(refused.status).toBe(404);
      expect(refused.body).toEqual({
        error: "Cet établissement n'est pas rattaché à votre entreprise.",
      });
    }
    expect(await prisma.auditLog.count()).toBe(auditsBefore);

    const done = await callAs(
      groupAction,
      path,
      leader,
      { companyId: ids.head },
      { intent: "detach", establishmentId: ids.roubaix },
    );
    expect(done.status).toBe(302);
    const roubaix = await prisma.company.findUniqueOrThrow({
      where: { id: ids.roubaix },
      select: { headOfficeId: true, memberships: true, realisations: true },
    });
    expect(roubaix.headOfficeId).toBeNull();
    expect(roubaix.memberships).toHaveLength(2);
    expect(roubaix.realisations).toHaveLength(3);
    const entry = await prisma.auditLog.findFirstOrThrow({
      where: { action: "UNLINK_HEAD_OFFICE", entityId: ids.roubaix },
    });
    expect(entry.actorId).toBe(leader);
    expect(JSON.parse(entry.after!)).toEqual({ headOfficeId: null, detachedBy: "HEAD_OFFICE" });
    const group = (await getCompanyGroup(ids.head, YEAR))!;
    expect(group.rows).toHaveLength(3);
    expect(group.total).toEqual(await sqlTotals([ids.head, ids.lens, ids.lille]));
  });

  test("linking: only an establishment of the person's own team, same SIREN; bad SIRETs refused", async () => {
    const path = `/entreprise/${ids.head}/groupe`;
    const link = (siret: string) =>
      callAs(groupAction, path, leader, { companyId: ids.head }, { intent: "link", siret });
    const roubaix = await prisma.company.findUniqueOrThrow({ where: { id: ids.roubaix } });
    expect((await link(roubaix.siret)).body).toEqual({
      error: expect.stringMatching(/^Seule l'équipe de Agence de Roubaix peut le rattacher/),
    });
    expect((await link("1234")).body).toEqual({
      error: "Ce numéro SIRET n'est pas valide : vérifiez les 14 chiffres.",
    });
    expect((await link(randomSiret())).body).toEqual({
      error: expect.stringMatching(/^Aucun établissement inscrit/),
    });
    // The person joins Roubaix's team: the link is made, audited.
    await grantRole(prisma, leader, { role: "COMPANY", companyId: ids.roubaix });
    expect((await link(roubaix.siret)).status).toBe(302);
    expect(
      (await prisma.company.findUniqueOrThrow({ where: { id: ids.roubaix } })).headOfficeId,
    ).toBe(ids.head);
    expect(
      await prisma.auditLog.count({ where: { action: "LINK_HEAD_OFFICE", entityId: ids.roubaix } }),
    ).toBe(1);
    // Another SIREN: refused by the head-office rules.
    const foreign = await insertCompany(prisma, { name: "Autre SIREN" });
    await grantRole(prisma, leader, { role: "COMPANY", companyId: foreign.id });
    expect((await link(foreign.siret)).body).toEqual({
      error: expect.stringMatching(/même SIREN/),
    });
  });
});

describe("inviting an establishment not yet on Engagés", () => {
  const path = () => `/entreprise/${ids.head}/groupe`;
  const invite = (form: Record<string, string>, userId = leader, companyId = ids.head) =>
    callAs(
      groupAction,
      `/entreprise/${companyId}/groupe`,
      userId,
      { companyId },
      {
        intent: "invite",
        email: "Directrice.Calais@Test.Local",
        name: "Directrice de Calais",
        establishmentName: "Agence de Calais",
        ...form,
      },
    );
  const headSiren = async () =>
    (await prisma.company.findUniqueOrThrow({ where: { id: ids.head } })).siren;
  /** A SIRET of the head office's SIREN that no company has. */
  const freeSiret = async (nic: string) => withLuhnCheckDigit(`${await headSiren()}${nic}`);
  const written = async () => ({
    companies: await prisma.company.count(),
    invitations: await prisma.invitation.count(),
    emails: await prisma.emailOutbox.count(),
    audits: await prisma.auditLog.count(),
  });

  test("bad or foreign SIRETs, known establishments and other people are refused in French; nothing written", async () => {
    const before = await written();
    const lens = await prisma.company.findUniqueOrThrow({ where: { id: ids.lens } });
    const other = await prisma.company.findUniqueOrThrow({ where: { id: ids.other } });
    const formError = (body: unknown) =>
      (body as { result: { error: Record<string, string[]> } }).result.error;
    const invalid = await invite({ siret: "1234", establishmentName: "" });
    expect(invalid.status).toBe(400);
    expect(formError(invalid.body)).toMatchObject({
      siret: ["Le SIRET compte exactement 14 chiffres."],
      establishmentName: ["Indiquez le nom de l'établissement."],
    });
    for (const [siret, message] of [
      [randomSiret(), /^Cet établissement n'a pas le même SIREN que votre entreprise/],
      [lens.siret, /^Agence de Lens est déjà rattaché à votre entreprise\.$/],
      [other.siret, /^Même SIREN, non rattachée est déjà inscrit sur Engagés : son équipe/],
    ] as const) {
      const refused = await invite({ siret });
      expect(refused.status).toBe(400);
      expect(formError(refused.body)[""]).toEqual([expect.stringMatching(message)]);
    }
    // An establishment's person, on the head office's page or on its own: refused.
    const lensPerson = await insertUser(prisma, {
      email: "agence-lens-2@test.local",
      passwordHash: "x",
    });
    await grantRole(prisma, lensPerson.id, { role: "COMPANY", companyId: ids.lens });
    expect((await invite({ siret: await freeSiret("0007") }, lensPerson.id)).status).toBe(403);
    const fromLens = await invite({ siret: await freeSiret("0007") }, lensPerson.id, ids.lens);
    expect(formError(fromLens.body)[""]).toEqual([
      "Seul le siège invite les établissements du groupe.",
    ]);
    expect(await written()).toEqual(before);
  });

  test("the head office enters it and invites its first person; the person accepts; an unanswered one is removed", async () => {
    const siret = await freeSiret("0004");
    const done = await invite({ siret: siret.replace(/(\d{3})/g, "$1 ") });
    expect(done.status).toBe(302);
    const calais = await prisma.company.findUniqueOrThrow({
      where: { siret },
      select: { id: true, name: true, siren: true, headOfficeId: true, memberships: true },
    });
    expect(calais).toMatchObject({
      name: "Agence de Calais",
      siren: await headSiren(),
      headOfficeId: ids.head,
      memberships: [],
    });
    const invitation = await prisma.invitation.findFirstOrThrow({
      where: { companyId: calais.id },
    });
    expect(invitation).toMatchObject({
      email: "directrice.calais@test.local",
      role: "COMPANY",
      invitedById: leader,
      acceptedAt: null,
    });
    const audits = await prisma.auditLog.findMany({
      where: { OR: [{ entityId: calais.id }, { entityId: invitation.id }] },
      orderBy: { createdAt: "asc" },
    });
    expect(audits.map((a) => [a.action, a.actorId])).toEqual([
      ["CREATE", leader],
      ["INVITE", leader],
    ]);
    const mail = await prisma.emailOutbox.findFirstOrThrow({
      where: { to: "directrice.calais@test.local", template: "invitation" },
    });
    expect(mail.text).toContain("l'établissement Agence de Calais, rattaché à Groupe — siège");

    // The group shows it without people yet, with its invitation.
    let row = (await getCompanyGroup(ids.head, YEAR))!.rows.find((r) => r.id === calais.id)!;
    expect(row.unclaimed).toEqual({
      invitation: { email: "directrice.calais@test.local", expiresAt: invitation.expiresAt },
    });
    expect(row.removable).toBe(true);

    // The same SIRET again: already in the group.
    expect((await invite({ siret })).status).toBe(400);

    const token = /\/invitation\/([A-Za-z0-9_-]+)/.exec(mail.text)![1]!;
    const userId = await acceptInvitation(token, {
      name: "Directrice de Calais",
      password: "un-mot-de-passe-solide",
    });
    expect(
      await prisma.roleAssignment.count({
        where: { userId, role: "COMPANY", companyId: calais.id },
      }),
    ).toBe(1);
    row = (await getCompanyGroup(ids.head, YEAR))!.rows.find((r) => r.id === calais.id)!;
    expect(row.unclaimed).toBeNull();
    expect(row.removable).toBe(false);

    // Another one, never answered: « Retirer » deletes it with its invitation, audited.
    const dunkerque = await freeSiret("0005");
    await invite({
      siret: dunkerque,
      email: "dunkerque@test.local",
      establishmentName: "Agence de Dunkerque",
    });
    const unanswered = await prisma.company.findUniqueOrThrow({ where: { siret: dunkerque } });
    const removed = await callAs(
      groupAction,
      path(),
      leader,
      { companyId: ids.head },
      {
        intent: "detach",
        establishmentId: unanswered.id,
      },
    );
    expect(removed.status).toBe(302);
    expect(await prisma.company.count({ where: { siret: dunkerque } })).toBe(0);
    expect(await prisma.invitation.count({ where: { email: "dunkerque@test.local" } })).toBe(0);
    const entry = await prisma.auditLog.findFirstOrThrow({
      where: { action: "DELETE", entityType: "Company", entityId: unanswered.id },
    });
    expect(JSON.parse(entry.after!)).toEqual({ removedBy: "HEAD_OFFICE" });
  });
});
