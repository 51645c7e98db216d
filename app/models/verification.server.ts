// Verification of attested declarations (issue 15 point 5, decision 032): the prefecture draws a
// sample of the companies that attested year N, club by club; each is asked for its supporting
// figures and answers in the app (a message, a file); the prefecture records the result.
import { randomBytes } from "node:crypto";
import { prisma, type Tx } from "~/utils/db.server";
import { inYear } from "./figures.server";
import { audit } from "~/utils/audit.server";
import { campaignScopes } from "./declaration-campaigns.server";
import { sniffEvidenceType, type EvidenceType } from "~/utils/evidence-file.server";
import { drawStratified } from "~/utils/verification-draw.server";

export { drawStratified };

/** A refusal the page shows as it is (French). */
export class VerificationError extends Error {}

export const SAMPLE_RATES = [5, 10, 20, 30, 50] as const;
export const ANSWER_MAX_LENGTH = 4000;
export const RESULT_NOTE_MAX_LENGTH = 2000;
export const RESULTS = ["CONFIRMED", "CORRECTED", "UNANSWERED"] as const;
export type CheckResult = (typeof RESULTS)[number] | "PENDING";

export const REQUEST_MESSAGE = (year: number) =>
  `Votre entreprise fait partie de l'échantillon tiré au sort pour vérifier les déclarations ${year}. Merci de transmettre, ici, de quoi étayer vos chiffres : un récapitulatif (tableau des recrutements par type de contrat, conventions de stage ou d'immersion comptées, factures d'achats inclusifs…), sans aucun nom ni donnée personnelle des personnes concernées.`;

/**
 * The companies a sample of a département's year may draw: members of its clubs whose attestation
 * of that year stands (not changed since). A company in two of its clubs counts in the first.
 */
async function candidatesOf(departementCode: string, year: number) {
  const memberships = await prisma.clubMembership.findMany({
    where: {
      status: "MEMBER",
      club: { departementCode },
      company: { attestations: { some: { year, editedAt: null } } },
    },
    orderBy: [{ companyId: "asc" }, { clubId: "asc" }],
    select: { companyId: true, clubId: true },
  });
  const seen = new Set<string>();
  return memberships.filter((m) => !seen.has(m.companyId) && seen.add(m.companyId));
}

/**
 * The checks of the companies drawn: what each had declared for the year when drawn
 * (realisations, people) and the request. Shared with the demo data.
 */
export async function checksOf(
  db: Tx,
  sampleId: string,
  year: number,
  drawn: { companyId: string; clubId: string }[],
) {
  const declared = await db.realisation.groupBy({
    by: ["companyId", "unit"],
    where: { companyId: { in: drawn.map((d) => d.companyId) }, date: inYear(year) },
    _count: { _all: true },
    _sum: { quantity: true },
  });
  return drawn.map((d) => {
    const rows = declared.filter((r) => r.companyId === d.companyId);
    return {
      sampleId,
      companyId: d.companyId,
      clubId: d.clubId,
      declaredRealisations: rows.reduce((n, r) => n + r._count._all, 0),
      declaredPeople: rows.find((r) => r.unit === "PEOPLE")?._sum.quantity ?? 0,
      message: REQUEST_MESSAGE(year),
    };
  });
}

/** Draws the sample of a département's year and asks each company drawn; audited. */
export async function drawSample(
  actorId: string,
  departementCode: string,
  input: { year: number; ratePercent: number },
  now = new Date(),
) {
  if (!(SAMPLE_RATES as readonly number[]).includes(input.ratePercent)) {
    throw new VerificationError("Choisissez la part de l'échantillon proposée.");
  }
  const campaign = await prisma.declarationCampaign.findFirst({
    where: { year: input.year, departementCode: { in: campaignScopes(departementCode) } },
    select: { id: true },
  });
  if (!campaign) {
    throw new VerificationError(
      `Aucune campagne de déclaration ${input.year} ne concerne ce département.`,
    );
  }
  const candidates = await candidatesOf(departementCode, input.year);
  if (candidates.length === 0) {
    throw new VerificationError(
      `Aucune entreprise n'a encore attesté son année ${input.year} : rien à tirer.`,
    );
  }
  const seed = randomBytes(8).toString("hex");
  const drawn = drawStratified(seed, input.ratePercent, candidates);
  return prisma.$transaction(async (tx) => {
    const existing = await tx.verificationSample.findUnique({
      where: { departementCode_year: { departementCode, year: input.year } },
      select: { id: true },
    });
    if (existing) throw new VerificationError(`L'échantillon ${input.year} a déjà été tiré.`);
    const sample = await tx.verificationSample.create({
      data: {
        departementCode,
        year: input.year,
        ratePercent: input.ratePercent,
        seed,
        createdById: actorId,
        createdAt: now,
      },
      select: { id: true },
    });
    await tx.verificationCheck.createMany({
      data: await checksOf(tx, sample.id, input.year, drawn),
    });
    await audit(tx, {
      actorId,
      action: "DRAW_SAMPLE",
      entityType: "VerificationSample",
      entityId: sample.id,
      after: {
        departementCode,
        year: input.year,
        ratePercent: input.ratePercent,
        seed,
        drawn: drawn.length,
        among: candidates.length,
      },
    });
    return { id: sample.id, drawn: drawn.length, among: candidates.length };
  });
}

const checkSelect = {
  id: true,
  clubId: true,
  declaredRealisations: true,
  declaredPeople: true,
  message: true,
  answer: true,
  answeredAt: true,
  fileName: true,
  fileType: true,
  result: true,
  correctedPeople: true,
  resultNote: true,
  resultAt: true,
  company: { select: { id: true, name: true, siret: true } },
  answeredBy: { select: { name: true } },
} as const;

/** A département's samples, newest year first, and the checks of the one asked (or the newest). */
export async function listSamples(departementCode: string, year?: number) {
  const samples = await prisma.verificationSample.findMany({
    where: { departementCode },
    orderBy: { year: "desc" },
    select: { id: true, year: true, ratePercent: true, seed: true, createdAt: true },
  });
  const sample = samples.find((s) => s.year === year) ?? samples[0] ?? null;
  if (!sample) return { samples, sample, checks: [] };
  const [checks, clubs] = await Promise.all([
    prisma.verificationCheck.findMany({
      where: { sampleId: sample.id },
      orderBy: { company: { name: "asc" } },
      select: checkSelect,
    }),
    prisma.club.findMany({ where: { departementCode }, select: { id: true, name: true } }),
  ]);
  const clubName = new Map(clubs.map((c) => [c.id, c.name]));
  return {
    samples,
    sample,
    checks: checks.map((c) => ({ ...c, clubName: clubName.get(c.clubId) ?? "" })),
  };
}

/** Records the result of a check of the département's sample; audited. */
export async function recordCheckResult(
  actorId: string,
  departementCode: string,
  checkId: string,
  input: { result: (typeof RESULTS)[number]; correctedPeople: number | null; note: string },
  now = new Date(),
) {
  if (input.result === "CORRECTED" && input.correctedPeople === null) {
    throw new VerificationError("Indiquez le nombre de personnes corrigé.");
  }
  await prisma.$transaction(async (tx) => {
    const check = await tx.verificationCheck.findFirst({
      where: { id: checkId, sample: { departementCode } },
      select: { id: true, companyId: true, result: true, correctedPeople: true, resultNote: true },
    });
    if (!check) throw new VerificationError("Cette vérification n'existe pas.");
    const values = {
      result: input.result,
      correctedPeople: input.result === "CORRECTED" ? input.correctedPeople : null,
      resultNote: input.note,
      resultAt: now,
    };
    await tx.verificationCheck.update({ where: { id: check.id }, data: values });
    await audit(tx, {
      actorId,
      action: "CHECK_RESULT",
      entityType: "VerificationCheck",
      entityId: check.id,
      companyId: check.companyId,
      before: {
        result: check.result,
        correctedPeople: check.correctedPeople,
        resultNote: check.resultNote,
      },
      after: {
        result: values.result,
        correctedPeople: values.correctedPeople,
        resultNote: values.resultNote,
      },
    });
  });
}

/** The checks asked of a company that it has not answered yet, for its dashboard. */
export function checksToAnswer(companyId: string) {
  return prisma.verificationCheck.findMany({
    where: { companyId, answeredAt: null, result: "PENDING" },
    select: { id: true, sample: { select: { year: true } } },
  });
}

/** A check asked of a company, with its sample's year (null when not the company's). */
export function companyCheck(companyId: string, checkId: string) {
  return prisma.verificationCheck.findFirst({
    where: { id: checkId, companyId },
    select: { ...checkSelect, sample: { select: { year: true, departementCode: true } } },
  });
}

/**
 * The company's answer: a message and an optional file (PDF, XLSX or CSV by its bytes, the size
 * checked before). Refused once the prefecture recorded a result; a new answer replaces the
 * previous one. Audited (the file's name and type, not its content).
 */
export async function answerCheck(
  actorId: string,
  companyId: string,
  checkId: string,
  input: { answer: string; file: { name: string; bytes: Uint8Array } | null },
  now = new Date(),
) {
  let fileType: EvidenceType | null = null;
  if (input.file) {
    fileType = await sniffEvidenceType(input.file.name, input.file.bytes);
    if (!fileType) {
      throw new VerificationError(
        "Le fichier doit être un PDF, un classeur XLSX ou un fichier CSV.",
      );
    }
  }
  await prisma.$transaction(async (tx) => {
    const check = await tx.verificationCheck.findFirst({
      where: { id: checkId, companyId },
      select: { id: true, result: true },
    });
    if (!check) throw new VerificationError("Cette demande n'existe pas.");
    if (check.result !== "PENDING") {
      throw new VerificationError("La préfecture a déjà clos cette vérification.");
    }
    await tx.verificationCheck.update({
      where: { id: check.id },
      data: {
        answer: input.answer,
        answeredAt: now,
        answeredById: actorId,
        ...(input.file
          ? {
              fileName: input.file.name.slice(0, 200),
              fileType,
              fileBytes: Buffer.from(input.file.bytes),
            }
          : {}),
      },
    });
    await audit(tx, {
      actorId,
      action: "ANSWER_CHECK",
      entityType: "VerificationCheck",
      entityId: check.id,
      companyId,
      after: { answer: input.answer, fileName: input.file?.name ?? null, fileType },
    });
  });
}

/** The file a company sent, for the prefecture of the sample's département. */
export function checkFile(departementCode: string, checkId: string) {
  return prisma.verificationCheck.findFirst({
    where: { id: checkId, sample: { departementCode }, fileBytes: { not: null } },
    select: { fileName: true, fileType: true, fileBytes: true },
  });
}
