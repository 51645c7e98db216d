// The columns and limits of a realisation import, and its two errors: what a file must hold,
// as the template, the parser and the preview page all say it.

import type { RealisationInput } from "~/utils/schemas/realisation";

// ---------------------------------------------------------------- limits and columns

export const IMPORT_LIMITS = {
  /** Size of the uploaded file. */
  maxBytes: 10 * 1024 * 1024,
  /** Data rows (the header row and empty lines not counted). */
  maxRows: 20_000,
  /** Bytes actually inflated from an XLSX file, all parts together (a 10 MB zip must not
   *  inflate to gigabytes); reading stops earlier once it has the rows. */
  maxXlsxUncompressedBytes: 150 * 1024 * 1024,
  /** Reading an XLSX file, in a worker: its time and its memory. */
  xlsxTimeLimitMs: 20_000,
  xlsxWorkerMemoryMb: 256,
  /** How long a preview may be confirmed. */
  draftTtlMs: 60 * 60 * 1000,
} as const;

/** Rows of each kind the preview shows (all counted; the file is still imported whole). */
export const PREVIEW_READY_ROWS = 200;
export const PREVIEW_ERROR_ROWS = 1_000;

// The columns of an import: the form's fields, less the form's own confirmation (an import has none).
export type Field = Exclude<keyof RealisationInput, "envoyerQuandMeme">;

export const IMPORT_COLUMNS: ReadonlyArray<{
  field: Field;
  label: string;
  required: boolean;
  help: string;
  aliases?: string[];
}> = [
  {
    field: "date",
    label: "Date",
    required: true,
    help: "jj/mm/aaaa (ou aaaa-mm-jj, ou une cellule date d'Excel), entre 2018 et aujourd'hui.",
  },
  {
    field: "actionTypeCode",
    label: "Type d'action",
    required: true,
    help: "Recrutement, Contrat en alternance, Stage… (voir l'onglet « Listes » du modèle).",
    aliases: ["Action"],
  },
  {
    field: "publicCategoryCode",
    label: "Public",
    required: true,
    help: "Demandeurs d'emploi de longue durée, Bénéficiaires du RSA… ou « Autre public ».",
    aliases: ["Public cible"],
  },
  {
    field: "otherPublicLabel",
    label: "Précision du public",
    required: false,
    help: "Obligatoire quand le public est « Autre public » (100 caractères au plus).",
  },
  {
    field: "contractType",
    label: "Type de contrat",
    required: false,
    help: "Obligatoire pour un recrutement ou un contrat en alternance : CDI, Intérim…",
    aliases: ["Contrat"],
  },
  {
    field: "quantity",
    label: "Nombre",
    required: true,
    help: "Un nombre entier : personnes, euros pour un achat inclusif, heures pour le bénévolat.",
    aliases: ["Quantité"],
  },
  {
    field: "qpv",
    label: "QPV",
    required: false,
    help: "Oui, Non ou Ne sait pas (vide : ne sait pas).",
  },
  {
    field: "note",
    label: "Note",
    required: false,
    help: "Facultatif, 1 000 caractères au plus. Jamais de nom de personne.",
    aliases: ["Commentaire"],
  },
  {
    field: "commitmentId",
    label: "Engagement",
    required: false,
    help: "Facultatif : l'engagement tel qu'il s'affiche, avec son année (« 2026 — Recruter dix jeunes du quartier », voir l'onglet « Engagements » du modèle), ou son identifiant.",
    aliases: ["Identifiant de l'engagement", "Engagement (identifiant)", "Engagement (libellé)"],
  },
];

export const COLUMN_LABEL = Object.fromEntries(
  IMPORT_COLUMNS.map((c) => [c.field, c.label]),
) as Record<Field, string>;

/** A problem with the file as a whole (format, size, columns): a French message for the user. */
export class ImportFileError extends Error {}

/** Why a confirmation was refused, with the HTTP status to answer. */
export class ImportConfirmError extends Error {
  constructor(
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}
