// The annual declaration campaign (issue 15 point 4): opening one (who may, what is refused in
// French with nothing written), attesting a year, the flag that any later write to that year
// sets (database triggers, checked against plain SQL), who has attested, and the reminders.
import { beforeAll, describe, expect, test } from "vitest";
import {
  addMembership,
  grantRole,
  insertClub,
  insertCommitment,
  insertCompany,
  insertRealisation,
  insertUser,
} from "../prisma/factories";
import {
  attestationCounts,
  attestedPeople,
  attestYear,
  attestationsToGive,
} from "~/models/attestations.server";
import { CampaignError, openCampaign } from "~/models/declaration-campaigns.server";
import { recordOutcome } from "~/models/outcomes.server";
import { action as companyAction } from "~/routes/entreprise.$companyId.declaration.$year";
import { action as prefectureAction } from "~/routes/prefecture.$departementCode.campagne";
import { action as adminAction } from "~/routes/admin.campagne";
import { action as clubAction } from "~/routes/club.$clubId.attestations";
import { prisma } from "~/utils/db.server";
import { callAs } from "./utils/session";

const NOW = new Date("2026-12-01T09:00:00Z");
const day = (d: string) => new Date(`${d}T00:00:00Z`);

let clubId: string;
let otherClubId: string;
let companyId: string;
let quietCompanyId: string;
let nordCompanyId: string;
let leader: { id: string; name: string };
let animatorId: string;
let prefectureId: string;
let nordPrefectureId: string;
let adminId: string;

beforeAll(async () => {
  const club = await insertClub(prisma, { departementCode: "62" });
  const otherClub = await insertClub(prisma, { departementCode: "62" });
  const nordClub = await insertClub(prisma, { departementCode: "59" });
  clubId = club.id;
  otherClubId = otherClub.id;
  const company = await insertCompany(prisma, { name: "Attestante SA" });
  const quiet = await insertCompany(prisma, { name: "Silencieuse SARL" });
  const nord = await insertCompany(prisma, { name: "Nordiste SAS" });
  companyId = company.id;
  quietCompanyId = quiet.id;
  nordCompanyId = nord.id;
  await addMembership(prisma, { companyId, clubId, contactEmail: "contact@attestante.fr" });
  // A member of two clubs of the département: once in the total, in each club's row.
  await addMembership(prisma, { companyId, clubId: otherClubId });
  await addMembership(prisma, {
    companyId: quietCompanyId,
    clubId,
    contactEmail: "contact@silencieuse.fr",
  });
  await addMembership(prisma, { companyId: nordCompanyId, clubId: nordClub.id });
  const leaderRow = await insertUser(prisma, { name: "Dirigeante Attestante" });
  leader = { id: leaderRow.id, name: "Dirigeante Attestante" };
  await grantRole(prisma, leader.id, { role: "COMPANY", companyId });
  const quietLeader = await insertUser(prisma, { name: "Dirigeant Silencieux" });
  await grantRole(prisma, quietLeader.id, { role: "COMPANY", companyId: quietCompanyId });
  animatorId = (await insertUser(prisma, { name: "Animatrice" })).id;
  await grantRole(prisma, animatorId, { role: "ANIMATOR", clubId });
  prefectureId = (await insertUser(prisma, { name: "Préfecture 62" })).id;
  await grantRole(prisma, prefectureId, { role: "PREFECTURE", departementCode: "62" });
  nordPrefectureId = (await insertUser(prisma, { name: "Préfecture 59" })).id;
  await grantRole(prisma, nordPrefectureId, { role: "PREFECTURE", departementCode: "59" });
  adminId = (await insertUser(prisma, { name: "Admin" })).id;
  await grantRole(prisma, adminId, { role: "ADMIN" });
  await insertCommitment(prisma, { companyId, year: 2025 });
  await insertRealisation(prisma, { companyId, date: day("2025-03-10"), quantity: 2 });
});

describe("opening a campaign", () => {
  const refusal = (input: { year: number; deadline: string }, scope = "62") =>
    openCampaign(prefectureId, scope, input, NOW).then(
      () => null,
      (error: unknown) => (error instanceof CampaignError ? error.message : error),
    );

  test("refuses a year out of reach, a deadline past or too far, in French, writing nothing", async () => {
    expect(await refusal({ year: 2021, deadline: "2027-01-31" })).toBe(
      "L'année déclarée doit être l'une des 3 dernières (2026, 2025, 2024).",
    );
    expect(await refusal({ year: 2025, deadline: "2026-12-01" })).toBe(
      "La date limite doit être postérieure à aujourd'hui.",
    );
    expect(await refusal({ year: 2025, deadline: "2028-01-01" })).toMatch(
      /^La date limite doit tomber dans l'année qui vient/,
    );
    expect(await prisma.declarationCampaign.count()).toBe(0);
  });

  test("the page: the prefecture opens its own département's; not another's, nor an animator", async () => {
    const form = { intent: "open", year: "2025", deadline: "2027-01-31" };
    const nord = await callAs(
      prefectureAction,
      "/prefecture/62/campagne",
      nordPrefectureId,
      { departementCode: "62" },
      form,
    );
    expect(nord.status).toBe(403);
    const animator = await callAs(
      prefectureAction,
      "/prefecture/62/campagne",
      animatorId,
      { departementCode: "62" },
      form,
    );
    expect(animator.status).toBe(403);
    const national = await callAs(adminAction, "/admin/campagne", prefectureId, {}, form);
    expect(national.status).toBe(403);
    const bad = await callAs(
      prefectureAction,
      "/prefecture/62/campagne",
      prefectureId,
      { departementCode: "62" },
      { ...form, deadline: "31/01/2027" },
    );
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain("La date limite doit être une date valide");
    expect(await prisma.declarationCampaign.count()).toBe(0);

    const opened = await callAs(
      prefectureAction,
      "/prefecture/62/campagne",
      prefectureId,
      { departementCode: "62" },
      form,
    );
    expect(opened.status).toBe(302);
    const again = await callAs(
      prefectureAction,
      "/prefecture/62/campagne",
      prefectureId,
      { departementCode: "62" },
      form,
    );
    expect(again.status).toBe(400);
    expect(JSON.stringify(again.body)).toContain(
      "La campagne 2025 est déjà ouverte pour ce territoire.",
    );
    const rows = await prisma.$queryRawUnsafe<
      { departementCode: string; year: number; openedById: string }[]
    >(`SELECT "departementCode", "year", "openedById" FROM "DeclarationCampaign"`);
    expect(rows.map((r) => ({ ...r, year: Number(r.year) }))).toEqual([
      { departementCode: "62", year: 2025, openedById: prefectureId },
    ]);
    expect(await prisma.auditLog.count({ where: { action: "OPEN_CAMPAIGN" } })).toBe(1);
  });
});

describe("attesting a year", () => {
  const attestForm = { confirm: "oui" };
  test("the company's own people attest; without the box ticked, a French error and nothing written", async () => {
    const path = `/entreprise/${companyId}/declaration/2025`;
    const params = { companyId, year: "2025" };
    const unticked = await callAs(companyAction, path, leader.id, params, {});
    expect(unticked.status).toBe(400);
    expect(JSON.stringify(unticked.body)).toContain(
      "Cochez « J'atteste l'exactitude de ces déclarations »",
    );
    const animator = await callAs(companyAction, path, animatorId, params, attestForm);
    expect(animator.status).toBe(403);
    const noCampaign = await callAs(
      companyAction,
      path,
      leader.id,
      { companyId, year: "2024" },
      attestForm,
    );
    expect(noCampaign.status).toBe(404);
    expect(await prisma.attestation.count()).toBe(0);
    expect(await attestationsToGive(companyId)).toEqual([
      { year: 2025, deadline: "2027-01-31", state: "NONE" },
    ]);

    const done = await callAs(companyAction, path, leader.id, params, attestForm);
    expect(done.status).toBe(302);
    const [row] = await prisma.$queryRaw<
      { attestedById: string; attestedByName: string; editedAt: unknown }[]
    >`SELECT "attestedById", "attestedByName", "editedAt" FROM "Attestation"
      WHERE "companyId" = ${companyId} AND "year" = 2025`;
    expect(row).toEqual({ attestedById: leader.id, attestedByName: leader.name, editedAt: null });
    expect(await prisma.auditLog.count({ where: { action: "ATTEST", companyId } })).toBe(1);
    expect(await attestationsToGive(companyId)).toEqual([]);
  });

  test("a company with no campaign for the year cannot attest it", async () => {
    await expect(attestYear(leader, nordCompanyId, 2025, NOW)).rejects.toThrow(
      "Aucune campagne de déclaration ne concerne votre entreprise pour 2025.",
    );
  });
});

describe("an edit after the attestation flags it", () => {
  const flagged = async () => {
    const [row] = await prisma.$queryRaw<{ editedAt: unknown }[]>`SELECT "editedAt"
      FROM "Attestation" WHERE "companyId" = ${companyId} AND "year" = 2025`;
    return row.editedAt !== null;
  };

  test("writes to other years leave it; a realisation, a commitment or an outcome of the year flag it", async () => {
    await attestYear(leader, companyId, 2025, NOW);
    await insertRealisation(prisma, { companyId, date: day("2026-02-01") });
    await insertCommitment(prisma, { companyId, year: 2026 });
    await insertRealisation(prisma, { companyId: quietCompanyId, date: day("2025-05-01") });
    expect(await flagged()).toBe(false);

    const hire = await insertRealisation(prisma, {
      companyId,
      date: day("2025-05-20"),
      quantity: 1,
    });
    expect(await flagged()).toBe(true);
    expect(await attestationsToGive(companyId)).toEqual([
      { year: 2025, deadline: "2027-01-31", state: "EDITED" },
    ]);

    await attestYear(leader, companyId, 2025, NOW);
    expect(await flagged()).toBe(false);
    const commitment = await prisma.commitment.findFirstOrThrow({
      where: { companyId, year: 2025 },
    });
    await prisma.commitment.update({ where: { id: commitment.id }, data: { ambition: "Plus" } });
    expect(await flagged()).toBe(true);

    await attestYear(leader, companyId, 2025, NOW);
    await recordOutcome(
      leader.id,
      companyId,
      {
        realisationId: hire.id,
        months: 6,
        stillInCompany: 1,
        employedElsewhere: 0,
        inTraining: 0,
        jobSeeking: 0,
        unknown: 0,
      },
      NOW,
    );
    expect(await flagged()).toBe(true);

    await attestYear(leader, companyId, 2025, NOW);
    // Moving a realisation out of the year, or deleting it, changes the year too.
    await prisma.realisation.update({ where: { id: hire.id }, data: { date: day("2026-01-05") } });
    expect(await flagged()).toBe(true);
    expect(await prisma.auditLog.count({ where: { action: "ATTEST", companyId } })).toBe(5);
  });
});

describe("who has attested", () => {
  test("per club and in total, as plain SQL counts them", async () => {
    await attestYear(leader, companyId, 2025, NOW);
    const counts = await attestationCounts("62", 2025);
    const sql = await prisma.$queryRawUnsafe<{ members: number; attested: number }[]>(`
      SELECT COUNT(DISTINCT m."companyId") AS "members",
        COUNT(DISTINCT CASE WHEN a."editedAt" IS NULL AND a."companyId" IS NOT NULL THEN m."companyId" END) AS "attested"
      FROM "ClubMembership" m JOIN "Club" c ON c."id" = m."clubId"
      LEFT JOIN "Attestation" a ON a."companyId" = m."companyId" AND a."year" = 2025
      WHERE m."status" = 'MEMBER' AND c."departementCode" = '62'`);
    expect(counts.total).toEqual({
      members: Number(sql[0].members),
      attested: Number(sql[0].attested),
      edited: 0,
    });
    expect(counts.total).toEqual({ members: 2, attested: 1, edited: 0 });
    const byClub = Object.fromEntries(counts.groups.map((g) => [g.key, [g.members, g.attested]]));
    expect(byClub).toEqual({ [clubId]: [2, 1], [otherClubId]: [1, 1] });
  });

  test("the figures restricted to attested declarations, as plain SQL sums them", async () => {
    await insertRealisation(prisma, {
      companyId: quietCompanyId,
      date: day("2025-09-01"),
      quantity: 4,
    });
    const { total, byGroup } = await attestedPeople("62", 2025);
    const [sql] = await prisma.$queryRaw<{ people: unknown; attested: unknown }[]>`
      SELECT SUM(r."quantity") AS "people",
        SUM(CASE WHEN a."companyId" IS NOT NULL THEN r."quantity" ELSE 0 END) AS "attested"
      FROM "Realisation" r
      LEFT JOIN "Attestation" a ON a."companyId" = r."companyId" AND a."year" = 2025
        AND a."editedAt" IS NULL
      WHERE r."departementCode" = '62' AND r."unit" = 'PEOPLE'
        AND r."date" >= ${day("2025-01-01")} AND r."date" < ${day("2026-01-01")}`;
    expect(total).toEqual({ people: Number(sql.people), attestedPeople: Number(sql.attested) });
    expect(total.attestedPeople).toBeGreaterThan(0);
    expect(total.people).toBeGreaterThan(total.attestedPeople);
    expect(Object.values(byGroup).reduce((n, g) => n + g.people, 0)).toBe(total.people);
  });

  test("the animator reminds those who have not attested, once within the cap", async () => {
    const memberships = await prisma.clubMembership.findMany({
      where: { clubId, companyId: quietCompanyId },
      select: { id: true },
    });
    const path = `/club/${clubId}/attestations`;
    const form = {
      membershipIds: memberships[0].id,
      message: "Merci de relire et d'attester votre année 2025 avant la date limite.",
    };
    const byPrefecture = await callAs(clubAction, path, prefectureId, { clubId }, form);
    expect(byPrefecture.status).toBe(403);
    const sent = await callAs(clubAction, path, animatorId, { clubId }, form);
    expect(sent.status).toBe(302);
    const email = await prisma.emailOutbox.findFirstOrThrow({
      where: { template: "reminder", to: "contact@silencieuse.fr" },
    });
    expect(email.text).toContain(`/entreprise/${quietCompanyId}/declaration/2025`);
    expect(email.html).toContain("Relire et attester 2025");
    const again = await callAs(clubAction, path, animatorId, { clubId }, form);
    expect(again.status).toBe(400);
    expect(JSON.stringify(again.body)).toContain("a déjà été relancée");
    expect(await prisma.emailOutbox.count({ where: { to: "contact@silencieuse.fr" } })).toBe(1);
  });
});
