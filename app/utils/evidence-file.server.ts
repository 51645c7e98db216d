// Supporting files sent for a verification (decision 032) are trusted by their bytes, not by the
// name or the type the browser declares: a PDF starts with %PDF-, an XLSX is a ZIP that the
// bounded sheet reader opens as a workbook (in its worker, a zip bomb cannot hurt), a CSV is UTF-8
// text without control characters.
import { readXlsxSheet } from "./xlsx-sheet.server";

export const EVIDENCE_MAX_BYTES = 5 * 1024 * 1024;

export const EVIDENCE_TYPES = {
  pdf: "application/pdf",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  csv: "text/csv",
} as const;
export type EvidenceType = (typeof EVIDENCE_TYPES)[keyof typeof EVIDENCE_TYPES];

const startsWith = (bytes: Uint8Array, text: string) =>
  bytes.length >= text.length && [...text].every((c, i) => bytes[i] === c.charCodeAt(0));

async function isWorkbook(bytes: Uint8Array) {
  try {
    await readXlsxSheet(bytes, {
      maxInflatedBytes: 8 * EVIDENCE_MAX_BYTES,
      maxRows: 1,
      timeLimitMs: 5_000,
      memoryMb: 64,
    });
    return true;
  } catch {
    return false;
  }
}

function isCsvText(name: string, bytes: Uint8Array) {
  if (!/\.(csv|txt)$/i.test(name)) return false;
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return false;
  }
  // eslint-disable-next-line no-control-regex
  return text.trim().length > 0 && !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text);
}

/** The type the file's bytes show, or null when it is none of PDF, XLSX, CSV. */
export async function sniffEvidenceType(
  name: string,
  bytes: Uint8Array,
): Promise<EvidenceType | null> {
  if (startsWith(bytes, "%PDF-")) return EVIDENCE_TYPES.pdf;
  if (startsWith(bytes, "PK\u0003\u0004"))
    return (await isWorkbook(bytes)) ? EVIDENCE_TYPES.xlsx : null;
  return isCsvText(name, bytes) ? EVIDENCE_TYPES.csv : null;
}
