// The yearly catalogue is the one source of the years a commitment may be declared for (issue 18,
// point 1): the declaration form offers exactly the years the server accepts, and the national
// administration opens the next year (a copy of the previous one) and edits it, audited.
import { beforeAll, describe, expect, test } from "vitest";
import {
  addMembership,
  insertClub,
  insertCompany,
  insertUser,
  grantRole,
} from "../prisma/factories";
import { createCommitment } from "~/models/commitment.server";
import { declarableYears } from "~/models/catalogue.server";
import { missingCatalogueYears } from "~/models/reference-data.server";
import * as cataloguePage from "~/routes/admin.catalogue";
import * as newCommitmentPage from "~/routes/entreprise.$companyId.engagements.nouveau";
import { prisma } from "~/utils/db.server";
import { commitmentSchema } from "~/utils/schemas/commitment";
import { appRequest, routeOutcome, sessionCookieFor } from "./utils/session";

type RouteFn = Parameters<typeof routeOutcome>[0];

const cookies: Record<string, string> = {};
let companyId: string;
let actorId: string;

beforeAll(async () => {
  const club = await insertClub(prisma, { departementCode: "62" });
  companyId = (await insertCompany(prisma, { name: "Déclarante du catalogue" })).id;
  await addMembership(prisma, { companyId, clubId: club.id });
  const user = async (key: string, scope: Parameters<typeof grantRole>[2]) => {
    const u = await insertUser(prisma, { email: `${key}@catalogue.test`, name: key });
    await grantRole(prisma, u.id, scope);
    cookies[key] = await sessionCookieFor(u.id);
    return u;
  };
  actorId = (await user("company", { role: "COMPANY", companyId })).id;
  await user("admin", { role: "ADMIN" });
  await user("animator", { role: "ANIMATOR", clubId: club.id });
  await user("prefecture", { role: "PREFECTURE", departementCode: "62" });
});

async function call(
  fn: RouteFn,
  who: string,
  path: string,
  fields?: Record<string, string | string[]>,
) {
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(fields ?? {})) {
    for (const v of Array.isArray(value) ? value : [value]) body.append(key, v);
  }
  const request = appRequest(path, {
    method: fields ? "POST" : "GET",
    cookie: cookies[who],
    ...(fields
      ? { headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: body.toString() }
      : {}),
  });
  const outcome = await routeOutcome(fn, request, { companyId });
  return { status: outcome.status, result: outcome.response ?? outcome.body };
}

const declare = (year: number, themeCode = "INCLUSION", actionTypeCode = "HIRE") =>
  createCommitment(
    actorId,
    companyId,
    commitmentSchema.parse({
      year: String(year),
      themeCode,
      actionTypeCode,
      publics: ["DELD"],
      ambition: "Recruter deux demandeurs d'emploi de longue durée.",
      startDate: `${year}-01-01`,
      endDate: `${year}-12-31`,
    }),
  );

const newCommitmentForm = async () => {
  const { result } = await call(
    newCommitmentPage.loader as RouteFn,
    "company",
    `/entreprise/${companyId}/engagements/nouveau`,
  );
  return result as { years: number[]; catalogues: Record<number, Record<string, string[]>> };
};

const snapshot = async () => ({
  entries: await prisma.catalogueEntry.count(),
  audit: await prisma.auditLog.count(),
});

describe("the years of the declaration form", () => {
  test("are exactly the years the server accepts, each with its own catalogue", async () => {
    const form = await newCommitmentForm();
    expect(form.years).toEqual(await declarableYears());
    for (const year of form.years) {
      const catalogue = form.catalogues[year];
      const [themeCode, [actionTypeCode]] = Object.entries(catalogue)[0];
      await expect(declare(year, themeCode, actionTypeCode)).resolves.toEqual(expect.any(String));
    }
  });
});

describe("opening the next year", () => {
  test("copies the newest year, audited; commitments for that year can then be declared", async () => {
    const [newest] = await declarableYears();
    const next = newest + 1;
    await expect(declare(next)).rejects.toThrow("n'est pas proposé");
    expect((await newCommitmentForm()).years).not.toContain(next);

    const { status } = await call(cataloguePage.action as RouteFn, "admin", "/admin/catalogue", {
      intent: "open",
      year: String(next),
    });
    expect(status).toBe(302);
    expect(await prisma.catalogueEntry.count({ where: { year: next } })).toBe(
      await prisma.catalogueEntry.count({ where: { year: newest } }),
    );
    const entry = await prisma.auditLog.findFirstOrThrow({
      where: { entityType: "Catalogue", entityId: String(next), action: "OPEN_YEAR" },
    });
    expect(JSON.parse(entry.after!)).toMatchObject({ year: next, copiedFrom: newest });
    expect((await newCommitmentForm()).years[0]).toBe(next);
    await expect(declare(next)).resolves.toEqual(expect.any(String));
  });

  test.each([
    [{ intent: "open", year: "1990" }, "Choisissez l'année."],
    [{ intent: "open", year: "2030x" }, "Choisissez l'année."],
    [{ intent: "open", year: "2100" }, "Seule l'année"],
    [{ intent: "save", year: "2100", entry: "INCLUSION|HIRE" }, "n'est pas ouvert"],
    [{ intent: "save", year: "2100", entry: "INCLUSION|HIRE'--" }, "de la liste"],
  ])("bad input %j is a French 400 that writes nothing", async (fields, message) => {
    const before = await snapshot();
    const { status, result } = await call(
      cataloguePage.action as RouteFn,
      "admin",
      "/admin/catalogue",
      fields,
    );
    expect(status).toBe(400);
    expect((result as { error: string }).error).toContain(message);
    expect(await snapshot()).toEqual(before);
  });

  test.each(["company", "animator", "prefecture"])(
    "%s may neither see nor change the catalogue (403)",
    async (who) => {
      const before = await snapshot();
      const [newest] = await declarableYears();
      const open = await call(cataloguePage.action as RouteFn, who, "/admin/catalogue", {
        intent: "open",
        year: String(newest + 1),
      });
      expect(open.status).toBe(403);
      expect((await call(cataloguePage.loader as RouteFn, who, "/admin/catalogue")).status).toBe(
        403,
      );
      expect(await snapshot()).toEqual(before);
    },
  );
});

describe("editing a year's catalogue", () => {
  test("adds and removes entries, audited; an entry in use stays", async () => {
    const [year] = await declarableYears();
    const current = await prisma.catalogueEntry.findMany({
      where: { year },
      select: { themeCode: true, actionTypeCode: true },
    });
    const keys = current.map((e) => `${e.themeCode}|${e.actionTypeCode}`);
    // INCLUSION|HIRE is used by a commitment of this year (declared above).
    const withoutUsed = keys.filter((k) => k !== "INCLUSION|HIRE");
    const before = await snapshot();
    const refused = await call(cataloguePage.action as RouteFn, "admin", "/admin/catalogue", {
      intent: "save",
      year: String(year),
      entry: withoutUsed,
    });
    expect(refused.status).toBe(400);
    expect((refused.result as { error: string }).error).toContain(
      "Inclusion et recrutement × Recrutement",
    );
    expect(await snapshot()).toEqual(before);

    const edited = keys.filter((k) => k !== "SENIORS|MENTORING").concat("SENIORS|VOLUNTEERING");
    const saved = await call(cataloguePage.action as RouteFn, "admin", "/admin/catalogue", {
      intent: "save",
      year: String(year),
      entry: edited,
    });
    expect(saved.status).toBe(302);
    const after = await prisma.catalogueEntry.findMany({
      where: { year, themeCode: "SENIORS" },
      select: { actionTypeCode: true },
    });
    expect(after.map((e) => e.actionTypeCode)).toContain("VOLUNTEERING");
    expect(after.map((e) => e.actionTypeCode)).not.toContain("MENTORING");
    const entry = await prisma.auditLog.findFirstOrThrow({
      where: { entityType: "Catalogue", entityId: String(year), action: "UPDATE_CATALOGUE" },
    });
    expect(JSON.parse(entry.before!)).toEqual({ removedEntries: ["SENIORS|MENTORING"] });
    expect(JSON.parse(entry.after!)).toEqual({ addedEntries: ["SENIORS|VOLUNTEERING"] });
  });
});

describe("the catalogue at start", () => {
  const now = new Date(Date.UTC(2027, 0, 1, 0, 30));
  test("a fresh database gets two years back, this year and next year (UTC)", () => {
    expect(missingCatalogueYears([], now)).toEqual([2025, 2026, 2027, 2028]);
  });
  test("afterwards only a forgotten current year is added; next years are the admin's", () => {
    expect(missingCatalogueYears([2025, 2026], now)).toEqual([2027]);
    expect(missingCatalogueYears([2026, 2027], now)).toEqual([]);
  });
});
