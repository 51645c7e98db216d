// Quotas on the actions that reach other people with text the actor chooses (invitations,
// meeting invitations, Passerelles contacts, comments, reports), so that an account cannot be
// used as a spam or phishing relay. Each quota counts the uses already recorded in the table
// that records them (rows with their date): the count survives restarts and holds across
// server instances, unlike the in-memory limits of rate-limit.server.ts. The limits leave room
// for real use: a club animator inviting a whole club to a meeting, or onboarding a new club.

const HOUR = 3600_000;
const DAY = 24 * HOUR;

export type Quota = {
  limit: number;
  windowMs: number;
  /** The French refusal, given how many were used in the window. */
  refusal: (used: number) => string;
};

type QuotaName =
  | "invitationsPerInviter"
  | "invitationsPerAddress"
  | "meetingInvitationEmails"
  | "passerelleContacts"
  | "companyContacts"
  | "comments"
  | "reports";

export const QUOTAS: Record<QuotaName, Quota> = {
  /** Invitations to the app (team, animator, admin), per person inviting. */
  invitationsPerInviter: {
    limit: 100,
    windowMs: DAY,
    refusal: () =>
      "Vous avez envoyé 100 invitations ces dernières 24 heures : c'est le maximum. Réessayez demain.",
  },
  /** Invitations to the app received by one address, whoever sends them. */
  invitationsPerAddress: {
    limit: 5,
    windowMs: DAY,
    refusal: () =>
      "Cette adresse a reçu trop d'invitations ces dernières 24 heures. Par sécurité, réessayez demain.",
  },
  /** Meeting invitation e-mails, per animator (a whole club per meeting is normal). */
  meetingInvitationEmails: {
    limit: 500,
    windowMs: DAY,
    refusal: (used) =>
      `Ces invitations dépasseraient la limite de 500 e-mails d'invitation aux réunions en 24 heures (déjà envoyés : ${used}). Invitez moins d'entreprises à la fois, ou réessayez demain.`,
  },
  /** Passerelles contacts (a company answering a post, or an animator brokering), per person. */
  passerelleContacts: {
    limit: 20,
    windowMs: DAY,
    refusal: () =>
      "Vous avez pris 20 contacts Passerelles ces dernières 24 heures : c'est le maximum. Réessayez demain.",
  },
  /** Messages from the directory to other member companies, per sending company. */
  companyContacts: {
    limit: 20,
    windowMs: DAY,
    refusal: () =>
      "Votre entreprise a écrit 20 messages depuis l'annuaire ces dernières 24 heures : c'est le maximum. Réessayez demain.",
  },
  /** Comments on practices, per person. */
  comments: {
    limit: 20,
    windowMs: HOUR,
    refusal: () =>
      "Vous avez publié 20 commentaires dans l'heure : c'est le maximum. Réessayez un peu plus tard.",
  },
  /** Reports to the club's animators, per person. */
  reports: {
    limit: 10,
    windowMs: DAY,
    refusal: () =>
      "Vous avez fait 10 signalements ces dernières 24 heures : c'est le maximum. Pour un problème urgent, écrivez aux animateurs de votre club.",
  },
};

/** A refusal because a quota is used up: answered 429, with the message on the form. */
export class QuotaExceeded extends Error {
  readonly status = 429;
}

/** The status of an expected refusal: 429 for a quota, 400 for the rest. */
export function refusalStatus(error: Error) {
  return error instanceof QuotaExceeded ? 429 : 400;
}

/**
 * Throws QuotaExceeded when `adding` more uses would pass the quota. `countSince` counts the uses
 * recorded since a date; call it inside the write's transaction, so that two requests cannot
 * both take the last place.
 */
export async function enforceQuota(
  quota: Quota,
  countSince: (since: Date) => Promise<number>,
  adding = 1,
) {
  const used = await countSince(new Date(Date.now() - quota.windowMs));
  if (used + adding > quota.limit) throw new QuotaExceeded(quota.refusal(used));
}
