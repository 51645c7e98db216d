// Import of realisations from a file (CSV or XLSX): parse and validate every row with the shared
// realisation schema, keep the result in a draft for the preview, then — when the user confirms —
// write every row in one transaction (all or nothing). Also builds the downloadable templates.

import { createHash } from "node:crypto";
import { CsvError, parse as parseCsv } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { spreadsheetCsv } from "~/utils/downloads.server";
import {
  SheetReadError,
  readXlsxSheet,
  type SheetCell,
  type SheetFailure,
} from "~/utils/xlsx-sheet.server";
import { numberFormat } from "~/utils/format";
import { prisma, type Tx } from "~/utils/db.server";
import {
  ACTION_TYPES,
  CONTRACT_TYPES,
  CONTRACT_TYPE_LABELS,
  PUBLIC_CATEGORIES,
  QPV_LABELS,
} from "~/utils/domain";
import { commitmentUnit, unitMismatch } from "~/utils/commitment-unit";
import { realisationSchema, type RealisationInput } from "~/utils/schemas/realisation";
import { RealisationError, createRealisations } from "./realisation.server";

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
type Field = Exclude<keyof RealisationInput, "envoyerQuandMeme">;

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

const COLUMN_LABEL = Object.fromEntries(IMPORT_COLUMNS.map((c) => [c.field, c.label])) as Record<
  Field,
  string
>;

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

// ---------------------------------------------------------------- matching values

/** Lower case, no accents, letters and digits only: "Type d’Action " → "typedaction". */
export function normalizeKey(value: string) {
  return value
    .replace(/œ/gi, "oe")
    .replace(/æ/gi, "ae")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");
}

/** key → code, codes first, then labels, then labels without their parenthesis and its content. */
function lookup(entries: ReadonlyArray<{ code: string; label: string }>, extra: string[][] = []) {
  const map = new Map<string, string>();
  const add = (text: string, code: string) => {
    const key = normalizeKey(text);
    if (key && !map.has(key)) map.set(key, code);
  };
  for (const e of entries) add(e.code, e.code);
  for (const e of entries) add(e.label, e.code);
  for (const e of entries) {
    const bare = e.label.replace(/\s*\(([^)]*)\)\s*/g, " ");
    if (bare !== e.label) add(bare, e.code);
    for (const inner of e.label.matchAll(/\(([^)]*)\)/g)) add(inner[1], e.code);
  }
  for (const [text, code] of extra) add(text, code);
  return map;
}

const ACTION_TYPE_KEYS = lookup(ACTION_TYPES);
const PUBLIC_KEYS = lookup(PUBLIC_CATEGORIES, [["Autre", "OTHER"]]);
const CONTRACT_KEYS = lookup(
  CONTRACT_TYPES.map((code) => ({ code, label: CONTRACT_TYPE_LABELS[code] })),
);
const QPV_KEYS = new Map<string, string>(
  [
    ["oui", "YES"],
    ["yes", "YES"],
    ["o", "YES"],
    ["vrai", "YES"],
    ["non", "NO"],
    ["no", "NO"],
    ["n", "NO"],
    ["faux", "NO"],
    ["ne sait pas", "UNKNOWN"],
    ["nsp", "UNKNOWN"],
    ["unknown", "UNKNOWN"],
    ["inconnu", "UNKNOWN"],
  ].map(([text, code]) => [normalizeKey(text), code]),
);

// ---------------------------------------------------------------- cells

/** What a cell holds once read: text for CSV; text, number, date or boolean for XLSX. */
type Cell = SheetCell;

const pad = (n: number) => String(n).padStart(2, "0");
const isoOf = (d: Date) =>
  `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
const frenchDateOf = (d: Date) =>
  `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;

function cellText(cell: Cell | undefined): string {
  if (cell === undefined) return "";
  if (cell instanceof Date) return frenchDateOf(cell);
  if (typeof cell === "boolean") return cell ? "VRAI" : "FAUX";
  return String(cell).trim();
}

/** Excel's serial day numbers (1900 system) of 1950 … 2150, for numbers in the Date column. */
function excelSerialToDate(serial: number): Date | null {
  if (!Number.isFinite(serial) || serial < 18_264 || serial > 91_311) return null;
  return new Date(Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000);
}

/** "aaaa-mm-jj" for the schema, or an error of our own for a date that cannot exist. */
function normalizeDate(cell: Cell | undefined): { value?: string; error?: string } {
  if (cell === undefined) return {};
  if (cell instanceof Date) {
    return Number.isNaN(cell.getTime())
      ? { error: "Cette date n'existe pas." }
      : { value: isoOf(cell) };
  }
  if (typeof cell === "number") {
    const date = excelSerialToDate(cell);
    return { value: date ? isoOf(date) : String(cell) };
  }
  const text = cellText(cell).replace(
    /[T\s]+\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/,
    "",
  );
  if (!text) return {};
  let parts: [number, number, number] | null = null;
  const french = text.match(/^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})$/);
  const iso = text.match(/^(\d{4})-(\d{1,2})-(\d{1,2})$/);
  if (french) {
    const year = french[3].length === 2 ? 2000 + Number(french[3]) : Number(french[3]);
    parts = [year, Number(french[2]), Number(french[1])];
  } else if (iso) {
    parts = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  }
  // Anything else goes to the schema as it is, which explains the expected format.
  if (!parts) return { value: text };
  const [y, m, d] = parts;
  // An impossible day (31/02) is refused by the shared schema, as on the form.
  const pad = (n: number) => String(n).padStart(2, "0");
  return { value: `${String(y).padStart(4, "0")}-${pad(m)}-${pad(d)}` };
}

function normalizeListValue(
  cell: Cell | undefined,
  keys: Map<string, string>,
): { value?: string; error?: string } {
  const text = cellText(cell);
  if (!text) return {};
  const code = keys.get(normalizeKey(text));
  if (code) return { value: code };
  return {
    error: `« ${shorten(text, 60)} » ne fait pas partie de la liste (voir l'onglet « Listes » du modèle).`,
  };
}

function normalizeQuantity(cell: Cell | undefined): string | number | undefined {
  if (typeof cell === "number") return cell;
  const text = cellText(cell)
    .replace(/[\s\u00a0\u202f€]/g, "")
    .replace(",", ".");
  return text === "" ? undefined : text;
}

function normalizeQpv(cell: Cell | undefined): string | undefined {
  if (typeof cell === "boolean") return cell ? "YES" : "NO";
  const text = cellText(cell);
  if (!text) return undefined;
  // An unknown answer goes to the schema as it is, which says what is expected.
  return QPV_KEYS.get(normalizeKey(text)) ?? text;
}

/** The note of the template's example rows: a row carrying it is refused, never imported. */
export const EXAMPLE_MARKER = "EXEMPLE — ligne à supprimer";
/** Notes of the example rows in templates downloaded before the marker above. */
const EXAMPLE_NOTES = [EXAMPLE_MARKER, "Exemple : remplacez cette ligne par vos réalisations"].map(
  normalizeKey,
);
const EXAMPLE_ROW_ERROR = `Cette ligne est un exemple du modèle (« ${EXAMPLE_MARKER} ») ; supprimez-la ou remplacez-la par une vraie réalisation.`;
const isExampleNote = (note: string) => {
  const key = normalizeKey(note);
  return EXAMPLE_NOTES.some((marker) => key.startsWith(marker));
};

function shorten(text: string, max: number) {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

// ---------------------------------------------------------------- rows

export type ParsedRow = {
  /** The row's number in the file (as a spreadsheet numbers it: the header is line 1). */
  line: number;
  /** The validated realisation, when the row has no error. */
  input?: RealisationInput;
  /** French messages, each starting with the column's name. */
  errors: string[];
  /** The row's cells as text, by column label (for the preview of invalid rows). */
  raw: Record<string, string>;
  /** The Engagement cell as written (a label or an id), resolved by checkCommitments. */
  commitmentRef?: string;
};

export type ParsedFile = {
  format: "csv" | "xlsx";
  rows: ParsedRow[];
  /** Labels of the required columns the header row lacks (then no row is read). */
  columnsMissing: string[];
};

type Sheet = { header: Cell[]; headerLine: number; rows: Array<{ line: number; cells: Cell[] }> };

/** Where each known column is, from the header row; unknown columns are ignored. */
function mapColumns(header: Cell[]) {
  const positions = new Map<Field, number>();
  const keys = header.map((cell) => normalizeKey(cellText(cell)));
  for (const column of IMPORT_COLUMNS) {
    const accepted = [column.label, ...(column.aliases ?? [])].map(normalizeKey);
    const index = keys.findIndex((key) => accepted.includes(key));
    if (index >= 0) positions.set(column.field, index);
  }
  const columnsMissing = IMPORT_COLUMNS.filter((c) => c.required && !positions.has(c.field)).map(
    (c) => c.label,
  );
  return { positions, columnsMissing };
}

/** Maps one row's cells to a candidate realisation, then validates it with the shared schema. */
function validateRow(line: number, cells: Cell[], positions: Map<Field, number>): ParsedRow {
  const cell = (field: Field) => {
    const index = positions.get(field);
    const value = index === undefined ? undefined : cells[index];
    return typeof value === "string" && value.trim() === "" ? undefined : value;
  };
  const raw: Record<string, string> = {};
  for (const [field, index] of positions) {
    raw[COLUMN_LABEL[field]] = shorten(cellText(cells[index]), 200);
  }

  const fieldErrors = new Map<Field, string>();
  const mapped = <T>(field: Field, result: { value?: T; error?: string }) => {
    if (result.error) fieldErrors.set(field, result.error);
    return result.value;
  };
  const optionalText = (field: Field) => cellText(cell(field)) || undefined;

  const candidate = {
    date: mapped("date", normalizeDate(cell("date"))),
    actionTypeCode: mapped(
      "actionTypeCode",
      normalizeListValue(cell("actionTypeCode"), ACTION_TYPE_KEYS),
    ),
    publicCategoryCode: mapped(
      "publicCategoryCode",
      normalizeListValue(cell("publicCategoryCode"), PUBLIC_KEYS),
    ),
    otherPublicLabel: optionalText("otherPublicLabel"),
    contractType: mapped("contractType", normalizeListValue(cell("contractType"), CONTRACT_KEYS)),
    quantity: normalizeQuantity(cell("quantity")),
    qpv: normalizeQpv(cell("qpv")),
    note: optionalText("note"),
    // A label or an id: checkCommitments turns it into the commitment's id, or an error.
    commitmentId: undefined,
  };
  if (candidate.note && isExampleNote(candidate.note)) fieldErrors.set("note", EXAMPLE_ROW_ERROR);
  const commitmentRef = cellText(cell("commitmentId")) || undefined;

  const result = realisationSchema.safeParse(candidate);
  const messages = new Map<Field, string[]>();
  for (const [field, message] of fieldErrors) messages.set(field, [message]);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const field = issue.path[0] as Field;
      // A value we could not map already has its own, more precise, message; and of the
      // schema's checks only the first failing one is shown per column ("15 mars" is not a
      // date: saying it is also before 2018 would only confuse).
      if (fieldErrors.has(field) || messages.has(field)) continue;
      messages.set(field, [issue.message]);
    }
  }
  const errors = IMPORT_COLUMNS.flatMap((column) =>
    (messages.get(column.field) ?? []).map((message) => `${column.label} : ${message}`),
  );
  if (errors.length === 0 && result.success) {
    return { line, input: result.data, errors, raw, commitmentRef };
  }
  return { line, errors, raw, commitmentRef };
}

// ---------------------------------------------------------------- CSV

/** UTF-8 (with or without BOM), UTF-16 with a BOM, else Windows-1252 (older Excel exports). */
function decodeText(bytes: Uint8Array) {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("windows-1252").decode(bytes);
  }
}

/** The separator of the header line: `;` (Excel in French), `,` or a tab. */
export function detectDelimiter(text: string) {
  const firstLine = text.split(/\r?\n/).find((line) => line.trim() !== "") ?? "";
  const outsideQuotes = firstLine.replace(/"[^"]*"/g, "");
  const count = (char: string) => outsideQuotes.split(char).length - 1;
  const candidates = [";", "\t", ","].map((char) => ({ char, n: count(char) }));
  const best = candidates.reduce((a, b) => (b.n > a.n ? b : a));
  return best.n > 0 ? best.char : ";";
}

/** Lines starting with `#` (quoted or not) before the header: the template's explanations. Blanked
 *  rather than removed, so that the lines keep their numbers. Only before the header: further
 *  down a `#` may begin a real note, and a row is never dropped silently. */
function blankLeadingComments(text: string) {
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].replace(/^\uFEFF/, "");
    if (/^\s*"?#/.test(line)) lines[i] = line.endsWith("\r") ? "\r" : "";
    else if (line.trim() !== "") break;
  }
  return lines.join("\n");
}

function readCsv(bytes: Uint8Array): Sheet | null {
  const text = blankLeadingComments(decodeText(bytes));
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parseCsv(text, {
      delimiter: detectDelimiter(text),
      bom: true,
      info: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
      // The header, the allowed rows and one more to tell that there are too many.
      to: IMPORT_LIMITS.maxRows + 2,
    }) as unknown as Array<{ record: string[]; info: { lines: number } }>;
  } catch (error) {
    if (error instanceof CsvError) {
      const line = (error as CsvError & { lines?: number }).lines;
      throw new ImportFileError(
        `Le fichier CSV est mal formé${line ? ` vers la ligne ${line}` : ""} : vérifiez les guillemets (") et le séparateur.`,
      );
    }
    throw error;
  }
  // info.lines is the line where a record ends; a record with line breaks in a quoted cell began
  // that many lines earlier.
  const withLines = records.map(({ record, info }) => ({
    line: info.lines - record.reduce((n, field) => n + (field.match(/\n/g)?.length ?? 0), 0),
    cells: record as Cell[],
  }));
  const [header, ...rows] = withLines;
  if (!header) return null;
  return { header: header.cells, headerLine: header.line, rows };
}

// ---------------------------------------------------------------- XLSX

const XLSX_ERRORS: Record<SheetFailure, string> = {
  "not-xlsx":
    "Ce fichier n'est pas un classeur .xlsx lisible : enregistrez-le depuis votre tableur au format « Classeur Excel (.xlsx) » ou « CSV ».",
  "too-large":
    "Le fichier est trop volumineux une fois décompressé : gardez une seule feuille de réalisations, ou envoyez un fichier CSV.",
  "too-slow":
    "La lecture du classeur a pris trop de temps : gardez une seule feuille de réalisations, ou envoyez un fichier CSV.",
  unreadable:
    "Ce classeur .xlsx n'a pas pu être lu : enregistrez-le à nouveau depuis votre tableur, ou envoyez un fichier CSV.",
};

/** The realisations sheet, read in a worker within the limits (see xlsx-sheet.server.ts). */
async function readXlsx(bytes: Uint8Array): Promise<Sheet | null> {
  try {
    const { header, headerLine, rows } = await readXlsxSheet(bytes, {
      maxInflatedBytes: IMPORT_LIMITS.maxXlsxUncompressedBytes,
      // The header, the allowed rows and one more to tell that there are too many.
      maxRows: IMPORT_LIMITS.maxRows + 2,
      timeLimitMs: IMPORT_LIMITS.xlsxTimeLimitMs,
      memoryMb: IMPORT_LIMITS.xlsxWorkerMemoryMb,
    });
    return header ? { header, headerLine, rows } : null;
  } catch (error) {
    if (error instanceof SheetReadError) throw new ImportFileError(XLSX_ERRORS[error.reason]);
    throw error;
  }
}

// ---------------------------------------------------------------- the file

/**
 * Reads a CSV or XLSX file of realisations and validates each row with the realisation schema.
 * Throws ImportFileError (French message) when the file as a whole cannot be used. Does not look
 * at the database: see checkCommitments for the commitment ids.
 */
export async function parseRealisationFile(
  fileName: string,
  bytes: Uint8Array,
): Promise<ParsedFile> {
  const extension = fileName.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1];
  if (extension !== "csv" && extension !== "xlsx") {
    throw new ImportFileError(
      extension === "xls" || extension === "ods"
        ? `Les fichiers .${extension} ne sont pas acceptés : enregistrez-le au format .xlsx ou .csv depuis votre tableur.`
        : "Seuls les fichiers .csv et .xlsx sont acceptés.",
    );
  }
  if (bytes.byteLength > IMPORT_LIMITS.maxBytes) {
    throw new ImportFileError("Le fichier dépasse 10 Mo : découpez-le en plusieurs fichiers.");
  }
  if (bytes.byteLength === 0) throw new ImportFileError("Le fichier est vide.");

  const sheet = extension === "csv" ? readCsv(bytes) : await readXlsx(bytes);
  if (!sheet) throw new ImportFileError("Le fichier est vide.");
  if (sheet.rows.length > IMPORT_LIMITS.maxRows) {
    throw new ImportFileError(
      `Le fichier contient plus de ${numberFormat.format(IMPORT_LIMITS.maxRows)} lignes : découpez-le en plusieurs fichiers.`,
    );
  }
  const { positions, columnsMissing } = mapColumns(sheet.header);
  if (columnsMissing.length > 0) return { format: extension, rows: [], columnsMissing };
  const rows = sheet.rows.map(({ line, cells }) => validateRow(line, cells, positions));
  return { format: extension, rows, columnsMissing };
}

/** How the file names a commitment: "2026 — Ambition", as the template's "Engagements" sheet
 *  lists it (the year first, as in the realisation form's list). */
export function commitmentLabel(c: { year: number; ambition: string }) {
  return `${c.year} — ${c.ambition.replace(/\s+/g, " ").trim()}`;
}

/**
 * Resolves each row's Engagement cell to one of this company's commitments — by id, by its label
 * ("2026 — Ambition", or "Ambition (2026)"), or by its ambition alone when no other commitment of
 * the company has the same — and refuses the rows naming none, or several, or one counted in
 * another unit than the row's action type (the form's rule, realisation.server.ts), with a
 * French error.
 * Run again at confirmation on the resolved ids (a commitment deleted since the preview).
 */
export async function checkCommitments(
  db: Tx | typeof prisma,
  companyId: string,
  rows: ParsedRow[],
) {
  const refs = rows.map((r) => r.commitmentRef ?? r.input?.commitmentId);
  if (!refs.some(Boolean)) return;
  const commitments = await db.commitment.findMany({
    where: { companyId },
    select: { id: true, year: true, ambition: true, targetUnit: true, actionTypeCode: true },
  });
  // key → the ids it may name; a key naming two commitments is ambiguous.
  const byKey = new Map<string, Set<string>>();
  const add = (text: string, id: string) => {
    const key = normalizeKey(text);
    if (!key) return;
    byKey.set(key, (byKey.get(key) ?? new Set()).add(id));
  };
  const ids = new Set(commitments.map((c) => c.id));
  for (const c of commitments) {
    add(commitmentLabel(c), c.id);
    add(`${c.ambition} (${c.year})`, c.id);
    add(c.ambition, c.id);
  }
  rows.forEach((row, index) => {
    const ref = refs[index];
    if (!ref || !row.input) return;
    // An id is matched exactly (ids are case-sensitive); a label without case nor accents.
    const found = ids.has(ref) ? new Set([ref]) : byKey.get(normalizeKey(ref));
    if (found?.size === 1) {
      const id = [...found][0];
      const commitment = commitments.find((c) => c.id === id)!;
      const mismatch = unitMismatch(commitmentUnit(commitment), row.input.actionTypeCode);
      if (!mismatch) {
        row.input.commitmentId = id;
        return;
      }
      row.input = undefined;
      row.errors.push(`${COLUMN_LABEL.commitmentId} : ${mismatch}`);
      return;
    }
    row.input = undefined;
    row.errors.push(
      `${COLUMN_LABEL.commitmentId} : ${
        found && found.size > 1
          ? `« ${shorten(ref, 60)} » désigne plusieurs engagements de votre entreprise : écrivez-le avec son année, comme dans l'onglet « Engagements » du modèle (« 2026 — … »).`
          : `« ${shorten(ref, 60)} » ne correspond à aucun engagement de votre entreprise : recopiez son libellé depuis l'onglet « Engagements » du modèle.`
      }`,
    );
  });
}

export function sha256(bytes: Uint8Array | string) {
  return createHash("sha256").update(bytes).digest("hex");
}

/**
 * The hash of a file's rows as they would be recorded, in any order: the same realisations give
 * the same hash whether they come in a CSV or an XLSX file, re-saved, with columns or rows moved,
 * labels or codes, a commitment named by label or by id. The fields are listed one by one so
 * that the stored hashes do not change when the realisation schema gains a field.
 */
export function contentHash(inputs: RealisationInput[]) {
  return sha256(JSON.stringify(inputs.map(rowKey).sort()));
}

/** One realisation's recorded fields, as text: equal for the same realisation from any file. */
function rowKey(r: {
  date: string;
  actionTypeCode: string;
  publicCategoryCode: string;
  otherPublicLabel?: string | null;
  contractType?: string | null;
  quantity: number;
  qpv: string;
  note?: string | null;
  commitmentId?: string | null;
}) {
  return JSON.stringify([
    r.date,
    r.actionTypeCode,
    r.publicCategoryCode,
    r.otherPublicLabel ?? "",
    r.contractType ?? "",
    r.quantity,
    r.qpv,
    r.note ?? "",
    r.commitmentId ?? "",
  ]);
}

/**
 * The lines of a file already recorded by an earlier import — the trap of a cumulative file, sent
 * again each quarter with the old rows plus the new ones. Only a warning at the preview: two
 * identical realisations can be genuine (two hires of the same public on the same day), so the
 * rows cannot be refused one by one; each earlier realisation matches one line at most.
 */
async function linesAlreadyImported(companyId: string, rows: DraftRow[]) {
  if (rows.length === 0) return [];
  const dates = rows.map((r) => r.input.date).sort();
  const earlier = await prisma.realisation.findMany({
    where: {
      companyId,
      importBatchId: { not: null },
      date: {
        gte: new Date(`${dates[0]}T00:00:00Z`),
        lte: new Date(`${dates[dates.length - 1]}T00:00:00Z`),
      },
    },
    select: {
      date: true,
      actionTypeCode: true,
      publicCategoryCode: true,
      otherPublicLabel: true,
      contractType: true,
      quantity: true,
      qpv: true,
      note: true,
      commitmentId: true,
    },
  });
  const left = new Map<string, number>();
  for (const r of earlier) {
    const key = rowKey({ ...r, date: isoOf(r.date) });
    left.set(key, (left.get(key) ?? 0) + 1);
  }
  const lines: number[] = [];
  for (const row of rows) {
    const key = rowKey(row.input);
    const n = left.get(key) ?? 0;
    if (n > 0) {
      left.set(key, n - 1);
      lines.push(row.line);
    }
  }
  return lines;
}

// ---------------------------------------------------------------- drafts (preview)

export type DraftRow = { line: number; input: RealisationInput };
export type DraftErrorRow = { line: number; errors: string[]; raw: Record<string, string> };

/**
 * Parses and validates the file and keeps the result as a draft for the preview (rows with
 * errors too, to show them). Nothing is imported here. Throws ImportFileError.
 */
export async function createImportDraft({
  companyId,
  userId,
  fileName,
  bytes,
}: {
  companyId: string;
  userId: string;
  fileName: string;
  bytes: Uint8Array;
}) {
  const parsed = await parseRealisationFile(fileName, bytes);
  if (parsed.columnsMissing.length > 0) {
    const list = parsed.columnsMissing.map((c) => `« ${c} »`).join(", ");
    throw new ImportFileError(
      `${parsed.columnsMissing.length > 1 ? "Il manque les colonnes" : "Il manque la colonne"} ${list} : la première ligne du fichier doit porter les titres des colonnes du modèle.`,
    );
  }
  if (parsed.rows.length === 0) {
    throw new ImportFileError(
      "Le fichier ne contient aucune ligne de réalisation sous les titres de colonnes (dans le modèle Excel, écrivez-les dans l'onglet « Réalisations » : l'onglet « Exemples » n'est jamais importé).",
    );
  }
  await checkCommitments(prisma, companyId, parsed.rows);

  const ready: DraftRow[] = [];
  const invalid: DraftErrorRow[] = [];
  for (const row of parsed.rows) {
    if (row.input) ready.push({ line: row.line, input: row.input });
    else invalid.push({ line: row.line, errors: row.errors, raw: row.raw });
  }
  const now = new Date();
  // One pending preview per person and company, and none past its expiry.
  await prisma.importDraft.deleteMany({
    where: { OR: [{ expiresAt: { lt: now } }, { companyId, createdById: userId }] },
  });
  const draft = await prisma.importDraft.create({
    data: {
      companyId,
      createdById: userId,
      fileName: shorten(fileName, 200),
      fileHash: sha256(bytes),
      rows: JSON.stringify(ready),
      rowCount: ready.length,
      errorCount: invalid.length,
      errors: JSON.stringify(invalid.slice(0, PREVIEW_ERROR_ROWS)),
      expiresAt: new Date(now.getTime() + IMPORT_LIMITS.draftTtlMs),
    },
    select: { id: true },
  });
  return { draftId: draft.id, readyCount: ready.length, errorCount: invalid.length };
}

/**
 * The last confirmed import by this company of the same file (same bytes) or of the same rows
 * (same content hash, from another file), if any. Asked at the preview, to warn, and again inside
 * the confirmation's transaction: two previews of one file confirmed one after the other, or a
 * file sent again after its preview expired, are caught there.
 */
export async function findPreviousImport(
  db: Tx | typeof prisma,
  companyId: string,
  hashes: { fileHash: string; contentHash: string },
) {
  const previous = await db.importBatch.findFirst({
    where: {
      companyId,
      OR: [{ fileHash: hashes.fileHash }, { contentHash: hashes.contentHash }],
    },
    orderBy: { createdAt: "desc" },
    select: {
      createdAt: true,
      rowCount: true,
      fileName: true,
      fileHash: true,
      createdBy: { select: { name: true } },
    },
  });
  if (!previous) return null;
  const { fileHash, ...rest } = previous;
  return { ...rest, sameFile: fileHash === hashes.fileHash };
}

/** What the preview page shows of a draft of this company; null when absent or expired. */
export async function getImportPreview(companyId: string, draftId: string) {
  const draft = await prisma.importDraft.findFirst({ where: { id: draftId, companyId } });
  if (!draft || draft.expiresAt < new Date()) return null;
  const allReady = JSON.parse(draft.rows) as DraftRow[];
  const ready = allReady.slice(0, PREVIEW_READY_ROWS);
  const invalid = JSON.parse(draft.errors) as DraftErrorRow[];
  const commitmentIds = [
    ...new Set(ready.map((r) => r.input.commitmentId).filter((id): id is string => !!id)),
  ];
  const [previous, commitments, importedLines] = await Promise.all([
    findPreviousImport(prisma, companyId, {
      fileHash: draft.fileHash,
      contentHash: contentHash(allReady.map((r) => r.input)),
    }),
    prisma.commitment.findMany({
      where: { companyId, id: { in: commitmentIds } },
      select: { id: true, year: true, ambition: true },
    }),
    linesAlreadyImported(companyId, allReady),
  ]);
  const lines = [
    ...ready.map((r) => ({ line: r.line, input: r.input, errors: [] as string[], raw: {} })),
    ...invalid.map((r) => ({ line: r.line, input: null, errors: r.errors, raw: r.raw })),
  ].sort((a, b) => a.line - b.line);
  return {
    id: draft.id,
    fileName: draft.fileName,
    readyCount: draft.rowCount,
    errorCount: draft.errorCount,
    readyShown: ready.length,
    errorsShown: invalid.length,
    expiresAt: draft.expiresAt,
    lines,
    commitments: Object.fromEntries(
      commitments.map((c) => [c.id, `${shorten(c.ambition, 60)} (${c.year})`]),
    ),
    /** Lines found in earlier imports, when the file as a whole is not one of them. */
    alreadyImportedLines: previous ? [] : importedLines,
    previous: previous
      ? {
          createdAt: previous.createdAt,
          rowCount: previous.rowCount,
          fileName: previous.fileName,
          sameFile: previous.sameFile,
          byName: previous.createdBy?.name ?? null,
        }
      : null,
  };
}

/**
 * Imports a draft: an ImportBatch and all its realisations in ONE transaction, and the draft
 * deleted in it too (so a double submission imports once). Throws ImportConfirmError.
 */
export async function confirmImport({
  companyId,
  actorId,
  draftId,
  acceptDuplicate,
}: {
  companyId: string;
  actorId: string;
  draftId: string;
  acceptDuplicate: boolean;
}) {
  const draft = await prisma.importDraft.findFirst({ where: { id: draftId, companyId } });
  if (!draft) {
    throw new ImportConfirmError(
      "Cet aperçu n'existe plus (il a peut-être déjà été importé) : envoyez le fichier à nouveau.",
      404,
    );
  }
  if (draft.expiresAt < new Date()) {
    throw new ImportConfirmError("Cet aperçu a expiré : envoyez le fichier à nouveau.");
  }
  if (draft.errorCount > 0) {
    throw new ImportConfirmError(
      "Le fichier contient des lignes en erreur : corrigez-les dans le fichier, puis envoyez-le à nouveau. Rien n'a été enregistré.",
    );
  }
  const rows = JSON.parse(draft.rows) as DraftRow[];
  // The commitments were checked at the preview; one deleted since then is caught here, before
  // the transaction opens, with its line (createRealisations checks them again inside).
  const recheck: ParsedRow[] = rows.map((r) => ({ ...r, errors: [], raw: {} }));
  await checkCommitments(prisma, companyId, recheck);
  const gone = recheck.filter((r) => r.errors.length > 0).map((r) => r.line);
  if (gone.length > 0) {
    throw new ImportConfirmError(
      `Rien n'a été importé : l'engagement ${gone.length > 1 ? `des lignes ${gone.slice(0, 10).join(", ")}${gone.length > 10 ? "…" : ""}` : `de la ligne ${gone[0]}`} n'existe plus pour votre entreprise. Corrigez le fichier et envoyez-le à nouveau.`,
    );
  }
  const inputs = rows.map((row) => row.input);
  const hashes = { fileHash: draft.fileHash, contentHash: contentHash(inputs) };
  try {
    return await prisma.$transaction(
      async (tx) => {
        const deleted = await tx.importDraft.deleteMany({ where: { id: draft.id, companyId } });
        if (deleted.count !== 1) {
          throw new ImportConfirmError("Cet import a déjà été enregistré.", 409);
        }
        // Checked here, after the draft's deletion took the write lock: an import confirmed
        // meanwhile (another preview of the same file) is seen. A re-import is sometimes wanted
        // (a file deleted by mistake, the same quarter really done twice), hence the explicit
        // "Importer quand même" rather than a flat refusal.
        const previous = acceptDuplicate ? null : await findPreviousImport(tx, companyId, hashes);
        if (previous) {
          throw new ImportConfirmError(
            previous.sameFile
              ? "Ce fichier a déjà été importé : cochez « Importer quand même » pour l'importer une nouvelle fois."
              : `Les mêmes lignes ont déjà été importées depuis le fichier « ${previous.fileName} » : cochez « Importer quand même » pour les importer une nouvelle fois.`,
          );
        }
        const batch = await tx.importBatch.create({
          data: {
            companyId,
            fileName: draft.fileName,
            ...hashes,
            rowCount: inputs.length,
            createdById: actorId,
          },
          select: { id: true },
        });
        await createRealisations(tx, actorId, companyId, inputs, batch.id);
        return { importBatchId: batch.id, count: inputs.length, fileName: draft.fileName };
      },
      { maxWait: 10_000, timeout: 120_000 },
    );
  } catch (error) {
    if (error instanceof RealisationError) {
      throw new ImportConfirmError(
        `Rien n'a été importé : ${error.message} Vérifiez le fichier et envoyez-le à nouveau.`,
      );
    }
    throw error;
  }
}

// ---------------------------------------------------------------- templates

function exampleRows(today = new Date()) {
  const daysAgo = (n: number) => {
    const d = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()));
    d.setUTCDate(d.getUTCDate() - n);
    return d;
  };
  const label = <T extends { code: string; label: string }>(list: readonly T[], code: string) =>
    list.find((item) => item.code === code)!.label;
  return [
    [
      daysAgo(30),
      label(ACTION_TYPES, "HIRE"),
      label(PUBLIC_CATEGORIES, "DELD"),
      "",
      CONTRACT_TYPE_LABELS.CDI,
      1,
      QPV_LABELS.NO,
      `${EXAMPLE_MARKER}`,
      "",
    ],
    [
      daysAgo(7),
      label(ACTION_TYPES, "IMMERSION"),
      label(PUBLIC_CATEGORIES, "OTHER"),
      "Parents isolés",
      "",
      3,
      QPV_LABELS.UNKNOWN,
      `${EXAMPLE_MARKER} (les personnes se comptent, jamais de nom)`,
      "",
    ],
  ] as const;
}

/** The company's commitments, newest first, for the templates' lists. */
export async function listTemplateCommitments(companyId: string) {
  return prisma.commitment.findMany({
    where: { companyId },
    orderBy: [{ year: "desc" }, { createdAt: "desc" }],
    select: { id: true, year: true, ambition: true },
    take: 500,
  });
}

type TemplateCommitment = { id: string; year: number; ambition: string };

type WithValidations = {
  dataValidations: { add(address: string, validation: ExcelJS.DataValidation): void };
};

const HEADER_FILL: ExcelJS.Fill = {
  type: "pattern",
  pattern: "solid",
  fgColor: { argb: "FFE8EEF7" },
};

/**
 * The XLSX template: an empty "Réalisations" sheet (the one read on import) whose titles carry
 * their help as a comment, the example rows in a sheet of their own ("Exemples", never read), the
 * company's commitments ("Engagements") and the allowed values ("Listes"), offered as drop-down
 * lists in the columns.
 */
export async function buildTemplateXlsx(
  commitments: TemplateCommitment[],
): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Engagés";
  workbook.created = new Date();
  const widths: Record<Field, number> = {
    date: 14,
    actionTypeCode: 34,
    publicCategoryCode: 44,
    otherPublicLabel: 26,
    contractType: 26,
    quantity: 10,
    qpv: 13,
    note: 50,
    commitmentId: 50,
  };
  const dataSheet = (name: string) => {
    const sheet = workbook.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
    sheet.columns = IMPORT_COLUMNS.map((c) => ({
      header: c.label,
      key: c.field,
      width: widths[c.field],
    }));
    sheet.getRow(1).font = { bold: true };
    sheet.getRow(1).fill = HEADER_FILL;
    sheet.getColumn(1).numFmt = "dd/mm/yyyy";
    return sheet;
  };
  const sheet = dataSheet("Réalisations");
  IMPORT_COLUMNS.forEach((column, index) => {
    sheet.getCell(1, index + 1).note =
      `${column.required ? "Obligatoire" : "Facultatif"}. ${column.help}`;
  });
  const examples = dataSheet("Exemples");
  for (const row of exampleRows()) examples.addRow([...row]);
  examples.addRow([]);
  examples.addRow([
    "Ces lignes montrent comment remplir l'onglet « Réalisations » : elles ne sont jamais importées. Écrivez vos réalisations dans l'onglet « Réalisations ».",
  ]);

  const engagements = workbook.addWorksheet("Engagements");
  engagements.columns = [
    { header: "Engagement (à recopier dans la colonne « Engagement »)", width: 90 },
    { header: "Identifiant (accepté aussi)", width: 30 },
  ];
  engagements.getRow(1).font = { bold: true };
  engagements.getRow(1).fill = HEADER_FILL;
  for (const c of commitments) engagements.addRow([commitmentLabel(c), c.id]);
  if (commitments.length === 0) {
    engagements.addRow(["Votre entreprise n'a pas encore d'engagement : laissez la colonne vide."]);
  }

  const lists = workbook.addWorksheet("Listes");
  const listColumns: Array<{ header: string; values: string[]; width: number }> = [
    { header: "Type d'action", values: ACTION_TYPES.map((a) => a.label), width: 36 },
    { header: "Public", values: PUBLIC_CATEGORIES.map((p) => p.label), width: 48 },
    {
      header: "Type de contrat",
      values: CONTRACT_TYPES.map((c) => CONTRACT_TYPE_LABELS[c]),
      width: 28,
    },
    { header: "QPV", values: [QPV_LABELS.YES, QPV_LABELS.NO, QPV_LABELS.UNKNOWN], width: 14 },
  ];
  lists.columns = listColumns.map((c) => ({ header: c.header, width: c.width }));
  lists.getRow(1).font = { bold: true };
  listColumns.forEach((column, index) => {
    column.values.forEach((value, i) => {
      lists.getCell(i + 2, index + 1).value = value;
    });
  });

  // Drop-down lists on the first rows (warnings only: codes and ids are accepted too).
  const lastRow = 5_001;
  const letter = (field: Field) =>
    String.fromCharCode(65 + IMPORT_COLUMNS.findIndex((c) => c.field === field));
  const validations: Array<[Field, string]> = [
    ["actionTypeCode", `Listes!$A$2:$A$${ACTION_TYPES.length + 1}`],
    ["publicCategoryCode", `Listes!$B$2:$B$${PUBLIC_CATEGORIES.length + 1}`],
    ["contractType", `Listes!$C$2:$C$${CONTRACT_TYPES.length + 1}`],
    ["qpv", "Listes!$D$2:$D$4"],
  ];
  if (commitments.length > 0) {
    validations.push(["commitmentId", `Engagements!$A$2:$A$${commitments.length + 1}`]);
  }
  for (const [field, formula] of validations) {
    // exceljs has range validations at run time, but not in its type declarations.
    (sheet as unknown as WithValidations).dataValidations.add(
      `${letter(field)}2:${letter(field)}${lastRow}`,
      {
        type: "list",
        allowBlank: true,
        formulae: [formula],
        showErrorMessage: true,
        errorStyle: "warning",
        errorTitle: "Valeur hors liste",
        error:
          field === "commitmentId"
            ? "Choisissez un engagement de l'onglet « Engagements »."
            : "Choisissez une valeur de l'onglet « Listes ».",
      },
    );
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

/**
 * The CSV template: UTF-8 with a BOM (so Excel reads the accents), `;` as separator. Lines
 * starting with `#` before the titles explain it and list the company's commitments (they are
 * skipped on import); the example rows are marked in their Note, and refused if left in.
 */
export function buildTemplateCsv(commitments: TemplateCommitment[]) {
  const comment = (text: string) => [`# ${text}`];
  return spreadsheetCsv([
    comment(
      "Modèle d'import Engagés : une ligne par réalisation sous la ligne des titres. Les lignes qui commencent par # sont ignorées.",
    ),
    comment(
      `Les deux lignes marquées « ${EXAMPLE_MARKER} » sont des exemples : supprimez-les, sinon le fichier est refusé.`,
    ),
    ...(commitments.length > 0
      ? [
          comment("Colonne Engagement (facultative) : recopiez l'un de vos engagements :"),
          ...commitments.map((c) => comment(`  ${commitmentLabel(c)}`)),
        ]
      : [comment("Colonne Engagement : laissez-la vide (votre entreprise n'a pas d'engagement).")]),
    IMPORT_COLUMNS.map((c) => c.label),
    ...exampleRows().map((row) =>
      row.map((value) => (value instanceof Date ? frenchDateOf(value) : value)),
    ),
  ]);
}
