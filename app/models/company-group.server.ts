// A head office and its establishments (issue 16 point 4, decision 028): the establishments
// sharing its SIREN that linked themselves to it (each keeps its own club membership, possibly in
// another département), their declarations of a year side by side and the group's total. Each
// realisation belongs to one company and is counted once, on the row of the company that
// declared it (and in the figures of the club it was declared in). The head office may link an
// establishment whose team it also belongs to, enter one not yet on Engagés and invite its first
// person, and detach any of its establishments, audited.

import { z } from "zod";
import { Prisma } from "~/generated/prisma/client";
import { companyNameField, siretField } from "~/models/company-profile.server";
import { sendInvitation } from "~/models/invitation.server";
import { audit } from "~/utils/audit.server";
import { prisma } from "~/utils/db.server";
import { can, canInvite, type CurrentUser } from "~/utils/permissions.server";
import { isValidSiret, normaliseSiret, sirenOf } from "~/utils/siret";
import { inviteBaseSchema } from "~/utils/validation";
import { linkHeadOffice, unlinkFromHeadOffice } from "./company-head-office.server";
import { CompanyProfileError } from "./company-profile.server";
import { COMPANY_LINE } from "./company.server";

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

/** An establishment with no people, club or declaration: nothing but the head office's entry. */
const onlyEnteredByHeadOffice = (count: {
  roles: number;
  memberships: number;
  commitments: number;
  realisations: number;
}) => count.roles + count.memberships + count.commitments + count.realisations === 0;

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
        ...COMPANY_LINE,
        memberships: {
          where: { status: { not: "LEFT" } },
          orderBy: { createdAt: "asc" },
          select: { status: true, club: { select: { name: true, departementCode: true } } },
        },
        roles: { where: { role: "COMPANY" }, select: { id: true }, take: 1 },
        _count: { select: { memberships: true, commitments: true, realisations: true } },
        invitations: {
          where: {
            role: "COMPANY",
            acceptedAt: null,
            revokedAt: null,
            expiresAt: { gt: new Date() },
          },
          orderBy: { createdAt: "desc" },
          take: 1,
          select: { email: true, expiresAt: true },
        },
      },
    }),
    figuresByCompany(ids, year),
  ]);
  const rows = ids.map((id) => {
    const { roles, invitations, _count: count, ...m } = members.find((c) => c.id === id)!;
    const isHeadOffice = id === company.id;
    // An establishment without people yet: the invitation that will give it its first person.
    const unclaimed = !isHeadOffice && roles.length === 0;
    return {
      ...m,
      isHeadOffice,
      unclaimed: unclaimed ? { invitation: invitations[0] ?? null } : null,
      // Nothing but the head office's entry: removed rather than detached (detachEstablishment).
      removable: !isHeadOffice && onlyEnteredByHeadOffice({ ...count, roles: roles.length }),
      figures: figures.get(id)!,
    };
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
      select: {
        id: true,
        name: true,
        siret: true,
        headOffice: { select: { name: true, siret: true } },
        _count: {
          select: { roles: true, memberships: true, commitments: true, realisations: true },
        },
      },
    });
    if (!establishment?.headOffice) {
      throw new GroupError("Cet établissement n'est pas rattaché à votre entreprise.", 404);
    }
    if (onlyEnteredByHeadOffice(establishment._count)) {
      // Nothing but the head office's own entry (its invitation unanswered): removed, not left
      // behind holding its SIRET; its invitations go with it.
      await tx.company.delete({ where: { id: establishmentId } });
      await audit(tx, {
        actorId,
        action: "DELETE",
        entityType: "Company",
        entityId: establishmentId,
        companyId: headOfficeId,
        before: { siret: establishment.siret, name: establishment.name, headOfficeId },
        after: { removedBy: "HEAD_OFFICE" },
      });
      return { name: establishment.name, removed: true };
    }
    await unlinkFromHeadOffice(
      tx,
      actorId,
      establishmentId,
      { id: headOfficeId, ...establishment.headOffice },
      "HEAD_OFFICE",
    );
    return { name: establishment.name, removed: false };
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

/** The head office's invitation of an establishment: its SIRET and name, and who will declare. */
export const establishmentInvitationSchema = inviteBaseSchema.extend({
  siret: siretField,
  establishmentName: companyNameField("Indiquez le nom de l'établissement."),
});
export type EstablishmentInvitation = z.infer<typeof establishmentInvitationSchema>;

/**
 * The head office enters an establishment of its SIREN not yet on Engagés and invites the person
 * who will declare for it, in one transaction: the company (linked to the head office, with no
 * club until a club adds it by its SIRET), the invitation and its e-mail, audited. One already on
 * Engagés is its own team's: it is linked, not entered again.
 */
export async function inviteEstablishment(
  user: CurrentUser,
  headOfficeId: string,
  input: EstablishmentInvitation,
) {
  const { siret } = input; // normalised and checked by the schema
  const [headOffice, known] = await Promise.all([
    prisma.company.findUnique({
      where: { id: headOfficeId },
      select: { name: true, siren: true, headOfficeId: true },
    }),
    prisma.company.findUnique({ where: { siret }, select: { name: true, headOfficeId: true } }),
  ]);
  if (!headOffice) throw new GroupError("Cette entreprise n'existe pas.", 404);
  if (headOffice.headOfficeId) {
    throw new GroupError("Seul le siège invite les établissements du groupe.");
  }
  if (sirenOf(siret) !== headOffice.siren) {
    throw new GroupError(
      `Cet établissement n'a pas le même SIREN que votre entreprise (${headOffice.siren}) : seuls vos propres établissements peuvent rejoindre le groupe.`,
    );
  }
  const alreadyKnown = (name: string, headOfficeIdOfKnown: string | null) =>
    new GroupError(
      headOfficeIdOfKnown === headOfficeId
        ? `${name} est déjà rattaché à votre entreprise.`
        : `${name} est déjà inscrit sur Engagés : son équipe le rattache à votre entreprise depuis son profil (« Rattacher à un siège »).`,
    );
  if (known) throw alreadyKnown(known.name, known.headOfficeId);
  const email = input.email.trim().toLowerCase();
  const name = input.establishmentName;
  try {
    return await prisma.$transaction(async (tx) => {
      const establishment = await tx.company.create({
        data: { siret, siren: headOffice.siren, name, headOfficeId },
        select: { id: true, name: true },
      });
      await audit(tx, {
        actorId: user.id,
        action: "CREATE",
        entityType: "Company",
        entityId: establishment.id,
        companyId: establishment.id,
        after: { siret, name, headOfficeId, enteredBy: "HEAD_OFFICE" },
      });
      const invitation = {
        email,
        name: input.name,
        role: "COMPANY" as const,
        companyId: establishment.id,
      };
      // The rule of decision 013, asked as everywhere (and again when the link is opened).
      if (!(await canInvite(user, invitation, tx))) {
        throw new GroupError("Vous ne pouvez pas inviter une personne pour cet établissement.");
      }
      await sendInvitation(
        tx,
        user,
        invitation,
        `pour déclarer au nom de l'établissement ${name}, rattaché à ${headOffice.name}`,
      );
      return { ...establishment, email };
    });
  } catch (error) {
    // Entered at the same moment by someone else.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw alreadyKnown(name, null);
    }
    throw error;
  }
}
