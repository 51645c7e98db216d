// Annual declaration campaigns (issue 15 point 4, decision 030): a prefecture opens year N for
// its département, or an administrator for the whole country ("*"), with a deadline; the
// companies concerned then review and attest their year (attestations.server.ts).
import { prisma } from "~/utils/db.server";
import { audit } from "~/utils/audit.server";
import { formatDay } from "~/utils/format";
import type { CampaignInput } from "~/utils/schemas/declaration-campaign";
import { calendarDay, isoDay } from "~/utils/time/wall-clock";
import { zoneOfDepartement } from "~/utils/time/zones";

/** The scope of a national campaign. */
export const NATIONAL = "*";
/** A campaign declares one of the last few years, the current one included. */
export const DECLARABLE_YEARS = 3;
/** The deadline falls within this many days of the opening. */
export const LONGEST_CAMPAIGN_DAYS = 366;

/** A refusal the form shows as it is (French). */
export class CampaignError extends Error {}

export type Campaign = {
  id: string;
  departementCode: string;
  year: number;
  /** Its last day, aaaa-mm-jj. */
  deadline: string;
  closed: boolean;
};

const campaignSelect = {
  id: true,
  departementCode: true,
  year: true,
  deadline: true,
  closedAt: true,
} as const;

function toCampaign(row: {
  id: string;
  departementCode: string;
  year: number;
  deadline: Date;
  closedAt: Date | null;
}): Campaign {
  return {
    id: row.id,
    departementCode: row.departementCode,
    year: row.year,
    deadline: isoDay(row.deadline),
    closed: row.closedAt !== null,
  };
}

/** Today's calendar day in a scope: a département's zone, Paris for the country. */
const todayIn = (departementCode: string, now: Date) =>
  calendarDay(now, zoneOfDepartement(departementCode === NATIONAL ? null : departementCode));

/** The years a campaign may declare, newest first: the current year and the previous ones. */
export function declarableYears(departementCode: string, now = new Date()) {
  const current = Number(todayIn(departementCode, now).slice(0, 4));
  return Array.from({ length: DECLARABLE_YEARS }, (_, i) => current - i);
}

/** The campaign scopes that concern a département (its own and the national one). */
export const campaignScopes = (departementCode: string) => [
  ...new Set([departementCode, NATIONAL]),
];

/** The campaigns of a scope (a département's own and the national ones), newest year first. */
export async function listCampaigns(departementCode: string) {
  const rows = await prisma.declarationCampaign.findMany({
    where: { departementCode: { in: campaignScopes(departementCode) } },
    orderBy: [{ year: "desc" }, { departementCode: "asc" }],
    select: campaignSelect,
  });
  return rows.map(toCampaign);
}

/**
 * Opens the campaign of a year for a département or the country. Refused for a year outside
 * the declarable ones, a deadline not after today or more than a year away, or a campaign
 * already opened for that scope and year. The campaign and its audit entry land together.
 */
export async function openCampaign(
  actorId: string,
  departementCode: string,
  input: CampaignInput,
  now = new Date(),
) {
  if (!declarableYears(departementCode, now).includes(input.year)) {
    throw new CampaignError(
      `L'année déclarée doit être l'une des ${DECLARABLE_YEARS} dernières (${declarableYears(departementCode, now).join(", ")}).`,
    );
  }
  const today = todayIn(departementCode, now);
  const latest = new Date(`${today}T00:00:00Z`);
  latest.setUTCDate(latest.getUTCDate() + LONGEST_CAMPAIGN_DAYS);
  if (input.deadline <= today) {
    throw new CampaignError("La date limite doit être postérieure à aujourd'hui.");
  }
  if (input.deadline > isoDay(latest)) {
    throw new CampaignError(
      `La date limite doit tomber dans l'année qui vient (au plus tard le ${formatDay(latest)}).`,
    );
  }
  return prisma.$transaction(async (tx) => {
    const existing = await tx.declarationCampaign.findUnique({
      where: { departementCode_year: { departementCode, year: input.year } },
      select: { id: true },
    });
    if (existing) {
      throw new CampaignError(`La campagne ${input.year} est déjà ouverte pour ce territoire.`);
    }
    const campaign = await tx.declarationCampaign.create({
      data: {
        departementCode,
        year: input.year,
        deadline: new Date(`${input.deadline}T00:00:00.000Z`),
        openedById: actorId,
        createdAt: now,
      },
      select: campaignSelect,
    });
    await audit(tx, {
      actorId,
      action: "OPEN_CAMPAIGN",
      entityType: "DeclarationCampaign",
      entityId: campaign.id,
      after: { departementCode, year: input.year, deadline: input.deadline },
    });
    return toCampaign(campaign);
  });
}

/** Closes a campaign of the scope early: companies are no longer asked; attestations stay. */
export async function closeCampaign(
  actorId: string,
  departementCode: string,
  campaignId: string,
  now = new Date(),
) {
  await prisma.$transaction(async (tx) => {
    const campaign = await tx.declarationCampaign.findFirst({
      where: { id: campaignId, departementCode },
      select: { id: true, year: true, closedAt: true },
    });
    if (!campaign) throw new CampaignError("Cette campagne n'existe pas.");
    if (campaign.closedAt) throw new CampaignError(`La campagne ${campaign.year} est déjà close.`);
    await tx.declarationCampaign.update({ where: { id: campaign.id }, data: { closedAt: now } });
    await audit(tx, {
      actorId,
      action: "CLOSE_CAMPAIGN",
      entityType: "DeclarationCampaign",
      entityId: campaign.id,
      before: { closedAt: null },
      after: { year: campaign.year, closedAt: now.toISOString() },
    });
  });
}

/** The départements of a company's current clubs (where it is a MEMBER). */
async function departementsOf(companyId: string) {
  const memberships = await prisma.clubMembership.findMany({
    where: { companyId, status: "MEMBER" },
    select: { club: { select: { departementCode: true } } },
  });
  return [...new Set(memberships.map((m) => m.club.departementCode))];
}

/**
 * The campaigns that concern a company — national ones, and those of its clubs' départements —
 * one per year (the earliest deadline when two overlap), newest year first. `openOnly` keeps the
 * campaigns still running.
 */
export async function campaignsForCompany(companyId: string, options: { openOnly?: boolean } = {}) {
  const departements = await departementsOf(companyId);
  if (departements.length === 0) return [];
  const rows = await prisma.declarationCampaign.findMany({
    where: {
      departementCode: { in: [...departements, NATIONAL] },
      ...(options.openOnly ? { closedAt: null } : {}),
    },
    orderBy: [{ year: "desc" }, { deadline: "asc" }],
    select: campaignSelect,
  });
  const byYear = new Map<number, Campaign>();
  for (const row of rows) if (!byYear.has(row.year)) byYear.set(row.year, toCampaign(row));
  return [...byYear.values()];
}

/** The campaign of a year that concerns a company, or null. */
export async function campaignForCompany(companyId: string, year: number) {
  return (await campaignsForCompany(companyId)).find((c) => c.year === year) ?? null;
}
