// A company's annual report (figures aggregated in the database: grouped queries and one SQL
// query by month); the export of all its own data is company-export.server.ts. Every query is
// filtered on the company's id: no other company's data is ever read here.

import { yearPeriod } from "~/models/figures.server";
import { commitmentProgress, PROGRESS_FIELDS } from "~/models/commitment-progress.server";
import { COMPANY_IDENTITY_FIELDS } from "~/models/company.server";
import { Prisma } from "~/generated/prisma/client";
import { prisma } from "~/utils/db.server";
import { dialect } from "~/utils/sql-dialect.server";
import {
  ACTION_TYPES,
  COMMITMENT_STATUS_LABELS,
  CONTRACT_TYPES,
  CONTRACT_TYPE_LABELS,
  HEADCOUNT_BRACKETS,
  PUBLIC_CATEGORIES,
  QPV_LABELS,
  QPV_VALUES,
  UNIT_LABELS,
  labelOf,
  type Unit,
} from "~/utils/domain";

export const MONTH_LABELS = [
  "Janvier",
  "Février",
  "Mars",
  "Avril",
  "Mai",
  "Juin",
  "Juillet",
  "Août",
  "Septembre",
  "Octobre",
  "Novembre",
  "Décembre",
] as const;

/** One line of a breakdown: declarations, and quantities in each unit. */
export type ReportRow = {
  code: string;
  label: string;
  count: number;
  people: number;
  euros: number;
  hours: number;
};

type Totals = Omit<ReportRow, "code" | "label">;

const emptyTotals = (): Totals => ({ count: 0, people: 0, euros: 0, hours: 0 });

const UNIT_KEY: Record<string, "people" | "euros" | "hours"> = {
  PEOPLE: "people",
  EUROS: "euros",
  HOURS: "hours",
};

/** Adds a grouped row (count and quantity in one unit) to a line's totals. */
function addTo(totals: Totals, unit: string, count: number, quantity: number | null) {
  totals.count += count;
  const key = UNIT_KEY[unit] ?? "people";
  totals[key] += quantity ?? 0;
}

/** Grouped rows (code, unit) → one line per known code, in the domain's order. */
function toRows(
  domain: ReadonlyArray<{ code: string; label: string }>,
  grouped: GroupedRow[],
): ReportRow[] {
  return domain.map((entry) => {
    const totals = emptyTotals();
    for (const g of grouped) if (g.code === entry.code) addTo(totals, g.unit, g.count, g.quantity);
    return { code: entry.code, label: entry.label, ...totals };
  });
}

const HIRE_ACTION_CODES = ACTION_TYPES.filter((a) => a.isHire).map((a) => a.code);

type GroupedRow = { code: string | null; unit: string; count: number; quantity: number | null };

/** The realisations of `where` counted and summed per value of `column` and unit. */
async function totalsByUnit(
  column: "publicCategoryCode" | "actionTypeCode" | "contractType" | "qpv",
  where: Prisma.RealisationWhereInput,
): Promise<GroupedRow[]> {
  const rows = await prisma.realisation.groupBy({
    by: [column, "unit"],
    where,
    _count: { _all: true },
    _sum: { quantity: true },
  });
  return rows.map((r) => ({
    code: r[column],
    unit: r.unit,
    count: r._count._all,
    quantity: r._sum.quantity,
  }));
}

export async function companyIdentity(companyId: string) {
  const company = await prisma.company.findUnique({
    where: { id: companyId },
    select: {
      ...COMPANY_IDENTITY_FIELDS,
      createdAt: true,
      headOffice: { select: { name: true, siret: true } },
      establishments: { orderBy: { name: "asc" }, select: { name: true, siret: true } },
      memberships: {
        orderBy: { createdAt: "asc" },
        select: { status: true, joinedAt: true, club: { select: { name: true } } },
      },
    },
  });
  if (!company) return null;
  return {
    ...company,
    headcountLabel: company.headcountBracket
      ? labelOf(HEADCOUNT_BRACKETS, company.headcountBracket)
      : null,
    clubs: company.memberships
      .filter((m) => m.status !== "LEFT")
      .map((m) => m.club.name)
      .join(", "),
  };
}

/** Everything the annual report shows, for one company and one calendar year (UTC). */
export async function getAnnualReport(companyId: string, year: number) {
  const identity = await companyIdentity(companyId);
  if (!identity) return null;
  const { from, to } = yearPeriod(year);
  const where = { companyId, date: { gte: from, lt: to } };

  const [commitments, byPublic, byActionType, byContract, byQpv, byMonth] = await Promise.all([
    prisma.commitment.findMany({
      where: { companyId, year },
      orderBy: [{ startDate: "asc" }, { createdAt: "asc" }],
      select: {
        ...PROGRESS_FIELDS,
        ambition: true,
        status: true,
        startDate: true,
        endDate: true,
        theme: { select: { label: true } },
        actionType: { select: { label: true } },
        publics: {
          orderBy: { publicCategory: { sortOrder: "asc" } },
          select: { publicCategory: { select: { label: true } } },
        },
      },
    }),
    totalsByUnit("publicCategoryCode", where),
    totalsByUnit("actionTypeCode", where),
    totalsByUnit("contractType", { ...where, actionTypeCode: { in: HIRE_ACTION_CODES } }),
    totalsByUnit("qpv", where),
    prisma.$queryRaw<
      Array<{ month: number | bigint; unit: string; n: number | bigint; q: number | bigint | null }>
    >`
      SELECT ${dialect.monthNumber(Prisma.sql`"date"`)} AS "month", "unit", COUNT(*) AS "n",
        SUM("quantity") AS "q"
      FROM "Realisation"
      WHERE "companyId" = ${companyId} AND "date" >= ${from} AND "date" < ${to}
      GROUP BY 1, "unit"`,
  ]);

  const progress = await commitmentProgress(commitments);

  const contractRows = toRows(
    [
      ...CONTRACT_TYPES.map((code) => ({ code, label: CONTRACT_TYPE_LABELS[code] })),
      { code: "NONE", label: "Non précisé" },
    ],
    byContract.map((g) => ({ ...g, code: g.code ?? "NONE" })),
  );

  const months = MONTH_LABELS.map((label, i) => {
    const totals = emptyTotals();
    for (const row of byMonth) {
      if (Number(row.month) === i + 1) {
        addTo(totals, row.unit, Number(row.n), row.q === null ? 0 : Number(row.q));
      }
    }
    return { code: String(i + 1).padStart(2, "0"), label, ...totals };
  });
  const total = months.reduce((sum, m) => {
    sum.count += m.count;
    sum.people += m.people;
    sum.euros += m.euros;
    sum.hours += m.hours;
    return sum;
  }, emptyTotals());

  return {
    company: identity,
    year,
    total,
    commitments: commitments.map((c) => {
      const p = progress.get(c.id)!;
      return {
        id: c.id,
        ambition: c.ambition,
        theme: c.theme.label,
        actionType: c.actionType.label,
        publics: c.publics.map((p) => p.publicCategory.label),
        status: c.status,
        statusLabel:
          COMMITMENT_STATUS_LABELS[c.status as keyof typeof COMMITMENT_STATUS_LABELS] ?? c.status,
        targetQuantity: c.targetQuantity,
        unit: p.unit,
        unitLabel: UNIT_LABELS[p.unit],
        realised: p.realised,
        excluded: p.excluded,
        percent: p.percent,
      };
    }),
    byPublic: toRows(PUBLIC_CATEGORIES, byPublic),
    byActionType: toRows(ACTION_TYPES, byActionType).map((row) => {
      const unit = ACTION_TYPES.find((a) => a.code === row.code)!.defaultUnit as Unit;
      return { ...row, unit, unitLabel: UNIT_LABELS[unit] };
    }),
    byContract: contractRows,
    byQpv: toRows(
      QPV_VALUES.map((code) => ({ code, label: QPV_LABELS[code] })),
      byQpv,
    ),
    byMonth: months,
  };
}

export type AnnualReport = NonNullable<Awaited<ReturnType<typeof getAnnualReport>>>;
