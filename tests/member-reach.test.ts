// Member companies without an account, on a real SQLite database (issue 18, point 3): invited to
// meetings at their contact's address and answering through the signed links without signing in;
// the unreachable ones listed, their contact added by the animator; walk-ins noted present by
// company and address; reminders that invite the contact to create the company's account
// (decision 013's rule) instead of linking to a sign-in form. Refusals write nothing.
import { beforeAll, describe, expect, test } from "vitest";
import {
  addMembership,
  insertClub,
  insertCompany,
  insertMeeting,
  insertUser,
  grantRole,
} from "../prisma/factories";
import { MembershipError, updateMembershipContact } from "~/models/club-members.server";
import { acceptInvitation, findOpenInvitation } from "~/models/invitation.server";
import {
  inviteToMeeting,
  listInvitableCompanies,
  listMeetingInvitees,
  MeetingError,
} from "~/models/meeting-invitations.server";
import { sendDueMeetingReminders } from "~/models/meeting-notices.server";
import { addWalkIn } from "~/models/meeting-attendance.server";
import { updateMeeting } from "~/models/meeting.server";
import { sendReminders } from "~/models/reminders.server";
import { sendCampaign } from "~/models/reminder-campaign.server";
import * as invitationsPage from "~/routes/club.$clubId.reunions.$meetingId.invitations";
import * as attendancePage from "~/routes/club.$clubId.reunions.$meetingId.presences";
import * as membersPage from "~/routes/club.$clubId.membres";
import * as rsvpPage from "~/routes/reunion.reponse.$token";
import { prisma } from "~/utils/db.server";
import { toLocalInput } from "~/utils/time/wall-clock";
import { loadCurrentUser, type CurrentUser } from "~/utils/permissions.server";
import { parseIcs } from "./utils/meeting-ics-parse";
import { appRequest, callAs, routeOutcome } from "./utils/session";

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const CONTACT = "gaelle@gamma.test";

type World = Awaited<ReturnType<typeof buildWorld>>;
let w: World;

async function current(userId: string): Promise<CurrentUser> {
  const user = await loadCurrentUser(userId);
  if (!user) throw new Error("utilisateur introuvable");
  return user;
}

async function buildWorld() {
  const club = await insertClub(prisma, { name: "Club de l'Audomarois", departementCode: "62" });
  const otherClub = await insertClub(prisma, { name: "Club du Hainaut", departementCode: "59" });
  const company = async (
    name: string,
    clubId: string,
    contact: { contactName?: string; contactEmail?: string; status?: "MEMBER" | "PROSPECT" } = {},
  ) => {
    const row = await insertCompany(prisma, { name });
    const membership = await addMembership(prisma, { companyId: row.id, clubId, ...contact });
    return { ...row, membershipId: membership.id };
  };
  const withPeople = await company("Alpha Logistique", club.id, {
    contactEmail: "accueil@alpha.test",
  });
  const contactOnly = await company("Gamma Menuiserie", club.id, {
    contactName: "Gaëlle Gamma",
    contactEmail: CONTACT,
  });
  const unreachable = await company("Oméga Sans Contact", club.id, { contactName: "Olivier" });
  const prospect = await company("Prospect Delta", club.id, {
    status: "PROSPECT",
    contactEmail: "paul@delta.test",
  });
  const otherMember = await company("Nord Textile", otherClub.id, {
    contactEmail: "nina@nord.test",
  });
  // Entered by the other club first, a member of this one later, still without people: not this
  // club's own record, so this club may not hand out its first access (decision 013).
  const foreignRecord = await insertCompany(prisma, { name: "Sigma Entrée Ailleurs" });
  const first = await addMembership(prisma, { companyId: foreignRecord.id, clubId: otherClub.id });
  await prisma.clubMembership.update({
    where: { id: first.id },
    data: { createdAt: new Date(Date.now() - 400 * DAY) },
  });
  const foreignMembership = await addMembership(prisma, {
    companyId: foreignRecord.id,
    clubId: club.id,
    contactEmail: "sigma@sigma.test",
  });

  const person = async (name: string, email: string, scope: Parameters<typeof grantRole>[2]) => {
    const user = await insertUser(prisma, { name, email });
    await grantRole(prisma, user.id, scope);
    return current(user.id);
  };
  const animator = await person("Julie Animatrice", "julie@club.test", {
    role: "ANIMATOR",
    clubId: club.id,
  });
  const otherAnimator = await person("Sam Hainaut", "sam@hainaut.test", {
    role: "ANIMATOR",
    clubId: otherClub.id,
  });
  const leader = await person("Anne Alpha", "anne@alpha.test", {
    role: "COMPANY",
    companyId: withPeople.id,
  });
  return {
    club,
    otherClub,
    withPeople,
    contactOnly,
    unreachable,
    prospect,
    otherMember,
    foreignRecord: { ...foreignRecord, membershipId: foreignMembership.id },
    animator,
    otherAnimator,
    leader,
  };
}

beforeAll(async () => {
  w = await buildWorld();
});

async function newMeeting(startsInHours = 14 * 24) {
  const start = new Date(Date.now() + startsInHours * HOUR);
  const meeting = await insertMeeting(prisma, {
    clubId: w.club.id,
    title: `Réunion ${Math.random().toString(36).slice(2, 8)}`,
    startsAt: start,
    endsAt: new Date(start.getTime() + 2 * HOUR),
    place: "Saint-Omer",
    createdById: w.animator.id,
  });
  return meeting.id;
}

const mailsTo = (to: string, template: string) =>
  prisma.emailOutbox.findMany({ where: { to, template }, orderBy: { createdAt: "asc" } });

/** Everything a refused request must leave as it was. */
async function snapshot() {
  const [audits, outbox, invitations, memberships, meetingInvitations] = await Promise.all([
    prisma.auditLog.count(),
    prisma.emailOutbox.count(),
    prisma.invitation.count(),
    prisma.clubMembership.findMany({ orderBy: { id: "asc" } }),
    prisma.meetingInvitation.findMany({ orderBy: { id: "asc" } }),
  ]);
  return JSON.stringify({ audits, outbox, invitations, memberships, meetingInvitations });
}

function post(path: string, form: Record<string, string>) {
  return appRequest(path, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(form).toString(),
  });
}

// ---------------------------------------------------------------- meeting invitations

describe("meeting invitations reach a company's contact", () => {
  test("the list says who would receive it: people, a contact without an account, or nobody", async () => {
    const meetingId = await newMeeting();
    const companies = await listInvitableCompanies(w.club.id, meetingId);
    const byName = Object.fromEntries(companies.map((c) => [c.name, c]));
    expect(Object.keys(byName)).toEqual([
      "Alpha Logistique",
      "Gamma Menuiserie",
      "Oméga Sans Contact",
      "Sigma Entrée Ailleurs",
    ]);
    // A company with people: its people, not the contact the club noted.
    expect(byName["Alpha Logistique"]).toMatchObject({ people: 1, contact: null, recipients: 1 });
    expect(byName["Gamma Menuiserie"]).toMatchObject({
      people: 0,
      contact: { name: "Gaëlle Gamma", email: CONTACT },
      recipients: 1,
    });
    expect(byName["Oméga Sans Contact"]).toMatchObject({ people: 0, contact: null, recipients: 0 });
  });

  test("the contact gets the invitation with its .ics and signed links, and no link to a sign-in form", async () => {
    const meetingId = await newMeeting();
    const result = await inviteToMeeting(w.animator, w.club.id, meetingId, { all: true });
    expect(result).toEqual({ invited: 3, already: 0 });
    const rows = await prisma.meetingInvitation.findMany({
      where: { meetingId },
      orderBy: { email: "asc" },
      select: { email: true, userId: true, companyId: true, name: true, sentAt: true },
    });
    expect(rows.map((r) => [r.email, r.userId, r.companyId, r.name])).toEqual([
      ["anne@alpha.test", w.leader.id, w.withPeople.id, null],
      [CONTACT, null, w.contactOnly.id, "Gaëlle Gamma"],
      // No name known for this contact: the lists show the address.
      ["sigma@sigma.test", null, w.foreignRecord.id, null],
    ]);
    // Nobody unreachable, no prospect, no other club.
    for (const to of ["accueil@alpha.test", "paul@delta.test", "nina@nord.test"]) {
      expect(
        await prisma.emailOutbox.count({ where: { to, template: "meeting-invitation" } }),
      ).toBe(0);
    }

    const [contactMail] = await prisma.emailOutbox.findMany({
      where: { to: CONTACT, dedupeKey: `meeting-invitation:${meetingId}:${CONTACT}` },
    });
    expect(contactMail.text).toMatch(/Je viens : http:\/\/localhost:3000\/reunion\/reponse\/\S+/);
    expect(contactMail.text).toContain("pas besoin de compte Engagés pour répondre");
    expect(contactMail.text).not.toContain("Voir la réunion dans Engagés");
    expect(contactMail.text).not.toContain(`/club/${w.club.id}/reunions/${meetingId}`);
    const [ics] = JSON.parse(contactMail.attachments) as Array<{ content: string }>;
    const calendar = parseIcs(Buffer.from(ics.content, "base64").toString("utf8"));
    expect(calendar.get("METHOD")).toBe("REQUEST");
    const attendee = calendar.components[0].all("ATTENDEE")[0];
    expect(attendee.value.toLowerCase()).toBe(`mailto:${CONTACT}`);
    expect(attendee.params.CN).toBe("Gaëlle Gamma");
    // People who sign in keep the link to the meeting's page.
    const [leaderMail] = await mailsTo("anne@alpha.test", "meeting-invitation").then((m) =>
      m.filter((x) => x.dedupeKey === `meeting-invitation:${meetingId}:anne@alpha.test`),
    );
    expect(leaderMail.text).toContain("Voir la réunion dans Engagés");

    const audit = await prisma.auditLog.findFirstOrThrow({
      where: { entityId: meetingId, action: "INVITE" },
    });
    expect(JSON.parse(audit.after!)).toMatchObject({ invited: 3, contacts: 2 });
  });

  test("a selection of unreachable companies only is refused in French, nothing written", async () => {
    const meetingId = await newMeeting();
    const before = await snapshot();
    await expect(
      inviteToMeeting(w.animator, w.club.id, meetingId, {
        all: false,
        companyIds: [w.unreachable.id],
      }),
    ).rejects.toThrow(
      "Personne à inviter : ces entreprises n'ont ni compte dans Engagés ni adresse e-mail de contact.",
    );
    expect(await snapshot()).toBe(before);
  });

  test("the contact answers from the link signed out; the animator sees the answer and the name", async () => {
    const meetingId = await newMeeting();
    await inviteToMeeting(w.animator, w.club.id, meetingId, {
      all: false,
      companyIds: [w.contactOnly.id],
    });
    const [mail] = await prisma.emailOutbox.findMany({
      where: { dedupeKey: `meeting-invitation:${meetingId}:${CONTACT}` },
    });
    const token = /Je viens : (\S+)/.exec(mail.text)![1].split("/").pop()!;
    const path = `/reunion/reponse/${token}`;

    const shown = await routeOutcome(rsvpPage.loader, appRequest(path), { token });
    expect(shown.status).toBe(200);
    expect(shown.body).toMatchObject({
      state: "open",
      email: CONTACT,
      hasAccount: false,
      companyName: "Gamma Menuiserie",
      answer: "YES",
      current: "PENDING",
    });
    const answered = await routeOutcome(rsvpPage.action, post(path, {}), { token });
    expect(answered.status).toBe(200);
    expect(answered.body).toMatchObject({ done: true, current: "YES" });

    const [invitee] = await listMeetingInvitees(w.club.id, meetingId);
    expect(invitee).toMatchObject({
      name: "Gaëlle Gamma",
      email: CONTACT,
      contact: true,
      rsvp: "YES",
    });
    const page = await callAs(
      invitationsPage.loader,
      `/club/${w.club.id}/reunions/${meetingId}/invitations`,
      w.animator.id,
      { clubId: w.club.id, meetingId },
    );
    const body = page.body as {
      invitees: Array<{ name: string; rsvp: string; contact: boolean }>;
      unreachable: Array<{ name: string }>;
    };
    expect(body.invitees).toEqual([
      expect.objectContaining({ name: "Gaëlle Gamma", rsvp: "YES", contact: true }),
    ]);
    expect(body.unreachable.map((c) => c.name)).toEqual(["Oméga Sans Contact"]);
  });

  test("the update and the reminder two days before reach the contact without a sign-in link", async () => {
    const meetingId = await newMeeting(30);
    await inviteToMeeting(w.animator, w.club.id, meetingId, {
      all: false,
      companyIds: [w.contactOnly.id],
    });
    const meeting = await prisma.meeting.findUniqueOrThrow({ where: { id: meetingId } });
    const later = new Date(meeting.startsAt.getTime() + HOUR);
    await updateMeeting(w.animator, w.club.id, meetingId, {
      title: meeting.title,
      startsAt: toLocalInput(later),
      endsAt: toLocalInput(new Date(later.getTime() + 2 * HOUR)),
      place: "Arques",
      agenda: "",
    });
    const [updated] = (await mailsTo(CONTACT, "meeting-updated")).filter((m) =>
      m.dedupeKey?.startsWith(`meeting-updated:${meetingId}:`),
    );
    expect(updated.text).toContain("Je viens : http://localhost:3000/reunion/reponse/");
    expect(updated.text).not.toContain("Voir la réunion dans Engagés");

    // The invitation is more than a day old when the reminder job runs.
    await prisma.meetingInvitation.updateMany({
      where: { meetingId },
      data: { sentAt: new Date(Date.now() - 3 * DAY) },
    });
    await sendDueMeetingReminders();
    const [reminder] = (await mailsTo(CONTACT, "meeting-reminder")).filter((m) =>
      m.dedupeKey?.startsWith(`meeting-reminder:${meetingId}:`),
    );
    expect(reminder.text).toContain("Je viens : http://localhost:3000/reunion/reponse/");
    expect(reminder.text).not.toContain("Voir la réunion dans Engagés");
  });
});

// ---------------------------------------------------------------- the contact

describe("the animator adds a member's contact", () => {
  test("an address makes the unreachable member invitable; audited before → after", async () => {
    const meetingId = await newMeeting();
    const saved = await updateMembershipContact(
      w.animator.id,
      w.club.id,
      w.unreachable.membershipId,
      {
        contactEmail: "  Olivier@Omega.TEST ",
        contactName: "Olivier Oméga",
      },
    );
    expect(saved).toEqual({
      companyName: "Oméga Sans Contact",
      email: "olivier@omega.test",
      changed: true,
    });
    const audit = await prisma.auditLog.findFirstOrThrow({
      where: { entityType: "ClubMembership", entityId: w.unreachable.membershipId },
      orderBy: { createdAt: "desc" },
    });
    expect(audit.actorId).toBe(w.animator.id);
    expect(JSON.parse(audit.before!)).toMatchObject({ contactEmail: null, contactName: "Olivier" });
    expect(JSON.parse(audit.after!)).toMatchObject({
      contactEmail: "olivier@omega.test",
      contactName: "Olivier Oméga",
    });
    const listed = await listInvitableCompanies(w.club.id, meetingId);
    expect(listed.find((c) => c.name === "Oméga Sans Contact")).toMatchObject({
      contact: { email: "olivier@omega.test" },
      recipients: 1,
    });
    // The same again: nothing written.
    const audits = await prisma.auditLog.count();
    expect(
      await updateMembershipContact(w.animator.id, w.club.id, w.unreachable.membershipId, {
        contactEmail: "olivier@omega.test",
        contactName: "Olivier Oméga",
      }),
    ).toMatchObject({ changed: false });
    expect(await prisma.auditLog.count()).toBe(audits);
  });

  test("bad input, another club's member, a member that left: French refusals, nothing written", async () => {
    const left = await insertCompany(prisma, { name: "Partie SA" });
    const leftMembership = await addMembership(prisma, {
      companyId: left.id,
      clubId: w.club.id,
      status: "LEFT",
    });
    const otherMembership = await prisma.clubMembership.findFirstOrThrow({
      where: { companyId: w.otherMember.id },
    });
    const before = await snapshot();
    const refusal = async (membershipId: string, raw: Record<string, unknown>) => {
      const error = await updateMembershipContact(w.animator.id, w.club.id, membershipId, raw).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(MembershipError);
      return error as MembershipError;
    };
    expect(
      await refusal(w.contactOnly.membershipId, { contactEmail: "pas-une-adresse" }),
    ).toMatchObject({
      field: "contactEmail",
      message: "Saisissez une adresse e-mail valide, par exemple nom@entreprise.fr.",
    });
    expect(await refusal(w.contactOnly.membershipId, {})).toMatchObject({ field: "contactEmail" });
    expect(
      await refusal(w.contactOnly.membershipId, {
        contactEmail: "ok@gamma.test",
        contactName: "x".repeat(101),
      }),
    ).toMatchObject({ field: "contactName" });
    expect(
      await refusal(otherMembership.id, { contactEmail: "pirate@exemple.test" }),
    ).toMatchObject({
      status: 404,
    });
    expect(await refusal(leftMembership.id, { contactEmail: "ok@partie.test" })).toMatchObject({
      message: "Partie SA a quitté le club : son contact ne change plus.",
    });
    expect(await snapshot()).toBe(before);
  });

  test("through the pages: another club's animator and a company's person get 403, signed out the sign-in page; nothing written", async () => {
    const meetingId = await newMeeting();
    const form = {
      intent: "contact",
      membershipId: w.contactOnly.membershipId,
      contactEmail: "pirate@exemple.test",
    };
    const paths: Array<{
      mod: typeof invitationsPage | typeof membersPage;
      path: string;
      params: Record<string, string>;
    }> = [
      {
        mod: invitationsPage,
        path: `/club/${w.club.id}/reunions/${meetingId}/invitations`,
        params: { clubId: w.club.id, meetingId },
      },
      { mod: membersPage, path: `/club/${w.club.id}/membres`, params: { clubId: w.club.id } },
    ];
    const before = await snapshot();
    for (const { mod, path, params } of paths) {
      for (const who of [w.otherAnimator.id, w.leader.id]) {
        expect((await callAs(mod.action, path, who, params, form)).status, path).toBe(403);
      }
      const anonymous = await routeOutcome(mod.action, post(path, form), params);
      expect(anonymous.status).toBe(302);
      expect(anonymous.response!.headers.get("Location")).toContain("/login");
      // The other club's animator on their own club's address: the membership is not theirs.
      const own = await callAs(
        mod.action,
        path.replace(w.club.id, w.otherClub.id),
        w.otherAnimator.id,
        { ...params, clubId: w.otherClub.id },
        form,
      );
      expect(own.status, path).toBe(404);
    }
    expect(await snapshot()).toBe(before);

    // The animator: a bad address is a 400 with the French message, then a good one is saved.
    const { mod, path, params } = paths[0];
    const bad = await callAs(mod.action, path, w.animator.id, params, {
      ...form,
      contactEmail: "gaelle(at)gamma",
    });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({
      intent: "contact",
      membershipId: w.contactOnly.membershipId,
      contactErrors: {
        contactEmail: ["Saisissez une adresse e-mail valide, par exemple nom@entreprise.fr."],
      },
    });
    expect(await snapshot()).toBe(before);
    const good = await callAs(mod.action, path, w.animator.id, params, {
      ...form,
      contactEmail: CONTACT,
      contactName: "Gaëlle Gamma",
    });
    expect(good.status).toBe(302);
  });
});

// ---------------------------------------------------------------- walk-ins

describe("walk-ins", () => {
  /** A meeting that started an hour ago, with the contact invited. */
  async function meetingUnderway() {
    const meetingId = await newMeeting(1);
    await inviteToMeeting(w.animator, w.club.id, meetingId, {
      all: false,
      companyIds: [w.contactOnly.id],
    });
    await prisma.meeting.update({
      where: { id: meetingId },
      data: { startsAt: new Date(Date.now() - HOUR) },
    });
    return meetingId;
  }

  test("a person of a member company, not invited, is added present; with an account, linked to it", async () => {
    const meetingId = await meetingUnderway();
    const added = await addWalkIn(w.animator, w.club.id, meetingId, {
      companyId: w.unreachable.id,
      email: " Olivia@Omega.test ",
      name: "Olivia Oméga",
    });
    expect(added).toEqual({ added: true, name: "Olivia Oméga", companyName: "Oméga Sans Contact" });
    const row = await prisma.meetingInvitation.findUniqueOrThrow({
      where: { meetingId_email: { meetingId, email: "olivia@omega.test" } },
    });
    expect(row).toMatchObject({
      companyId: w.unreachable.id,
      userId: null,
      name: "Olivia Oméga",
      attended: true,
      rsvp: "PENDING",
      sentAt: null,
    });
    const audit = await prisma.auditLog.findFirstOrThrow({
      where: { entityId: meetingId, action: "WALK_IN" },
    });
    expect(audit.actorId).toBe(w.animator.id);
    expect(JSON.parse(audit.after!)).toMatchObject({
      invitationId: row.id,
      email: "olivia@omega.test",
      attended: true,
    });

    // A company's person with an account: the row is theirs (their own list of meetings).
    await addWalkIn(w.animator, w.club.id, meetingId, {
      companyId: w.withPeople.id,
      email: "anne@alpha.test",
    });
    const anne = await prisma.meetingInvitation.findUniqueOrThrow({
      where: { meetingId_email: { meetingId, email: "anne@alpha.test" } },
    });
    expect(anne).toMatchObject({ userId: w.leader.id, name: null, attended: true });

    // Someone already invited is simply marked present: no second row.
    const again = await addWalkIn(w.animator, w.club.id, meetingId, {
      companyId: w.contactOnly.id,
      email: CONTACT,
    });
    expect(again.added).toBe(false);
    expect(await prisma.meetingInvitation.count({ where: { meetingId, email: CONTACT } })).toBe(1);
    expect(
      (await prisma.meetingInvitation.findFirstOrThrow({ where: { meetingId, email: CONTACT } }))
        .attended,
    ).toBe(true);

    // The list the animator saves next keeps the walk-ins ticked.
    const page = await callAs(
      attendancePage.loader,
      `/club/${w.club.id}/reunions/${meetingId}/presences`,
      w.animator.id,
      { clubId: w.club.id, meetingId },
    );
    const invitees = (page.body as { invitees: Array<{ name: string; checked: boolean }> })
      .invitees;
    expect(
      invitees
        .filter((i) => i.checked)
        .map((i) => i.name)
        .sort(),
    ).toEqual(["Anne Alpha", "Gaëlle Gamma", "Olivia Oméga"].sort());
  });

  test("bad address, a company that is not a member here, a meeting not started or cancelled: refused, nothing written", async () => {
    const meetingId = await meetingUnderway();
    const future = await newMeeting(48);
    const cancelled = await meetingUnderway();
    await prisma.meeting.update({ where: { id: cancelled }, data: { cancelledAt: new Date() } });
    const before = await snapshot();
    const cases: Array<[string, Record<string, string>, string, string | undefined]> = [
      [
        meetingId,
        { companyId: w.contactOnly.id, email: "pas une adresse" },
        "Saisissez une adresse e-mail valide, par exemple nom@entreprise.fr.",
        "email",
      ],
      [
        meetingId,
        { companyId: w.contactOnly.id, email: "" },
        "Saisissez une adresse e-mail valide, par exemple nom@entreprise.fr.",
        "email",
      ],
      [
        meetingId,
        { companyId: "", email: "x@gamma.test" },
        "Choisissez l'entreprise de la personne.",
        "companyId",
      ],
      [
        meetingId,
        { companyId: w.prospect.id, email: "paul@delta.test" },
        "Choisissez une entreprise membre du club.",
        "companyId",
      ],
      [
        meetingId,
        { companyId: w.otherMember.id, email: "nina@nord.test" },
        "Choisissez une entreprise membre du club.",
        "companyId",
      ],
      [
        meetingId,
        { companyId: w.contactOnly.id, email: "x@gamma.test", name: "y".repeat(101) },
        "Le nom doit compter 100 caractères au plus.",
        "name",
      ],
      [
        future,
        { companyId: w.contactOnly.id, email: "x@gamma.test" },
        "Les présences se notent à partir du début de la réunion.",
        undefined,
      ],
      [
        cancelled,
        { companyId: w.contactOnly.id, email: "x@gamma.test" },
        "Cette réunion a été annulée.",
        undefined,
      ],
    ];
    for (const [id, raw, message, field] of cases) {
      const error = await addWalkIn(w.animator, w.club.id, id, raw).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error, JSON.stringify(raw)).toBeInstanceOf(MeetingError);
      expect(error).toMatchObject({ message, field });
    }
    // A meeting of this club under another club's address: not found.
    await expect(
      addWalkIn(w.otherAnimator, w.otherClub.id, meetingId, {
        companyId: w.otherMember.id,
        email: "nina@nord.test",
      }),
    ).rejects.toThrow("Cette réunion n'existe pas dans ce club.");
    expect(await snapshot()).toBe(before);
  });

  test("through the page: 400 with the field for bad input; 403 for another club's animator and a company's person; sign-in when signed out", async () => {
    const meetingId = await meetingUnderway();
    const path = `/club/${w.club.id}/reunions/${meetingId}/presences`;
    const params = { clubId: w.club.id, meetingId };
    const form = { intent: "walk-in", companyId: w.contactOnly.id, email: "hugo@gamma.test" };
    const before = await snapshot();
    for (const who of [w.otherAnimator.id, w.leader.id]) {
      expect((await callAs(attendancePage.action, path, who, params, form)).status).toBe(403);
    }
    const anonymous = await routeOutcome(attendancePage.action, post(path, form), params);
    expect(anonymous.status).toBe(302);
    expect(anonymous.response!.headers.get("Location")).toContain("/login");
    const bad = await callAs(attendancePage.action, path, w.animator.id, params, {
      ...form,
      email: "hugo-at-gamma",
    });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({
      intent: "walk-in",
      field: "email",
      error: "Saisissez une adresse e-mail valide, par exemple nom@entreprise.fr.",
      values: { email: "hugo-at-gamma" },
    });
    expect(await snapshot()).toBe(before);

    const good = await callAs(attendancePage.action, path, w.animator.id, params, {
      ...form,
      name: "Hugo Gamma",
    });
    expect(good.status).toBe(302);
    expect(
      await prisma.meetingInvitation.findUniqueOrThrow({
        where: { meetingId_email: { meetingId, email: "hugo@gamma.test" } },
      }),
    ).toMatchObject({ attended: true, name: "Hugo Gamma", companyId: w.contactOnly.id });
  });
});

// ---------------------------------------------------------------- reminders

describe("reminders to a company without an account", () => {
  const MESSAGE =
    "Bonjour, nous n'avons pas eu de vos nouvelles : déclarez vos actions pour l'inclusion.";

  test("invite the contact to create the account; the link creates it; a company with people is sent to declare", async () => {
    await sendReminders({
      clubId: w.club.id,
      sender: { id: w.animator.id, name: w.animator.name },
      membershipIds: [
        w.contactOnly.membershipId,
        (await prisma.clubMembership.findFirstOrThrow({ where: { companyId: w.withPeople.id } }))
          .id,
      ],
      message: MESSAGE,
    });
    const [toContact] = await mailsTo(CONTACT, "reminder");
    expect(toContact.text).toContain("Votre entreprise n'a pas encore de compte sur Engagés.");
    expect(toContact.text).toMatch(
      /Créer le compte de l'entreprise : http:\/\/localhost:3000\/invitation\/\S+/,
    );
    expect(toContact.text).not.toContain("/realisations/nouvelle");
    expect(toContact.text).toContain("/desabonnement/");
    const invitation = await prisma.invitation.findFirstOrThrow({
      where: { email: CONTACT, companyId: w.contactOnly.id },
    });
    expect(invitation).toMatchObject({
      role: "COMPANY",
      clubId: w.club.id,
      invitedById: w.animator.id,
      name: "Gaëlle Gamma",
      acceptedAt: null,
    });
    const audit = await prisma.auditLog.findFirstOrThrow({
      where: { entityType: "Invitation", entityId: invitation.id, action: "INVITE" },
    });
    expect(audit.actorId).toBe(w.animator.id);
    expect(JSON.parse(audit.after!)).toMatchObject({ via: "relance", email: CONTACT });

    // The contact (of the company with people) is sent to declare.
    const [toAlpha] = await mailsTo("accueil@alpha.test", "reminder");
    expect(toAlpha.text).toContain(
      `Déclarer une réalisation : http://localhost:3000/entreprise/${w.withPeople.id}/realisations/nouvelle`,
    );
    expect(await prisma.invitation.count({ where: { companyId: w.withPeople.id } })).toBe(0);

    // The link opens and creates the company's account, its first person.
    const token = /\/invitation\/(\S+)/.exec(toContact.text)![1];
    expect(await findOpenInvitation(token)).not.toBeNull();
    const userId = await acceptInvitation(token, {
      name: "Gaëlle Gamma",
      password: "un mot de passe solide 2026",
    });
    expect(
      await prisma.roleAssignment.count({
        where: { userId, role: "COMPANY", companyId: w.contactOnly.id },
      }),
    ).toBe(1);
  });

  test("a company that is not the club's own record gets no invitation, only whom to ask", async () => {
    await sendReminders({
      clubId: w.club.id,
      sender: { id: w.animator.id, name: w.animator.name },
      membershipIds: [w.foreignRecord.membershipId],
      message: MESSAGE,
    });
    const [mail] = await mailsTo("sigma@sigma.test", "reminder");
    expect(mail.text).toContain("demandez à l'animateur du club « Club de l'Audomarois »");
    expect(mail.text).not.toContain("/invitation/");
    expect(mail.text).not.toContain("/realisations/nouvelle");
    expect(await prisma.invitation.count({ where: { companyId: w.foreignRecord.id } })).toBe(0);
  });

  test("the quarterly campaign invites on the authority of the club's animator, logged as the scheduler's", async () => {
    const club = await insertClub(prisma, { name: "Club du Ternois", departementCode: "62" });
    const animator = await insertUser(prisma, { name: "Théo Ternois", email: "theo@ternois.test" });
    await grantRole(prisma, animator.id, { role: "ANIMATOR", clubId: club.id });
    const company = await insertCompany(prisma, { name: "Ternois Bois" });
    await addMembership(prisma, {
      companyId: company.id,
      clubId: club.id,
      contactEmail: "bois@ternois.test",
    });
    expect(await sendCampaign(club.id, "2031-Q1")).toBe(1);
    const [mail] = await mailsTo("bois@ternois.test", "reminder");
    expect(mail.text).toMatch(/Créer le compte de l'entreprise : \S+\/invitation\/\S+/);
    const invitation = await prisma.invitation.findFirstOrThrow({
      where: { companyId: company.id },
    });
    expect(invitation.invitedById).toBe(animator.id);
    const audit = await prisma.auditLog.findFirstOrThrow({
      where: { entityType: "Invitation", entityId: invitation.id },
    });
    expect(audit.actorId).toBeNull();
    expect(JSON.parse(audit.after!)).toMatchObject({ via: "relance trimestrielle 2031-Q1" });
    const token = /\/invitation\/(\S+)/.exec(mail.text)![1];
    expect(await findOpenInvitation(token)).not.toBeNull();

    // A club without an animator: the e-mail says whom to ask, no invitation.
    const orphan = await insertClub(prisma, { name: "Club sans animateur", departementCode: "62" });
    const lone = await insertCompany(prisma, { name: "Seule SARL" });
    await addMembership(prisma, {
      companyId: lone.id,
      clubId: orphan.id,
      contactEmail: "seule@sarl.test",
    });
    expect(await sendCampaign(orphan.id, "2031-Q1")).toBe(1);
    const [orphanMail] = await mailsTo("seule@sarl.test", "reminder");
    expect(orphanMail.text).toContain("demandez à l'animateur du club");
    expect(await prisma.invitation.count({ where: { companyId: lone.id } })).toBe(0);
  });
});
