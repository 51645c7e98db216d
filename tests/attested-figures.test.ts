// Figures filtered to attested declarations (issue 15 point 4, decision 030): with the filter, a
// scope counts only the declarations of companies whose attestation of the declarations' own
// year stands (an edit after attesting takes them out), checked against plain SQL; and the
// attested share that the club, département and national dashboards show.
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
import { attestedShare } from "~/models/attestations.server";
import { NATIONAL } from "~/models/declaration-campaigns.server";
import { peopleByPublic } from "~/models/figures-breakdowns.server";
import { yearPeriod, type Period } from "~/models/figures.server";
import { keyFigures } from "~/models/figures-key.server";
import { loader as dashboardLoader } from "~/routes/prefecture.$departementCode._index";
import { prisma } from "~/utils/db.server";
import { callAs } from "./utils/session";
import { straightSql } from "./utils/straight-sql";

const day = (d: string) => new Date(`${d}T00:00:00Z`);
let clubId: string;
let nordClubId: string;
const ids: Record<"standing" | "edited" | "none" | "lastYear" | "nord", string> = {
  standing: "",
  edited: "",
  none: "",
  lastYear: "",
  nord: "",
};
let prefectureId: string;

beforeAll(async () => {
  clubId = (await insertClub(prisma, { departementCode: "62" })).id;
  const otherClubId = (await insertClub(prisma, { departementCode: "62" })).id;
  nordClubId = (await insertClub(prisma, { departementCode: "59" })).id;
  for (const key of Object.keys(ids) as Array<keyof typeof ids>) {
    const company = await insertCompany(prisma, { name: `Entreprise ${key}` });
    ids[key] = company.id;
    await addMembership(prisma, {
      companyId: company.id,
      clubId: key === "nord" ? nordClubId : clubId,
    });
  }
  // A member of both clubs of the 62: once in the département's share.
  await addMembership(prisma, { companyId: ids.standing, clubId: otherClubId });
  for (const [key, companyId] of Object.entries(ids)) {
    await insertCommitment(prisma, { companyId, year: 2026 });
    await insertCommitment(prisma, { companyId, year: 2025 });
    await insertRealisation(prisma, { companyId, date: day("2025-12-10"), quantity: 2 });
    await insertRealisation(prisma, { companyId, date: day("2026-01-20"), quantity: 3 });
    await insertRealisation(prisma, {
      companyId,
      date: day("2026-03-05"),
      actionTypeCode: "IMMERSION",
      publicCategoryCode: key === "standing" ? "RSA" : "DELD",
      quantity: 4,
    });
  }
  await prisma.declarationCampaign.create({
    data: { departementCode: "*", year: 2026, deadline: day("2027-03-31") },
  });
  const attest = (companyId: string, year: number) =>
    prisma.attestation.create({
      data: { companyId, year, attestedByName: "Dirigeant", attestedAt: day("2026-11-02") },
    });
  await attest(ids.standing, 2026);
  await attest(ids.edited, 2026);
  await attest(ids.lastYear, 2025);
  await attest(ids.nord, 2026);
  // A declaration of 2026 after the attestation: the database flags it (decision 030).
  await insertRealisation(prisma, { companyId: ids.edited, date: day("2026-06-01"), quantity: 1 });
  prefectureId = (await insertUser(prisma, { name: "Préfecture" })).id;
  await grantRole(prisma, prefectureId, { role: "PREFECTURE", departementCode: "62" });
});

/** Plain SQL: a declaration counts when its company's attestation of its own year stands. */
const STANDS = (alias: string, yearSql: string) => `EXISTS (SELECT 1 FROM "Attestation" a
  WHERE a."companyId" = ${alias}."companyId" AND a."year" = ${yearSql} AND a."editedAt" IS NULL)`;
const yearOfDate = `(CASE WHEN r."date" < '2026-01-01' THEN 2025 ELSE 2026 END)`;

async function sqlFigures(departementCode: string, period: { from: string; to: string }) {
  const [r] = await straightSql<{ n: number; hired: number | null }>(
    `SELECT COUNT(*) AS n,
            SUM(CASE WHEN r."unit" = 'PEOPLE' AND r."actionTypeCode" IN
              (SELECT "code" FROM "ActionType" WHERE "isHire") THEN r."quantity" ELSE 0 END) AS hired
       FROM "Realisation" r
      WHERE r."departementCode" = ? AND r."date" >= ? AND r."date" < ? AND ${STANDS("r", yearOfDate)}`,
    departementCode,
    period.from,
    period.to,
  );
  const [c] = await straightSql<{ n: number; companies: number }>(
    `SELECT COUNT(*) AS n, COUNT(DISTINCT c."companyId") AS companies
       FROM "Commitment" c
      WHERE c."departementCode" = ? AND c."status" IN ('ACTIVE', 'ACHIEVED')
        AND c."startDate" < ? AND c."endDate" >= ? AND ${STANDS("c", `c."year"`)}`,
    departementCode,
    period.to,
    period.from,
  );
  return {
    companiesEngaged: Number(c!.companies),
    activeCommitments: Number(c!.n),
    realisations: Number(r!.n),
    peopleHired: Number(r!.hired ?? 0),
  };
}

describe("figures of attested declarations only", () => {
  test("a year: only the companies whose attestation of that year stands, as plain SQL says", async () => {
    const scope = { departementCode: "62", attestedOnly: true };
    const figures = await keyFigures(scope, yearPeriod(2026));
    expect(figures).toEqual(await sqlFigures("62", { from: "2026-01-01", to: "2027-01-01" }));
    // Only « standing »: the edited one, the unattested one and last year's attestation are out.
    expect(figures).toMatchObject({ companiesEngaged: 1, realisations: 2, peopleHired: 3 });
    // Without the filter, everyone's.
    expect((await keyFigures({ departementCode: "62" }, yearPeriod(2026))).realisations).toBe(9);
    const byPublic = await peopleByPublic(scope, yearPeriod(2026));
    expect(byPublic.filter((b) => b.count > 0).map((b) => [b.code, b.quantity])).toEqual([
      ["DELD", 3],
      ["RSA", 4],
    ]);
  });

  test("a period across two years: each declaration by the attestation of its own year", async () => {
    const period: Period = { from: day("2025-11-01"), to: day("2026-02-01") };
    const figures = await keyFigures({ departementCode: "62", attestedOnly: true }, period);
    expect(figures).toEqual(await sqlFigures("62", { from: "2025-11-01", to: "2026-02-01" }));
    // December 2025 of « lastYear » (attested 2025) and January 2026 of « standing ».
    expect(figures.realisations).toBe(2);
  });

  test("the dashboard's filter: attestees=1 narrows every figure and is said in the filters", async () => {
    const page = await callAs(
      dashboardLoader,
      "/prefecture/62?annee=2026&periode=annee&attestees=1",
      prefectureId,
      { departementCode: "62" },
    );
    expect(page.status).toBe(200);
    const body = page.body as {
      figures: { realisations: number };
      filters: { attestees: string };
      query: string;
      description: Array<{ name: string; value: string }>;
      attested: { members: number; attested: number; edited: number; percent: number };
    };
    expect(body.figures.realisations).toBe(2);
    expect(body.filters.attestees).toBe("1");
    expect(body.query).toContain("attestees=1");
    expect(body.description).toContainEqual({
      name: "Déclarations",
      value: "Attestées seulement (entreprises dont l'attestation de l'année tient)",
    });
    expect(body.attested).toEqual({ members: 4, attested: 1, edited: 1, percent: 25 });
  });
});

describe("the attested share", () => {
  async function sqlShare(memberWhere: string, ...params: string[]) {
    const [row] = await straightSql<{ members: number; attested: number; edited: number }>(
      `SELECT COUNT(*) AS members,
              SUM(CASE WHEN a."companyId" IS NOT NULL AND a."editedAt" IS NULL THEN 1 ELSE 0 END) AS attested,
              SUM(CASE WHEN a."editedAt" IS NOT NULL THEN 1 ELSE 0 END) AS edited
         FROM (SELECT DISTINCT m."companyId" FROM "ClubMembership" m JOIN "Club" k ON k."id" = m."clubId"
                WHERE m."status" = 'MEMBER' AND ${memberWhere}) co
         LEFT JOIN "Attestation" a ON a."companyId" = co."companyId" AND a."year" = 2026`,
      ...params,
    );
    const members = Number(row!.members);
    const attested = Number(row!.attested ?? 0);
    return {
      members,
      attested,
      edited: Number(row!.edited ?? 0),
      percent: members === 0 ? 0 : Math.round((100 * attested) / members),
    };
  }

  test("per club, département and country, each company once, as plain SQL says", async () => {
    expect(await attestedShare("62", 2026, clubId)).toEqual(
      await sqlShare(`m."clubId" = ?`, clubId),
    );
    expect(await attestedShare("62", 2026)).toEqual(
      await sqlShare(`k."departementCode" = ?`, "62"),
    );
    expect(await attestedShare(NATIONAL, 2026)).toEqual(await sqlShare("1 = 1"));
    expect(await attestedShare(NATIONAL, 2026)).toMatchObject({
      members: 5,
      attested: 2,
      edited: 1,
    });
    // No campaign for the year: nothing to show.
    expect(await attestedShare("62", 2025)).toBeNull();
  });
});
