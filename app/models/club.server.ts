// A club as its animators see it: members at a glance (activity, commitments, progress), and the
// club's figures (the prefecture dashboard's aggregates restricted to the club) with their XLSX
// export. Every figure is aggregated in the database (groupBy, SQL GROUP BY); JavaScript only
// merges a handful of grouped rows (headcount brackets into size classes, NAF divisions into
// sections) and never loads realisations one by one.

import ExcelJS from "exceljs";
import {
  keyFigures,
  peopleByPublic,
  realisationsByActionType,
  type Breakdown,
  type Period,
} from "~/models/figures.server";
import { prisma } from "~/utils/db.server";
import {
  ACTION_TYPES,
  CONTRACT_TYPES,
  CONTRACT_TYPE_LABELS,
  type MemberActivity,
} from "~/utils/domain";
import { parseYear } from "~/utils/years";

/** A member is "active" when it declared something within this many days (a quarter). */
export const ACTIVE_WINDOW_DAYS = 92;
const DAY_MS = 24 * 3600_000;

export async function getClub(clubId: string) {
  return prisma.club.findUnique({
    where: { id: clubId },
    select: {
      id: true,
      name: true,
      description: true,
      departementCode: true,
      reminderCapDays: true,
      departement: { select: { name: true } },
    },
  });
}

// ---------------------------------------------------------------- members at a glance

export const MEMBER_SORTS = ["nom", "derniere-declaration", "progression"] as const;
export type MemberSort = (typeof MEMBER_SORTS)[number];

/** URL values of the state filter (French, readable in the address bar). */
export const STATE_FILTERS = {
  tous: null,
  actif: "ACTIVE",
  silencieux: "SILENT",
  prospect: "PROSPECT",
  parti: "LEFT",
} as const satisfies Record<string, MemberActivity | null>;
export type StateFilter = keyof typeof STATE_FILTERS;

export type MemberQuery = {
  etat: StateFilter;
  q: string;
  tri: MemberSort;
  ordre: "asc" | "desc";
  annee: number;
};

/** The club home's filters and sort, from its URL (unknown values fall back to the defaults). */
export function parseMemberQuery(url: URL, now = new Date()): MemberQuery {
  const etat = url.searchParams.get("etat") ?? "tous";
  const tri = url.searchParams.get("tri") ?? "nom";
  const ordre = url.searchParams.get("ordre");
  const sort: MemberSort = (MEMBER_SORTS as readonly string[]).includes(tri)
    ? (tri as MemberSort)
    : "nom";
  return {
    etat: etat in STATE_FILTERS ? (etat as StateFilter) : "tous",
    q: (url.searchParams.get("q") ?? "").trim().slice(0, 100),
    tri: sort,
    // Names A→Z; dates and progress: most recent / highest first, unless asked otherwise.
    ordre: ordre === "asc" || ordre === "desc" ? ordre : sort === "nom" ? "asc" : "desc",
    annee: parseYear(url.searchParams.get("annee"), now),
  };
}

/** Lower case, no accents: "Électricité" matches "electricite". */
function fold(value: string) {
  return value
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();
}

export type MemberAtAGlance = Awaited<ReturnType<typeof listMembersAtAGlance>>[number];

/**
 * Every company of the club with its activity (active: a realisation declared within the last
 * quarter; silent; prospect; left), its commitments of the year in this club, its last
 * declaration and its progress: the mean, over the year's commitments (in progress or achieved)
 * with a numeric target, of realised ÷ target, each capped at 100 % (units differ between
 * commitments — people, euros, hours — so they are not added up).
 */
export async function listMembersAtAGlance(clubId: string, year: number, now = new Date()) {
  const memberships = await prisma.clubMembership.findMany({
    where: { clubId },
    orderBy: { company: { name: "asc" } },
    select: {
      id: true,
      status: true,
      joinedAt: true,
      leftAt: true,
      company: { select: { id: true, name: true, commune: { select: { name: true } } } },
    },
  });
  const companyIds = memberships.map((m) => m.company.id);
  const [lastRealisations, commitmentCounts, progressRows] = await Promise.all([
    prisma.realisation.groupBy({
      by: ["companyId"],
      where: { companyId: { in: companyIds } },
      _max: { createdAt: true },
    }),
    prisma.commitment.groupBy({
      by: ["companyId"],
      where: { companyId: { in: companyIds }, clubId, year },
      _count: { _all: true },
    }),
    prisma.$queryRaw<
      Array<{ companyId: string; withTarget: number | bigint; progress: number | null }>
    >`
      SELECT companyId, COUNT(*) AS withTarget, AVG(ratio) AS progress
      FROM (
        SELECT c.id, c.companyId,
               MIN(1.0, COALESCE(SUM(r.quantity), 0) * 1.0 / c.targetQuantity) AS ratio
        FROM Commitment c
        LEFT JOIN Realisation r ON r.commitmentId = c.id
        WHERE c.clubId = ${clubId} AND c.year = ${year}
          AND c.targetQuantity > 0 AND c.status IN ('ACTIVE', 'ACHIEVED')
        GROUP BY c.id
      )
      GROUP BY companyId`,
  ]);
  const activeSince = new Date(now.getTime() - ACTIVE_WINDOW_DAYS * DAY_MS);
  return memberships.map((m) => {
    const last = lastRealisations.find((r) => r.companyId === m.company.id)?._max.createdAt ?? null;
    const activity: MemberActivity =
      m.status === "LEFT"
        ? "LEFT"
        : m.status === "PROSPECT"
          ? "PROSPECT"
          : last && last >= activeSince
            ? "ACTIVE"
            : "SILENT";
    const progress = progressRows.find((p) => p.companyId === m.company.id);
    return {
      membershipId: m.id,
      company: m.company,
      status: m.status,
      joinedAt: m.joinedAt,
      leftAt: m.leftAt,
      activity,
      lastDeclaration: last,
      commitments: commitmentCounts.find((c) => c.companyId === m.company.id)?._count._all ?? 0,
      commitmentsWithTarget: progress ? Number(progress.withTarget) : 0,
      /** 0–100, or null without any commitment with a target. */
      progress:
        progress && progress.progress !== null ? Math.round(Number(progress.progress) * 100) : null,
    };
  });
}

/** Filters and sorts the members as the URL asks; counts by activity are over the whole club. */
export function filterAndSortMembers(members: MemberAtAGlance[], query: MemberQuery) {
  const wanted = STATE_FILTERS[query.etat];
  const needle = fold(query.q);
  const shown = members.filter(
    (m) => (!wanted || m.activity === wanted) && (!needle || fold(m.company.name).includes(needle)),
  );
  const byName = (a: MemberAtAGlance, b: MemberAtAGlance) =>
    a.company.name.localeCompare(b.company.name, "fr");
  const direction = query.ordre === "asc" ? 1 : -1;
  // Members without a value (never declared, no target) always come last, whatever the order.
  const compareNullable = (a: number | null, b: number | null) => {
    if (a === null && b === null) return 0;
    if (a === null) return 1;
    if (b === null) return -1;
    return (a - b) * direction;
  };
  shown.sort((a, b) => {
    let result = 0;
    if (query.tri === "nom") result = byName(a, b) * direction;
    if (query.tri === "derniere-declaration") {
      result = compareNullable(
        a.lastDeclaration ? a.lastDeclaration.getTime() : null,
        b.lastDeclaration ? b.lastDeclaration.getTime() : null,
      );
    }
    if (query.tri === "progression") result = compareNullable(a.progress, b.progress);
    return result !== 0 ? result : byName(a, b);
  });
  return shown;
}

export function countByActivity(members: Array<{ activity: MemberActivity }>) {
  const counts: Record<MemberActivity, number> = { ACTIVE: 0, SILENT: 0, PROSPECT: 0, LEFT: 0 };
  for (const m of members) counts[m.activity]++;
  return counts;
}

// ---------------------------------------------------------------- figures: period

export const QUARTERS = ["T1", "T2", "T3", "T4"] as const;
export type FigurePeriodKey = "annee" | (typeof QUARTERS)[number];

export type ClubFigurePeriod = {
  year: number;
  periode: FigurePeriodKey;
  current: Period;
  previous: Period;
  /** The 24 months of the trend, ending with the period's last month. */
  trend: Period;
  label: string;
  previousLabel: string;
  /** True when the period is not over: it is cut at `now`, and so is last year's. */
  partial: boolean;
};

const longDate = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeZone: "UTC" });

function shiftYears(date: Date, years: number) {
  const d = new Date(date);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d;
}

/** A calendar year or one of its quarters (UTC, like every figure), from `annee` and `periode`. */
export function parseFigurePeriod(url: URL, now = new Date()): ClubFigurePeriod {
  const year = parseYear(url.searchParams.get("annee"), now);
  const raw = url.searchParams.get("periode") ?? "annee";
  const periode: FigurePeriodKey = (QUARTERS as readonly string[]).includes(raw)
    ? (raw as FigurePeriodKey)
    : "annee";
  const quarter = periode === "annee" ? null : QUARTERS.indexOf(periode as "T1");
  const from = new Date(Date.UTC(year, quarter === null ? 0 : quarter * 3, 1));
  const end = new Date(Date.UTC(year, quarter === null ? 12 : quarter * 3 + 3, 1));
  // A period under way stops at the end of today; last year's comparison stops on the same day.
  const endOfToday = new Date(
    Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1),
  );
  const partial = end > endOfToday && from < endOfToday;
  const to = partial ? endOfToday : end;
  const lastInstant = new Date(to.getTime() - 1);
  const trendTo = new Date(
    Date.UTC(lastInstant.getUTCFullYear(), lastInstant.getUTCMonth() + 1, 1),
  );
  const trendFrom = new Date(Date.UTC(trendTo.getUTCFullYear(), trendTo.getUTCMonth() - 24, 1));
  const name = quarter === null ? `l'année ${year}` : `le ${quarter + 1}e trimestre ${year}`;
  const describe = (p: Period) =>
    `du ${longDate.format(p.from)} au ${longDate.format(new Date(p.to.getTime() - DAY_MS))}`;
  const previous = { from: shiftYears(from, -1), to: shiftYears(to, -1) };
  return {
    year,
    periode,
    current: { from, to },
    previous,
    trend: { from: trendFrom, to: trendTo },
    label: `${name[0].toUpperCase()}${name.slice(1)} (${describe({ from, to })})`,
    previousLabel: describe(previous),
    partial,
  };
}

// ---------------------------------------------------------------- figures: breakdowns

/** Company size classes, from INSEE headcount brackets. */
export const SIZE_CLASSES = [
  { code: "MICRO", label: "Moins de 10 salariés", brackets: ["00", "01", "02", "03"] },
  { code: "SMALL", label: "10 à 49 salariés", brackets: ["11", "12"] },
  { code: "MEDIUM", label: "50 à 249 salariés", brackets: ["21", "22", "31"] },
  { code: "LARGE", label: "250 à 4 999 salariés", brackets: ["32", "41", "42", "51"] },
  { code: "HUGE", label: "5 000 salariés et plus", brackets: ["52", "53"] },
  { code: "UNKNOWN", label: "Effectif non renseigné", brackets: [] },
] as const;

/** NAF rev. 2 sections, with the divisions (first 2 digits of the code) each one spans. */
export const NAF_SECTIONS = [
  { code: "A", label: "Agriculture, sylviculture et pêche", from: 1, to: 3 },
  { code: "B", label: "Industries extractives", from: 5, to: 9 },
  { code: "C", label: "Industrie manufacturière", from: 10, to: 33 },
  { code: "D", label: "Électricité, gaz, vapeur et air conditionné", from: 35, to: 35 },
  { code: "E", label: "Eau, assainissement, gestion des déchets et dépollution", from: 36, to: 39 },
  { code: "F", label: "Construction", from: 41, to: 43 },
  { code: "G", label: "Commerce ; réparation d'automobiles et de motocycles", from: 45, to: 47 },
  { code: "H", label: "Transports et entreposage", from: 49, to: 53 },
  { code: "I", label: "Hébergement et restauration", from: 55, to: 56 },
  { code: "J", label: "Information et communication", from: 58, to: 63 },
  { code: "K", label: "Activités financières et d'assurance", from: 64, to: 66 },
  { code: "L", label: "Activités immobilières", from: 68, to: 68 },
  { code: "M", label: "Activités spécialisées, scientifiques et techniques", from: 69, to: 75 },
  { code: "N", label: "Activités de services administratifs et de soutien", from: 77, to: 82 },
  { code: "O", label: "Administration publique", from: 84, to: 84 },
  { code: "P", label: "Enseignement", from: 85, to: 85 },
  { code: "Q", label: "Santé humaine et action sociale", from: 86, to: 88 },
  { code: "R", label: "Arts, spectacles et activités récréatives", from: 90, to: 93 },
  { code: "S", label: "Autres activités de services", from: 94, to: 96 },
  { code: "T", label: "Activités des ménages en tant qu'employeurs", from: 97, to: 98 },
  { code: "U", label: "Activités extra-territoriales", from: 99, to: 99 },
] as const;

/** The NAF section letter of a code ("49.41A" → "H"), or null. */
export function nafSection(code: string | null | undefined): string | null {
  const division = Number(/^(\d{2})/.exec(code ?? "")?.[1] ?? NaN);
  if (!Number.isFinite(division)) return null;
  return NAF_SECTIONS.find((s) => division >= s.from && division <= s.to)?.code ?? null;
}

type GroupedRow = { code: string | null; n: number | bigint; people: number | bigint | null };

/** Merges grouped rows into the lines of `domain` (several codes may land on one line). */
function mergeInto(
  domain: ReadonlyArray<{ code: string; label: string }>,
  rows: GroupedRow[],
  lineOf: (code: string | null) => string,
): Breakdown {
  return domain.map((entry) => {
    let quantity = 0;
    let count = 0;
    for (const row of rows) {
      if (lineOf(row.code) !== entry.code) continue;
      count += Number(row.n);
      quantity += Number(row.people ?? 0);
    }
    return { code: entry.code, label: entry.label, quantity, count };
  });
}

/** People hired (hires counted in people), by contract type. */
export async function hiresByContractType(clubId: string, period: Period): Promise<Breakdown> {
  const rows = await prisma.realisation.groupBy({
    by: ["contractType"],
    where: {
      clubId,
      date: { gte: period.from, lt: period.to },
      unit: "PEOPLE",
      actionType: { isHire: true },
    },
    _sum: { quantity: true },
    _count: { _all: true },
  });
  return mergeInto(
    [
      ...CONTRACT_TYPES.map((code) => ({ code, label: CONTRACT_TYPE_LABELS[code] })),
      { code: "NONE", label: "Contrat non précisé" },
    ],
    rows.map((r) => ({ code: r.contractType, n: r._count._all, people: r._sum.quantity })),
    (code) => code ?? "NONE",
  );
}

/** People reached and declarations, by the declaring company's size class. */
export async function realisationsByCompanySize(clubId: string, period: Period) {
  const rows = await prisma.$queryRaw<GroupedRow[]>`
    SELECT co.headcountBracket AS code, COUNT(*) AS n,
           SUM(CASE WHEN r.unit = 'PEOPLE' THEN r.quantity ELSE 0 END) AS people
    FROM Realisation r JOIN Company co ON co.id = r.companyId
    WHERE r.clubId = ${clubId} AND r.date >= ${period.from} AND r.date < ${period.to}
    GROUP BY co.headcountBracket`;
  return mergeInto(
    SIZE_CLASSES,
    rows,
    (code) =>
      SIZE_CLASSES.find((s) => (s.brackets as readonly string[]).includes(code ?? ""))?.code ??
      "UNKNOWN",
  );
}

/** People reached and declarations, by the declaring company's sector (NAF section). */
export async function realisationsBySector(clubId: string, period: Period) {
  const rows = await prisma.$queryRaw<GroupedRow[]>`
    SELECT substr(co.nafCode, 1, 2) AS code, COUNT(*) AS n,
           SUM(CASE WHEN r.unit = 'PEOPLE' THEN r.quantity ELSE 0 END) AS people
    FROM Realisation r JOIN Company co ON co.id = r.companyId
    WHERE r.clubId = ${clubId} AND r.date >= ${period.from} AND r.date < ${period.to}
    GROUP BY substr(co.nafCode, 1, 2)`;
  return mergeInto(
    [...NAF_SECTIONS, { code: "UNKNOWN", label: "Secteur non renseigné" }],
    rows,
    (code) => nafSection(code) ?? "UNKNOWN",
  );
}

export type TrendMonth = { month: string; label: string; people: number; count: number };

const monthLabel = new Intl.DateTimeFormat("fr-FR", {
  month: "short",
  year: "numeric",
  timeZone: "UTC",
});

/** People reached and declarations per month ("2026-03"), every month of the period listed. */
export async function monthlyTrend(clubId: string, period: Period): Promise<TrendMonth[]> {
  const rows = await prisma.$queryRaw<
    Array<{ month: string; n: number | bigint; people: number | bigint | null }>
  >`
    SELECT substr(date, 1, 7) AS month, COUNT(*) AS n,
           SUM(CASE WHEN unit = 'PEOPLE' THEN quantity ELSE 0 END) AS people
    FROM Realisation
    WHERE clubId = ${clubId} AND date >= ${period.from} AND date < ${period.to}
    GROUP BY substr(date, 1, 7)`;
  const months: TrendMonth[] = [];
  for (
    let d = new Date(period.from);
    d < period.to;
    d = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1))
  ) {
    const month = d.toISOString().slice(0, 7);
    const row = rows.find((r) => r.month === month);
    months.push({
      month,
      label: monthLabel.format(d),
      people: Number(row?.people ?? 0),
      count: Number(row?.n ?? 0),
    });
  }
  return months;
}

/** Everything the club figures page and its export show, for one period. */
export async function getClubFigures(clubId: string, period: ClubFigurePeriod) {
  const scope = { clubId };
  const [figures, previousFigures, byPublic, byActionType, byContract, bySize, bySector, trend] =
    await Promise.all([
      keyFigures(scope, period.current),
      keyFigures(scope, period.previous),
      peopleByPublic(scope, period.current),
      realisationsByActionType(scope, period.current),
      hiresByContractType(clubId, period.current),
      realisationsByCompanySize(clubId, period.current),
      realisationsBySector(clubId, period.current),
      monthlyTrend(clubId, period.trend),
    ]);
  return {
    figures,
    previousFigures,
    breakdowns: [
      {
        key: "publics",
        sheet: "Par public",
        title: "Personnes accompagnées par public",
        quantityHeader: "Personnes",
        chartValue: "quantity",
        rows: byPublic,
        note: "Réalisations comptées en personnes.",
      },
      {
        key: "actions",
        sheet: "Par type d'action",
        title: "Réalisations par type d'action",
        quantityHeader: "Quantité",
        chartValue: "count",
        rows: byActionType.map((r) => ({
          ...r,
          label: `${r.label} (${unitLabelOf(r.code)})`,
        })),
        note: "Quantité dans l'unité du type d'action ; le graphique compte les déclarations.",
      },
      {
        key: "contrats",
        sheet: "Par type de contrat",
        title: "Recrutements par type de contrat",
        quantityHeader: "Personnes recrutées",
        chartValue: "quantity",
        rows: byContract,
        note: "Recrutements et contrats en alternance, comptés en personnes.",
      },
      {
        key: "tailles",
        sheet: "Par taille d'entreprise",
        title: "Réalisations par taille d'entreprise",
        quantityHeader: "Personnes",
        chartValue: "count",
        rows: bySize,
        note: "Tranche d'effectif de l'entreprise qui déclare ; personnes : réalisations comptées en personnes.",
      },
      {
        key: "secteurs",
        sheet: "Par secteur",
        title: "Réalisations par secteur d'activité (section NAF)",
        quantityHeader: "Personnes",
        chartValue: "count",
        rows: bySector,
        note: "Section NAF de l'entreprise qui déclare ; personnes : réalisations comptées en personnes.",
      },
    ] as const satisfies ReadonlyArray<{
      key: string;
      sheet: string;
      title: string;
      quantityHeader: string;
      chartValue: "quantity" | "count";
      rows: Breakdown;
      note: string;
    }>,
    trend,
  };
}

const UNIT_SHORT = { PEOPLE: "personnes", EUROS: "€", HOURS: "heures" } as const;
function unitLabelOf(actionTypeCode: string) {
  const unit = ACTION_TYPES.find((a) => a.code === actionTypeCode)?.defaultUnit ?? "PEOPLE";
  return UNIT_SHORT[unit];
}

export type ClubFigures = Awaited<ReturnType<typeof getClubFigures>>;

// ---------------------------------------------------------------- figures: XLSX export

const KEY_FIGURE_LABELS = [
  ["companiesEngaged", "Entreprises engagées"],
  ["activeCommitments", "Engagements en cours ou atteints"],
  ["realisations", "Réalisations déclarées"],
  ["peopleHired", "Personnes recrutées"],
] as const;

const parisDateTime = new Intl.DateTimeFormat("fr-FR", {
  dateStyle: "long",
  timeStyle: "short",
  timeZone: "Europe/Paris",
});

/** The workbook of the club's figures for a period: one sheet per breakdown, plus the filters. */
export async function buildClubFiguresWorkbook(
  clubId: string,
  period: ClubFigurePeriod,
  now = new Date(),
) {
  const club = await getClub(clubId);
  if (!club) return null;
  const data = await getClubFigures(clubId, period);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Engagés";
  workbook.created = now;

  const about = workbook.addWorksheet("Filtres");
  about.columns = [
    { header: "Filtre", key: "name", width: 34 },
    { header: "Valeur", key: "value", width: 80 },
  ];
  about.getRow(1).font = { bold: true };
  about.addRows([
    { name: "Club", value: club.name },
    { name: "Département", value: `${club.departement.name} (${club.departementCode})` },
    { name: "Période", value: period.label },
    { name: "Comparée à", value: `la même période un an plus tôt, ${period.previousLabel}` },
    {
      name: "Tendance mensuelle",
      value: `${data.trend[0]?.label ?? ""} à ${data.trend[data.trend.length - 1]?.label ?? ""}`,
    },
    { name: "Date d'extraction", value: parisDateTime.format(now) },
    {
      name: "Source",
      value:
        "Réalisations déclarées par les entreprises du club (dates des réalisations, en UTC). Aucune donnée personnelle.",
    },
  ]);

  const keySheet = workbook.addWorksheet("Chiffres clés");
  keySheet.columns = [
    { header: "Indicateur", key: "label", width: 38 },
    { header: "Période", key: "now", width: 14 },
    { header: "Un an plus tôt", key: "before", width: 16 },
    { header: "Évolution", key: "diff", width: 12 },
  ];
  keySheet.getRow(1).font = { bold: true };
  for (const [key, label] of KEY_FIGURE_LABELS) {
    const now = data.figures[key];
    const before = data.previousFigures[key];
    keySheet.addRow({ label, now, before, diff: now - before });
  }

  for (const b of data.breakdowns) {
    const sheet = workbook.addWorksheet(b.sheet, {
      views: [{ state: "frozen", ySplit: 1 }],
    });
    sheet.columns = [
      { header: "Catégorie", key: "label", width: 56 },
      { header: b.quantityHeader, key: "quantity", width: 20 },
      { header: "Déclarations", key: "count", width: 14 },
    ];
    sheet.getRow(1).font = { bold: true };
    for (const row of b.rows) sheet.addRow(row);
    sheet.addRow({});
    sheet.addRow({ label: b.note });
  }

  const trendSheet = workbook.addWorksheet("Tendance mensuelle", {
    views: [{ state: "frozen", ySplit: 1 }],
  });
  trendSheet.columns = [
    { header: "Mois", key: "month", width: 12 },
    { header: "Personnes", key: "people", width: 14 },
    { header: "Déclarations", key: "count", width: 14 },
  ];
  trendSheet.getRow(1).font = { bold: true };
  for (const m of data.trend) trendSheet.addRow(m);

  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  const slug = period.periode === "annee" ? `${period.year}` : `${period.year}-${period.periode}`;
  return { buffer, fileName: `chiffres-club-${slug}.xlsx` };
}
