// Who is invited to a club meeting, and the invitation e-mail (with its .ics); the answers live in
// meeting-answers.server.ts, the later e-mails (update, cancellation, reminder) in
// meeting-notices.server.ts. Each e-mail is queued in the outbox inside the transaction that
// causes it, with a dedupeKey so that nothing is ever sent twice.

import type { EmailTemplateData } from "../../emails";
import type { MeetingFacts, RsvpLinks } from "../../emails/meeting-parts";
import type { Prisma } from "~/generated/prisma/client";
import { audit } from "~/utils/audit.server";
import { prisma, type Tx } from "~/utils/db.server";
import { queueEmail } from "~/utils/email.server";
import { env } from "~/utils/env.server";
import {
  meetingIcsAttachment,
  meetingInvitationIcs,
  meetingPageUrl,
  type IcsMeeting,
} from "~/utils/meeting-ics.server";
import { zoneOfDepartement } from "~/utils/time/zones";
import { formatMeetingWhen } from "~/utils/time/meeting-format.server";
import type { CurrentUser } from "~/utils/permissions.server";
import { enforceQuota, QUOTAS } from "~/utils/quotas.server";
import { rsvpUrl, type RsvpAnswer } from "~/utils/rsvp-links.server";

export class MeetingError extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/** What every view of a meeting shows: its title, when and where. */
export const MEETING_FACTS = {
  id: true,
  title: true,
  startsAt: true,
  endsAt: true,
  place: true,
  videoUrl: true,
} as const;

const GUARD_SELECT = { id: true, startsAt: true, endsAt: true, cancelledAt: true } as const;

/**
 * A meeting of this club — its times and whether it was cancelled, or the fields `select` names
 * — or a MeetingError: the one lookup of every meeting write, scoped by the club of the URL.
 */
export async function requireClubMeeting<S extends Prisma.MeetingSelect = typeof GUARD_SELECT>(
  clubId: string,
  meetingId: string,
  select?: S,
): Promise<Prisma.MeetingGetPayload<{ select: S }>> {
  const meeting = await prisma.meeting.findFirst({
    where: { id: meetingId, clubId },
    select: select ?? GUARD_SELECT,
  });
  if (!meeting) throw new MeetingError("Cette réunion n'existe pas dans ce club.");
  return meeting as unknown as Prisma.MeetingGetPayload<{ select: S }>;
}

/** The words of each answer on buttons, in the app and the e-mails. */
export const RSVP_CHOICE_LABELS: Record<RsvpAnswer, string> = {
  YES: "Je viens",
  NO: "Je ne viens pas",
  MAYBE: "Peut-être",
};

/** The reminder goes this long before the meeting. */
export const REMINDER_WINDOW_MS = 48 * 3600_000;
/** Someone invited this recently needs no reminder: the invitation itself is fresh. */
export const FRESH_INVITATION_MS = 24 * 3600_000;

type Db = Tx | typeof prisma;

const MAIL_MEETING_SELECT = {
  ...MEETING_FACTS,
  clubId: true,
  agenda: true,
  cancelledAt: true,
  createdAt: true,
  updatedAt: true,
  club: { select: { name: true, departementCode: true } },
  createdBy: { select: { name: true, email: true } },
} as const;

/** The address of MAIL_FROM ("Engagés <no-reply@…>" → "no-reply@…"). */
function mailFromAddress() {
  return /<([^>]+)>/.exec(env.MAIL_FROM)?.[1] ?? env.MAIL_FROM;
}

/** A meeting as the e-mails and the .ics need it (read in `db`, so inside a transaction too). */
export async function loadMailMeeting(db: Db, meetingId: string) {
  const m = await db.meeting.findUniqueOrThrow({
    where: { id: meetingId },
    select: MAIL_MEETING_SELECT,
  });
  let organizer = m.createdBy;
  if (!organizer) {
    const animator = await db.roleAssignment.findFirst({
      where: { clubId: m.clubId, role: "ANIMATOR" },
      orderBy: { createdAt: "asc" },
      select: { user: { select: { name: true, email: true } } },
    });
    organizer = animator?.user ?? { name: m.club.name, email: mailFromAddress() };
  }
  const ics: IcsMeeting = {
    id: m.id,
    clubId: m.clubId,
    clubName: m.club.name,
    title: m.title,
    startsAt: m.startsAt,
    endsAt: m.endsAt,
    place: m.place,
    videoUrl: m.videoUrl,
    agenda: m.agenda,
    cancelledAt: m.cancelledAt,
    createdAt: m.createdAt,
    updatedAt: m.updatedAt,
    organizer,
  };
  const facts: MeetingFacts = {
    clubName: m.club.name,
    title: m.title,
    when: formatMeetingWhen(m.startsAt, m.endsAt, zoneOfDepartement(m.club.departementCode)),
    place: m.place,
    videoUrl: m.videoUrl,
    agenda: m.agenda,
    meetingUrl: meetingPageUrl(m),
  };
  return { ics, facts, organizer };
}

export function rsvpLinks(invitationId: string, endsAt: Date): RsvpLinks {
  return {
    yes: rsvpUrl(invitationId, "YES", endsAt),
    no: rsvpUrl(invitationId, "NO", endsAt),
    maybe: rsvpUrl(invitationId, "MAYBE", endsAt),
  };
}

// ---------------------------------------------------------------- invitations

type RecipientSource = {
  companyId: string;
  contactName: string | null;
  contactEmail: string | null;
  company: {
    name: string;
    roles: Array<{ user: { id: string; name: string; email: string } }>;
  };
};

const RECIPIENT_SELECT = {
  companyId: true,
  contactName: true,
  contactEmail: true,
  company: {
    select: {
      name: true,
      roles: {
        where: { role: "COMPANY" },
        orderBy: { createdAt: "asc" },
        select: { user: { select: { id: true, name: true, email: true } } },
      },
    },
  },
} as const;

/**
 * Who receives a MEMBER company's meeting invitation: its people; a company with none yet, the
 * contact the club knows it by (ClubMembership.contactEmail), who answers through the signed
 * links without an account. userId null marks that contact.
 */
function meetingRecipients(m: RecipientSource) {
  if (m.company.roles.length > 0) {
    return m.company.roles.map(({ user }) => ({
      email: user.email.toLowerCase(),
      userId: user.id as string | null,
      name: user.name as string | null,
    }));
  }
  if (!m.contactEmail) return [];
  return [{ email: m.contactEmail.toLowerCase(), userId: null, name: m.contactName }];
}

/**
 * The club's MEMBER companies with who would receive the invitation (their people, else their
 * contact without an account) and how many of them are already invited. A company with neither
 * is `unreachable`: the page offers to enter its contact's address.
 */
export async function listInvitableCompanies(clubId: string, meetingId: string) {
  const [memberships, invited] = await Promise.all([
    prisma.clubMembership.findMany({
      where: { clubId, status: "MEMBER" },
      orderBy: { company: { name: "asc" } },
      select: { id: true, ...RECIPIENT_SELECT },
    }),
    prisma.meetingInvitation.findMany({
      where: { meetingId, sentAt: { not: null } },
      select: { email: true },
    }),
  ]);
  const invitedEmails = new Set(invited.map((i) => i.email));
  return memberships.map((m) => {
    const recipients = meetingRecipients(m);
    const contact = recipients.length === 1 && recipients[0].userId === null ? recipients[0] : null;
    return {
      id: m.companyId,
      membershipId: m.id,
      name: m.company.name,
      /** People with an account. */
      people: m.company.roles.length,
      /** The contact without an account who is invited instead, when the company has no people. */
      contact: contact && { name: m.contactName, email: contact.email },
      recipients: recipients.length,
      invited: recipients.filter((r) => invitedEmails.has(r.email)).length,
    };
  });
}

export type InviteSelection = { all: true } | { all: false; companyIds: string[] };

/**
 * Invites the chosen MEMBER companies (or all of them): their people, or the contact of a company
 * that has none. One MeetingInvitation per e-mail address and one e-mail with the .ics, all in
 * one transaction. Asking again invites only those not invited yet (new colleagues); nobody gets
 * the invitation twice.
 */
export async function inviteToMeeting(
  actor: CurrentUser,
  clubId: string,
  meetingId: string,
  selection: InviteSelection,
  now = new Date(),
) {
  const meeting = await requireClubMeeting(clubId, meetingId);
  if (meeting.cancelledAt) throw new MeetingError("Cette réunion est annulée.");
  if (meeting.endsAt <= now) throw new MeetingError("Cette réunion est terminée.");

  const wanted = selection.all ? null : [...new Set(selection.companyIds)];
  if (wanted && wanted.length === 0) {
    throw new MeetingError("Cochez au moins une entreprise.", "companyIds");
  }
  const memberships = await prisma.clubMembership.findMany({
    where: { clubId, status: "MEMBER", ...(wanted ? { companyId: { in: wanted } } : {}) },
    orderBy: { company: { name: "asc" } },
    select: RECIPIENT_SELECT,
  });
  if (wanted && memberships.length !== wanted.length) {
    throw new MeetingError("Choisissez des entreprises membres du club.", "companyIds");
  }
  const people = new Map<
    string,
    { userId: string | null; name: string | null; companyId: string }
  >();
  for (const m of memberships) {
    for (const recipient of meetingRecipients(m)) {
      if (!people.has(recipient.email)) {
        people.set(recipient.email, { ...recipient, companyId: m.companyId });
      }
    }
  }
  if (people.size === 0) {
    throw new MeetingError(
      "Personne à inviter : ces entreprises n'ont ni compte dans Engagés ni adresse e-mail de contact. Ajoutez l'adresse de leur contact pour les inviter.",
      "companyIds",
    );
  }

  const { ics, facts, organizer } = await loadMailMeeting(prisma, meetingId);
  return prisma.$transaction(async (tx) => {
    const existing = await tx.meetingInvitation.findMany({
      where: { meetingId, email: { in: [...people.keys()] } },
      select: { id: true, email: true, sentAt: true },
    });
    const byEmail = new Map(existing.map((i) => [i.email, i]));
    const toInvite = [...people].filter(([email]) => !byEmail.get(email)?.sentAt);
    await enforceQuota(
      QUOTAS.meetingInvitationEmails,
      (since) => meetingInvitationsSentBy(tx, actor.id, since),
      toInvite.length,
    );
    let invited = 0;
    let contacts = 0;
    const already = people.size - toInvite.length;
    for (const [email, person] of toInvite) {
      const found = byEmail.get(email);
      // Someone who answered in the app (or was noted present) before being invited already has
      // a row: send them the invitation all the same (their answer stays).
      const invitation = await recordMeetingInvitation(
        tx,
        found?.id ?? null,
        { meetingId, email, companyId: person.companyId, userId: person.userId, name: person.name },
        { sentAt: now },
      );
      const data: EmailTemplateData<"meeting-invitation"> = {
        meeting: facts,
        organizerName: organizer.name,
        rsvp: rsvpLinks(invitation.id, ics.endsAt),
        viewInApp: person.userId !== null,
      };
      await queueEmail(tx, {
        template: "meeting-invitation",
        to: email,
        data,
        attachments: [
          meetingIcsAttachment(meetingInvitationIcs(ics, { email, name: person.name }), "REQUEST"),
        ],
        dedupeKey: `meeting-invitation:${meetingId}:${email}`,
      });
      invited++;
      if (person.userId === null) contacts++;
    }
    if (invited > 0) {
      await audit(tx, {
        actorId: actor.id,
        action: "INVITE",
        entityType: "Meeting",
        entityId: meetingId,
        clubId,
        after: { invited, contacts, companies: memberships.map((m) => m.companyId) },
      });
    }
    return { invited, already };
  });
}

/**
 * Writes `change` (sent, or present) on the meeting's row for this e-mail: the row `existingId`,
 * or a new one linked to the person's account if they have one (their name is then the
 * account's, not kept on the row).
 */
export function recordMeetingInvitation(
  tx: Tx,
  existingId: string | null,
  person: {
    meetingId: string;
    email: string;
    companyId: string;
    userId: string | null;
    name: string | null | undefined;
  },
  change: { sentAt: Date } | { attended: true },
) {
  if (existingId) {
    return tx.meetingInvitation.update({
      where: { id: existingId },
      data: change,
      select: { id: true },
    });
  }
  const { name, ...row } = person;
  return tx.meetingInvitation.create({
    data: { ...row, name: row.userId ? null : name, ...change },
    select: { id: true },
  });
}

/** How many meeting invitations `actorId` sent since `since`, from the INVITE audit entries. */
async function meetingInvitationsSentBy(tx: Tx, actorId: string, since: Date) {
  const entries = await tx.auditLog.findMany({
    where: { actorId, action: "INVITE", entityType: "Meeting", createdAt: { gte: since } },
    select: { after: true },
  });
  return entries.reduce(
    (sum, e) => sum + ((JSON.parse(e.after ?? "{}") as { invited?: number }).invited ?? 0),
    0,
  );
}

/**
 * Invitees of a meeting with their answer and attendance, for the animator: `name` is the
 * account's, else the one the club gave (a contact, a walk-in), else the address; `contact`
 * marks those without an account.
 */
export async function listMeetingInvitees(clubId: string, meetingId: string) {
  const rows = await prisma.meetingInvitation.findMany({
    where: { meetingId, meeting: { clubId } },
    orderBy: [{ company: { name: "asc" } }, { email: "asc" }],
    select: {
      id: true,
      email: true,
      name: true,
      userId: true,
      rsvp: true,
      rsvpAt: true,
      attended: true,
      sentAt: true,
      user: { select: { name: true } },
      company: { select: { name: true } },
    },
  });
  return rows.map(({ user, name, userId, ...row }) => ({
    ...row,
    name: user?.name ?? name ?? row.email,
    contact: userId === null,
  }));
}
