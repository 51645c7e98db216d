// The sheets every figures export shares (club, département): key figures, one sheet per
// breakdown and the monthly trend, as the figures pages show them.

import ExcelJS from "exceljs";
import type { ScopeFigures } from "~/models/figures-report.server";
import { writeOutcomeSheet } from "~/models/figures-outcomes-workbook.server";
import { addHeaderedSheet } from "~/utils/workbook-sheets.server";

const KEY_FIGURE_LABELS = [
  ["companiesEngaged", "Entreprises engagées"],
  ["activeCommitments", "Engagements en cours ou atteints"],
  ["realisations", "Réalisations déclarées"],
  ["peopleHired", "Personnes recrutées"],
] as const;

/** The key figures, one sheet per breakdown and the monthly trend, as the figures pages show them. */
export function writeFigureSheets(workbook: ExcelJS.Workbook, data: ScopeFigures) {
  const keySheet = workbook.addWorksheet("Chiffres clés");
  keySheet.columns = [
    { header: "Indicateur", key: "label", width: 38 },
    { header: "Période", key: "now", width: 14 },
    { header: "Un an plus tôt", key: "before", width: 16 },
    { header: "Évolution", key: "diff", width: 12 },
  ];
  keySheet.getRow(1).font = { bold: true };
  for (const [key, label] of KEY_FIGURE_LABELS) {
    const now = data.figures[key];
    const before = data.previousFigures[key];
    keySheet.addRow({ label, now, before, diff: now - before });
  }

  for (const b of data.breakdowns) {
    const sheet = addHeaderedSheet(workbook, b.sheet, [
      { header: "Catégorie", key: "label", width: 56 },
      { header: b.quantityHeader, key: "quantity", width: 20 },
      { header: "Déclarations", key: "count", width: 14 },
    ]);
    for (const row of b.rows) sheet.addRow(row);
    sheet.addRow({});
    sheet.addRow({ label: b.note });
  }

  const trendSheet = addHeaderedSheet(workbook, "Tendance mensuelle", [
    { header: "Mois", key: "month", width: 12 },
    { header: "Personnes", key: "people", width: 14 },
    { header: "Déclarations", key: "count", width: 14 },
  ]);
  for (const m of data.trend) trendSheet.addRow(m);

  writeOutcomeSheet(workbook, data.outcomes);
}

/**
 * A figures workbook: first a "Filtres" sheet saying in words what the export holds (scope,
 * period, filters, extraction date, source), then the figure sheets.
 */
export function writeFiguresWorkbook(
  workbook: ExcelJS.Workbook,
  description: Array<{ name: string; value: string }>,
  data: ScopeFigures,
  now: Date,
) {
  workbook.creator = "Engagés";
  workbook.created = now;
  const about = workbook.addWorksheet("Filtres");
  about.columns = [
    { header: "Filtre", key: "name", width: 34 },
    { header: "Valeur", key: "value", width: 80 },
  ];
  about.getRow(1).font = { bold: true };
  for (const row of description) about.addRow(row); // the streaming writer has no addRows
  writeFigureSheets(workbook, data);
}
