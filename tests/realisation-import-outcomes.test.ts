// Outcome columns of the realisation import (issue 15): read at the preview with French errors
// per cell, all or nothing, and written with the realisations in the confirmation's transaction
// (the outcome summary follows).
import { beforeAll, expect, test } from "vitest";
import {
  addMembership,
  insertClub,
  insertCompany,
  insertUser,
  grantRole,
} from "../prisma/factories";
import {
  confirmImport,
  createImportDraft,
  getImportPreview,
} from "~/models/realisation-import.server";
import { ImportConfirmError } from "~/models/realisation-import-columns.server";
import { OUTCOME_IMPORT_COLUMNS } from "~/models/realisation-import-outcomes.server";
import { buildTemplateCsv } from "~/models/realisation-import-template.server";
import { prisma } from "~/utils/db.server";

const HEADER = [
  "Date",
  "Type d'action",
  "Public",
  "Précision du public",
  "Type de contrat",
  "Nombre",
  "QPV",
  "Note",
  "Engagement",
];
const OUTCOMES = OUTCOME_IMPORT_COLUMNS.map((c) => c.label);
const csvOf = (rows: string[][]) =>
  new TextEncoder().encode(
    `\uFEFF${[[...HEADER, ...OUTCOMES], ...rows].map((r) => r.join(";")).join("\r\n")}\r\n`,
  );
const empty = (n: number) => Array.from({ length: n }, () => "");

let companyId: string;
let userId: string;
let clubId: string;

beforeAll(async () => {
  clubId = (await insertClub(prisma, { departementCode: "62" })).id;
  companyId = (await insertCompany(prisma, { communeCode: "62041" })).id;
  await addMembership(prisma, { companyId, clubId });
  userId = (await insertUser(prisma, { name: "Import Suivis" })).id;
  await grantRole(prisma, userId, { role: "COMPANY", companyId });
});

test("the templates carry the outcome columns", () => {
  const csv = String(buildTemplateCsv([]));
  expect(csv).toContain("Suivi 6 mois : dans l'entreprise");
  expect(csv).toContain("Suivi 12 mois : situation inconnue");
});

test("bad outcome cells: French errors per cell, and nothing can be imported", async () => {
  const bytes = csvOf([
    // 6 months: does not add up to 3.
    [
      "01/03/2025",
      "Recrutement",
      "Bénéficiaires du RSA",
      "",
      "CDI",
      "3",
      "",
      "",
      "",
      "2",
      "0",
      "0",
      "0",
      "0",
      ...empty(5),
    ],
    // Mentoring is not followed.
    [
      "01/03/2025",
      "Parrainage / mentorat",
      "Bénéficiaires du RSA",
      "",
      "",
      "2",
      "",
      "",
      "",
      "2",
      "0",
      "0",
      "0",
      "0",
      ...empty(5),
    ],
    // Not a number; and a 12-month outcome not yet due.
    [
      "01/10/2026",
      "Recrutement",
      "Bénéficiaires du RSA",
      "",
      "CDI",
      "1",
      "",
      "",
      "",
      "un",
      "0",
      "0",
      "0",
      "0",
      "1",
      "0",
      "0",
      "0",
      "0",
    ],
  ]);
  const draft = await createImportDraft({ companyId, userId, fileName: "suivis.csv", bytes });
  expect(draft).toMatchObject({ readyCount: 0, errorCount: 3 });
  const preview = await getImportPreview(companyId, draft.draftId);
  const errors = JSON.stringify(preview);
  expect(errors).toContain(
    "Suivi 6 mois : les situations doivent totaliser 3 (le Nombre de la ligne) ; vous en indiquez 2.",
  );
  expect(errors).toContain(
    "Suivi 6 mois : le devenir des personnes se renseigne pour les recrutements",
  );
  expect(errors).toContain(
    "Suivi 6 mois : dans l'entreprise : indiquez un nombre entier (0 si personne).",
  );
  expect(errors).toContain("Suivi 12 mois : ce suivi se renseigne à partir du 1 octobre 2027.");
  await expect(
    confirmImport({ companyId, actorId: userId, draftId: draft.draftId, acceptDuplicate: false }),
  ).rejects.toThrow(ImportConfirmError);
  expect(await prisma.realisation.count({ where: { companyId } })).toBe(0);
  expect(await prisma.realisationOutcome.count()).toBe(0);
});

test("right cells: the realisations and their outcomes land together, the summary follows", async () => {
  const bytes = csvOf([
    [
      "01/03/2025",
      "Recrutement",
      "Bénéficiaires du RSA",
      "",
      "CDI",
      "3",
      "",
      "",
      "",
      "2",
      "1",
      "0",
      "0",
      "0",
      "1",
      "1",
      "0",
      "1",
      "0",
    ],
    [
      "01/03/2025",
      "Recrutement",
      "Bénéficiaires du RSA",
      "",
      "CDI",
      "3",
      "",
      "",
      "",
      "3",
      "",
      "",
      "",
      "",
      ...empty(5),
    ],
    [
      "02/03/2025",
      "Parrainage / mentorat",
      "Bénéficiaires du RSA",
      "",
      "",
      "2",
      "",
      "",
      "",
      ...empty(10),
    ],
  ]);
  const draft = await createImportDraft({ companyId, userId, fileName: "suivis-ok.csv", bytes });
  expect(draft).toMatchObject({ readyCount: 3, errorCount: 0 });
  await confirmImport({
    companyId,
    actorId: userId,
    draftId: draft.draftId,
    acceptDuplicate: false,
  });
  const outcomes = await prisma.realisationOutcome.findMany({
    where: { realisation: { companyId } },
    orderBy: [{ months: "asc" }, { stillInCompany: "asc" }],
    select: {
      months: true,
      people: true,
      stillInCompany: true,
      employedElsewhere: true,
      jobSeeking: true,
    },
  });
  expect(outcomes).toEqual([
    { months: 6, people: 3, stillInCompany: 2, employedElsewhere: 1, jobSeeking: 0 },
    { months: 6, people: 3, stillInCompany: 3, employedElsewhere: 0, jobSeeking: 0 },
    { months: 12, people: 3, stillInCompany: 1, employedElsewhere: 1, jobSeeking: 1 },
  ]);
  const summary = await prisma.outcomeMonthly.findMany({
    where: { clubId, month: "2025-03" },
    orderBy: { months: "asc" },
  });
  expect(summary.map((s) => [s.months, s.outcomes, s.people])).toEqual([
    [6, 2, 6],
    [12, 1, 3],
  ]);
});
