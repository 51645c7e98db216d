// The outcome sheets of the exports (issue 15, decision 029): the rates as the figures pages show
// them (club, département) and, in a company's own export, its recorded outcomes and its rates.

import type ExcelJS from "exceljs";
import { prisma } from "~/utils/db.server";
import { ACTION_TYPES, PUBLIC_CATEGORIES } from "~/utils/domain";
import { OUTCOME_RATES, type OutcomeRow } from "~/utils/outcome-rates";
import { OUTCOME_SITUATIONS } from "~/utils/outcomes";
import { addHeaderedSheet } from "~/utils/workbook-sheets.server";
import { outcomeFigures, type OutcomeFigures } from "./figures-outcomes.server";
import { OUTCOME_COUNTS_SELECT } from "./outcomes.server";
import { yearPeriod } from "./figures.server";

const SHEET = "Devenir des personnes";

/** One line per category: each rate, the people it rests on, and the share not reported yet. */
export function writeOutcomeSheet(
  workbook: ExcelJS.Workbook,
  outcomes: OutcomeFigures,
  name = SHEET,
) {
  const sheet = addHeaderedSheet(workbook, name, [
    { header: "Répartition", key: "group", width: 20 },
    { header: "Catégorie", key: "label", width: 48 },
    ...OUTCOME_RATES.flatMap((r) => [
      { header: `${r.label} (%)`, key: `${r.key}.rate`, width: 16 },
      { header: `${r.label} : personnes`, key: `${r.key}.people`, width: 16 },
      { header: `${r.label} : non renseigné (%)`, key: `${r.key}.notReported`, width: 18 },
    ]),
  ]);
  const pct = (share: number | null) => (share === null ? "" : Math.round(share * 1000) / 10);
  const add = (group: string, row: OutcomeRow) =>
    sheet.addRow({
      group,
      label: row.label,
      ...Object.fromEntries(
        OUTCOME_RATES.flatMap(({ key }) => [
          [`${key}.rate`, pct(row[key].rate)],
          [`${key}.people`, row[key].people],
          [`${key}.notReported`, pct(row[key].notReported)],
        ]),
      ),
    });
  add("Ensemble", outcomes.total);
  for (const b of outcomes.breakdowns) for (const row of b.rows) add(b.title, row);
  sheet.addRow({});
  sheet.addRow({
    label:
      "Suivis à 6 et 12 mois échus pendant la période. En emploi : dans l'entreprise ou ailleurs, parmi les personnes recrutées (recrutements, alternances, prêts) ; accès à l'emploi : parmi les personnes en immersion ou en formation ; métier visé : formations qui en nomment un.",
  });
}

const labelOf = (list: ReadonlyArray<{ code: string; label: string }>, code: string) =>
  list.find((e) => e.code === code)?.label ?? code;

/** A company's own export: every outcome it recorded, and its rates for the year under way. */
export async function addCompanyOutcomeSheets(
  workbook: ExcelJS.Workbook,
  companyId: string,
  now: Date,
) {
  const [recorded, rates] = await Promise.all([
    prisma.realisationOutcome.findMany({
      where: { realisation: { companyId } },
      orderBy: [{ realisation: { date: "asc" } }, { months: "asc" }],
      select: {
        ...OUTCOME_COUNTS_SELECT,
        months: true,
        reachedTarget: true,
        realisation: { select: { date: true, actionTypeCode: true, publicCategoryCode: true } },
      },
    }),
    outcomeFigures({ companyId }, yearPeriod(now.getUTCFullYear()), now),
  ]);
  const sheet = addHeaderedSheet(workbook, "Suivis renseignés", [
    { header: "Date de la réalisation", key: "date", width: 14 },
    { header: "Type d'action", key: "action", width: 30 },
    { header: "Public", key: "public", width: 40 },
    { header: "Suivi (mois)", key: "months", width: 12 },
    { header: "Personnes", key: "people", width: 11 },
    ...OUTCOME_SITUATIONS.map((s) => ({ header: s.label, key: s.key, width: 18 })),
    { header: "Au métier visé", key: "reachedTarget", width: 14 },
  ]);
  for (const o of recorded) {
    sheet.addRow({
      ...o,
      date: o.realisation.date.toISOString().slice(0, 10),
      action: labelOf(ACTION_TYPES, o.realisation.actionTypeCode),
      public: labelOf(PUBLIC_CATEGORIES, o.realisation.publicCategoryCode),
      reachedTarget: o.reachedTarget ?? "",
    });
  }
  writeOutcomeSheet(workbook, rates, `${SHEET} ${now.getUTCFullYear()}`);
}

/** The same rates as CSV lines (after the other figures, with their own header line). */
export function outcomeCsvLines(outcomes: OutcomeFigures): Array<Array<string | number>> {
  const pct = (share: number | null) =>
    share === null ? "" : `${Math.round(share * 1000) / 10} %`;
  const lines: Array<Array<string | number>> = [
    [],
    ["Devenir des personnes", "Catégorie", "Taux", "Personnes", "Non renseigné", "Indicateur"],
  ];
  const groups = [{ title: "Ensemble", rows: [outcomes.total] }, ...outcomes.breakdowns];
  for (const g of groups)
    for (const row of g.rows)
      for (const r of OUTCOME_RATES)
        if (row[r.key].people > 0 || row[r.key].due > 0)
          lines.push([
            g.title,
            row.label,
            pct(row[r.key].rate),
            row[r.key].people,
            pct(row[r.key].notReported),
            r.label,
          ]);
  return lines;
}
