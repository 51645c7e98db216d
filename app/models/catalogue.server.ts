// The yearly catalogue (year → theme → action type): the one source of truth of the years in
// which commitments may be declared. Forms offer exactly the years that have a catalogue and the
// server accepts exactly those; the national administration opens a new year by copying the
// previous one, then adds or removes theme × action entries.

import { audit } from "~/utils/audit.server";
import { prisma, type Tx } from "~/utils/db.server";
import { ACTION_TYPES, THEMES } from "~/utils/domain";

export class CatalogueError extends Error {}

type Db = Tx | typeof prisma;

/** The years that have a catalogue, newest first: the years a commitment may be declared for. */
export async function declarableYears(db: Db = prisma): Promise<number[]> {
  const rows = await db.catalogueEntry.findMany({
    distinct: ["year"],
    select: { year: true },
    orderBy: { year: "desc" },
  });
  return rows.map((r) => r.year);
}

/** The year asked for when it has a catalogue; else the current year if open; else the newest. */
export function chooseDeclarableYear(years: number[], asked: string | null, now = new Date()) {
  const wanted = Number(asked);
  if (years.includes(wanted)) return wanted;
  const current = now.getUTCFullYear();
  return years.includes(current) ? current : (years[0] ?? current);
}

/** The catalogues of several years at once: year → theme → action types offered. */
export async function cataloguesOf(years: number[]) {
  const entries = await prisma.catalogueEntry.findMany({
    where: { year: { in: years } },
    select: { year: true, themeCode: true, actionTypeCode: true },
  });
  const byYear: Record<number, Record<string, string[]>> = {};
  for (const year of years) byYear[year] = {};
  for (const e of entries) (byYear[e.year][e.themeCode] ??= []).push(e.actionTypeCode);
  return byYear;
}

/** What the catalogue page shows for a year: each theme × action type, offered or not, and used. */
export async function catalogueGrid(year: number) {
  const [entries, used] = await Promise.all([
    prisma.catalogueEntry.findMany({
      where: { year },
      select: { themeCode: true, actionTypeCode: true },
    }),
    prisma.commitment.groupBy({
      by: ["themeCode", "actionTypeCode"],
      where: { year },
      _count: { _all: true },
    }),
  ]);
  const key = (t: string, a: string) => `${t}|${a}`;
  const offered = new Set(entries.map((e) => key(e.themeCode, e.actionTypeCode)));
  const usage = new Map(used.map((u) => [key(u.themeCode, u.actionTypeCode), u._count._all]));
  return THEMES.map((theme) => ({
    code: theme.code,
    label: theme.label,
    actions: ACTION_TYPES.map((a) => ({
      code: a.code,
      label: a.label,
      offered: offered.has(key(theme.code, a.code)),
      commitments: usage.get(key(theme.code, a.code)) ?? 0,
    })),
  }));
}

/** The next year the administration may open: the year after the newest one. */
export async function nextYearToOpen(now = new Date()) {
  const [newest] = await declarableYears();
  return newest ? newest + 1 : now.getUTCFullYear();
}

/**
 * Opens the next year's catalogue as a copy of the newest one, in one transaction, audited.
 * Only the year after the newest may be opened: no gaps, no rewriting of a year in use.
 */
export async function openNextYear(actorId: string, year: number) {
  return prisma.$transaction(async (tx) => {
    const [newest] = await declarableYears(tx);
    if (newest === undefined) {
      throw new CatalogueError(
        "Aucun catalogue à copier : chargez d'abord les données de référence.",
      );
    }
    if (year !== newest + 1) {
      throw new CatalogueError(
        `Seule l'année ${newest + 1} peut être ouverte : elle reprend le catalogue ${newest}.`,
      );
    }
    const previous = await tx.catalogueEntry.findMany({
      where: { year: newest },
      select: { themeCode: true, actionTypeCode: true, description: true },
    });
    const { count } = await tx.catalogueEntry.createMany({
      data: previous.map((e) => ({ ...e, year })),
    });
    await audit(tx, {
      actorId,
      action: "OPEN_YEAR",
      entityType: "Catalogue",
      entityId: String(year),
      after: { year, copiedFrom: newest, entries: count },
    });
    return count;
  });
}

/**
 * Sets which theme × action types a year offers, from the admin's ticked boxes, in one audited
 * transaction. A year keeps at least one entry (else it would vanish from the forms), and an
 * entry that commitments of that year use stays: withdrawing it would make them uneditable.
 * Returns how many entries were added and removed.
 */
export async function saveCatalogue(
  actorId: string,
  year: number,
  entries: { themeCode: string; actionTypeCode: string }[],
) {
  const key = (e: { themeCode: string; actionTypeCode: string }) =>
    `${e.themeCode}|${e.actionTypeCode}`;
  const themes = new Set<string>(THEMES.map((t) => t.code));
  const actions = new Set<string>(ACTION_TYPES.map((a) => a.code));
  if (entries.some((e) => !themes.has(e.themeCode) || !actions.has(e.actionTypeCode))) {
    throw new CatalogueError("Choisissez des thèmes et des types d'action de la liste.");
  }
  if (entries.length === 0) {
    throw new CatalogueError(`Le catalogue ${year} doit proposer au moins une action.`);
  }
  return prisma.$transaction(async (tx) => {
    if (!(await declarableYears(tx)).includes(year)) {
      throw new CatalogueError(`Le catalogue ${year} n'est pas ouvert.`);
    }
    const current = await tx.catalogueEntry.findMany({
      where: { year },
      select: { id: true, themeCode: true, actionTypeCode: true },
    });
    const wanted = new Set(entries.map(key));
    const had = new Set(current.map(key));
    const added = [...wanted].filter((k) => !had.has(k));
    const removed = current.filter((e) => !wanted.has(key(e)));
    if (added.length === 0 && removed.length === 0) return { added: 0, removed: 0 };

    const used = await tx.commitment.groupBy({
      by: ["themeCode", "actionTypeCode"],
      where: {
        year,
        OR: removed.map(({ themeCode, actionTypeCode }) => ({ themeCode, actionTypeCode })),
      },
      _count: { _all: true },
    });
    if (removed.length > 0 && used.length > 0) {
      const label = (e: { themeCode: string; actionTypeCode: string }) =>
        `${THEMES.find((t) => t.code === e.themeCode)?.label} × ${ACTION_TYPES.find((a) => a.code === e.actionTypeCode)?.label}`;
      throw new CatalogueError(
        `Des engagements ${year} utilisent ${used.map(label).join(", ")} : ces actions restent proposées.`,
      );
    }
    await tx.catalogueEntry.deleteMany({ where: { id: { in: removed.map((e) => e.id) } } });
    await tx.catalogueEntry.createMany({
      data: added.map((k) => {
        const [themeCode, actionTypeCode] = k.split("|");
        return { year, themeCode, actionTypeCode };
      }),
    });
    await audit(tx, {
      actorId,
      action: "UPDATE_CATALOGUE",
      entityType: "Catalogue",
      entityId: String(year),
      before: { removedEntries: removed.map(key) },
      after: { addedEntries: added },
    });
    return { added: added.length, removed: removed.length };
  });
}
