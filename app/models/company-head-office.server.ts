// An establishment's link to its head office, found by SIRET (same SIREN, one level only), and its
// removal; each in a transaction with its audit entry. Refusals are CompanyProfileError on the
// form's field.

import { z } from "zod";
import { audit } from "~/utils/audit.server";
import { prisma, type Tx } from "~/utils/db.server";
import { isValidSiret, normaliseSiret } from "~/utils/siret";
import { CompanyProfileError, siretField, sirenLinksOf } from "./company-profile.server";

export const headOfficeLinkSchema = z.object({
  headOfficeSiret: siretField,
});

/**
 * Links a company (an establishment) to its head office, found by SIRET: both must share the
 * same SIREN; a head office is never itself an establishment, and a company with
 * establishments of its own cannot become one.
 */
export async function linkHeadOffice(actorId: string, companyId: string, headOfficeSiret: string) {
  const field = "headOfficeSiret";
  const siret = normaliseSiret(headOfficeSiret);
  if (!isValidSiret(siret)) {
    throw new CompanyProfileError(
      "Ce numéro SIRET n'est pas valide : vérifiez les 14 chiffres.",
      field,
    );
  }
  return prisma.$transaction(async (tx) => {
    const company = await sirenLinksOf(tx, companyId);
    if (siret === company.siret) {
      throw new CompanyProfileError(
        "C'est le SIRET de votre propre entreprise : indiquez celui du siège.",
        field,
      );
    }
    const headOffice = await tx.company.findUnique({
      where: { siret },
      select: { id: true, name: true, siren: true, headOfficeId: true },
    });
    if (!headOffice) {
      throw new CompanyProfileError(
        "Aucune entreprise inscrite sur Engagés n'a ce SIRET : le siège doit d'abord être inscrit.",
        field,
      );
    }
    if (headOffice.siren !== company.siren) {
      throw new CompanyProfileError(
        "Ce siège n'a pas le même SIREN (les 9 premiers chiffres du SIRET) que votre entreprise : un établissement ne peut être rattaché qu'au siège de sa propre entreprise.",
        field,
      );
    }
    if (headOffice.headOfficeId) {
      throw new CompanyProfileError(
        "Cette entreprise est elle-même un établissement rattaché à un siège : indiquez le SIRET du siège.",
        field,
      );
    }
    if (company._count.establishments > 0) {
      throw new CompanyProfileError(
        "Votre entreprise est le siège d'autres établissements : elle ne peut pas être rattachée à un siège.",
        field,
      );
    }
    if (company.headOfficeId === headOffice.id) {
      throw new CompanyProfileError("Votre entreprise est déjà rattachée à ce siège.", field);
    }
    await tx.company.update({ where: { id: companyId }, data: { headOfficeId: headOffice.id } });
    await audit(tx, {
      actorId,
      action: "LINK_HEAD_OFFICE",
      entityType: "Company",
      entityId: companyId,
      companyId,
      before: { headOfficeId: company.headOfficeId },
      after: {
        headOfficeId: headOffice.id,
        headOfficeSiret: siret,
        headOfficeName: headOffice.name,
      },
    });
    return headOffice;
  });
}

export async function unlinkHeadOffice(actorId: string, companyId: string) {
  return prisma.$transaction(async (tx) => {
    const company = await tx.company.findUnique({
      where: { id: companyId },
      select: { headOffice: { select: { id: true, name: true, siret: true } } },
    });
    if (!company?.headOffice) {
      throw new CompanyProfileError("Votre entreprise n'est rattachée à aucun siège.");
    }
    await unlinkFromHeadOffice(tx, actorId, companyId, company.headOffice);
    return company.headOffice;
  });
}

/**
 * Removes a company's link to its head office, audited on the company's journal, within `tx`:
 * undone by the company itself, or by the head office (`detachedBy`).
 */
export async function unlinkFromHeadOffice(
  tx: Tx,
  actorId: string,
  companyId: string,
  headOffice: { id: string; siret: string; name: string },
  detachedBy?: "HEAD_OFFICE",
) {
  await tx.company.update({ where: { id: companyId }, data: { headOfficeId: null } });
  await audit(tx, {
    actorId,
    action: "UNLINK_HEAD_OFFICE",
    entityType: "Company",
    entityId: companyId,
    companyId,
    before: {
      headOfficeId: headOffice.id,
      headOfficeSiret: headOffice.siret,
      headOfficeName: headOffice.name,
    },
    after: { headOfficeId: null, ...(detachedBy ? { detachedBy } : {}) },
  });
}
