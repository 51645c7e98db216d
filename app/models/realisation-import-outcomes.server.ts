// The outcome columns of a realisation import (issue 15, decision 026): for each milestone, how
// many of the row's people are in each situation. Optional; a milestone's cells are all empty or
// add up to the row's Nombre, for a followed realisation whose milestone has fallen due. Checked
// at the preview with the other cells (French errors, per cell), written with the realisations
// in the confirmation's one transaction.
import { randomUUID } from "node:crypto";
import { audit } from "~/utils/audit.server";
import type { Tx } from "~/utils/db.server";
import { formatDay } from "~/utils/format";
import {
  FOLLOWED_ACTION_TYPES,
  OUTCOME_MILESTONES,
  OUTCOME_SITUATIONS,
  addMonths,
  type OutcomeCounts,
} from "~/utils/outcomes";
import type { RealisationInput } from "~/utils/schemas/realisation";
import { unitOf } from "~/utils/schemas/realisation";
import { PARIS } from "~/utils/time/zones";
import { calendarDay } from "~/utils/time/wall-clock";
import {
  cellText,
  normalizeKey,
  type Cell,
  type ParsedRow,
} from "./realisation-import-rows.server";

const SHORT: Record<string, string> = {
  stillInCompany: "dans l'entreprise",
  employedElsewhere: "en emploi ailleurs",
  inTraining: "en formation",
  jobSeeking: "en recherche d'emploi",
  unknown: "situation inconnue",
};

/** The outcome columns, after the realisation's: « Suivi 6 mois : dans l'entreprise »… */
export const OUTCOME_IMPORT_COLUMNS = OUTCOME_MILESTONES.flatMap((months) =>
  OUTCOME_SITUATIONS.map((s) => ({
    months,
    key: s.key,
    label: `Suivi ${months} mois : ${SHORT[s.key]}`,
    help: `Facultatif : combien des personnes de la ligne sont ${SHORT[s.key]} ${months} mois après la date. Remplissez les cinq colonnes du suivi ou aucune ; elles totalisent le Nombre.`,
  })),
);

export type ImportedOutcome = { months: number } & OutcomeCounts;

/** Where each outcome column is in the header row (absent columns: no outcome read). */
export function mapOutcomeColumns(header: Cell[]) {
  const keys = header.map((cell) => normalizeKey(cellText(cell)));
  const positions = new Map<string, number>();
  for (const column of OUTCOME_IMPORT_COLUMNS) {
    const index = keys.indexOf(normalizeKey(column.label));
    if (index >= 0) positions.set(column.label, index);
  }
  return positions;
}

/**
 * Reads a row's outcome cells into its `outcomes`, or adds French errors (the row is then not
 * imported, like any row with an error). `today` is the calendar day in Paris.
 */
export function readRowOutcomes(
  row: ParsedRow,
  cells: Cell[],
  positions: Map<string, number>,
  today = calendarDay(new Date(), PARIS),
) {
  if (positions.size === 0) return row;
  const outcomes: ImportedOutcome[] = [];
  const errors: string[] = [];
  for (const months of OUTCOME_MILESTONES) {
    const columns = OUTCOME_IMPORT_COLUMNS.filter((c) => c.months === months);
    const texts = columns.map((c) => {
      const index = positions.get(c.label);
      const text = index === undefined ? "" : cellText(cells[index]);
      if (text) row.raw[c.label] = text.slice(0, 200);
      return text;
    });
    if (texts.every((t) => t === "")) continue;
    const counts = {} as OutcomeCounts;
    let bad = false;
    columns.forEach((c, i) => {
      const n = texts[i] === "" ? 0 : Number(texts[i].replace(",", "."));
      if (!Number.isInteger(n) || n < 0) {
        errors.push(`${c.label} : indiquez un nombre entier (0 si personne).`);
        bad = true;
      }
      counts[c.key] = n;
    });
    const input = row.input;
    if (bad || !input) continue;
    const prefix = `Suivi ${months} mois`;
    const followed =
      (FOLLOWED_ACTION_TYPES as readonly string[]).includes(input.actionTypeCode) &&
      unitOf(input.actionTypeCode) === "PEOPLE";
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    const dueOn = addMonths(input.date, months);
    if (!followed) {
      errors.push(
        `${prefix} : le devenir des personnes se renseigne pour les recrutements, alternances, immersions, formations et prêts de main-d'œuvre.`,
      );
    } else if (dueOn > today) {
      errors.push(`${prefix} : ce suivi se renseigne à partir du ${formatDay(dueOn)}.`);
    } else if (total !== input.quantity) {
      errors.push(
        `${prefix} : les situations doivent totaliser ${input.quantity} (le Nombre de la ligne) ; vous en indiquez ${total}.`,
      );
    } else outcomes.push({ months, ...counts });
  }
  if (errors.length > 0) return { ...row, input: undefined, errors: [...row.errors, ...errors] };
  return outcomes.length > 0 ? { ...row, outcomes } : row;
}

/**
 * Writes the outcomes of an import's rows, inside its transaction, once its realisations are in:
 * each row's outcomes go to one realisation of the batch with the same values (identical rows
 * are interchangeable).
 */
export async function createImportedOutcomes(
  tx: Tx,
  actorId: string,
  companyId: string,
  importBatchId: string,
  rows: Array<{ input: RealisationInput; outcomes?: ImportedOutcome[] }>,
) {
  const withOutcomes = rows.filter((r) => r.outcomes?.length);
  if (withOutcomes.length === 0) return;
  const created = await tx.realisation.findMany({
    where: { importBatchId },
    orderBy: { id: "asc" },
    select: {
      id: true,
      date: true,
      actionTypeCode: true,
      publicCategoryCode: true,
      quantity: true,
      contractType: true,
      note: true,
      clubId: true,
    },
  });
  const keyOf = (r: {
    date: string;
    actionTypeCode: string;
    publicCategoryCode: string;
    quantity: number;
    contractType?: string | null;
    note?: string | null;
  }) =>
    [
      r.date,
      r.actionTypeCode,
      r.publicCategoryCode,
      r.quantity,
      r.contractType ?? "",
      r.note ?? "",
    ].join("|");
  const free = new Map<string, typeof created>();
  for (const r of created) {
    const key = keyOf({ ...r, date: r.date.toISOString().slice(0, 10) });
    free.set(key, [...(free.get(key) ?? []), r]);
  }
  const now = new Date();
  let count = 0;
  for (const row of withOutcomes) {
    const realisation = free.get(keyOf(row.input))?.shift();
    if (!realisation) throw new Error("Réalisation importée introuvable pour son suivi.");
    for (const o of row.outcomes!) {
      await tx.realisationOutcome.create({
        data: {
          id: randomUUID(),
          realisationId: realisation.id,
          people: realisation.quantity,
          createdAt: now,
          ...o,
        },
      });
      count++;
    }
  }
  await audit(tx, {
    actorId,
    action: "OUTCOME",
    entityType: "ImportBatch",
    entityId: importBatchId,
    companyId,
    clubId: created[0]?.clubId,
    after: { rows: count },
  });
}
