// Reads the rows of one sheet of an XLSX file, in a worker thread (see
// app/utils/xlsx-sheet.server.ts, which starts it with a time limit and a memory limit).
// A plain .mjs file, resolved from the project root: it runs unchanged under vitest and after
// `remix build`, which does not bundle it.
//
// Why not exceljs here: it inflates every part whole and trusts the sizes the zip declares, so a
// 2.5 MB upload became 2.5 GB of memory. This reader inflates part by part as a stream, counts the
// bytes actually inflated against one budget for the whole file, parses the XML as it arrives
// (saxes, the parser exceljs uses) and stops as soon as it has the rows it needs.
//
// In: workerData { bytes: Uint8Array, maxInflatedBytes, maxRows } (maxRows non-empty rows,
// header included). Out: one message, { ok: true, header, headerLine, rows } or { ok: false,
// reason: "not-xlsx" | "too-large" | "unreadable" }.

import { StringDecoder } from "node:string_decoder";
import { parentPort, workerData } from "node:worker_threads";
import { createInflateRaw } from "node:zlib";
import { SaxesParser } from "saxes";

class ReadError extends Error {
  constructor(reason) {
    super(reason);
    this.reason = reason;
  }
}

/** Returned by a part's reader to stop inflating it (enough rows). */
const STOP = Symbol("stop");

/** Excel's own limit per cell: text beyond it cannot come from a spreadsheet (kept, cut, so the
 *  row is still refused as too long, without carrying megabytes back to the server). */
const MAX_CELL_CHARS = 32_767;
function append(text, more) {
  if (text.length > MAX_CELL_CHARS) return text;
  const joined = text + more;
  return joined.length > MAX_CELL_CHARS ? joined.slice(0, MAX_CELL_CHARS + 1) : joined;
}

// ---------------------------------------------------------------- the zip

/** The entries of the zip's central directory, by name. Sizes declared there are not trusted. */
function zipEntries(bytes) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ReadError("not-xlsx");
  const count = view.getUint16(eocd + 10, true);
  let offset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || offset === 0xffffffff) throw new ReadError("not-xlsx"); // zip64
  const entries = new Map();
  const names = new TextDecoder();
  for (let i = 0; i < count; i++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== 0x02014b50) {
      throw new ReadError("not-xlsx");
    }
    const nameLength = view.getUint16(offset + 28, true);
    const name = names.decode(bytes.subarray(offset + 46, offset + 46 + nameLength));
    entries.set(name.replace(/^\//, ""), {
      encrypted: (view.getUint16(offset + 8, true) & 1) === 1,
      method: view.getUint16(offset + 10, true),
      compressedSize: view.getUint32(offset + 20, true),
      declaredSize: view.getUint32(offset + 24, true),
      localOffset: view.getUint32(offset + 42, true),
    });
    offset +=
      46 + nameLength + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
  }
  return { entries, view };
}

/** The compressed bytes of an entry, located through its local header. */
function entryData(bytes, view, entry) {
  const at = entry.localOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== 0x04034b50) {
    throw new ReadError("not-xlsx");
  }
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw new ReadError("not-xlsx");
  return bytes.subarray(start, end);
}

/**
 * Inflates a part chunk by chunk, giving its text to `onText` as it comes; every inflated byte
 * counts against `budget`, shared by all the parts of the file. `onText` returns STOP to stop.
 */
function readPart(zip, bytes, name, budget, onText) {
  const entry = zip.entries.get(name);
  if (!entry) return Promise.resolve(false);
  if (entry.encrypted || (entry.method !== 0 && entry.method !== 8)) {
    return Promise.reject(new ReadError("unreadable"));
  }
  const data = entryData(bytes, zip.view, entry);
  const decoder = new StringDecoder("utf8");
  if (entry.method === 0) {
    budget.used += data.length;
    if (budget.used > budget.max) return Promise.reject(new ReadError("too-large"));
    onText(decoder.write(Buffer.from(data.buffer, data.byteOffset, data.byteLength)));
    onText(decoder.end());
    return Promise.resolve(true);
  }
  return new Promise((resolve, reject) => {
    const inflate = createInflateRaw();
    let settled = false;
    const finish = (error) => {
      if (settled) return;
      settled = true;
      inflate.destroy();
      if (error) reject(error);
      else resolve(true);
    };
    inflate.on("data", (chunk) => {
      if (settled) return;
      budget.used += chunk.length;
      if (budget.used > budget.max) return finish(new ReadError("too-large"));
      try {
        if (onText(decoder.write(chunk)) === STOP) finish();
      } catch (error) {
        finish(error);
      }
    });
    inflate.on("end", () => {
      if (settled) return;
      try {
        onText(decoder.end());
        finish();
      } catch (error) {
        finish(error);
      }
    });
    inflate.on("error", () => finish(new ReadError("unreadable")));
    inflate.end(data);
  });
}

// ---------------------------------------------------------------- XML

const local = (name) => name.slice(name.indexOf(":") + 1);
/** An attribute by its local name (usually unprefixed: looked up directly first). */
const attr = (attributes, name) => {
  if (name in attributes) return attributes[name];
  for (const [key, value] of Object.entries(attributes)) if (local(key) === name) return value;
  return undefined;
};

/** A streaming XML parser for one part: handlers get local tag names. */
function xmlReader({ open, close, text }) {
  const parser = new SaxesParser();
  parser.on("error", () => {
    throw new ReadError("unreadable");
  });
  if (open) parser.on("opentag", (tag) => open(local(tag.name), tag.attributes));
  if (close) parser.on("closetag", (tag) => close(local(tag.name)));
  if (text) parser.on("text", text);
  return (chunk) => {
    if (chunk) parser.write(chunk);
  };
}

// ---------------------------------------------------------------- workbook parts

/** The sheet to read: "Réalisations" if there is one, else the first; and the date system. */
async function findSheet(zip, bytes, budget) {
  const sheets = [];
  let date1904 = false;
  await readPart(
    zip,
    bytes,
    "xl/workbook.xml",
    budget,
    xmlReader({
      open(name, attributes) {
        if (name === "sheet")
          sheets.push({ name: attr(attributes, "name") ?? "", id: attr(attributes, "id") });
        if (name === "workbookPr") date1904 = ["1", "true"].includes(attr(attributes, "date1904"));
      },
    }),
  );
  const targets = new Map();
  await readPart(
    zip,
    bytes,
    "xl/_rels/workbook.xml.rels",
    budget,
    xmlReader({
      open(name, attributes) {
        if (name !== "Relationship") return;
        const target = attr(attributes, "Target") ?? "";
        targets.set(
          attr(attributes, "Id"),
          target.startsWith("/") ? target.slice(1) : `xl/${target}`,
        );
      },
    }),
  );
  const key = (text) =>
    text
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]/g, "");
  const chosen = sheets.find((s) => key(s.name) === "realisations") ?? sheets[0];
  const path =
    (chosen && targets.get(chosen.id)) ??
    [...zip.entries.keys()].find((name) => /^xl\/worksheets\/[^/]+\.xml$/.test(name));
  return { path, date1904 };
}

const BUILT_IN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 30, 36, 45, 46, 47, 50, 57,
]);
/** exceljs's rule: a format with a day, month, year or time part, outside quotes and brackets. */
const isDateFormat = (code) =>
  /[ymdhMsb]+/.test(code.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));

/** The indexes of the cell styles that show a date. */
async function dateStyles(zip, bytes, budget) {
  const formats = new Map();
  const styles = [];
  let inCellXfs = false;
  await readPart(
    zip,
    bytes,
    "xl/styles.xml",
    budget,
    xmlReader({
      open(name, attributes) {
        if (name === "numFmt")
          formats.set(Number(attr(attributes, "numFmtId")), attr(attributes, "formatCode") ?? "");
        if (name === "cellXfs") inCellXfs = true;
        if (name === "xf" && inCellXfs) {
          const id = Number(attr(attributes, "numFmtId") ?? 0);
          styles.push(
            formats.has(id) ? isDateFormat(formats.get(id)) : BUILT_IN_DATE_FORMATS.has(id),
          );
        }
      },
      close(name) {
        if (name === "cellXfs") inCellXfs = false;
      },
    }),
  );
  return styles;
}

/** The shared strings, rich text flattened (phonetic runs left out). */
async function sharedStrings(zip, bytes, budget) {
  const strings = [];
  let current = null;
  let inText = false;
  let inPhonetic = false;
  await readPart(
    zip,
    bytes,
    "xl/sharedStrings.xml",
    budget,
    xmlReader({
      open(name) {
        if (name === "si") current = "";
        else if (name === "rPh") inPhonetic = true;
        else if (name === "t" && !inPhonetic) inText = true;
      },
      close(name) {
        if (name === "si") {
          strings.push(current ?? "");
          current = null;
        } else if (name === "rPh") inPhonetic = false;
        else if (name === "t") inText = false;
      },
      text(value) {
        if (inText && current !== null) current = append(current, value);
      },
    }),
  );
  return strings;
}

// ---------------------------------------------------------------- the sheet

/** "BC12" → 54 (0-based column). */
function columnOf(reference) {
  let column = 0;
  for (const char of reference) {
    const code = char.charCodeAt(0);
    if (code < 65 || code > 90) break;
    column = column * 26 + code - 64;
  }
  return column - 1;
}

function excelDate(serial, date1904) {
  return new Date(Math.round((serial - 25_569 + (date1904 ? 1_462 : 0)) * 86_400_000));
}

/** Rows with at least one cell, in order, until `maxRows` of them. */
async function readRows(zip, bytes, budget, sheet, strings, dates) {
  const rows = [];
  let row = null;
  let rowNumber = 0;
  let cell = null;
  let nextColumn = 0;
  let inValue = false;
  let inInline = false;
  let inText = false;
  let enough = false;

  const valueOf = ({ type, style, value, inline }) => {
    if (type === "inlineStr") return inline;
    if (value === "") return undefined;
    switch (type) {
      case "s":
        return strings[Number(value)] ?? "";
      case "str":
        return value;
      case "b":
        return value === "1" || value === "true";
      case "e":
        return value;
      case "d": {
        const date = new Date(value);
        return Number.isNaN(date.getTime()) ? value : date;
      }
      default: {
        const number = Number(value);
        if (!Number.isFinite(number)) return value;
        return dates[style] ? excelDate(number, sheet.date1904) : number;
      }
    }
  };

  const read = xmlReader({
    open(name, attributes) {
      if (name === "row") {
        const r = Number(attr(attributes, "r"));
        rowNumber = Number.isInteger(r) && r > 0 ? r : rowNumber + 1;
        row = [];
        nextColumn = 0;
      } else if (name === "c" && row) {
        const reference = attr(attributes, "r");
        const column = reference ? columnOf(reference) : nextColumn;
        nextColumn = column + 1;
        cell = {
          column,
          type: attr(attributes, "t") ?? "n",
          style: Number(attr(attributes, "s") ?? 0),
          value: "",
          inline: "",
        };
      } else if (cell) {
        if (name === "v") inValue = true;
        else if (name === "is") inInline = true;
        else if (name === "t" && inInline) inText = true;
      }
    },
    close(name) {
      if (name === "v") inValue = false;
      else if (name === "t") inText = false;
      else if (name === "is") inInline = false;
      else if (name === "c" && cell && row) {
        const value = valueOf(cell);
        if (value !== undefined && cell.column >= 0 && cell.column < 16_384)
          row[cell.column] = value;
        cell = null;
      } else if (name === "row" && row) {
        if (!enough && row.some((value) => value !== undefined && String(value).trim() !== "")) {
          rows.push({ line: rowNumber, cells: row });
          if (rows.length >= workerData.maxRows) enough = true;
        }
        row = null;
      }
    },
    text(value) {
      if (!cell) return;
      if (inValue) cell.value = append(cell.value, value);
      else if (inText) cell.inline = append(cell.inline, value);
    },
  });
  await readPart(zip, bytes, sheet.path, budget, (chunk) => {
    read(chunk);
    return enough ? STOP : undefined;
  });
  return rows;
}

// ---------------------------------------------------------------- main

async function main() {
  const { bytes, maxInflatedBytes } = workerData;
  const budget = { used: 0, max: maxInflatedBytes };
  const zip = zipEntries(bytes);
  // A quick refusal when the zip admits it is too big; the real limit is counted while inflating.
  let declared = 0;
  for (const entry of zip.entries.values()) declared += entry.declaredSize;
  if (declared > maxInflatedBytes) throw new ReadError("too-large");

  const sheet = await findSheet(zip, bytes, budget);
  if (!sheet.path || !zip.entries.has(sheet.path))
    return { ok: true, header: null, headerLine: 0, rows: [] };
  const strings = await sharedStrings(zip, bytes, budget);
  const dates = await dateStyles(zip, bytes, budget);
  const rows = await readRows(zip, bytes, budget, sheet, strings, dates);
  const [header, ...data] = rows;
  return header
    ? { ok: true, header: header.cells, headerLine: header.line, rows: data }
    : { ok: true, header: null, headerLine: 0, rows: [] };
}

main().then(
  (result) => parentPort.postMessage(result),
  (error) =>
    parentPort.postMessage({
      ok: false,
      reason: error instanceof ReadError ? error.reason : "unreadable",
    }),
);
