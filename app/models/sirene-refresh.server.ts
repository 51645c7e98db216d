// The periodic SIRENE refresh (decision 028): searches left pending because the register did not
// answer are asked again, then known companies never checked or checked long ago are looked up
// by SIRET. What the register says is kept in CompanySirene (the company's own fields are never
// overwritten: its people decide); an establishment newly closed is flagged once, by e-mail, to
// the animators of the clubs it is a prospect or member of (and listed on their members page).
// Calls are spaced under the register's 7 a second; the first failure ends the run.

import { formatSiret } from "~/utils/siret";
import { prisma, type Tx } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { queueEmail } from "~/utils/email.server";
import { fetchAndStore } from "./sirene-lookup.server";

/** A company's register data is looked up again after this long. */
export const SIRENE_REFRESH_AFTER_MS = 30 * 24 * 3600_000;
/** Calls per run (the job runs hourly): pending searches first, then companies. */
const BATCH = 40;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function refreshSirene(now = new Date(), { spacingMs = 200 } = {}) {
  const done = { pending: 0, companies: 0, closed: 0, stopped: false };
  if (env.SIRENE_API_URL === "off") return done;
  const pending = await prisma.sireneLookup.findMany({
    where: { pendingSince: { not: null } },
    orderBy: { pendingSince: "asc" },
    take: BATCH,
    select: { query: true },
  });
  for (const { query } of pending) {
    if (!(await fetchAndStore(query, now)).ok) return { ...done, stopped: true };
    done.pending++;
    await pause(spacingMs);
  }
  const companies = await prisma.company.findMany({
    where: {
      OR: [
        { sirene: null },
        { sirene: { fetchedAt: { lt: new Date(now.getTime() - SIRENE_REFRESH_AFTER_MS) } } },
      ],
    },
    orderBy: { createdAt: "asc" },
    take: BATCH - done.pending,
    select: { id: true, siret: true, sirene: { select: { closedNotifiedAt: true } } },
  });
  for (const company of companies) {
    const fetched = await fetchAndStore(company.siret, now);
    if (!fetched.ok) return { ...done, stopped: true };
    const site = fetched.establishments.find((e) => e.siret === company.siret) ?? null;
    const notify = site?.closed === true && !company.sirene?.closedNotifiedAt;
    await prisma.$transaction(async (tx) => {
      const row = {
        found: site !== null,
        legalName: site?.legalName ?? null,
        nafCode: site?.nafCode ?? null,
        headcountBracket: site?.headcountBracket ?? null,
        communeCode: site?.communeCode ?? null,
        headOffice: site?.headOffice ?? false,
        closed: site?.closed ?? false,
        fetchedAt: now,
        // Reopened: a later closing is flagged again.
        closedNotifiedAt: site?.closed
          ? (company.sirene?.closedNotifiedAt ?? (notify ? now : null))
          : null,
      };
      await tx.companySirene.upsert({
        where: { companyId: company.id },
        create: { companyId: company.id, ...row },
        update: row,
      });
      if (notify) await flagClosed(tx, company.id, now);
    });
    done.companies++;
    if (notify) done.closed++;
    await pause(spacingMs);
  }
  return done;
}

async function flagClosed(tx: Tx, companyId: string, now: Date) {
  const memberships = await tx.clubMembership.findMany({
    where: { companyId, status: { in: ["PROSPECT", "MEMBER"] }, club: { closedAt: null } },
    select: {
      company: { select: { name: true, siret: true } },
      club: {
        select: {
          id: true,
          name: true,
          roles: {
            where: { role: "ANIMATOR" },
            select: { user: { select: { id: true, email: true } } },
          },
        },
      },
    },
  });
  for (const m of memberships) {
    for (const { user } of m.club.roles) {
      await queueEmail(tx, {
        template: "sirene-closed",
        to: user.email,
        data: {
          companyName: m.company.name,
          siret: formatSiret(m.company.siret),
          clubName: m.club.name,
          membersUrl: `${env.APP_URL}/club/${m.club.id}/membres`,
        },
        dedupeKey: `sirene-closed:${companyId}:${m.club.id}:${user.id}:${now.toISOString().slice(0, 10)}`,
      });
    }
  }
}

/** The club's prospects and members whose establishment the register says is closed. */
export function listClosedEstablishments(clubId: string) {
  return prisma.company.findMany({
    where: {
      sirene: { closed: true },
      memberships: { some: { clubId, status: { in: ["PROSPECT", "MEMBER"] } } },
    },
    orderBy: { name: "asc" },
    select: { id: true, name: true, siret: true, sirene: { select: { fetchedAt: true } } },
  });
}
