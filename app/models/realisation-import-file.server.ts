// A whole import file read: CSV (encoding, separator, the template's comment lines) or XLSX (in
// a worker), its rows parsed, its commitments resolved, and the hashes that spot a file or a
// realisation sent twice.

import { mapOutcomeColumns, readRowOutcomes } from "./realisation-import-outcomes.server";
import { createHash } from "node:crypto";
import { CsvError, parse as parseCsv } from "csv-parse/sync";
import { SheetReadError, readXlsxSheet, type SheetFailure } from "~/utils/xlsx-sheet.server";
import { numberFormat } from "~/utils/format";
import { prisma, type Tx } from "~/utils/db.server";
import { commitmentUnit, unitMismatch } from "~/utils/commitment-unit";
import type { RealisationInput } from "~/utils/schemas/realisation";
import { COLUMN_LABEL, IMPORT_LIMITS, ImportFileError } from "./realisation-import-columns.server";
import {
  mapColumns,
  normalizeKey,
  shorten,
  validateRow,
  type Cell,
  type ParsedFile,
  type ParsedRow,
  type Sheet,
} from "./realisation-import-rows.server";

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
  const outcomePositions = mapOutcomeColumns(sheet.header);
  const rows = sheet.rows.map(({ line, cells }) =>
    readRowOutcomes(validateRow(line, cells, positions), cells, outcomePositions),
  );
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
export function rowKey(r: {
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
