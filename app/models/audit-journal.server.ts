// The administrators' journal: every audited write, filtered by period (Paris days), author,
// kind of object, club and company, a page at a time, with each change spelt out field by field.

import type { Prisma } from "~/generated/prisma/client";
import { AUDIT_ENTITY_LABELS, AUDIT_FIELD_LABELS, AUDIT_VALUE_LABELS } from "~/utils/audit-labels";
import { prisma } from "~/utils/db.server";
import { dialect } from "~/utils/sql-dialect.server";
import { numberFormat, formatDateTime, formatDay } from "~/utils/format";
import { instantOf } from "~/utils/time/wall-clock";
import { isRealIsoDate } from "~/utils/schemas/dates";

export const JOURNAL_PAGE_SIZE = 50;

export type JournalFilters = {
  /** aaaa-mm-jj, first Paris day included; "" for none. */
  from: string;
  /** aaaa-mm-jj, last Paris day included; "" for none. */
  to: string;
  /** Part of the author's name or e-mail address. */
  actor: string;
  entityType: string;
  clubId: string;
  /** Part of the company's name, or its SIRET. */
  company: string;
  page: number;
};

/** The filters of the page's address; a bad value is dropped with a French message. */
export function readJournalFilters(url: URL): { filters: JournalFilters; errors: string[] } {
  const text = (name: string, max = 200) => (url.searchParams.get(name) ?? "").trim().slice(0, max);
  const errors: string[] = [];
  const day = (name: string, label: string) => {
    const value = text(name, 10);
    if (value && !isRealIsoDate(value)) {
      errors.push(`La date ${label} n'existe pas : elle n'a pas été prise en compte.`);
      return "";
    }
    return value;
  };
  const filters: JournalFilters = {
    from: day("du", "de début"),
    to: day("au", "de fin"),
    actor: text("auteur"),
    entityType: text("objet", 40),
    clubId: text("club", 40),
    company: text("entreprise"),
    page: Math.max(1, Math.min(100_000, Number.parseInt(text("page", 6), 10) || 1)),
  };
  // Own keys only: `in` also finds Object.prototype's ("__proto__", "constructor"…).
  if (filters.entityType && !Object.hasOwn(AUDIT_ENTITY_LABELS, filters.entityType)) {
    errors.push("Ce type d'objet est inconnu : il n'a pas été pris en compte.");
    filters.entityType = "";
  }
  if (filters.from && filters.to && filters.from > filters.to) {
    errors.push(
      "La date de début est après la date de fin : aucune modification ne peut s'y trouver.",
    );
  }
  return { filters, errors };
}

/** Midnight in Paris at the start of an aaaa-mm-jj day, `plusDays` later. */
function parisMidnight(day: string, plusDays = 0) {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + plusDays);
  const [year, month, dayOfMonth] = [
    date.getUTCFullYear(),
    date.getUTCMonth() + 1,
    date.getUTCDate(),
  ];
  const parsed = instantOf({ year, month, day: dayOfMonth, hour: 0, minute: 0 });
  return parsed.ok ? parsed.date : date;
}

async function whereOf(filters: JournalFilters): Promise<Prisma.AuditLogWhereInput> {
  const where: Prisma.AuditLogWhereInput = {};
  if (filters.from || filters.to) {
    where.createdAt = {
      ...(filters.from ? { gte: parisMidnight(filters.from) } : {}),
      ...(filters.to ? { lt: parisMidnight(filters.to, 1) } : {}),
    };
  }
  if (filters.actor) {
    where.actor = {
      OR: [
        { name: dialect.containsAnyCase(filters.actor) },
        { email: { contains: filters.actor.toLowerCase() } },
      ],
    };
  }
  if (filters.entityType) where.entityType = filters.entityType;
  if (filters.clubId) where.clubId = filters.clubId;
  if (filters.company) {
    const companies = await prisma.company.findMany({
      where: {
        OR: [
          { name: dialect.containsAnyCase(filters.company) },
          { siret: filters.company.replace(/\s/g, "") },
        ],
      },
      select: { id: true },
      take: 1_000,
    });
    where.companyId = { in: companies.map((c) => c.id) };
  }
  return where;
}

export type JournalChange = { field: string; before: string; after: string };

/** Shown in the entry's heading (company, club) or internal: not repeated as changes. */
const CONTEXT_FIELDS = new Set(["companyId", "clubId", "createdById", "importBatchId"]);

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

function formatValue(value: unknown, labels?: Record<string, string>): string {
  if (typeof value === "string" && labels?.[value]) return labels[value];
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "boolean") return value ? "oui" : "non";
  if (typeof value === "number") return numberFormat.format(value);
  if (typeof value === "string") {
    if (ISO_INSTANT.test(value)) {
      const date = new Date(value);
      if (!Number.isNaN(date.getTime())) {
        // A day-only value (stored at UTC midnight) is its calendar day; an instant, Paris time.
        return value.includes("T00:00:00") ? formatDay(date) : formatDateTime(date);
      }
    }
    return value.length > 300 ? `${value.slice(0, 300)}…` : value;
  }
  if (Array.isArray(value)) {
    return value.length ? value.map((v) => formatValue(v, labels)).join(", ") : "—";
  }
  return JSON.stringify(value);
}

function parse(json: string | null): unknown {
  if (json === null) return undefined;
  try {
    return JSON.parse(json);
  } catch {
    return json;
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** The fields that differ between the recorded before and after, in French, readable. */
export function describeChanges(before: string | null, after: string | null): JournalChange[] {
  const b = parse(before);
  const a = parse(after);
  if (b === undefined && a === undefined) return [];
  if (!isRecord(b ?? {}) || !isRecord(a ?? {})) {
    return [{ field: "valeur", before: formatValue(b), after: formatValue(a) }];
  }
  const previous = (b ?? {}) as Record<string, unknown>;
  const next = (a ?? {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(next), ...Object.keys(previous)])].filter(
    (key) => !CONTEXT_FIELDS.has(key),
  );
  return keys
    .filter((key) => JSON.stringify(previous[key] ?? null) !== JSON.stringify(next[key] ?? null))
    .map((key) => ({
      field: AUDIT_FIELD_LABELS[key] ?? key,
      before: b === undefined ? "—" : formatValue(previous[key], AUDIT_VALUE_LABELS[key]),
      after: a === undefined ? "—" : formatValue(next[key], AUDIT_VALUE_LABELS[key]),
    }));
}

export async function listJournal(filters: JournalFilters) {
  const where = await whereOf(filters);
  const total = await prisma.auditLog.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / JOURNAL_PAGE_SIZE));
  const page = Math.min(filters.page, pageCount);
  const rows = await prisma.auditLog.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * JOURNAL_PAGE_SIZE,
    take: JOURNAL_PAGE_SIZE,
    select: {
      id: true,
      createdAt: true,
      action: true,
      entityType: true,
      entityId: true,
      companyId: true,
      clubId: true,
      before: true,
      after: true,
      actor: { select: { name: true, email: true } },
    },
  });
  const companyIds = [...new Set(rows.flatMap((r) => (r.companyId ? [r.companyId] : [])))];
  const clubIds = [...new Set(rows.flatMap((r) => (r.clubId ? [r.clubId] : [])))];
  const [companies, clubs] = await Promise.all([
    prisma.company.findMany({
      where: { id: { in: companyIds } },
      select: { id: true, name: true },
    }),
    prisma.club.findMany({ where: { id: { in: clubIds } }, select: { id: true, name: true } }),
  ]);
  const companyName = new Map(companies.map((c) => [c.id, c.name]));
  const clubName = new Map(clubs.map((c) => [c.id, c.name]));
  return {
    total,
    page,
    pageCount,
    entries: rows.map((r) => ({
      id: r.id,
      createdAt: r.createdAt,
      action: r.action,
      entityType: r.entityType,
      entityId: r.entityId,
      actor: r.actor,
      company: r.companyId ? (companyName.get(r.companyId) ?? "entreprise supprimée") : null,
      club: r.clubId ? (clubName.get(r.clubId) ?? "club supprimé") : null,
      changes: describeChanges(r.before, r.after),
    })),
  };
}

/** The clubs to filter by. */
export function journalClubs() {
  return prisma.club.findMany({
    orderBy: [{ departementCode: "asc" }, { name: "asc" }],
    select: { id: true, name: true, departementCode: true },
  });
}
