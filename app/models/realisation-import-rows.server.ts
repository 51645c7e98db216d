// One row of an import file to a candidate realisation: list values matched to their codes by
// code or label, cells (text, Excel numbers and dates) normalised, then the shared realisation
// schema.

import type { ImportedOutcome } from "./realisation-import-outcomes.server";
import type { SheetCell } from "~/utils/xlsx-sheet.server";
import { fold } from "~/utils/text";
import {
  ACTION_TYPES,
  CONTRACT_TYPES,
  CONTRACT_TYPE_LABELS,
  PUBLIC_CATEGORIES,
} from "~/utils/domain";
import { realisationSchema, type RealisationInput } from "~/utils/schemas/realisation";
import { COLUMN_LABEL, IMPORT_COLUMNS, type Field } from "./realisation-import-columns.server";

// ---------------------------------------------------------------- matching values

/** Lower case, no accents, letters and digits only: "Type d’Action " → "typedaction". */
export function normalizeKey(value: string) {
  return fold(value)
    .replace(/œ/g, "oe")
    .replace(/æ/g, "ae")
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
export type Cell = SheetCell;

const pad = (n: number) => String(n).padStart(2, "0");
export const isoOf = (d: Date) =>
  `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
export const frenchDateOf = (d: Date) =>
  `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;

export function cellText(cell: Cell | undefined): string {
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

export function shorten(text: string, max: number) {
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
  /** Its outcomes at 6 and 12 months, when its outcome columns are filled. */
  outcomes?: ImportedOutcome[];
};

export type ParsedFile = {
  format: "csv" | "xlsx";
  rows: ParsedRow[];
  /** Labels of the required columns the header row lacks (then no row is read). */
  columnsMissing: string[];
};

export type Sheet = {
  header: Cell[];
  headerLine: number;
  rows: Array<{ line: number; cells: Cell[] }>;
};

/** Where each known column is, from the header row; unknown columns are ignored. */
export function mapColumns(header: Cell[]) {
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
export function validateRow(line: number, cells: Cell[], positions: Map<Field, number>): ParsedRow {
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
