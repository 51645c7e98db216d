// The prefecture's exports of its filtered dashboard (XLSX and CSV): what the filters select,
// described in words first, then the figures and the member companies.

import type ExcelJS from "exceljs";
import { writeFiguresWorkbook } from "~/models/figures-workbook.server";
import { outcomeCsvLines } from "~/models/figures-outcomes-workbook.server";
import {
  describeFilters,
  listCompanyLines,
  parseDashboardFilters,
  scopeOf,
  type CompanyLine,
  type DashboardFilters,
} from "~/models/prefecture.server";
import { getFigures, type ScopeFigures } from "~/models/figures-report.server";
import { prisma } from "~/utils/db.server";
import { spreadsheetCsv, streamedXlsx } from "~/utils/downloads.server";
import { addHeaderedSheet } from "~/utils/workbook-sheets.server";
import { formatDateTime } from "~/utils/format";
import { zoneOfDepartement } from "~/utils/time/zones";

export type DepartementExport = {
  departement: { code: string; name: string };
  filters: DashboardFilters;
  clubs: Array<{ id: string; name: string }>;
  data: ScopeFigures;
  companies: CompanyLine[];
};

export async function loadDepartementExport(
  departementCode: string,
  url: URL,
  now = new Date(),
): Promise<DepartementExport | null> {
  const departement = await prisma.departement.findUnique({
    where: { code: departementCode },
    select: { code: true, name: true },
  });
  if (!departement) return null;
  const { clubs, ...filters } = await parseDashboardFilters(url, departementCode, now);
  const scope = scopeOf(departementCode, filters);
  const [data, companies] = await Promise.all([
    getFigures(scope, filters.period),
    listCompanyLines(scope, filters.period.current),
  ]);
  return { departement, filters, clubs, data, companies };
}

function fileSlug(e: DepartementExport) {
  const p = e.filters.period;
  const period =
    p.periode === "annee"
      ? `${p.year}`
      : p.periode === "mois"
        ? `${p.fromMonth}_${p.toMonth}`
        : `${p.year}-${p.periode}`;
  return `chiffres-${e.departement.code}-${period}`;
}

/**
 * What an export holds, in words: the département, each filter, what the URL asked for that could
 * not be applied, the extraction date and the source. The first sheet of the XLSX, the first
 * lines of the CSV.
 */
function exportDescription(e: DepartementExport, now: Date) {
  return [
    { name: "Département", value: `${e.departement.name} (${e.departement.code})` },
    ...describeFilters(e.filters, e.clubs),
    ...e.filters.notices.map((notice) => ({ name: "Filtre non appliqué tel quel", value: notice })),
    {
      name: "Date d'extraction",
      value: formatDateTime(now, zoneOfDepartement(e.departement.code)),
    },
    {
      name: "Source",
      value:
        "Réalisations déclarées par les entreprises des clubs du département (dates des réalisations, en UTC). Aucune donnée personnelle.",
    },
  ];
}

/**
 * XLSX: the filters first, then key figures, one sheet per breakdown, trend, companies — streamed
 * (a big département has thousands of companies, each row leaves memory once written).
 */
export function buildDepartementWorkbook(e: DepartementExport, now = new Date()) {
  return {
    stream: streamedXlsx((workbook) => writeDepartementWorkbook(workbook, e, now)),
    fileName: `${fileSlug(e)}.xlsx`,
  };
}

function writeDepartementWorkbook(workbook: ExcelJS.Workbook, e: DepartementExport, now: Date) {
  writeFiguresWorkbook(workbook, exportDescription(e, now), e.data, now);
  const sheet = addHeaderedSheet(workbook, "Entreprises", [
    { header: "Entreprise", key: "name", width: 40 },
    { header: "SIRET", key: "siret", width: 16 },
    { header: "Club", key: "clubName", width: 30 },
    { header: "Engagements", key: "commitments", width: 13 },
    { header: "En cours", key: "ACTIVE", width: 10 },
    { header: "Atteints", key: "ACHIEVED", width: 10 },
    { header: "Brouillons", key: "DRAFT", width: 11 },
    { header: "Abandonnés", key: "ABANDONED", width: 12 },
    { header: "Réalisations", key: "realisations", width: 13 },
    { header: "Personnes", key: "people", width: 11 },
    { header: "Dernière déclaration", key: "last", width: 20 },
  ]);
  for (const c of e.companies) {
    sheet
      .addRow({
        ...c,
        ...c.byStatus,
        last: c.lastDeclaration ? c.lastDeclaration.slice(0, 10) : "",
      })
      .commit();
  }
}

/**
 * CSV (`;`, UTF-8 BOM): first the export's description, one `filter;value` line each (as the
 * XLSX's "Filtres" sheet), an empty line, then one line per breakdown row — breakdown, category,
 * quantity, count — and the monthly trend.
 */
export function buildDepartementCsv(e: DepartementExport, now = new Date()) {
  const lines: Array<Array<string | number>> = [
    ...exportDescription(e, now).map((d) => [d.name, d.value]),
    [],
    ["Répartition", "Catégorie", "Quantité", "Déclarations"],
  ];
  for (const b of e.data.breakdowns)
    for (const r of b.rows) lines.push([b.title, r.label, r.quantity, r.count]);
  for (const m of e.data.trend)
    lines.push(["Tendance mensuelle (personnes, déclarations)", m.month, m.people, m.count]);
  lines.push(...outcomeCsvLines(e.data.outcomes));
  return { body: spreadsheetCsv(lines), fileName: `${fileSlug(e)}.csv` };
}
