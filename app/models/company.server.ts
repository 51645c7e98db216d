import type { Prisma } from "~/generated/prisma/client";
import { prisma } from "~/utils/db.server";
import { commitmentProgress, PROGRESS_FIELDS } from "./commitment-progress.server";

/** What the profile page and the annual report show of a company's identity. */
export const COMPANY_IDENTITY_FIELDS = {
  id: true,
  name: true,
  siret: true,
  siren: true,
  nafCode: true,
  nafLabel: true,
  headcountBracket: true,
  website: true,
  publicPage: true,
  updatedAt: true,
  commune: { select: { code: true, name: true, postcodes: true, departementCode: true } },
} satisfies Prisma.CompanySelect;

/** A company as one line of a list or a heading: its name, SIRET and commune. */
export const COMPANY_LINE = {
  id: true,
  name: true,
  siret: true,
  commune: { select: { name: true } },
} satisfies Prisma.CompanySelect;

export async function getCompanyHeader(companyId: string) {
  return prisma.company.findUnique({
    where: { id: companyId },
    select: {
      ...COMPANY_LINE,
      memberships: {
        where: { status: { not: "LEFT" } },
        select: { status: true, club: { select: { id: true, name: true } } },
      },
    },
  });
}

export function getCompanyName(companyId: string) {
  return prisma.company.findUnique({ where: { id: companyId }, select: { name: true } });
}

/** The club the company joined first among those it is a member of; null when none. */
export async function firstMemberClubId(companyId: string): Promise<string | null> {
  const membership = await prisma.clubMembership.findFirst({
    where: { companyId, status: "MEMBER" },
    orderBy: { createdAt: "asc" },
    select: { clubId: true },
  });
  return membership?.clubId ?? null;
}

/** The year's commitments of a company, each with what was realised against it (in its unit). */
export async function listCommitmentsWithProgress(companyId: string, year: number) {
  const commitments = await prisma.commitment.findMany({
    where: { companyId, year },
    orderBy: { endDate: "asc" },
    select: {
      ...PROGRESS_FIELDS,
      ambition: true,
      status: true,
      endDate: true,
      theme: { select: { label: true } },
      actionType: { select: { label: true } },
      publics: { select: { publicCategory: { select: { label: true } } } },
    },
  });
  const progress = await commitmentProgress(commitments);
  // Active ones first, then achieved, drafts and abandoned.
  const order = ["ACTIVE", "ACHIEVED", "DRAFT", "ABANDONED"];
  commitments.sort((a, b) => order.indexOf(a.status) - order.indexOf(b.status));
  return commitments.map((c) => ({
    ...c,
    publics: c.publics.map((p) => p.publicCategory.label),
    progress: progress.get(c.id)!,
  }));
}

/** The most recent declaration (realisation or commitment) of a company: what and when. */
export async function lastDeclaration(companyId: string) {
  const [realisation, commitment] = await Promise.all([
    prisma.realisation.findFirst({
      where: { companyId },
      orderBy: { createdAt: "desc" },
      select: { createdAt: true, quantity: true, actionType: { select: { label: true } } },
    }),
    prisma.commitment.findFirst({
      where: { companyId },
      orderBy: { updatedAt: "desc" },
      select: { updatedAt: true, ambition: true },
    }),
  ]);
  const fromRealisation = realisation
    ? {
        at: realisation.createdAt,
        what: `${realisation.actionType.label} (${realisation.quantity})`,
      }
    : null;
  const fromCommitment = commitment
    ? {
        at: commitment.updatedAt,
        what: `Engagement : ${commitment.ambition.length > 60 ? `${commitment.ambition.slice(0, 60)}…` : commitment.ambition}`,
      }
    : null;
  if (!fromRealisation) return fromCommitment;
  if (!fromCommitment) return fromRealisation;
  return fromRealisation.at >= fromCommitment.at ? fromRealisation : fromCommitment;
}

export async function listCompanyTeam(companyId: string) {
  return prisma.roleAssignment.findMany({
    where: { companyId, role: "COMPANY" },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      createdAt: true,
      user: { select: { id: true, name: true, email: true, lastLoginAt: true } },
    },
  });
}

/** What the national operator needs to settle a company's trust questions (decision 013): its
 * people, its clubs and the clubs' pending requests, found by its exact SIRET. */
export async function getCompanyTrustView(siret: string) {
  return prisma.company.findUnique({
    where: { siret },
    select: {
      id: true,
      name: true,
      siret: true,
      _count: { select: { roles: { where: { role: "COMPANY" } } } },
      memberships: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: {
          status: true,
          createdAt: true,
          club: { select: { name: true, departementCode: true } },
        },
      },
      joinRequests: {
        where: { status: "PENDING" },
        select: { id: true, club: { select: { name: true } } },
      },
    },
  });
}
