// Zip files built by hand for the XLSX tests: honest minimal workbooks, and decompression bombs
// (a part that inflates to hundreds of megabytes, whose declared size may lie).
import { createDeflateRaw, deflateRawSync } from "node:zlib";

export type ZipPart = {
  name: string;
  /** Deflated bytes. */
  data: Buffer;
  crc: number;
  /** The uncompressed size written in the headers (a bomb may lie). */
  declaredSize: number;
};

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer) {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** A part from its text. */
export function part(name: string, text: string): ZipPart {
  const raw = Buffer.from(text, "utf8");
  return { name, data: deflateRawSync(raw), crc: crc32(raw), declaredSize: raw.length };
}

/**
 * A part of `head`, then `chunk` repeated until about `bytes` bytes, then `tail`, deflated as a
 * stream (never held whole). Its declared size is `declaredSize` — a lie, by default — and its
 * CRC is left at 0 (nobody should inflate it far enough to check).
 */
export async function bombPart(
  name: string,
  {
    head,
    chunk,
    tail,
    bytes,
    declaredSize = 1_000,
  }: {
    head: string;
    chunk: string;
    tail: string;
    bytes: number;
    declaredSize?: number;
  },
): Promise<ZipPart> {
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on("data", (c: Buffer) => out.push(c));
  const done = new Promise((resolve) => deflate.on("end", resolve));
  const block = Buffer.from(chunk.repeat(Math.max(1, Math.floor((1 << 20) / chunk.length))));
  deflate.write(head);
  for (let written = 0; written < bytes; written += block.length) {
    if (!deflate.write(block)) await new Promise((resolve) => deflate.once("drain", resolve));
  }
  deflate.end(tail);
  await done;
  return { name, data: Buffer.concat(out), crc: 0, declaredSize };
}

/** The zip of these parts (deflate, no zip64). */
export function zipOf(parts: ZipPart[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name, "utf8");
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt16LE(0x21, 12); // 1980-01-01
    local.writeUInt32LE(p.crc, 14);
    local.writeUInt32LE(p.data.length, 18);
    local.writeUInt32LE(p.declaredSize, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(p.crc, 16);
    central.writeUInt32LE(p.data.length, 20);
    central.writeUInt32LE(p.declaredSize, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, p.data);
    centrals.push(central, name);
    offset += local.length + name.length + p.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

const SHEET_NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';

/** The parts of a one-sheet workbook around the given sheet part (xl/worksheets/sheet1.xml). */
export function workbookParts(sheet: ZipPart, extra: ZipPart[] = []): ZipPart[] {
  return [
    part(
      "[Content_Types].xml",
      `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
    ),
    part(
      "_rels/.rels",
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    part(
      "xl/workbook.xml",
      `<?xml version="1.0" encoding="UTF-8"?><workbook ${SHEET_NS} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Réalisations" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    part(
      "xl/_rels/workbook.xml.rels",
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    ),
    ...extra,
    sheet,
  ];
}

/** Row `line` of inline-string cells, as XML (numbered, as exceljs requires). */
export function rowXml(line: number, cells: string[]) {
  const escape = (t: string) => t.replace(/&/g, "&amp;").replace(/</g, "&lt;");
  const column = (i: number) => String.fromCharCode(65 + i);
  return `<row r="${line}">${cells
    .map((c, i) => `<c r="${column(i)}${line}" t="inlineStr"><is><t>${escape(c)}</t></is></c>`)
    .join("")}</row>`;
}

export const SHEET_HEAD = `<?xml version="1.0" encoding="UTF-8"?><worksheet ${SHEET_NS}><sheetData>`;
export const SHEET_TAIL = "</sheetData></worksheet>";
