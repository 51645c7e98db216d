// Small typed factories shared by the demo seed (prisma/seed/) and the tests. Each takes a
// Prisma client or a transaction client and optional overrides, and returns the created row.
// They expect the reference data (départements, communes, publics, themes, action types) to be
// loaded. Counts only: nothing here ever stores the name of a person who was hired.

import type { Prisma } from "~/generated/prisma/client";
import { hashPassword } from "~/utils/password.server";
import { ACTION_TYPES, HEADCOUNT_BRACKETS, type Role } from "~/utils/domain";
import { findNaf, nafSubclasses } from "~/models/naf.server";
import { isValidSiret, withLuhnCheckDigit } from "~/utils/siret";
import { stemsOf } from "~/utils/stems";

/** A Prisma client or a transaction client. */
export type DbClient = Prisma.TransactionClient;

// ---------------------------------------------------------------- deterministic randomness

export type Random = ReturnType<typeof createRandom>;

/** A seeded mulberry32 generator, with a few helpers. Same seed, same sequence. */
export function createRandom(seed: number) {
  let state = seed >>> 0;
  function next(): number {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** An integer in [min, max], both included. */
  function int(min: number, max: number): number {
    return min + Math.floor(next() * (max - min + 1));
  }
  function pick<T>(list: readonly T[]): T {
    if (list.length === 0) throw new Error("pick() on an empty list");
    return list[Math.floor(next() * list.length)];
  }
  /** Picks by weight: [[value, weight], …]. */
  function weighted<T>(entries: readonly (readonly [T, number])[]): T {
    const total = entries.reduce((s, [, w]) => s + w, 0);
    let r = next() * total;
    for (const [value, w] of entries) {
      r -= w;
      if (r < 0) return value;
    }
    return entries[entries.length - 1][0];
  }
  /** `count` distinct items of `list`, in random order. */
  function sample<T>(list: readonly T[], count: number): T[] {
    const copy = [...list];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy.slice(0, Math.min(count, copy.length));
  }
  function chance(probability: number): boolean {
    return next() < probability;
  }
  function digits(count: number): string {
    let out = "";
    for (let i = 0; i < count; i++) out += String(Math.floor(next() * 10));
    return out;
  }
  return { next, int, pick, weighted, sample, chance, digits };
}

/** The generator the factories use when the caller gives none. */
const defaultRandom = createRandom(0x5eed_2026);
let sequence = 0;
function nextSequence() {
  sequence += 1;
  return sequence;
}

// ---------------------------------------------------------------- SIRET and NAF

/** A Luhn-valid SIREN (9 digits, not starting with 0, never La Poste's). */
export function randomSiren(random: Random = defaultRandom): string {
  for (;;) {
    const siren = withLuhnCheckDigit(String(random.int(1, 9)) + random.digits(7));
    if (siren !== "356000000") return siren;
  }
}

/** A valid SIRET of the given SIREN (Luhn-valid SIREN and SIRET): a 4-digit NIC + check digit. */
export function randomSiret(random: Random = defaultRandom, siren = randomSiren(random)): string {
  const siret = withLuhnCheckDigit(siren + random.digits(4));
  if (!isValidSiret(siret)) throw new Error(`SIRET invalide généré : ${siret}`);
  return siret;
}

// ---------------------------------------------------------------- organisations

/** A few communes of Pas-de-Calais used when the caller gives none. */
const DEFAULT_COMMUNES = ["62041", "62498", "62119", "62193", "62160", "62765"];

export type CompanyOverrides = Partial<{
  name: string;
  /** A full SIRET; otherwise one is generated (of `siren` when given). */
  siret: string;
  /** Generate the SIRET of an establishment of this SIREN. */
  siren: string;
  nafCode: string | null;
  nafLabel: string | null;
  headcountBracket: string | null;
  communeCode: string | null;
  website: string | null;
  headOfficeId: string | null;
  publicPage: boolean;
  createdAt: Date;
  random: Random;
}>;

export async function insertCompany(db: DbClient, overrides: CompanyOverrides = {}) {
  const random = overrides.random ?? defaultRandom;
  let siret = overrides.siret;
  if (!siret) {
    // Random SIRETs are unique in practice; check anyway, tests may share a database.
    for (let attempt = 0; ; attempt++) {
      siret = randomSiret(random, overrides.siren ?? randomSiren(random));
      const taken = await db.company.findUnique({ where: { siret }, select: { id: true } });
      if (!taken) break;
      if (attempt > 20) throw new Error("Impossible de générer un SIRET libre");
    }
  }
  let nafCode = overrides.nafCode;
  let label = overrides.nafLabel;
  if (nafCode === undefined) {
    const entry = random.pick(nafSubclasses());
    nafCode = entry.code;
    label ??= entry.label;
  } else if (nafCode && label === undefined) {
    label = findNaf(nafCode)?.label ?? null;
  }
  return db.company.create({
    data: {
      siret,
      siren: siret.slice(0, 9),
      name: overrides.name ?? `Entreprise test ${nextSequence()}`,
      nafCode,
      nafLabel: label ?? null,
      headcountBracket:
        overrides.headcountBracket === undefined
          ? random.pick(HEADCOUNT_BRACKETS).code
          : overrides.headcountBracket,
      communeCode:
        overrides.communeCode === undefined ? random.pick(DEFAULT_COMMUNES) : overrides.communeCode,
      website: overrides.website ?? null,
      headOfficeId: overrides.headOfficeId ?? null,
      publicPage: overrides.publicPage ?? false,
      ...(overrides.createdAt ? { createdAt: overrides.createdAt } : {}),
    },
  });
}

export type ClubOverrides = Partial<{
  name: string;
  departementCode: string;
  description: string;
  createdAt: Date;
}>;

export async function insertClub(db: DbClient, overrides: ClubOverrides = {}) {
  const departementCode = overrides.departementCode ?? "62";
  return db.club.create({
    data: {
      name: overrides.name ?? `Club test ${nextSequence()} (${departementCode})`,
      departementCode,
      description: overrides.description ?? "",
      ...(overrides.createdAt ? { createdAt: overrides.createdAt } : {}),
    },
  });
}

export type MembershipInput = {
  companyId: string;
  clubId: string;
} & Partial<{
  status: "PROSPECT" | "MEMBER" | "LEFT";
  joinedAt: Date | null;
  leftAt: Date | null;
  contactName: string | null;
  contactEmail: string | null;
  remindersOptOut: boolean;
}>;

export async function addMembership(db: DbClient, input: MembershipInput) {
  const status = input.status ?? "MEMBER";
  return db.clubMembership.create({
    data: {
      companyId: input.companyId,
      clubId: input.clubId,
      status,
      joinedAt:
        input.joinedAt !== undefined ? input.joinedAt : status === "PROSPECT" ? null : new Date(),
      leftAt: input.leftAt !== undefined ? input.leftAt : status === "LEFT" ? new Date() : null,
      contactName: input.contactName ?? null,
      contactEmail: input.contactEmail ?? null,
      remindersOptOut: input.remindersOptOut ?? false,
    },
  });
}

// ---------------------------------------------------------------- people and access

export type UserOverrides = Partial<{
  email: string;
  name: string;
  /** Hashed with argon2id (slow-ish: give `passwordHash` to reuse one hash). */
  password: string;
  passwordHash: string | null;
  digestOptOut: boolean;
  createdAt: Date;
  random: Random;
}>;

export async function insertUser(db: DbClient, overrides: UserOverrides = {}) {
  const random = overrides.random ?? defaultRandom;
  let email = overrides.email?.trim().toLowerCase();
  if (!email) {
    for (let attempt = 0; ; attempt++) {
      email = `utilisateur-${nextSequence()}-${random.digits(6)}@exemple.test`;
      const taken = await db.user.findUnique({ where: { email }, select: { id: true } });
      if (!taken) break;
      if (attempt > 20) throw new Error("Impossible de générer une adresse libre");
    }
  }
  const passwordHash =
    overrides.passwordHash !== undefined
      ? overrides.passwordHash
      : overrides.password
        ? await hashPassword(overrides.password)
        : null;
  return db.user.create({
    data: {
      email,
      name: overrides.name ?? `Utilisateur ${sequence}`,
      passwordHash,
      digestOptOut: overrides.digestOptOut ?? false,
      ...(overrides.createdAt ? { createdAt: overrides.createdAt } : {}),
    },
  });
}

export type RoleScope = {
  role: Role;
  companyId?: string | null;
  clubId?: string | null;
  departementCode?: string | null;
};

export async function grantRole(db: DbClient, userId: string, scope: RoleScope) {
  return db.roleAssignment.create({
    data: {
      userId,
      role: scope.role,
      companyId: scope.companyId ?? null,
      clubId: scope.clubId ?? null,
      departementCode: scope.departementCode ?? null,
    },
  });
}

// ---------------------------------------------------------------- declarations

type ClubRef = { id: string; departementCode: string };

/** The club of a company: the given one, else its MEMBER membership, else any membership. */
async function resolveClub(
  db: DbClient,
  companyId: string,
  clubId: string | null | undefined,
  departementCode: string | null | undefined,
): Promise<ClubRef | null> {
  if (clubId && departementCode) return { id: clubId, departementCode };
  if (clubId) {
    return db.club.findUniqueOrThrow({
      where: { id: clubId },
      select: { id: true, departementCode: true },
    });
  }
  const memberships = await db.clubMembership.findMany({
    where: { companyId },
    select: { status: true, club: { select: { id: true, departementCode: true } } },
    orderBy: { createdAt: "asc" },
  });
  const chosen = memberships.find((m) => m.status === "MEMBER") ?? memberships[0];
  return chosen?.club ?? null;
}

function actionTypeOf(code: string) {
  const actionType = ACTION_TYPES.find((a) => a.code === code);
  if (!actionType) throw new Error(`Type d'action inconnu : ${code}`);
  return actionType;
}

export type CommitmentInput = {
  companyId: string;
} & Partial<{
  /** Defaults to the company's club (MEMBER membership first). */
  clubId: string;
  /** Given with clubId, saves a query. */
  departementCode: string;
  year: number;
  themeCode: string;
  actionTypeCode: string;
  /** Public category codes (CommitmentPublic rows). */
  publics: string[];
  otherPublicLabel: string | null;
  ambition: string;
  targetQuantity: number | null;
  targetUnit: string | null;
  startDate: Date;
  endDate: Date;
  status: "DRAFT" | "ACTIVE" | "ACHIEVED" | "ABANDONED";
  visibility: "CLUB" | "PUBLIC";
  createdById: string | null;
  createdAt: Date;
}>;

export async function insertCommitment(db: DbClient, input: CommitmentInput) {
  const club = await resolveClub(db, input.companyId, input.clubId, input.departementCode);
  if (!club) throw new Error("insertCommitment : l'entreprise n'est membre d'aucun club");
  const year = input.year ?? new Date().getFullYear();
  const actionTypeCode = input.actionTypeCode ?? "HIRE";
  const targetQuantity = input.targetQuantity === undefined ? null : input.targetQuantity;
  const targetUnit =
    input.targetUnit !== undefined
      ? input.targetUnit
      : targetQuantity !== null
        ? actionTypeOf(actionTypeCode).defaultUnit
        : null;
  const publics = [...new Set(input.publics ?? ["DELD"])];
  return db.commitment.create({
    data: {
      companyId: input.companyId,
      clubId: club.id,
      departementCode: club.departementCode,
      year,
      themeCode: input.themeCode ?? "INCLUSION",
      actionTypeCode,
      ambition: input.ambition ?? "Recruter des personnes éloignées de l'emploi.",
      otherPublicLabel: input.otherPublicLabel ?? null,
      targetQuantity,
      targetUnit,
      startDate: input.startDate ?? new Date(Date.UTC(year, 0, 1)),
      endDate: input.endDate ?? new Date(Date.UTC(year, 11, 31)),
      status: input.status ?? "ACTIVE",
      visibility: input.visibility ?? "CLUB",
      createdById: input.createdById ?? null,
      ...(input.createdAt ? { createdAt: input.createdAt, updatedAt: input.createdAt } : {}),
      publics: { create: publics.map((publicCategoryCode) => ({ publicCategoryCode })) },
    },
    include: { publics: true },
  });
}

export type RealisationInput = {
  companyId: string;
} & Partial<{
  /** Defaults to the company's club (MEMBER membership first); null for none. */
  clubId: string | null;
  /** Given with clubId, saves a query. */
  departementCode: string;
  commitmentId: string | null;
  date: Date;
  actionTypeCode: string;
  publicCategoryCode: string;
  otherPublicLabel: string | null;
  /** Defaults to CDI for a hire, ALTERNANCE for a work-study contract, null otherwise. */
  contractType: string | null;
  quantity: number;
  unit: string;
  qpv: "YES" | "NO" | "UNKNOWN";
  communeCode: string | null;
  note: string;
  importBatchId: string | null;
  createdById: string | null;
  createdAt: Date;
}>;

export async function insertRealisation(db: DbClient, input: RealisationInput) {
  const club =
    input.clubId === null
      ? null
      : await resolveClub(db, input.companyId, input.clubId, input.departementCode);
  const actionType = actionTypeOf(input.actionTypeCode ?? "HIRE");
  const contractType =
    input.contractType !== undefined
      ? input.contractType
      : actionType.code === "WORK_STUDY"
        ? "ALTERNANCE"
        : actionType.isHire
          ? "CDI"
          : null;
  return db.realisation.create({
    data: {
      companyId: input.companyId,
      clubId: club?.id ?? null,
      departementCode: club?.departementCode ?? null,
      commitmentId: input.commitmentId ?? null,
      date: input.date ?? new Date(),
      actionTypeCode: actionType.code,
      publicCategoryCode: input.publicCategoryCode ?? "DELD",
      otherPublicLabel: input.otherPublicLabel ?? null,
      contractType,
      quantity: input.quantity ?? 1,
      unit: input.unit ?? actionType.defaultUnit,
      qpv: input.qpv ?? "UNKNOWN",
      communeCode: input.communeCode ?? null,
      note: input.note ?? "",
      importBatchId: input.importBatchId ?? null,
      createdById: input.createdById ?? null,
      ...(input.createdAt ? { createdAt: input.createdAt, updatedAt: input.createdAt } : {}),
    },
  });
}

// ---------------------------------------------------------------- club life

export type MeetingInvitationInput = {
  email: string;
} & Partial<{
  userId: string | null;
  companyId: string | null;
  name: string | null;
  rsvp: "PENDING" | "YES" | "NO" | "MAYBE";
  rsvpAt: Date | null;
  attended: boolean | null;
  sentAt: Date | null;
}>;

export type MeetingInput = {
  clubId: string;
} & Partial<{
  title: string;
  startsAt: Date;
  endsAt: Date;
  place: string;
  videoUrl: string | null;
  agenda: string;
  minutes: string | null;
  minutesPublishedAt: Date | null;
  reminderSentAt: Date | null;
  createdById: string | null;
  createdAt: Date;
  invitations: MeetingInvitationInput[];
  practiceIds: string[];
}>;

export async function insertMeeting(db: DbClient, input: MeetingInput) {
  const startsAt = input.startsAt ?? new Date(Date.now() + 14 * 24 * 3600 * 1000);
  return db.meeting.create({
    data: {
      clubId: input.clubId,
      title: input.title ?? "Réunion du club",
      startsAt,
      endsAt: input.endsAt ?? new Date(startsAt.getTime() + 2 * 3600 * 1000),
      place: input.place ?? "",
      videoUrl: input.videoUrl ?? null,
      agenda: input.agenda ?? "",
      minutes: input.minutes ?? null,
      minutesPublishedAt: input.minutesPublishedAt ?? null,
      reminderSentAt: input.reminderSentAt ?? null,
      createdById: input.createdById ?? null,
      ...(input.createdAt ? { createdAt: input.createdAt, updatedAt: input.createdAt } : {}),
      invitations: {
        create: (input.invitations ?? []).map((inv) => ({
          email: inv.email.toLowerCase(),
          userId: inv.userId ?? null,
          companyId: inv.companyId ?? null,
          name: inv.name ?? null,
          rsvp: inv.rsvp ?? "PENDING",
          rsvpAt: inv.rsvpAt ?? null,
          attended: inv.attended ?? null,
          sentAt: inv.sentAt ?? null,
        })),
      },
      practices: {
        create: (input.practiceIds ?? []).map((practiceId) => ({ practiceId })),
      },
    },
    include: { invitations: true },
  });
}

export type PracticeTagInput = { kind: "PUBLIC" | "THEME"; code: string };

export type PracticeInput = {
  companyId: string;
  clubId: string;
} & Partial<{
  authorId: string | null;
  commitmentId: string | null;
  title: string;
  /** Markdown. */
  body: string;
  visibility: "CLUB" | "DEPARTEMENT" | "ALL";
  featuredAt: Date | null;
  hiddenAt: Date | null;
  createdAt: Date;
  tags: PracticeTagInput[];
}>;

export async function insertPractice(db: DbClient, input: PracticeInput) {
  const tags = (input.tags ?? []).filter(
    (tag, i, all) => all.findIndex((t) => t.kind === tag.kind && t.code === tag.code) === i,
  );
  const title = input.title ?? "Une bonne pratique";
  const body = input.body ?? "Ce que nous avons fait, et ce que nous en retenons.";
  return db.practice.create({
    data: {
      companyId: input.companyId,
      clubId: input.clubId,
      authorId: input.authorId ?? null,
      commitmentId: input.commitmentId ?? null,
      title,
      body,
      searchStems: stemsOf(title, body),
      visibility: input.visibility ?? "CLUB",
      featuredAt: input.featuredAt ?? null,
      hiddenAt: input.hiddenAt ?? null,
      ...(input.createdAt ? { createdAt: input.createdAt, updatedAt: input.createdAt } : {}),
      tags: { create: tags.map((tag) => ({ kind: tag.kind, code: tag.code })) },
    },
    include: { tags: true },
  });
}

export async function addKudos(
  db: DbClient,
  input: { practiceId: string; userId: string; createdAt?: Date },
) {
  return db.kudos.create({
    data: {
      practiceId: input.practiceId,
      userId: input.userId,
      ...(input.createdAt ? { createdAt: input.createdAt } : {}),
    },
  });
}

export async function addComment(
  db: DbClient,
  input: { practiceId: string; authorId: string | null; body: string; createdAt?: Date },
) {
  return db.comment.create({
    data: {
      practiceId: input.practiceId,
      authorId: input.authorId,
      body: input.body,
      ...(input.createdAt ? { createdAt: input.createdAt } : {}),
    },
  });
}

// ---------------------------------------------------------------- members' network

export type DirectoryCardInput = {
  companyId: string;
  listed?: boolean;
  visibility?: "CLUB" | "DEPARTEMENT";
  tradesEmployed?: string[];
  tradesRecruited?: string[];
  offer?: string;
  seek?: string;
  contactEmail?: string;
};

export async function insertDirectoryCard(db: DbClient, input: DirectoryCardInput) {
  return db.directoryCard.create({
    data: {
      companyId: input.companyId,
      listed: input.listed ?? true,
      visibility: input.visibility ?? "CLUB",
      tradesEmployed: (input.tradesEmployed ?? []).join(","),
      tradesRecruited: (input.tradesRecruited ?? []).join(","),
      offer: input.offer ?? "",
      seek: input.seek ?? "",
      contactEmail: input.contactEmail ?? "",
    },
  });
}

export type PasserellePostInput = {
  companyId: string;
  /** Defaults to the company's first club membership. */
  clubId?: string;
  kind: "NEED" | "AVAILABILITY";
  arrangement?: "LOAN" | "HIRE";
  romeDomain: string;
  tradeLabel: string;
  headcount: number;
  startDate: Date;
  endDate: Date;
  communeCode: string;
  visibility?: "CLUB" | "DEPARTEMENT";
  description?: string;
  createdById?: string | null;
  createdAt?: Date;
};

export async function insertPasserellePost(db: DbClient, input: PasserellePostInput) {
  const membership = await db.clubMembership.findFirstOrThrow({
    where: { companyId: input.companyId, ...(input.clubId ? { clubId: input.clubId } : {}) },
    orderBy: { createdAt: "asc" },
    select: { clubId: true, club: { select: { departementCode: true } } },
  });
  return db.passerellePost.create({
    data: {
      companyId: input.companyId,
      clubId: membership.clubId,
      departementCode: membership.club.departementCode,
      kind: input.kind,
      arrangement: input.arrangement ?? "LOAN",
      romeDomain: input.romeDomain,
      tradeLabel: input.tradeLabel,
      headcount: input.headcount,
      startDate: input.startDate,
      endDate: input.endDate,
      communeCode: input.communeCode,
      visibility: input.visibility ?? "CLUB",
      description: input.description ?? "",
      createdById: input.createdById ?? null,
      ...(input.createdAt ? { createdAt: input.createdAt } : {}),
    },
  });
}

/** The smallest valid PNG (1×1, transparent): an image whose magic bytes the upload check accepts. */
const ONE_PIXEL_PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
  "base64",
);

export async function addPracticeImage(
  db: DbClient,
  input: { practiceId: string; alt?: string; position?: number },
) {
  return db.practiceImage.create({
    data: {
      practiceId: input.practiceId,
      mimeType: "image/png",
      size: ONE_PIXEL_PNG.length,
      alt: input.alt ?? "Une illustration de la pratique",
      data: ONE_PIXEL_PNG,
      position: input.position ?? 0,
    },
  });
}
