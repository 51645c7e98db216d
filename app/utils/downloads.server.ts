// Files the app hands out (exports, templates): one way to build CSV for spreadsheet software,
// one way to stream a workbook, and one set of download headers, private and never cached.

import { PassThrough, Readable } from "node:stream";
import ExcelJS from "exceljs";

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

function downloadHeaders(contentType: string, fileName: string, length?: number) {
  return {
    "Content-Type": contentType,
    "Content-Disposition": `attachment; filename="${fileName}"`,
    ...(length === undefined ? {} : { "Content-Length": String(length) }),
    "Cache-Control": "private, no-store",
    "X-Content-Type-Options": "nosniff",
  };
}

export function xlsxResponse(
  body: Buffer | ArrayBuffer | Uint8Array | ReadableStream<Uint8Array>,
  fileName: string,
) {
  return new Response(body as BodyInit, {
    headers: downloadHeaders(
      XLSX_TYPE,
      fileName,
      body instanceof ReadableStream ? undefined : body.byteLength,
    ),
  });
}

/**
 * A workbook written by exceljs's streaming writer while it is sent: a row committed
 * (`sheet.addRow(…).commit()`) leaves memory, so a long list is never held whole. `write` fills
 * the workbook from data already loaded (an error once the first bytes are out can only cut the
 * download short).
 */
export function streamedXlsx(
  write: (workbook: ExcelJS.stream.xlsx.WorkbookWriter) => void,
): ReadableStream<Uint8Array> {
  const stream = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true });
  Promise.resolve()
    .then(() => write(workbook))
    .then(() => workbook.commit())
    .catch((error: unknown) => stream.destroy(error as Error));
  return Readable.toWeb(stream) as ReadableStream<Uint8Array>;
}

export function csvResponse(body: string, fileName: string) {
  return new Response(body, { headers: downloadHeaders("text/csv; charset=utf-8", fileName) });
}

function csvCell(value: string | number) {
  const text = String(value);
  return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV as French spreadsheet software reads it: `;` separator, CRLF, UTF-8 with a BOM. */
export function spreadsheetCsv(rows: ReadonlyArray<ReadonlyArray<string | number>>) {
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(";")).join("\r\n")}\r\n`;
}

/** The answer to a POST on a download address, once the permission was checked. */
export function getOnly() {
  return new Response("Méthode non autorisée : téléchargez le fichier avec GET.", {
    status: 405,
    headers: { Allow: "GET" },
  });
}

/** A file someone sent, handed back as an attachment under a name safe in a header. */
export function attachmentResponse(bytes: Uint8Array, contentType: string, fileName: string) {
  const safe = fileName.replace(/[^\w.\- ]/g, "_").slice(0, 100) || "piece";
  return new Response(bytes as BodyInit, {
    headers: downloadHeaders(contentType, safe, bytes.byteLength),
  });
}
