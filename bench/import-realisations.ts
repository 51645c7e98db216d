// Benchmark of the realisation import (`npm run bench:import`): on a fresh temporary SQLite
// database (WAL, as the app's), parses and validates a 10,000-row CSV and XLSX, then times the
// confirmation transaction, against a baseline measured in the same run (a plain createMany of the
// same rows). Then another member's dashboard (its loader, as a request would call it) is timed
// quietly and while a BENCH_STALL_ROWS-row (20,000) import confirms in the same process: the
// ratio of the two p95 says whether readers stall behind a long write (decision 023).
// Prints figures only: nothing here asserts a time.

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { prepareDatabase } from "../tests/utils/app-process";

const ROWS = Number(process.env.BENCH_ROWS ?? 10_000);
const STALL_ROWS = Number(process.env.BENCH_STALL_ROWS ?? 20_000);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "engages-bench-"));
const env: NodeJS.ProcessEnv = {
  ...process.env,
  DATABASE_URL: `file:${path.join(dir, "bench.db")}`,
  NODE_ENV: "test",
  OUTBOX_WORKER: "false",
};
Object.assign(process.env, env);

console.log(`Base temporaire : ${dir}`);
// As `npm start` prepares it (migrations, WAL, reference data), without the demo data.
prepareDatabase({ dbPath: path.join(dir, "bench.db"), port: 0, env: { DEMO_DATA: "false" } });

// Imported only now: the Prisma client opens DATABASE_URL when first loaded.
const { default: ExcelJS } = await import("exceljs");
const { prisma } = await import("~/utils/db.server");
const factories = await import("../prisma/factories");
const imports = {
  ...(await import("~/models/realisation-import.server")),
  ...(await import("~/models/realisation-import-columns.server")),
  ...(await import("~/models/realisation-import-file.server")),
};
const { ACTION_TYPES, CONTRACT_TYPE_LABELS, PUBLIC_CATEGORIES, QPV_LABELS } =
  await import("~/utils/domain");
const { unitOf } = await import("~/utils/schemas/realisation");

type Timing = { label: string; rows: number; ms: number };
const timings: Timing[] = [];
async function time<T>(label: string, rows: number, fn: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await fn();
  timings.push({ label, rows, ms: performance.now() - started });
  return result;
}

try {
  const random = factories.createRandom(2026);
  const club = await factories.insertClub(prisma, { name: "Club du banc d'essai" });
  const company = await factories.insertCompany(prisma, { name: "Banc d'essai SA", random });
  const baselineCompany = await factories.insertCompany(prisma, { name: "Témoin SA", random });
  for (const c of [company, baselineCompany]) {
    await factories.addMembership(prisma, { companyId: c.id, clubId: club.id });
  }
  const user = await factories.insertUser(prisma, { name: "Banc d'essai" });
  await factories.grantRole(prisma, user.id, { role: "COMPANY", companyId: company.id });
  const commitment = await factories.insertCommitment(prisma, { companyId: company.id });

  // ------------------------------------------------------------ the files
  const header = imports.IMPORT_COLUMNS.map((c) => c.label);
  const allRows: Array<Array<string | number | Date>> = [];
  for (let i = 0; i < Math.max(ROWS, STALL_ROWS); i++) {
    const action = random.pick(ACTION_TYPES);
    const publicCategory = random.pick(PUBLIC_CATEGORIES);
    const date = new Date(Date.now() - random.int(1, 700) * 86_400_000);
    date.setUTCHours(0, 0, 0, 0);
    allRows.push([
      date,
      action.label,
      publicCategory.label,
      publicCategory.code === "OTHER" ? "Parents isolés" : "",
      action.isHire
        ? CONTRACT_TYPE_LABELS[random.pick(["CDI", "CDD_LONG", "INTERIM"] as const)]
        : "",
      action.defaultUnit === "EUROS" ? random.int(100, 50_000) : random.int(1, 5),
      random.pick([QPV_LABELS.YES, QPV_LABELS.NO, QPV_LABELS.UNKNOWN, ""]),
      random.chance(0.3) ? `Ligne ${i + 1} : action menée avec la mission locale` : "",
      // Only a realisation in the commitment's unit may count towards it (issue 18, point 2).
      random.chance(0.2) && action.defaultUnit === commitment.targetUnit ? commitment.id : "",
    ]);
  }
  const rows = allRows.slice(0, ROWS);
  const fr = (d: Date) => d.toISOString().slice(0, 10).split("-").reverse().join("/");
  const csvCell = (v: string | number | Date) => {
    const text = v instanceof Date ? fr(v) : String(v);
    return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const csvOf = (lines: typeof rows) =>
    new TextEncoder().encode(
      `\uFEFF${[header, ...lines].map((r) => r.map(csvCell).join(";")).join("\r\n")}\r\n`,
    );
  const csv = csvOf(rows);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Réalisations");
  sheet.addRow(header);
  for (const row of rows) sheet.addRow(row);
  sheet.getColumn(1).numFmt = "dd/mm/yyyy";
  const xlsx = new Uint8Array(await workbook.xlsx.writeBuffer());
  console.log(
    `Fichiers : CSV ${(csv.byteLength / 1024).toFixed(0)} Kio, XLSX ${(xlsx.byteLength / 1024).toFixed(0)} Kio, ${ROWS} lignes`,
  );

  // ------------------------------------------------------------ warm-up (JIT, SQLite cache)
  const warm = await imports.createImportDraft({
    companyId: company.id,
    userId: user.id,
    fileName: "echauffement.csv",
    bytes: new TextEncoder().encode(
      `${header.join(";")}\n${rows
        .slice(0, 200)
        .map((r) => r.map(csvCell).join(";"))
        .join("\n")}\n`,
    ),
  });
  await imports.confirmImport({
    companyId: company.id,
    actorId: user.id,
    draftId: warm.draftId,
    acceptDuplicate: true,
  });

  // ------------------------------------------------------------ parse + validate
  for (const [label, name, bytes] of [
    ["CSV : lecture + validation", "bench.csv", csv],
    ["XLSX : lecture + validation", "bench.xlsx", xlsx],
  ] as const) {
    const parsed = await time(label, ROWS, async () => {
      const result = await imports.parseRealisationFile(name, bytes);
      await imports.checkCommitments(prisma, company.id, result.rows);
      return result;
    });
    const invalid = parsed.rows.filter((r) => r.errors.length > 0);
    if (parsed.rows.length !== ROWS || invalid.length > 0) {
      throw new Error(`${name} : ${invalid.length} lignes en erreur, ex. ${invalid[0]?.errors}`);
    }
  }

  // ------------------------------------------------------------ preview draft, then confirm
  const { draftId } = await time(
    "CSV : aperçu complet (lecture, validation, brouillon)",
    ROWS,
    () =>
      imports.createImportDraft({
        companyId: company.id,
        userId: user.id,
        fileName: "bench.csv",
        bytes: csv,
      }),
  );
  const before = await prisma.realisation.count({ where: { companyId: company.id } });
  await time("Confirmation (transaction : lot + réalisations + audit)", ROWS, () =>
    imports.confirmImport({
      companyId: company.id,
      actorId: user.id,
      draftId,
      acceptDuplicate: true,
    }),
  );
  const written = (await prisma.realisation.count({ where: { companyId: company.id } })) - before;
  if (written !== ROWS) throw new Error(`${written} réalisations écrites au lieu de ${ROWS}`);

  // ------------------------------------------------------------ baseline: plain createMany
  const parsed = await imports.parseRealisationFile("bench.csv", csv);
  const plainRows = parsed.rows.map(({ input }) => ({
    companyId: baselineCompany.id,
    clubId: club.id,
    departementCode: club.departementCode,
    commitmentId: null,
    date: new Date(`${input!.date}T00:00:00Z`),
    actionTypeCode: input!.actionTypeCode,
    publicCategoryCode: input!.publicCategoryCode,
    otherPublicLabel: input!.otherPublicLabel ?? null,
    contractType: input!.contractType ?? null,
    quantity: input!.quantity,
    unit: unitOf(input!.actionTypeCode),
    qpv: input!.qpv,
    note: input!.note ?? "",
    createdById: user.id,
  }));
  await time("Témoin : createMany seul des mêmes lignes (transaction)", ROWS, () =>
    prisma.$transaction(async (tx) => tx.realisation.createMany({ data: plainRows }), {
      timeout: 120_000,
    }),
  );

  // ------------------------------------------------------------ a dashboard during a long import
  const { loader: dashboardLoader } = await import("~/routes/entreprise.$companyId._index");
  const { appRequest, sessionCookieFor } = await import("../tests/utils/session");
  const reader = await factories.insertUser(prisma, { name: "Autre membre" });
  await factories.grantRole(prisma, reader.id, { role: "COMPANY", companyId: baselineCompany.id });
  const cookie = await sessionCookieFor(reader.id);
  const dashboard = async () => {
    const started = performance.now();
    await dashboardLoader({
      request: appRequest(`/entreprise/${baselineCompany.id}`, { cookie }),
      params: { companyId: baselineCompany.id },
      context: {},
    });
    return performance.now() - started;
  };
  const p = (values: number[], q: number) =>
    [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))];
  for (let i = 0; i < 10; i++) await dashboard(); // warm-up
  const quiet: number[] = [];
  for (let i = 0; i < 100; i++) quiet.push(await dashboard());
  const stallDraft = await imports.createImportDraft({
    companyId: company.id,
    userId: user.id,
    fileName: "long.csv",
    bytes: csvOf(allRows.slice(0, STALL_ROWS)),
  });
  const during: number[] = [];
  let confirmed = false;
  const confirmStarted = performance.now();
  const confirming = imports
    .confirmImport({
      companyId: company.id,
      actorId: user.id,
      draftId: stallDraft.draftId,
      acceptDuplicate: true,
    })
    .finally(() => (confirmed = true));
  while (!confirmed) during.push(await dashboard());
  await confirming;
  const confirmMs = performance.now() - confirmStarted;

  // ------------------------------------------------------------ report
  const width = Math.max(...timings.map((t) => t.label.length));
  console.log("");
  for (const t of timings) {
    const perSecond = Math.round(t.rows / (t.ms / 1000));
    console.log(
      `${t.label.padEnd(width)}  ${t.ms.toFixed(0).padStart(6)} ms  ${perSecond.toLocaleString("fr-FR").padStart(9)} lignes/s`,
    );
  }
  const confirm = timings.find((t) => t.label.startsWith("Confirmation"))!;
  const baseline = timings.find((t) => t.label.startsWith("Témoin"))!;
  console.log(
    `\nConfirmation / témoin : ×${(confirm.ms / baseline.ms).toFixed(2)} (node ${process.version}, ${os.cpus().length} cœurs)`,
  );
  const ms = (v: number) => `${v.toFixed(1)} ms`;
  console.log(
    `\nTableau de bord d'un autre membre (${quiet.length} requêtes au calme) : p50 ${ms(p(quiet, 0.5))}, p95 ${ms(p(quiet, 0.95))}`,
  );
  console.log(
    `Pendant la confirmation de ${STALL_ROWS} lignes (${ms(confirmMs)}, ${during.length} requêtes) : p50 ${ms(p(during, 0.5))}, p95 ${ms(p(during, 0.95))}, max ${ms(Math.max(...during))}`,
  );
  console.log(`p95 pendant / p95 au calme : ×${(p(during, 0.95) / p(quiet, 0.95)).toFixed(2)}`);
} finally {
  await prisma.$disconnect();
  fs.rmSync(dir, { recursive: true, force: true });
}
