// A company's profile (identity, NAF code, headcount, commune, website, public page); its link to a
// head office lives in company-head-office.server.ts, the NAF codes, communes and team in naf,
// communes, company-team.server.ts.
// Every write runs in a transaction with its audit entry; refusals are CompanyProfileError with a
// French message (and the form field it concerns), never a 500.

import { z } from "zod";
import { Prisma } from "~/generated/prisma/client";
import { audit } from "~/utils/audit.server";
import { prisma, type Tx } from "~/utils/db.server";
import { HEADCOUNT_BRACKETS } from "~/utils/domain";
import { SIRET_LOCKED, isValidSiret, normaliseSiret } from "~/utils/siret";
import { communeExists, toCommuneOption } from "./communes.server";
import { COMPANY_IDENTITY_FIELDS, COMPANY_LINE } from "./company.server";
import { findNaf, normaliseNafCode } from "./naf.server";

export class CompanyProfileError extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

// ---------------------------------------------------------------- validation

/** "www.exemple.fr" → "https://www.exemple.fr"; an address with a scheme is kept as it is. */
export function withScheme(input: string): string {
  const value = input.trim();
  if (value === "") return value;
  return /^[a-z][a-z0-9+.-]*:/i.test(value) ? value : `https://${value}`;
}

const headcountCodes = HEADCOUNT_BRACKETS.map((b) => b.code) as [string, ...string[]];

/** A company's or an establishment's name; `missing` says what to type when it is absent. */
export const companyNameField = (missing: string) =>
  z
    .string({ error: missing })
    .trim()
    .min(2, "Le nom doit compter au moins 2 caractères.")
    .max(120, "Le nom doit compter 120 caractères au plus.");

/**
 * An INSEE commune code (5 characters, 2A or 2B for Corsica), upper-cased, or nothing;
 * `tooLong` and `invalid` say what to do instead.
 */
export const communeCodeField = (messages: { tooLong: string; invalid: string }) =>
  z
    .string()
    .trim()
    .max(10, messages.tooLong)
    .regex(/^(\d{5}|2[AB]\d{3})$/i, messages.invalid)
    .transform((code) => code.toUpperCase())
    .optional();

export const siretField = z
  .string({ error: "Indiquez le numéro SIRET (14 chiffres)." })
  .max(40, "Le SIRET compte 14 chiffres.")
  .transform(normaliseSiret)
  .pipe(
    z
      .string()
      .regex(/^\d{14}$/, { error: "Le SIRET compte exactement 14 chiffres.", abort: true })
      .refine(
        isValidSiret,
        "Ce numéro SIRET n'est pas valide : vérifiez les chiffres (la clé de contrôle ne correspond pas).",
      ),
  );

/**
 * The profile form (shared by the action and the tests). Empty optional fields clear the value.
 * The SIRET is not part of it: only the national operator changes it (decision 013); a SIRET
 * posted anyway is checked and refused when it differs.
 */
export const companyProfileSchema = z.object({
  name: companyNameField("Indiquez le nom de l'entreprise."),
  siret: siretField.optional(),
  nafCode: z
    .string()
    .max(20, "Choisissez un code NAF de la liste, par exemple 49.41A.")
    .transform(normaliseNafCode)
    .pipe(
      z
        .string()
        .refine(
          (code) => findNaf(code) !== null,
          "Ce code NAF n'existe pas : choisissez un code de la liste, par exemple 49.41A.",
        ),
    )
    .optional(),
  headcountBracket: z
    .enum(headcountCodes, { error: "Choisissez une tranche d'effectif de la liste." })
    .optional(),
  communeCode: communeCodeField({
    tooLong: "Choisissez une commune de la liste.",
    invalid:
      "Choisissez une commune de la liste (sans JavaScript : son code INSEE à 5 caractères, par exemple 62041).",
  }),
  website: z
    .string()
    .max(200, "L'adresse du site doit compter 200 caractères au plus.")
    .transform(withScheme)
    .pipe(
      z.url({
        protocol: /^https?$/,
        hostname: z.regexes.domain,
        error: "Indiquez une adresse de site valide, par exemple https://www.entreprise.fr.",
      }),
    )
    .optional(),
  publicPage: z.boolean().optional().default(false),
});

export type CompanyProfileInput = z.infer<typeof companyProfileSchema>;

// ---------------------------------------------------------------- reading

const PROFILE_FIELDS = [
  "name",
  "nafCode",
  "nafLabel",
  "headcountBracket",
  "communeCode",
  "website",
  "publicPage",
] as const;

/** The profile page: identity, commune, head office and establishments. */
export async function getCompanyProfile(companyId: string) {
  const company = await prisma.company.findUnique({
    where: { id: companyId },
    select: {
      ...COMPANY_IDENTITY_FIELDS,
      headOffice: { select: COMPANY_LINE },
      establishments: { orderBy: { name: "asc" }, select: COMPANY_LINE },
      memberships: {
        where: { status: { not: "LEFT" } },
        orderBy: { createdAt: "asc" },
        select: { club: { select: { name: true, departementCode: true } } },
      },
    },
  });
  if (!company) return null;
  return {
    ...company,
    commune: company.commune ? toCommuneOption(company.commune) : null,
  };
}

// ---------------------------------------------------------------- writing the profile

type ProfileValues = Record<(typeof PROFILE_FIELDS)[number], string | boolean | null>;

function pickProfile(row: ProfileValues): ProfileValues {
  return Object.fromEntries(PROFILE_FIELDS.map((f) => [f, row[f]])) as ProfileValues;
}

function isSiretConflict(error: unknown) {
  return (
    error instanceof Prisma.PrismaClientKnownRequestError &&
    error.code === "P2002" &&
    JSON.stringify(error.meta ?? {}).includes("siret")
  );
}

const SIRET_TAKEN =
  "Une autre entreprise inscrite a déjà ce numéro SIRET : vérifiez le numéro. Deux fiches ne peuvent pas porter le même SIRET.";

/**
 * Saves the profile: resolves the NAF label and the commune, then writes the change and its
 * audit entry (changed fields, before and after) together. The SIRET stays as it is: a
 * different one is refused (see changeCompanySiret).
 * Returns the names of the fields that changed (none: nothing written).
 */
export async function updateCompanyProfile(
  actorId: string,
  companyId: string,
  input: CompanyProfileInput,
): Promise<string[]> {
  return prisma.$transaction(async (tx) => {
    const current = await tx.company.findUnique({
      where: { id: companyId },
      select: {
        name: true,
        siret: true,
        nafCode: true,
        nafLabel: true,
        headcountBracket: true,
        communeCode: true,
        website: true,
        publicPage: true,
        memberships: { take: 1, orderBy: { createdAt: "asc" }, select: { clubId: true } },
      },
    });
    if (!current) throw new CompanyProfileError("Cette entreprise n'existe pas.");
    if (input.siret !== undefined && input.siret !== current.siret) {
      throw new CompanyProfileError(SIRET_LOCKED, "siret");
    }
    if (input.communeCode && !(await communeExists(input.communeCode, tx))) {
      throw new CompanyProfileError(
        "Cette commune n'existe pas : choisissez-la dans la liste.",
        "communeCode",
      );
    }
    const naf = input.nafCode ? findNaf(input.nafCode) : null;
    const next: ProfileValues = {
      name: input.name,
      nafCode: naf?.code ?? null,
      nafLabel: naf?.label ?? null,
      headcountBracket: input.headcountBracket ?? null,
      communeCode: input.communeCode ?? null,
      website: input.website || null,
      publicPage: input.publicPage,
    };
    const before = pickProfile(current);
    const changed = PROFILE_FIELDS.filter((f) => before[f] !== next[f]);
    if (changed.length === 0) return [];

    await tx.company.update({
      where: { id: companyId },
      data: next as Prisma.CompanyUncheckedUpdateInput,
    });
    await audit(tx, {
      actorId,
      action: "UPDATE",
      entityType: "Company",
      entityId: companyId,
      companyId,
      clubId: current.memberships[0]?.clubId ?? null,
      before: Object.fromEntries(changed.map((f) => [f, before[f]])),
      after: Object.fromEntries(changed.map((f) => [f, next[f]])),
    });
    return changed;
  });
}

/**
 * A company's SIRET and SIREN with its group links (head office, establishments), read in `tx`
 * before either changes; refused when the company does not exist.
 */
export async function sirenLinksOf(tx: Tx, companyId: string) {
  const company = await tx.company.findUnique({
    where: { id: companyId },
    select: {
      name: true,
      siret: true,
      siren: true,
      headOfficeId: true,
      _count: { select: { establishments: true } },
    },
  });
  if (!company) throw new CompanyProfileError("Cette entreprise n'existe pas.");
  return company;
}

/**
 * The national operator corrects a company's SIRET (decision 013): refused when another company
 * has it, or when the SIREN would change while the company is linked to a head office or has
 * establishments. Audited with the old and new numbers.
 */
export async function changeCompanySiret(actorId: string, companyId: string, siret: string) {
  try {
    return await prisma.$transaction(async (tx) => {
      const current = await sirenLinksOf(tx, companyId);
      if (siret === current.siret) {
        throw new CompanyProfileError("C'est déjà le SIRET de cette entreprise.", "siret");
      }
      const taken = await tx.company.findUnique({ where: { siret }, select: { id: true } });
      if (taken) throw new CompanyProfileError(SIRET_TAKEN, "siret");
      const siren = siret.slice(0, 9);
      if (siren !== current.siren && (current.headOfficeId || current._count.establishments > 0)) {
        throw new CompanyProfileError(
          current.headOfficeId
            ? "Cette entreprise est rattachée à un siège : son SIREN (les 9 premiers chiffres du SIRET) ne peut pas changer. Détachez-la d'abord du siège."
            : "Cette entreprise a des établissements rattachés : son SIREN (les 9 premiers chiffres du SIRET) ne peut pas changer.",
          "siret",
        );
      }
      await tx.company.update({ where: { id: companyId }, data: { siret, siren } });
      await audit(tx, {
        actorId,
        action: "CHANGE_SIRET",
        entityType: "Company",
        entityId: companyId,
        companyId,
        before: { siret: current.siret, siren: current.siren },
        after: { siret, siren },
      });
      return { name: current.name, before: current.siret, after: siret };
    });
  } catch (error) {
    if (isSiretConflict(error)) throw new CompanyProfileError(SIRET_TAKEN, "siret");
    throw error;
  }
}
