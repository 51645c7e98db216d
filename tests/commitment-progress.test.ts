// Issue 18, point 2: a commitment's progress counts only the realisations in its unit. 5 hours of
// volunteering linked to an immersion commitment read "8 sur 12 personnes" on the dashboard, the
// commitment page, the annual report and the club's list, and crossed the "target reached"
// milestone. Now one function (commitment-progress.server.ts) computes progress everywhere; the
// form's action and the import refuse such links with a French error; old ones are shown apart.
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
import { listMembersAtAGlance } from "~/models/club.server";
import { commitmentProgress } from "~/models/commitment-progress.server";
import { getCommitment } from "~/models/commitment.server";
import { getAnnualReport } from "~/models/company-report.server";
import { buildCompanyExport } from "~/models/company-export.server";
import { listCommitmentsWithProgress } from "~/models/company.server";
import { companyMilestones } from "~/models/emulation.server";
import { createImportDraft, getImportPreview } from "~/models/realisation-import.server";
import { RealisationError, createRealisation } from "~/models/realisation.server";
import { action as newRealisationAction } from "~/routes/entreprise.$companyId.realisations.nouvelle";
import { prisma } from "~/utils/db.server";
import { countOf, quantityOf } from "~/utils/format";
import { appRequest, sessionCookieFor } from "./utils/session";

const year = new Date().getUTCFullYear();
const day = (d: string) => new Date(`${year}-${d}T10:00:00Z`);
const MISMATCH =
  "Cet engagement se compte en personnes, or « Heures de bénévolat » se compte en heures : choisissez un type d'action compté en personnes, ou aucun engagement.";

let companyId: string;
let clubId: string;
let userId: string;
let immersion: { id: string };
let purchase: { id: string };
let volunteering: { id: string };

beforeAll(async () => {
  clubId = (await insertClub(prisma, { name: "Club des unités" })).id;
  companyId = (await insertCompany(prisma, { name: "Unités SA" })).id;
  await addMembership(prisma, { companyId, clubId });
  userId = (await insertUser(prisma, { name: "Claire Unités" })).id;
  await grantRole(prisma, userId, { role: "COMPANY", companyId });
  immersion = await insertCommitment(prisma, {
    companyId,
    year,
    actionTypeCode: "IMMERSION",
    targetQuantity: 12,
    ambition: "Accueillir douze personnes en immersion.",
  });
  purchase = await insertCommitment(prisma, {
    companyId,
    year,
    actionTypeCode: "INCLUSIVE_PURCHASE",
    targetQuantity: 10_000,
    ambition: "Acheter 10 000 € auprès de structures inclusives.",
  });
  volunteering = await insertCommitment(prisma, {
    companyId,
    year,
    actionTypeCode: "VOLUNTEERING",
    targetQuantity: 100,
    ambition: "Offrir cent heures de bénévolat.",
  });
  // What the database held before the rule: links across units (written by the factory).
  const linked = [
    [immersion, "IMMERSION", 3, "02-10"],
    [immersion, "VOLUNTEERING", 5, "03-10"],
    [purchase, "INCLUSIVE_PURCHASE", 4_000, "02-11"],
    [purchase, "HIRE", 2, "02-12"],
    [volunteering, "VOLUNTEERING", 30, "02-13"],
    [volunteering, "IMMERSION", 1, "02-14"],
  ] as const;
  for (const [commitment, actionTypeCode, quantity, date] of linked) {
    await insertRealisation(prisma, {
      companyId,
      commitmentId: commitment.id,
      actionTypeCode,
      quantity,
      date: day(date),
      createdAt: day(date),
    });
  }
});

describe("progress counts only the commitment's unit", () => {
  test("people, euros and hours commitments; other units are set apart", async () => {
    const progress = await commitmentProgress(
      await prisma.commitment.findMany({
        where: { companyId },
        select: { id: true, targetQuantity: true, targetUnit: true, actionTypeCode: true },
      }),
    );
    expect(progress.get(immersion.id)).toEqual({
      unit: "PEOPLE",
      realised: 3,
      realisationCount: 1,
      excluded: [{ unit: "HOURS", count: 1, quantity: 5 }],
      percent: 25,
    });
    expect(progress.get(purchase.id)).toMatchObject({
      unit: "EUROS",
      realised: 4_000,
      percent: 40,
      excluded: [{ unit: "PEOPLE", count: 1, quantity: 2 }],
    });
    expect(progress.get(volunteering.id)).toMatchObject({
      unit: "HOURS",
      realised: 30,
      percent: 30,
      excluded: [{ unit: "PEOPLE", count: 1, quantity: 1 }],
    });
  });

  test("every page agrees: dashboard, commitment page, annual report, workbook, club list", async () => {
    const dashboard = await listCommitmentsWithProgress(companyId, year);
    expect(dashboard.find((c) => c.id === immersion.id)?.progress.realised).toBe(3);
    expect((await getCommitment(companyId, immersion.id))?.progress.realised).toBe(3);

    const report = (await getAnnualReport(companyId, year))!;
    expect(report.commitments.find((c) => c.id === immersion.id)).toMatchObject({
      realised: 3,
      percent: 25,
      unitLabel: "personnes",
      excluded: [{ unit: "HOURS", count: 1, quantity: 5 }],
    });

    const exported = (await buildCompanyExport(companyId))!;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(exported.buffer as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("Engagements")!;
    const realisedByAmbition = Object.fromEntries(
      [2, 3, 4].map((r) => [sheet.getRow(r).getCell(4).value, sheet.getRow(r).getCell(9).value]),
    );
    expect(realisedByAmbition).toEqual({
      "Accueillir douze personnes en immersion.": 3,
      "Acheter 10 000 € auprès de structures inclusives.": 4_000,
      "Offrir cent heures de bénévolat.": 30,
    });

    // Mean of min(1, realised ÷ target): (25 % + 40 % + 30 %) ÷ 3.
    const members = await listMembersAtAGlance(clubId, year);
    expect(members.find((m) => m.company.id === companyId)).toMatchObject({
      commitmentsWithTarget: 3,
      progress: 32,
    });
  });

  test("hours do not reach a people target (milestone)", async () => {
    const small = await insertCommitment(prisma, {
      companyId,
      year,
      actionTypeCode: "IMMERSION",
      targetQuantity: 4,
      ambition: "Quatre immersions.",
    });
    await insertRealisation(prisma, {
      companyId,
      commitmentId: small.id,
      actionTypeCode: "IMMERSION",
      quantity: 2,
      date: day("04-01"),
      createdAt: day("04-01"),
    });
    await insertRealisation(prisma, {
      companyId,
      commitmentId: small.id,
      actionTypeCode: "VOLUNTEERING",
      quantity: 10,
      date: day("04-02"),
      createdAt: day("04-02"),
    });
    const reached = (await companyMilestones(companyId, day("06-01"))).find(
      (m) => m.key === "target-reached",
    );
    expect(reached?.reachedAt).toBeNull();
    await prisma.commitment.delete({ where: { id: small.id } });
  });
});

describe("linking a realisation to a commitment of another unit is refused", () => {
  const hours = {
    date: `${year}-01-20`,
    actionTypeCode: "VOLUNTEERING",
    publicCategoryCode: "DELD",
    quantity: 5,
    qpv: "UNKNOWN" as const,
  };

  test("the model refuses it on the commitment field, in French, and writes nothing", async () => {
    const before = await prisma.realisation.count({ where: { companyId } });
    const error = await createRealisation(userId, companyId, {
      ...hours,
      commitmentId: immersion.id,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RealisationError);
    expect((error as RealisationError).field).toBe("commitmentId");
    expect((error as RealisationError).message).toBe(MISMATCH);
    expect(await prisma.realisation.count({ where: { companyId } })).toBe(before);
    // The same hours on the hours commitment, or on none, are fine.
    await createRealisation(userId, companyId, { ...hours, commitmentId: volunteering.id });
    await createRealisation(userId, companyId, hours);
    expect(await prisma.realisation.count({ where: { companyId } })).toBe(before + 2);
  });

  test("the form's action answers 400 with the error on the commitment field", async () => {
    const before = await prisma.realisation.count({ where: { companyId } });
    const form = new URLSearchParams({
      intent: "save",
      date: hours.date,
      actionTypeCode: "VOLUNTEERING",
      publicCategoryCode: "DELD",
      quantity: "5",
      qpv: "UNKNOWN",
      commitmentId: immersion.id,
    });
    const response = (await newRealisationAction({
      request: appRequest(`/entreprise/${companyId}/realisations/nouvelle`, {
        method: "POST",
        body: form,
        cookie: await sessionCookieFor(userId),
      }),
      params: { companyId },
      context: {},
    })) as unknown as { init: { status: number }; data: { result: { error: unknown } } };
    expect(response.init.status).toBe(400);
    expect(response.data.result.error).toEqual({ commitmentId: [MISMATCH] });
    expect(await prisma.realisation.count({ where: { companyId } })).toBe(before);
  });

  test("the import refuses the row, saying why, and keeps the others", async () => {
    const frDate = `20/01/${year}`;
    const header =
      "Date;Type d'action;Public;Précision du public;Type de contrat;Nombre;QPV;Note;Engagement";
    const rows = [
      `${frDate};Heures de bénévolat;RSA;;;5;;;${immersion.id}`,
      `${frDate};Heures de bénévolat;RSA;;;5;;;${volunteering.id}`,
    ];
    const { draftId, readyCount, errorCount } = await createImportDraft({
      companyId,
      userId,
      fileName: "unites.csv",
      bytes: new TextEncoder().encode(`${[header, ...rows].join("\r\n")}\r\n`),
    });
    expect({ readyCount, errorCount }).toEqual({ readyCount: 1, errorCount: 1 });
    const preview = await getImportPreview(companyId, draftId);
    expect(preview?.lines.filter((l) => l.errors.length).map((l) => [l.line, l.errors])).toEqual([
      [2, [`Engagement : ${MISMATCH}`]],
    ]);
  });
});

describe("French counts", () => {
  test("singular below two, plural from two; units as words", () => {
    expect(countOf(0, "personne")).toBe("0 personne");
    expect(countOf(1, "réalisation")).toBe("1 réalisation");
    expect(countOf(2, "entreprise")).toBe("2 entreprises");
    expect(quantityOf(1, "PEOPLE")).toBe("1 personne");
    expect(quantityOf(5, "HOURS")).toBe("5 heures");
    expect(quantityOf(1500, "EUROS").replace(/\s/g, " ")).toBe("1 500 €");
  });
});
