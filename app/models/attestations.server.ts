// Companies' attestations of their year (issue 15 point 4, decision 030): the year's review that
// a company attests, the attestation itself, and who has attested in a club, a département or
// the country. A write to an attested year flags the attestation (database triggers, migration
// 20261207100000): it then counts as « modifiée après attestation » until attested again.
import { prisma } from "~/utils/db.server";
import { inYear } from "./figures.server";
import { audit } from "~/utils/audit.server";
import { listOutcomesToGive } from "./outcomes.server";
import { FOLLOWED_ACTION_TYPES } from "~/utils/outcomes";
import {
  CampaignError,
  NATIONAL,
  campaignForCompany,
  campaignScopes,
  campaignsForCompany,
} from "./declaration-campaigns.server";

export type AttestationState = "ATTESTED" | "EDITED" | "NONE";

const attestationSelect = {
  attestedByName: true,
  attestedAt: true,
  editedAt: true,
} as const;

function stateOf(row: { editedAt: Date | null } | null): AttestationState {
  if (!row) return "NONE";
  return row.editedAt ? "EDITED" : "ATTESTED";
}

/** What a company attests for a year: its commitments, its realisations, its outcomes. */
export async function yearReview(companyId: string, year: number, now = new Date()) {
  const [commitments, realisations, followed, outcomesGiven, due, attestation] = await Promise.all([
    prisma.commitment.findMany({
      where: { companyId, year },
      orderBy: [{ startDate: "asc" }, { id: "asc" }],
      select: {
        id: true,
        themeCode: true,
        actionTypeCode: true,
        ambition: true,
        targetQuantity: true,
        targetUnit: true,
        status: true,
      },
    }),
    prisma.realisation.groupBy({
      by: ["actionTypeCode", "unit"],
      where: { companyId, date: inYear(year) },
      orderBy: [{ actionTypeCode: "asc" }, { unit: "asc" }],
      _count: { _all: true },
      _sum: { quantity: true },
    }),
    prisma.realisation.count({
      where: {
        companyId,
        date: inYear(year),
        unit: "PEOPLE",
        actionTypeCode: { in: [...FOLLOWED_ACTION_TYPES] },
      },
    }),
    prisma.realisationOutcome.count({
      where: { realisation: { companyId, date: inYear(year) } },
    }),
    listOutcomesToGive(companyId, now),
    prisma.attestation.findUnique({
      where: { companyId_year: { companyId, year } },
      select: attestationSelect,
    }),
  ]);
  return {
    commitments,
    realisations: realisations.map((r) => ({
      actionTypeCode: r.actionTypeCode,
      unit: r.unit,
      count: r._count._all,
      quantity: r._sum.quantity ?? 0,
    })),
    outcomes: {
      followed,
      given: outcomesGiven,
      due: due.filter((d) => d.date.startsWith(`${year}-`)).length,
    },
    attestation: attestation ? { ...attestation, state: stateOf(attestation) } : null,
  };
}

/**
 * Attests a company's year, as the signed-in person: refused unless a campaign concerns the
 * company for that year (open or closed: a late or renewed attestation is still welcome). A new
 * attestation replaces the previous one and clears its flag; the audit log keeps both.
 */
export async function attestYear(
  actor: { id: string; name: string },
  companyId: string,
  year: number,
  now = new Date(),
) {
  if (!(await campaignForCompany(companyId, year))) {
    throw new CampaignError(
      `Aucune campagne de déclaration ne concerne votre entreprise pour ${year}.`,
    );
  }
  await prisma.$transaction(async (tx) => {
    const key = { companyId_year: { companyId, year } };
    const before = await tx.attestation.findUnique({ where: key, select: attestationSelect });
    const values = {
      attestedById: actor.id,
      attestedByName: actor.name,
      attestedAt: now,
      editedAt: null,
    };
    await tx.attestation.upsert({
      where: key,
      create: { companyId, year, ...values },
      update: values,
    });
    await audit(tx, {
      actorId: actor.id,
      action: "ATTEST",
      entityType: "Attestation",
      entityId: `${companyId}:${year}`,
      companyId,
      before: before
        ? {
            attestedByName: before.attestedByName,
            attestedAt: before.attestedAt.toISOString(),
            editedAt: before.editedAt?.toISOString() ?? null,
          }
        : undefined,
      after: { year, attestedByName: actor.name, attestedAt: now.toISOString() },
    });
  });
}

/** The attestation of a company's year (or null), for notices. */
export async function attestationOf(companyId: string, year: number) {
  const row = await prisma.attestation.findUnique({
    where: { companyId_year: { companyId, year } },
    select: attestationSelect,
  });
  return row ? { ...row, state: stateOf(row) } : null;
}

/** A club's members and where each stands for the year, the ones still to attest first. */
export async function clubAttestations(clubId: string, year: number) {
  const members = await prisma.clubMembership.findMany({
    where: { clubId, status: "MEMBER" },
    orderBy: { company: { name: "asc" } },
    select: {
      id: true,
      remindersOptOut: true,
      company: {
        select: {
          id: true,
          name: true,
          attestations: { where: { year }, select: attestationSelect },
        },
      },
    },
  });
  const order: Record<AttestationState, number> = { NONE: 0, EDITED: 1, ATTESTED: 2 };
  return members
    .map((m) => {
      const attestation = m.company.attestations[0] ?? null;
      return {
        membershipId: m.id,
        remindersOptOut: m.remindersOptOut,
        company: { id: m.company.id, name: m.company.name },
        state: stateOf(attestation),
        attestation,
      };
    })
    .sort((a, b) => order[a.state] - order[b.state]);
}

export type AttestationCounts = { members: number; attested: number; edited: number };

/**
 * How many member companies have attested the year, per club of a département, or per
 * département of the country (NATIONAL). A company that is a member of several clubs counts in
 * each of them, and once in the total (it attests once, for all its declarations).
 */
export async function attestationCounts(scope: string, year: number) {
  const inScope = {
    status: "MEMBER",
    ...(scope === NATIONAL ? {} : { club: { departementCode: scope } }),
  };
  const [memberships, attestations] = await Promise.all([
    prisma.clubMembership.findMany({
      where: inScope,
      select: {
        companyId: true,
        club: {
          select: {
            id: true,
            name: true,
            departementCode: true,
            departement: { select: { name: true } },
          },
        },
      },
    }),
    prisma.attestation.findMany({
      where: { year, company: { memberships: { some: inScope } } },
      select: { companyId: true, editedAt: true },
    }),
  ]);
  const stateByCompany = new Map(attestations.map((a) => [a.companyId, stateOf(a)]));
  const tally = (counts: AttestationCounts, state: AttestationState) => {
    counts.members += 1;
    if (state === "ATTESTED") counts.attested += 1;
    if (state === "EDITED") counts.edited += 1;
  };
  const groups = new Map<string, { key: string; label: string } & AttestationCounts>();
  for (const m of memberships) {
    const key = scope === NATIONAL ? m.club.departementCode : m.club.id;
    const label =
      scope === NATIONAL ? `${m.club.departementCode} — ${m.club.departement.name}` : m.club.name;
    const group = groups.get(key) ?? { key, label, members: 0, attested: 0, edited: 0 };
    tally(group, stateByCompany.get(m.companyId) ?? "NONE");
    groups.set(key, group);
  }
  // The total counts each company once, whatever its number of clubs.
  const total: AttestationCounts = { members: 0, attested: 0, edited: 0 };
  for (const companyId of new Set(memberships.map((m) => m.companyId))) {
    tally(total, stateByCompany.get(companyId) ?? "NONE");
  }
  return {
    total,
    groups: [...groups.values()].sort((a, b) => a.label.localeCompare(b.label, "fr")),
  };
}

/**
 * The figures restricted to attested declarations: the people a scope's realisations of the year
 * count, in all and from the companies whose attestation stands, per club of a département or per
 * département of the country (each realisation where it was declared).
 */
export async function attestedPeople(scope: string, year: number) {
  const national = scope === NATIONAL;
  const [rows, attested] = await Promise.all([
    prisma.realisation.groupBy({
      by: [national ? "departementCode" : "clubId", "companyId"],
      where: {
        date: inYear(year),
        unit: "PEOPLE",
        ...(national ? {} : { departementCode: scope }),
      },
      _sum: { quantity: true },
    }),
    prisma.attestation.findMany({
      where: { year, editedAt: null },
      select: { companyId: true },
    }),
  ]);
  const standing = new Set(attested.map((a) => a.companyId));
  const byGroup = new Map<string, { people: number; attestedPeople: number }>();
  const total = { people: 0, attestedPeople: 0 };
  for (const row of rows) {
    const key = (national ? row.departementCode : row.clubId) ?? "";
    const people = row._sum.quantity ?? 0;
    const group = byGroup.get(key) ?? { people: 0, attestedPeople: 0 };
    for (const sums of [group, total]) {
      sums.people += people;
      if (standing.has(row.companyId)) sums.attestedPeople += people;
    }
    byGroup.set(key, group);
  }
  return { total, byGroup: Object.fromEntries(byGroup) };
}

/** The running campaigns a company has yet to attest (or attest again), for its dashboard. */
export async function attestationsToGive(companyId: string) {
  const campaigns = await campaignsForCompany(companyId, { openOnly: true });
  if (campaigns.length === 0) return [];
  const attestations = await prisma.attestation.findMany({
    where: { companyId, year: { in: campaigns.map((c) => c.year) } },
    select: { year: true, editedAt: true },
  });
  return campaigns.flatMap((c) => {
    const state = stateOf(attestations.find((a) => a.year === c.year) ?? null);
    return state === "ATTESTED" ? [] : [{ year: c.year, deadline: c.deadline, state }];
  });
}

/**
 * The share of member companies that attested a year, for a dashboard (a club, a département, or
 * the country): null while no campaign concerns that year.
 */
export async function attestedShare(scope: string, year: number, clubId?: string) {
  const campaign = await prisma.declarationCampaign.findFirst({
    where: { year, departementCode: { in: campaignScopes(scope) } },
    select: { id: true },
  });
  if (!campaign) return null;
  // Counted in the database (each company once, whatever its number of clubs): the national
  // view must not load every membership of the country.
  const member = {
    status: "MEMBER",
    ...(clubId ? { clubId } : scope === NATIONAL ? {} : { club: { departementCode: scope } }),
  };
  const ofMembers = { year, company: { memberships: { some: member } } };
  const [members, attested, edited] = await Promise.all([
    prisma.company.count({ where: { memberships: { some: member } } }),
    prisma.attestation.count({ where: { ...ofMembers, editedAt: null } }),
    prisma.attestation.count({ where: { ...ofMembers, editedAt: { not: null } } }),
  ]);
  return {
    members,
    attested,
    edited,
    percent: members === 0 ? 0 : Math.round((100 * attested) / members),
  };
}
