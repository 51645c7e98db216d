// What became of the people of a realisation (issue 15): when an outcome is due, what the
// "À suivre" list holds, and what recording one accepts, refuses (in French, writing nothing)
// and traces.
import { beforeAll, describe, expect, test } from "vitest";
import {
  addMembership,
  grantRole,
  insertClub,
  insertCompany,
  insertRealisation,
  insertUser,
} from "../prisma/factories";
import {
  OutcomeError,
  countOutcomesToGive,
  listOutcomesToGive,
  recordOutcome,
} from "~/models/outcomes.server";
import { action, loader } from "~/routes/entreprise.$companyId.suivi";
import { historyOf } from "~/utils/audit.server";
import { prisma } from "~/utils/db.server";
import { addMonths, outcomesDue } from "~/utils/outcomes";
import { callAs } from "./utils/session";

// A fixed clock: 2026-12-01, 10:00 in Paris.
const NOW = new Date("2026-12-01T09:00:00Z");
const day = (d: string) => new Date(`${d}T00:00:00Z`);
const counts = (over: Partial<Record<string, number>> = {}) => ({
  stillInCompany: 0,
  employedElsewhere: 0,
  inTraining: 0,
  jobSeeking: 0,
  unknown: 0,
  ...over,
});

describe("when an outcome is due", () => {
  test("months are added on the calendar, on the last day of a shorter month", () => {
    expect(addMonths("2026-03-31", 6)).toBe("2026-09-30");
    expect(addMonths("2025-08-31", 6)).toBe("2026-02-28");
    expect(addMonths("2026-01-15", 12)).toBe("2027-01-15");
    expect(addMonths("2026-12-01", -12)).toBe("2025-12-01");
  });

  test("6 and 12 months after the date, late two months after, no longer asked after a year", () => {
    expect(outcomesDue("2026-06-02", "2026-12-01", [])).toEqual([]);
    expect(outcomesDue("2026-06-01", "2026-12-01", [])).toEqual([
      { months: 6, dueOn: "2026-12-01", late: false },
    ]);
    expect(outcomesDue("2025-12-01", "2026-12-01", [])).toEqual([
      { months: 6, dueOn: "2026-06-01", late: true },
      { months: 12, dueOn: "2026-12-01", late: false },
    ]);
    expect(outcomesDue("2025-12-01", "2026-12-01", [6])).toEqual([
      { months: 12, dueOn: "2026-12-01", late: false },
    ]);
    // Due on 2025-12-01 (6 months) and 2026-06-01 (12 months): the first is a year old.
    expect(outcomesDue("2025-06-01", "2026-12-01", []).map((d) => d.months)).toEqual([12]);
  });
});

describe("the list and the recording", () => {
  let companyId: string;
  let otherCompanyId: string;
  let leaderId: string;
  let hire: { id: string };
  let immersion: { id: string };

  beforeAll(async () => {
    const club = await insertClub(prisma, { departementCode: "62" });
    const company = await insertCompany(prisma, { communeCode: "62041" });
    const other = await insertCompany(prisma, { communeCode: "62498" });
    companyId = company.id;
    otherCompanyId = other.id;
    await addMembership(prisma, { companyId, clubId: club.id });
    await addMembership(prisma, { companyId: otherCompanyId, clubId: club.id });
    leaderId = (await insertUser(prisma, { name: "Dirigeante Suivi" })).id;
    await grantRole(prisma, leaderId, { role: "COMPANY", companyId });
    hire = await insertRealisation(prisma, { companyId, date: day("2025-12-01"), quantity: 3 });
    immersion = await insertRealisation(prisma, {
      companyId,
      date: day("2026-05-20"),
      actionTypeCode: "IMMERSION",
      quantity: 2,
    });
    // Not followed: mentoring, euros, too recent, too old; nor another company's hire.
    await insertRealisation(prisma, {
      companyId,
      date: day("2025-12-01"),
      actionTypeCode: "MENTORING",
    });
    await insertRealisation(prisma, {
      companyId,
      date: day("2025-12-01"),
      actionTypeCode: "INCLUSIVE_PURCHASE",
      quantity: 5000,
    });
    await insertRealisation(prisma, { companyId, date: day("2026-10-01") });
    await insertRealisation(prisma, { companyId, date: day("2024-06-01") });
    await insertRealisation(prisma, { companyId: otherCompanyId, date: day("2025-12-01") });
  });

  test("lists the followed realisations' milestones due, oldest first, with the late ones", async () => {
    const due = await listOutcomesToGive(companyId, NOW);
    expect(due.map((d) => [d.realisationId, d.months, d.late])).toEqual([
      [hire.id, 6, true],
      [immersion.id, 6, false],
      [hire.id, 12, false],
    ]);
    expect(await countOutcomesToGive(companyId, NOW)).toEqual({ due: 3, late: 1 });
  });

  test("refuses counts that do not add up, another company's realisation, one not followed or not yet due", async () => {
    const refusal = (input: Parameters<typeof recordOutcome>[2]) =>
      recordOutcome(leaderId, companyId, input, NOW).then(
        () => null,
        (error: unknown) => (error instanceof OutcomeError ? error.message : error),
      );
    expect(
      await refusal({ realisationId: hire.id, months: 6, ...counts({ stillInCompany: 2 }) }),
    ).toBe("Les situations doivent totaliser 3 personnes (vous en indiquez 2).");
    const foreign = await prisma.realisation.findFirstOrThrow({
      where: { companyId: otherCompanyId },
    });
    expect(
      await refusal({ realisationId: foreign.id, months: 6, ...counts({ stillInCompany: 1 }) }),
    ).toBe("Cette réalisation n'existe pas.");
    const mentoring = await prisma.realisation.findFirstOrThrow({
      where: { companyId, actionTypeCode: "MENTORING" },
    });
    expect(
      await refusal({ realisationId: mentoring.id, months: 6, ...counts({ stillInCompany: 1 }) }),
    ).toMatch(/^Le devenir des personnes se renseigne pour les recrutements/);
    expect(
      await refusal({ realisationId: immersion.id, months: 12, ...counts({ unknown: 2 }) }),
    ).toBe("Ce suivi à 12 mois se renseigne à partir du 20 mai 2027.");
    expect(await prisma.realisationOutcome.count()).toBe(0);
  });

  test("records an outcome with its audit entry; an edited number of people asks it again", async () => {
    await recordOutcome(
      leaderId,
      companyId,
      { realisationId: hire.id, months: 6, ...counts({ stillInCompany: 2, jobSeeking: 1 }) },
      NOW,
    );
    const saved = await prisma.realisationOutcome.findUniqueOrThrow({
      where: { realisationId_months: { realisationId: hire.id, months: 6 } },
    });
    expect(saved).toMatchObject({ people: 3, stillInCompany: 2, jobSeeking: 1, unknown: 0 });
    const [entry] = await historyOf("Realisation", hire.id);
    expect(entry.action).toBe("OUTCOME");
    expect(
      (await listOutcomesToGive(companyId, NOW)).map((d) => [d.realisationId, d.months]),
    ).toEqual([
      [immersion.id, 6],
      [hire.id, 12],
    ]);

    await prisma.realisation.update({ where: { id: hire.id }, data: { quantity: 4 } });
    const again = (await listOutcomesToGive(companyId, NOW)).find(
      (d) => d.realisationId === hire.id && d.months === 6,
    );
    expect(again).toMatchObject({ people: 4, redo: true });
    await recordOutcome(
      leaderId,
      companyId,
      { realisationId: hire.id, months: 6, ...counts({ stillInCompany: 4 }) },
      NOW,
    );
    expect(await prisma.realisationOutcome.count({ where: { realisationId: hire.id } })).toBe(1);
  });

  test("the page: a French error and nothing written for a wrong sum; 403 for another company's leader", async () => {
    const path = `/entreprise/${companyId}/suivi`;
    const page = await callAs(loader, path, leaderId, { companyId });
    expect(page.status).toBe(200);
    const before = await prisma.realisationOutcome.count();
    const wrong = await callAs(
      action,
      path,
      leaderId,
      { companyId },
      {
        realisationId: immersion.id,
        months: "6",
        ...Object.fromEntries(
          Object.entries(counts({ stillInCompany: 5 })).map(([k, v]) => [k, String(v)]),
        ),
      },
    );
    expect(wrong.status).toBe(400);
    expect(JSON.stringify(wrong.body)).toContain(
      "Les situations doivent totaliser 2 personnes (vous en indiquez 5).",
    );
    const negative = await callAs(
      action,
      path,
      leaderId,
      { companyId },
      {
        realisationId: immersion.id,
        months: "6",
        stillInCompany: "-1",
        employedElsewhere: "3",
        inTraining: "0",
        jobSeeking: "0",
        unknown: "0",
      },
    );
    expect(negative.status).toBe(400);
    expect(JSON.stringify(negative.body)).toContain("Le nombre ne peut pas être négatif.");
    expect(await prisma.realisationOutcome.count()).toBe(before);

    const stranger = (await insertUser(prisma, { name: "Autre Dirigeant" })).id;
    await grantRole(prisma, stranger, { role: "COMPANY", companyId: otherCompanyId });
    expect((await callAs(loader, path, stranger, { companyId })).status).toBe(403);
  });
});
