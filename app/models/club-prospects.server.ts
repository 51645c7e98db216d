// A club enters a prospect by its SIRET (decision 013): a new record of the club's own, its own
// record that left coming back, or — for any other known company — a join request its people
// answer. One transaction with its audit entries; refusals are MembershipError on a form field.

import { z } from "zod";
import { assertClubOpen } from "~/models/club-status.server";
import { communeCodeField, companyNameField, siretField } from "~/models/company-profile.server";
import { communeExists } from "~/models/communes.server";
import { findNaf } from "~/models/naf.server";
import {
  MEMBERSHIP_FIELDS,
  membershipSnapshot as snapshot,
} from "~/models/membership-snapshot.server";
import { audit } from "~/utils/audit.server";
import { prisma } from "~/utils/db.server";
import { HEADCOUNT_BRACKETS, type MembershipStatus } from "~/utils/domain";
import { companyPeopleCount, firstMembershipOf } from "~/utils/permissions.server";
import { sirenOf } from "~/utils/siret";
import { emailField, personNameField } from "~/utils/validation";
import { MembershipError, sendJoinRequest, STATUS_NAMES } from "./club-members.server";

const COMMUNE_CODE_HELP = "Indiquez le code INSEE de la commune (5 caractères, par exemple 62041).";

export const prospectSchema = z.object({
  siret: siretField,
  name: companyNameField("Indiquez le nom de l'entreprise."),
  communeCode: communeCodeField({ tooLong: COMMUNE_CODE_HELP, invalid: COMMUNE_CODE_HELP }),
  contactName: personNameField,
  contactEmail: emailField,
  // From a SIRENE choice (hidden fields): kept only when they are codes of the nomenclatures.
  nafCode: z
    .string()
    .optional()
    .transform((code) => (code && /^\d{2}\.\d{2}[A-Z]$/.test(code) ? code : undefined)),
  headcountBracket: z
    .string()
    .optional()
    .transform((code) => (HEADCOUNT_BRACKETS.some((b) => b.code === code) ? code : undefined)),
  invite: z.boolean().optional().default(false),
});

export type ProspectInput = Omit<z.infer<typeof prospectSchema>, "nafCode" | "headcountBracket"> & {
  nafCode?: string;
  headcountBracket?: string;
};

/**
 * Enters a prospect (decision 013), in one transaction with its audit entries:
 * - an unknown SIRET: a new company, unclaimed, and its PROSPECT membership with the contact;
 * - the club's own record that left it, still without people: a prospect again;
 * - any other known company: no access at all, but a join request its own people answer.
 */
export async function createProspect(actorId: string, clubId: string, input: ProspectInput) {
  await assertClubOpen(prisma, clubId, (message) => new MembershipError(message));
  if (input.communeCode && !(await communeExists(input.communeCode))) {
    throw new MembershipError(
      "Cette commune n'existe pas : vérifiez son code INSEE (par exemple 62041 pour Arras).",
      "communeCode",
    );
  }
  const naf = input.nafCode ? findNaf(input.nafCode) : null;
  return prisma.$transaction(async (tx) => {
    const existing = await tx.company.findUnique({
      where: { siret: input.siret },
      select: { id: true, name: true },
    });
    if (existing) {
      const current = await tx.clubMembership.findUnique({
        where: { companyId_clubId: { companyId: existing.id, clubId } },
        select: { status: true },
      });
      if (current && current.status !== "LEFT") {
        throw new MembershipError(
          `${existing.name} (SIRET ${input.siret}) est déjà ${STATUS_NAMES[current.status as MembershipStatus]} du club.`,
          "siret",
        );
      }
      const ownLeftRecord =
        current !== null &&
        (await firstMembershipOf(existing.id, tx))?.clubId === clubId &&
        (await companyPeopleCount(existing.id, tx)) === 0;
      if (!ownLeftRecord) {
        await sendJoinRequest(tx, actorId, clubId, existing);
        return {
          kind: "join-request" as const,
          membershipId: null,
          companyId: existing.id,
          companyName: existing.name,
        };
      }
    }
    const company =
      existing ??
      (await tx.company.create({
        data: {
          siret: input.siret,
          siren: sirenOf(input.siret),
          name: input.name,
          communeCode: input.communeCode ?? null,
          nafCode: naf?.code ?? null,
          nafLabel: naf?.label ?? null,
          headcountBracket: input.headcountBracket ?? null,
        },
        select: { id: true, name: true },
      }));
    if (!existing) {
      await audit(tx, {
        actorId,
        action: "CREATE",
        entityType: "Company",
        entityId: company.id,
        companyId: company.id,
        clubId,
        after: {
          siret: input.siret,
          name: input.name,
          communeCode: input.communeCode ?? null,
          nafCode: naf?.code ?? null,
          headcountBracket: input.headcountBracket ?? null,
        },
      });
    }
    const contact = {
      contactName: input.contactName,
      contactEmail: input.contactEmail.toLowerCase(),
    };
    const current = await tx.clubMembership.findUnique({
      where: { companyId_clubId: { companyId: company.id, clubId } },
      select: MEMBERSHIP_FIELDS,
    });
    const membership = current
      ? await tx.clubMembership.update({
          where: { id: current.id },
          data: { status: "PROSPECT", leftAt: null, ...contact },
          select: MEMBERSHIP_FIELDS,
        })
      : await tx.clubMembership.create({
          data: { companyId: company.id, clubId, status: "PROSPECT", ...contact },
          select: MEMBERSHIP_FIELDS,
        });
    await audit(tx, {
      actorId,
      action: current ? "UPDATE" : "CREATE",
      entityType: "ClubMembership",
      entityId: membership.id,
      companyId: company.id,
      clubId,
      before: current ? snapshot(current) : undefined,
      after: snapshot(membership),
    });
    return {
      kind: existing ? ("back-as-prospect" as const) : ("created" as const),
      membershipId: membership.id,
      companyId: company.id,
      companyName: company.name,
    };
  });
}
