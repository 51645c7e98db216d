// The communes a company or a post is placed in: the search behind the commune combobox, and a
// company's commune as an option.

import { Prisma } from "~/generated/prisma/client";
import { prisma, type Tx } from "~/utils/db.server";
import { dialect } from "~/utils/sql-dialect.server";
import { fold } from "~/utils/text";

// ---------------------------------------------------------------- communes

export type CommuneOption = {
  code: string;
  name: string;
  postcodes: string[];
  departementCode: string;
};

export function toCommuneOption(row: {
  code: string;
  name: string;
  postcodes: string;
  departementCode: string;
}): CommuneOption {
  return {
    code: row.code,
    name: row.name,
    postcodes: row.postcodes ? row.postcodes.split(",").filter(Boolean) : [],
    departementCode: row.departementCode,
  };
}

/** Whether `code` is a commune of the register: a company's or a post's commune must be one. */
export async function communeExists(code: string, db: Tx = prisma) {
  const commune = await db.commune.findUnique({ where: { code }, select: { code: true } });
  return commune !== null;
}

/** The commune of a company's profile, as the commune box shows it (or null). */
export async function getCompanyCommune(companyId: string): Promise<CommuneOption | null> {
  const company = await prisma.company.findUnique({
    where: { id: companyId },
    select: {
      commune: { select: { code: true, name: true, postcodes: true, departementCode: true } },
    },
  });
  return company?.commune ? toCommuneOption(company.commune) : null;
}

/** Lower case, no accents, ligatures spelled out, separators as single spaces. */
export function normaliseCommuneName(value: string): string {
  return fold(value)
    .replace(/œ/g, "oe")
    .replace(/æ/g, "ae")
    .replace(/[\s'’-]+/g, " ")
    .replace(/^st(e?) /, "saint$1 ")
    .trim();
}

/**
 * Communes whose name starts with `query` (ignoring case, accents and hyphens) or whose
 * postcode (or INSEE code) starts with it, most populated first, in `departementCode` only
 * when given; communes of `preferredDepartement` come first.
 */
export async function searchCommunes({
  query,
  departementCode = null,
  preferredDepartement = null,
  limit = 20,
}: {
  query: string;
  departementCode?: string | null;
  preferredDepartement?: string | null;
  limit?: number;
}): Promise<CommuneOption[]> {
  const q = query.trim();
  type Row = { code: string; name: string; postcodes: string; departementCode: string };
  const preferred = preferredDepartement ?? "";
  if (/^(\d{2,5}|2[AB]\d{0,3})$/i.test(q)) {
    const code = q.toUpperCase();
    const rows = await prisma.commune.findMany({
      where: {
        ...(departementCode ? { departementCode } : {}),
        OR: [
          { postcodes: { startsWith: code } },
          { postcodes: { contains: `,${code}` } },
          { code: { startsWith: code } },
        ],
      },
      orderBy: [{ population: "desc" }, { name: "asc" }],
      take: 200,
      select: { code: true, name: true, postcodes: true, departementCode: true },
    });
    return preferFirst(rows, preferred).slice(0, limit).map(toCommuneOption);
  }
  const wanted = normaliseCommuneName(q);
  if (wanted.length < 2) return [];
  // A LIKE pattern the database filters with (ASCII letters match either case; every letter that
  // may carry an accent, and every separator, matches any one character); the exact,
  // accent-insensitive prefix test is then made on the candidates.
  // (« oe » and « ae » may be one letter, Œ or Æ: they match any run of characters.)
  const pattern = `${[...wanted.replace(/oe|ae/g, "%")]
    .map((ch) => (ch === "%" || (/[a-z0-9]/.test(ch) && !/[aceiouy]/.test(ch)) ? ch : "_"))
    .join("")}%`;
  const inDepartement = departementCode
    ? Prisma.sql`AND "departementCode" = ${departementCode}`
    : Prisma.empty;
  const rows = await prisma.$queryRaw<Row[]>`
    SELECT "code", "name", "postcodes", "departementCode"
    FROM "Commune"
    WHERE "name" ${dialect.likeAnyCase} ${pattern} ${inDepartement}
    ORDER BY ("departementCode" = ${preferred}) DESC, "population" DESC NULLS LAST, "name" ASC`;
  return rows
    .filter((row) => normaliseCommuneName(row.name).startsWith(wanted))
    .slice(0, limit)
    .map(toCommuneOption);
}

function preferFirst<T extends { departementCode: string }>(rows: T[], preferred: string) {
  if (!preferred) return rows;
  return [
    ...rows.filter((r) => r.departementCode === preferred),
    ...rows.filter((r) => r.departementCode !== preferred),
  ];
}
