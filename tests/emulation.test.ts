// Emulation without shaming: a company's milestones, the club's month, and the opt-in public
// page that shows only what was made public.
import { beforeAll, describe, expect, test } from "vitest";
import {
  addMembership,
  insertClub,
  insertCommitment,
  insertCompany,
  insertPractice,
  insertRealisation,
} from "../prisma/factories";
import { clubThisMonth, companyMilestones, publicCompanyPage } from "~/models/emulation.server";
import * as publicPage from "~/routes/entreprises.$companyId";
import { prisma } from "~/utils/db.server";
import { appRequest, thrown } from "./utils/session";

const DAY = 24 * 3600_000;
const NOW = new Date("2026-11-20T12:00:00Z");
let club: { id: string };
let company: { id: string };
let quiet: { id: string };

beforeAll(async () => {
  club = await insertClub(prisma, { name: "Club Emulation", departementCode: "62" });
  company = await insertCompany(prisma, { name: "Entreprise Régulière", communeCode: "62041" });
  quiet = await insertCompany(prisma, { name: "Entreprise Discrète", communeCode: "62041" });
  await addMembership(prisma, {
    companyId: company.id,
    clubId: club.id,
    joinedAt: new Date(NOW.getTime() - 400 * DAY),
  });
  await addMembership(prisma, {
    companyId: quiet.id,
    clubId: club.id,
    joinedAt: new Date("2026-11-03T09:00:00Z"),
  });
  const commitment = await insertCommitment(prisma, {
    companyId: company.id,
    clubId: club.id,
    year: 2026,
    targetQuantity: 4,
    visibility: "PUBLIC",
    ambition: "Recruter quatre personnes en parcours d'insertion.",
    createdAt: new Date("2026-01-10T09:00:00Z"),
  });
  await insertCommitment(prisma, {
    companyId: company.id,
    clubId: club.id,
    year: 2026,
    visibility: "CLUB",
    ambition: "Un engagement réservé au club.",
  });
  // One declaration per quarter over the last year; the target is crossed on 5 November.
  for (const [date, quantity, action] of [
    ["2026-02-10", 1, "IMMERSION"],
    ["2026-05-10", 1, "HIRE"],
    ["2026-08-10", 1, "IMMERSION"],
    ["2026-11-05", 1, "HIRE"],
  ] as const) {
    const at = new Date(`${date}T10:00:00Z`);
    await insertRealisation(prisma, {
      companyId: company.id,
      clubId: club.id,
      commitmentId: action === "IMMERSION" && date === "2026-08-10" ? null : commitment.id,
      date: at,
      createdAt: at,
      actionTypeCode: action,
      quantity,
    });
  }
  await insertRealisation(prisma, {
    companyId: company.id,
    clubId: club.id,
    commitmentId: commitment.id,
    date: new Date("2026-02-11T10:00:00Z"),
    createdAt: new Date("2026-02-11T10:00:00Z"),
    actionTypeCode: "IMMERSION",
    quantity: 1,
  });
  await insertPractice(prisma, {
    companyId: company.id,
    clubId: club.id,
    visibility: "ALL",
    title: "Pratique pour tous",
  });
  await insertPractice(prisma, {
    companyId: company.id,
    clubId: club.id,
    visibility: "CLUB",
    title: "Pratique du club",
  });
  await insertPractice(prisma, {
    companyId: company.id,
    clubId: club.id,
    visibility: "ALL",
    title: "Pratique masquée",
    hiddenAt: NOW,
  });
});

describe("milestones", () => {
  test("reached with their dates, or still ahead", async () => {
    const byKey = Object.fromEntries(
      (await companyMilestones(company.id, NOW)).map((m) => [m.key, m.reachedAt]),
    );
    expect(byKey["first-commitment"]).toBe("2026-01-10T09:00:00.000Z");
    expect(byKey["first-hire"]).toBe("2026-05-10T10:00:00.000Z");
    expect(byKey["target-reached"]).toBe("2026-11-05T10:00:00.000Z");
    expect(byKey["regular-year"]).not.toBeNull();
    const none = await companyMilestones(quiet.id, NOW);
    expect(none.every((m) => m.reachedAt === null)).toBe(true);
  });
});

describe("this month in the club", () => {
  test("new members and targets reached this month", async () => {
    const month = await clubThisMonth(club.id, NOW);
    expect(month.newMembers.map((m) => m.name)).toEqual(["Entreprise Discrète"]);
    expect(month.targetsReached.map((t) => t.companyName)).toEqual(["Entreprise Régulière"]);
    const december = await clubThisMonth(club.id, new Date("2026-12-15T12:00:00Z"));
    expect(december.newMembers).toEqual([]);
    expect(december.targetsReached).toEqual([]);
  });

  test("a Paris month starts at Paris midnight, summer time included", async () => {
    const summer = await insertCompany(prisma, { name: "Entreprise d'été", communeCode: "62041" });
    // 1 July 2027, 00:30 in Paris (UTC+2) is still 30 June in UTC.
    await addMembership(prisma, {
      companyId: summer.id,
      clubId: club.id,
      joinedAt: new Date("2027-06-30T22:30:00Z"),
    });
    const july = await clubThisMonth(club.id, new Date("2027-07-10T12:00:00Z"));
    expect(july.newMembers.map((m) => m.name)).toEqual(["Entreprise d'été"]);
    const june = await clubThisMonth(club.id, new Date("2027-06-30T12:00:00Z"));
    expect(june.newMembers.map((m) => m.name)).not.toContain("Entreprise d'été");
  });

  test("a club of Guadeloupe (UTC−4) counts its own month, not Paris's", async () => {
    const antilles = await insertClub(prisma, { name: "Club des Abymes", departementCode: "971" });
    const late = await insertCompany(prisma, { name: "Entreprise du soir", communeCode: null });
    await addMembership(prisma, {
      companyId: late.id,
      clubId: antilles.id,
      joinedAt: new Date("2027-07-15T12:00:00Z"),
    });
    // 31 July 2027, 23:00 in Pointe-à-Pitre: still July there, already August in Paris.
    const july = await clubThisMonth(antilles.id, new Date("2027-08-01T03:00:00Z"));
    expect(july.newMembers.map((m) => m.name)).toEqual(["Entreprise du soir"]);
    const august = await clubThisMonth(antilles.id, new Date("2027-08-10T12:00:00Z"));
    expect(august.newMembers).toEqual([]);
  });
});

describe("public page", () => {
  test("404 until the company opts in; then only public commitments and practices", async () => {
    const load = () =>
      publicPage.loader({
        request: appRequest(`/entreprises/${company.id}`),
        params: { companyId: company.id },
        context: {},
      });
    expect(((await thrown(load)) as Response).status).toBe(404);
    await prisma.company.update({ where: { id: company.id }, data: { publicPage: true } });
    const page = await publicCompanyPage(company.id);
    expect(page?.commitments.map((c) => c.ambition)).toEqual([
      "Recruter quatre personnes en parcours d'insertion.",
    ]);
    expect(page?.practices.map((p) => p.title)).toEqual(["Pratique pour tous"]);
    expect(page?.clubs).toEqual(["Club Emulation"]);
  });
});
