// A head office and its establishments (issue 16 point 4, decision 028): the establishments
// sharing its SIREN that linked themselves to it (each keeps its own club membership, possibly in
// another département), their declarations of a year side by side and the group's total. Each
// realisation belongs to one company and is counted once, on the row of the company that
// declared it (and in the figures of the club it was declared in). The head office may link an
// establishment whose team it also belongs to, and detach any of its establishments, audited.

import { audit } from "~/utils/audit.server";
import { prisma } from "~/utils/db.server";
import { can, type CurrentUser } from "~/utils/permissions.server";
import { isValidSiret, normaliseSiret } from "~/utils/siret";
import { linkHeadOffice } from "./company-head-office.server";
import { CompanyProfileError } from "./company-profile.server";

export class GroupError extends Error {
  constructor(
    message: string,
    readonly status: 400 | 404 = 400,
  ) {
    super(message);
  }
}

export type GroupFigures = { declarations: number; people: number; hours: number; euros: number };
const ZERO: GroupFigures = { declarations: 0, people: 0, hours: 0, euros: 0 };
const UNIT_FIELD = { PEOPLE: "people", HOURS: "hours", EUROS: "euros" } as const;

/** Declarations of `year` per company (UTC calendar year, as the company's yearly report). */
async function figuresByCompany(companyIds: string[], year: number) {
  const rows = await prisma.realisation.groupBy({
    by: ["companyId", "unit"],
    where: {
      companyId: { in: companyIds },
      date: { gte: new Date(Date.UTC(year, 0, 1)), lt: new Date(Date.UTC(year + 1, 0, 1)) },
    },
    _count: { _all: true },
    _sum: { quantity: true },
  });
  const figures = new Map<string, GroupFigures>(companyIds.map((id) => [id, { ...ZERO }]));
  for (const row of rows) {
    const f = figures.get(row.companyId)!;
    f.declarations += row._count._all;
    const field = UNIT_FIELD[row.unit as keyof typeof UNIT_FIELD];
    if (field) f[field] += row._sum.quantity ?? 0;
  }
  return figures;
}

/** The group seen from its head office, or the reason there is none; null if no such company. */
export async function getCompanyGroup(companyId: string, year: number) {
  const company = await prisma.company.findUnique({
    where: { id: companyId },
    select: {
      id: true,
      name: true,
      siret: true,
      siren: true,
      headOffice: { select: { name: true } },
      establishments: { select: { id: true }, orderBy: { name: "asc" } },
    },
  });
  if (!company) return null;
  const ids = [company.id, ...company.establishments.map((e) => e.id)];
  const [members, figures] = await Promise.all([
    prisma.company.findMany({
      where: { id: { in: ids } },
      select: {
        id: true,
        name: true,
        siret: true,
        commune: { select: { name: true } },
        memberships: {
          where: { status: { not: "LEFT" } },
          orderBy: { createdAt: "asc" },
          select: { status: true, club: { select: { name: true, departementCode: true } } },
        },
      },
    }),
    figuresByCompany(ids, year),
  ]);
  const rows = ids.map((id) => {
    const m = members.find((c) => c.id === id)!;
    return { ...m, isHeadOffice: id === company.id, figures: figures.get(id)! };
  });
  const total = rows.reduce<GroupFigures>(
    (sum, r) => ({
      declarations: sum.declarations + r.figures.declarations,
      people: sum.people + r.figures.people,
      hours: sum.hours + r.figures.hours,
      euros: sum.euros + r.figures.euros,
    }),
    { ...ZERO },
  );
  return {
    company: { id: company.id, name: company.name, siren: company.siren },
    headOfficeName: company.headOffice?.name ?? null,
    rows,
    total,
  };
}

/**
 * The head office detaches one of its establishments: the establishment keeps its clubs and its
 * declarations; only the link goes, audited on the establishment's journal.
 */
export async function detachEstablishment(
  actorId: string,
  headOfficeId: string,
  establishmentId: string,
) {
  return prisma.$transaction(async (tx) => {
    const establishment = await tx.company.findFirst({
      where: { id: establishmentId, headOfficeId },
      select: { id: true, name: true, headOffice: { select: { name: true, siret: true } } },
    });
    if (!establishment?.headOffice) {
      throw new GroupError("Cet établissement n'est pas rattaché à votre entreprise.", 404);
    }
    await tx.company.update({ where: { id: establishmentId }, data: { headOfficeId: null } });
    await audit(tx, {
      actorId,
      action: "UNLINK_HEAD_OFFICE",
      entityType: "Company",
      entityId: establishmentId,
      companyId: establishmentId,
      before: {
        headOfficeId,
        headOfficeSiret: establishment.headOffice.siret,
        headOfficeName: establishment.headOffice.name,
      },
      after: { headOfficeId: null, detachedBy: "HEAD_OFFICE" },
    });
    return establishment;
  });
}

/**
 * The head office links an establishment by its SIRET: only one whose team the person also
 * belongs to (an establishment's data is its own team's to share); the others link themselves
 * from their profile. The SIREN and one-level rules are linkHeadOffice's.
 */
export async function linkEstablishment(user: CurrentUser, headOfficeId: string, input: string) {
  const siret = normaliseSiret(input);
  if (!isValidSiret(siret)) {
    throw new GroupError("Ce numéro SIRET n'est pas valide : vérifiez les 14 chiffres.");
  }
  const [headOffice, establishment] = await Promise.all([
    prisma.company.findUnique({ where: { id: headOfficeId }, select: { siret: true } }),
    prisma.company.findUnique({ where: { siret }, select: { id: true, name: true } }),
  ]);
  if (!headOffice) throw new GroupError("Cette entreprise n'existe pas.", 404);
  if (!establishment) {
    throw new GroupError(
      "Aucun établissement inscrit sur Engagés n'a ce SIRET : demandez à l'animateur de son club de l'inviter, puis rattachez-le.",
    );
  }
  if (!(await can(user, { action: "company:write", companyId: establishment.id }))) {
    throw new GroupError(
      `Seule l'équipe de ${establishment.name} peut le rattacher à votre entreprise : qu'elle indique votre SIRET dans « Rattacher à un siège », sur son profil.`,
    );
  }
  try {
    await linkHeadOffice(user.id, establishment.id, headOffice.siret);
  } catch (error) {
    if (error instanceof CompanyProfileError) throw new GroupError(error.message);
    throw error;
  }
  return establishment;
}
