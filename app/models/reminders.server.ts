// Reminders (relances) to members who have gone silent: proposed by the app, sent by an animator
// (or by the quarterly campaign of the scheduler), capped at one per member per
// Club.reminderCapDays days, never to a member who left or opted out. Every send writes a
// Reminder row and its outbox e-mail in one transaction; every e-mail carries a signed one-click
// unsubscribe link (no sign-in needed).

import { ACTIVE_WINDOW_DAYS } from "~/models/club.server";
import { assertClubOpen } from "~/models/club-status.server";
import { prisma, type Tx } from "~/utils/db.server";
import { queueEmail } from "~/utils/email.server";
import { env } from "~/utils/env.server";
import { zoneOfDepartement } from "~/utils/time/zones";
import { formatDate } from "~/utils/format";
import { canInvite, loadCurrentUser, type CurrentUser } from "~/utils/permissions.server";
import { INVITATION_VALIDITY_DAYS, recordInvitation } from "~/models/invitation.server";
import type { ReminderEmailData } from "../../emails/reminder";
import { unsubscribeUrl } from "./reminder-unsubscribe.server";
import { DAY_MS } from "~/utils/time/wall-clock";

/** A member is silent when it declared no realisation within this many days. */
export const SILENT_AFTER_DAYS = ACTIVE_WINDOW_DAYS;
export const REMINDER_CAP_MIN_DAYS = 7;
export const REMINDER_CAP_MAX_DAYS = 365;
/** The quarterly campaign goes out during the first days of each quarter. */
export const CAMPAIGN_WINDOW_DAYS = 7;
export const CAMPAIGN_EVERY_MS = 15 * 60_000;
export const MESSAGE_MAX_LENGTH = 4000;

export class ReminderError extends Error {
  constructor(
    message: string,
    readonly status: 400 | 404 = 400,
  ) {
    super(message);
  }
}

export const DEFAULT_REMINDER_MESSAGE = `Bonjour,

Nous n'avons pas eu de nouvelles de vos actions pour l'inclusion depuis quelques mois. Recrutements, alternances, stages, immersions, achats inclusifs, heures de bénévolat : tout compte, et le déclarer ne prend que quelques minutes.

Vos réalisations font les chiffres du club et inspirent les autres entreprises. Si vous avez besoin d'aide, contactez l'animateur de votre club ou venez à sa prochaine rencontre.

Merci pour votre engagement !`;

// ---------------------------------------------------------------- who may be reminded

/**
 * Where a reminder goes — the club's contact for the company, else its first account — and
 * whether the company has people who sign in (else the e-mail invites its contact to create the
 * company's account instead of sending them to a sign-in form).
 */
export async function recipientsOf(db: Tx | typeof prisma, companyIds: string[]) {
  const accounts = await db.roleAssignment.findMany({
    where: { companyId: { in: companyIds }, role: "COMPANY" },
    orderBy: { createdAt: "asc" },
    select: { companyId: true, user: { select: { email: true } } },
  });
  return (companyId: string, contactEmail: string | null) => {
    const first = accounts.find((a) => a.companyId === companyId);
    return { to: contactEmail ?? first?.user.email ?? null, hasPeople: first !== undefined };
  };
}

/**
 * On whose authority the quarterly campaign invites a contact to create their company's account:
 * the club's first animator, as for the meetings' organiser. The invitation holds only while
 * they may still send it (decision 013); with no animator, the e-mail says whom to ask.
 */
export async function campaignInviter(clubId: string) {
  const role = await prisma.roleAssignment.findFirst({
    where: { clubId, role: "ANIMATOR" },
    orderBy: { createdAt: "asc" },
    select: { userId: true },
  });
  return role ? loadCurrentUser(role.userId) : null;
}

/** Members (MEMBER, not opted out) who declared no realisation in the last 92 days. */
export function silentWhere(clubId: string, now: Date) {
  return {
    clubId,
    status: "MEMBER",
    remindersOptOut: false,
    company: {
      realisations: {
        none: { createdAt: { gte: new Date(now.getTime() - SILENT_AFTER_DAYS * DAY_MS) } },
      },
    },
  };
}

/**
 * The silent members the page proposes, with their last declaration, their last reminder (any
 * club animator's or campaign's) and whether the cap still holds them back; plus the silent
 * members who opted out (listed so the animator knows why they are not proposed).
 */
export async function listSilentMembers(clubId: string, now = new Date()) {
  const club = await prisma.club.findUniqueOrThrow({
    where: { id: clubId },
    select: { reminderCapDays: true },
  });
  const [silent, optedOut] = await Promise.all([
    prisma.clubMembership.findMany({
      where: silentWhere(clubId, now),
      orderBy: { company: { name: "asc" } },
      select: {
        id: true,
        contactName: true,
        contactEmail: true,
        company: { select: { id: true, name: true } },
      },
    }),
    prisma.clubMembership.findMany({
      where: { clubId, status: "MEMBER", remindersOptOut: true },
      orderBy: { company: { name: "asc" } },
      select: { id: true, company: { select: { name: true } } },
    }),
  ]);
  const companyIds = silent.map((m) => m.company.id);
  const [lastDeclarations, lastReminders, recipientOf] = await Promise.all([
    prisma.realisation.groupBy({
      by: ["companyId"],
      where: { companyId: { in: companyIds } },
      _max: { createdAt: true },
    }),
    prisma.reminder.groupBy({
      by: ["companyId"],
      where: { clubId, companyId: { in: companyIds } },
      _max: { createdAt: true },
    }),
    recipientsOf(prisma, companyIds),
  ]);
  const capStart = new Date(now.getTime() - club.reminderCapDays * DAY_MS);
  return {
    capDays: club.reminderCapDays,
    silent: silent.map((m) => {
      const reach = recipientOf(m.company.id, m.contactEmail);
      const lastReminder =
        lastReminders.find((r) => r.companyId === m.company.id)?._max.createdAt ?? null;
      return {
        membershipId: m.id,
        company: m.company,
        contactName: m.contactName,
        email: reach.to,
        /** Its people sign in; else the reminder invites the contact to create the account. */
        hasAccount: reach.hasPeople,
        lastDeclaration:
          lastDeclarations.find((r) => r.companyId === m.company.id)?._max.createdAt ?? null,
        lastReminder,
        /** Reminded within the cap: a new reminder would be refused until this date. */
        cappedUntil:
          lastReminder && lastReminder > capStart
            ? new Date(lastReminder.getTime() + club.reminderCapDays * DAY_MS)
            : null,
      };
    }),
    optedOut: optedOut.map((m) => ({ membershipId: m.id, companyName: m.company.name })),
  };
}

// ---------------------------------------------------------------- sending

type ClubForReminder = { id: string; name: string; reminderCapDays: number };

/**
 * The company page a reminder leads its people to, and its button: declaring a realisation by
 * default; a campaign's reminder leads to the year to attest.
 */
export type ReminderLead = { path: string; label: string };
const DECLARE: ReminderLead = { path: "realisations/nouvelle", label: "Déclarer une réalisation" };

/**
 * Where the reminder leads (see ReminderEmailData.next): a company with people declares; the
 * contact of a company without any is invited to create its account — by the same rule as every
 * invitation (canInvite: the club's own record, decision 013), recorded and audited in the
 * reminder's transaction. No invitation quota here: the reminder's own cap bounds them.
 */
async function nextStep(
  tx: Tx,
  input: {
    club: ClubForReminder;
    membership: { companyId: string; contactName: string | null };
    to: string;
    hasPeople: boolean;
    inviter: CurrentUser | null;
    actorId: string | null;
    campaignKey: string | null;
    lead?: ReminderLead;
  },
): Promise<ReminderEmailData["next"]> {
  const { companyId } = input.membership;
  if (input.hasPeople) {
    const lead = input.lead ?? DECLARE;
    return {
      kind: "declare",
      url: `${env.APP_URL}/entreprise/${companyId}/${lead.path}`,
      label: lead.label,
    };
  }
  const invitation = { role: "COMPANY" as const, companyId, clubId: input.club.id };
  if (!input.inviter || !(await canInvite(input.inviter, invitation, tx))) {
    return { kind: "ask-club" };
  }
  const { acceptUrl } = await recordInvitation(
    tx,
    { ...invitation, email: input.to.toLowerCase(), name: input.membership.contactName ?? "" },
    {
      inviterId: input.inviter.id,
      actorId: input.actorId,
      via: input.campaignKey ? `relance trimestrielle ${input.campaignKey}` : "relance",
    },
  );
  return { kind: "create-account", url: acceptUrl, validDays: INVITATION_VALIDITY_DAYS };
}

export async function queueReminder(
  tx: Tx,
  input: {
    club: ClubForReminder;
    membership: {
      id: string;
      companyId: string;
      contactName: string | null;
      company: { name: string };
    };
    to: string;
    hasPeople: boolean;
    inviter: CurrentUser | null;
    message: string;
    sentBy: { id: string; name: string } | null;
    campaignKey: string | null;
    lead?: ReminderLead;
    now: Date;
  },
) {
  const reminder = await tx.reminder.create({
    data: {
      clubId: input.club.id,
      companyId: input.membership.companyId,
      sentById: input.sentBy?.id ?? null,
      campaignKey: input.campaignKey,
      createdAt: input.now,
    },
    select: { id: true },
  });
  const email = await queueEmail(tx, {
    template: "reminder",
    to: input.to,
    dedupeKey: input.campaignKey
      ? `reminder-campaign:${input.club.id}:${input.membership.companyId}:${input.campaignKey}`
      : `reminder:${reminder.id}`,
    data: {
      clubName: input.club.name,
      companyName: input.membership.company.name,
      contactName: input.membership.contactName,
      message: input.message,
      senderName: input.sentBy?.name ?? null,
      next: await nextStep(tx, { ...input, actorId: input.sentBy?.id ?? null }),
      unsubscribeUrl: unsubscribeUrl(input.membership.id),
    },
  });
  await tx.reminder.update({ where: { id: reminder.id }, data: { emailId: email.id } });
  return reminder.id;
}

/**
 * Sends the animator's reminder to the chosen members, all or nothing: if any of them may not
 * be reminded (left, prospect, opted out, no address, or reminded within the cap), nothing is
 * sent and the error names each company (with the date of its previous reminder).
 */
export async function sendReminders(input: {
  clubId: string;
  sender: { id: string; name: string };
  membershipIds: string[];
  message: string;
  lead?: ReminderLead;
  now?: Date;
}) {
  const now = input.now ?? new Date();
  const ids = [...new Set(input.membershipIds)];
  if (ids.length === 0) throw new ReminderError("Choisissez au moins un membre à relancer.");
  const inviter = await loadCurrentUser(input.sender.id);
  return prisma.$transaction(async (tx) => {
    await assertClubOpen(tx, input.clubId, (message) => new ReminderError(message));
    const club = await tx.club.findUniqueOrThrow({
      where: { id: input.clubId },
      select: { id: true, name: true, reminderCapDays: true, departementCode: true },
    });
    const zone = zoneOfDepartement(club.departementCode);
    const memberships = await tx.clubMembership.findMany({
      where: { id: { in: ids }, clubId: club.id },
      orderBy: { company: { name: "asc" } },
      select: {
        id: true,
        status: true,
        remindersOptOut: true,
        contactName: true,
        contactEmail: true,
        companyId: true,
        company: { select: { name: true } },
      },
    });
    if (memberships.length !== ids.length) {
      throw new ReminderError("Une des entreprises choisies n'est pas membre de ce club.", 404);
    }
    const capStart = new Date(now.getTime() - club.reminderCapDays * DAY_MS);
    const [previous, recipientOf] = await Promise.all([
      tx.reminder.groupBy({
        by: ["companyId"],
        where: {
          clubId: club.id,
          companyId: { in: memberships.map((m) => m.companyId) },
          createdAt: { gt: capStart },
        },
        _max: { createdAt: true },
      }),
      recipientsOf(
        tx,
        memberships.map((m) => m.companyId),
      ),
    ]);
    const refusals: string[] = [];
    for (const m of memberships) {
      const name = `L'entreprise ${m.company.name}`;
      const last = previous.find((p) => p.companyId === m.companyId)?._max.createdAt;
      if (m.status === "LEFT")
        refusals.push(`${name} a quitté le club : elle n'est plus relancée.`);
      else if (m.status !== "MEMBER")
        refusals.push(
          `${name} est un prospect : invitez-la plutôt depuis « Membres et prospects ».`,
        );
      else if (m.remindersOptOut)
        refusals.push(`${name} a demandé à ne plus recevoir de relances.`);
      else if (!recipientOf(m.companyId, m.contactEmail).to)
        refusals.push(`${name} n'a ni adresse de contact ni compte : impossible de la relancer.`);
      else if (last)
        refusals.push(
          `${name} a déjà été relancée le ${formatDate(last, zone)} : une seule relance par période de ${club.reminderCapDays} jours (prochaine possible le ${formatDate(new Date(last.getTime() + club.reminderCapDays * DAY_MS), zone)}).`,
        );
    }
    if (refusals.length > 0) {
      throw new ReminderError(`Aucune relance n'a été envoyée. ${refusals.join(" ")}`);
    }
    for (const m of memberships) {
      const { to, hasPeople } = recipientOf(m.companyId, m.contactEmail);
      await queueReminder(tx, {
        club,
        membership: m,
        to: to!,
        hasPeople,
        inviter,
        message: input.message,
        sentBy: input.sender,
        campaignKey: null,
        lead: input.lead,
        now,
      });
    }
    return { sent: memberships.map((m) => m.company.name) };
  });
}
