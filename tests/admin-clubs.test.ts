// Clubs run by the national administration (issue 18, point 1): create, edit, close and reopen a
// club, invite its animator, through the real routes (real session cookies, real SQLite). Only
// admins may; bad input is a French 400 that writes nothing; every write is audited; a closed
// club takes no new members, meetings, reminders or invitations (decision 015).
import { beforeAll, describe, expect, test } from "vitest";
import {
  addMembership,
  insertClub,
  insertCommitment,
  insertCompany,
  insertUser,
  grantRole,
} from "../prisma/factories";
import * as clubPage from "~/routes/admin.clubs.$clubId";
import * as clubsPage from "~/routes/admin.clubs._index";
import { createProspect } from "~/models/club-prospects.server";
import { InvitationError, inviteUser } from "~/models/invitation.server";
import { createMeeting } from "~/models/meeting.server";
import { MeetingError } from "~/models/meeting-invitations.server";
import { ReminderError, sendReminders } from "~/models/reminders.server";
import { runReminderCampaigns } from "~/models/reminder-campaign.server";
import { MembershipError } from "~/models/club-members.server";
import { CLUB_CLOSED_MESSAGE } from "~/models/club-status.server";
import { loadCurrentUser } from "~/utils/permissions.server";
import { prisma } from "~/utils/db.server";
import { appRequest, routeOutcome, sessionCookieFor } from "./utils/session";

type RouteFn = Parameters<typeof routeOutcome>[0];

const cookies: Record<string, string> = {};
let adminId: string;
let otherClub: { id: string };

beforeAll(async () => {
  otherClub = await insertClub(prisma, { name: "Club existant", departementCode: "59" });
  const company = await insertCompany(prisma, { name: "Entreprise Test" });
  await addMembership(prisma, { companyId: company.id, clubId: otherClub.id });
  const user = async (key: string, scope?: Parameters<typeof grantRole>[2]) => {
    const u = await insertUser(prisma, { email: `${key}@clubs.test`, name: `Personne ${key}` });
    if (scope) await grantRole(prisma, u.id, scope);
    cookies[key] = await sessionCookieFor(u.id);
    return u;
  };
  adminId = (await user("admin", { role: "ADMIN" })).id;
  await user("company", { role: "COMPANY", companyId: company.id });
  await user("animator", { role: "ANIMATOR", clubId: otherClub.id });
  await user("prefecture", { role: "PREFECTURE", departementCode: "59" });
});

async function call(
  fn: RouteFn,
  who: string | null,
  path: string,
  params: Record<string, string>,
  fields?: Record<string, string>,
) {
  const request = appRequest(path, {
    method: fields ? "POST" : "GET",
    cookie: who ? cookies[who] : undefined,
    ...(fields
      ? {
          headers: { "Content-Type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams(fields).toString(),
        }
      : {}),
  });
  const outcome = await routeOutcome(fn, request, params);
  return { status: outcome.status, result: outcome.response ?? outcome.body };
}

/** The model's own error class, saying the club is closed (so its route answers a French 400). */
const closedRefusal = (ErrorClass: new (message: string) => Error) =>
  new ErrorClass(CLUB_CLOSED_MESSAGE);

const snapshot = async () => ({
  clubs: await prisma.club.findMany({ orderBy: { id: "asc" } }),
  audit: await prisma.auditLog.count(),
  invitations: await prisma.invitation.count(),
});

const create = (who: string | null, fields: Record<string, string>) =>
  call(clubsPage.action as RouteFn, who, "/admin/clubs", {}, fields);

describe("creating a club", () => {
  test("the admin creates a club of a département, audited, and is sent to its page", async () => {
    const { status, result } = await create("admin", {
      departementCode: "2A",
      name: "Club de Corse-du-Sud",
      description: "Les entreprises engagées d'Ajaccio.",
    });
    expect(status).toBe(302);
    const club = await prisma.club.findFirstOrThrow({ where: { name: "Club de Corse-du-Sud" } });
    expect(club.departementCode).toBe("2A");
    expect(club.closedAt).toBeNull();
    expect((result as Response).headers.get("Location")).toBe(`/admin/clubs/${club.id}`);
    const entry = await prisma.auditLog.findFirstOrThrow({
      where: { entityType: "Club", entityId: club.id },
    });
    expect(entry.action).toBe("CREATE");
    expect(entry.actorId).toBe(adminId);
    expect(JSON.parse(entry.after!)).toMatchObject({ name: "Club de Corse-du-Sud" });

    const list = await call(clubsPage.loader as RouteFn, "admin", "/admin/clubs", {});
    const rows = (list.result as Awaited<ReturnType<typeof clubsPage.loader>>).clubs;
    expect(rows.find((c) => c.id === club.id)).toMatchObject({
      departementName: "Corse-du-Sud",
      animators: [],
      memberCount: 0,
    });
    expect(rows.find((c) => c.id === otherClub.id)).toMatchObject({ memberCount: 1 });
  });

  test.each(["company", "animator", "prefecture"])(
    "%s is refused (403) and nothing is written",
    async (who) => {
      const before = await snapshot();
      const { status } = await create(who, { departementCode: "62", name: "Club pirate" });
      expect(status).toBe(403);
      expect(await snapshot()).toEqual(before);
      const page = await call(clubsPage.loader as RouteFn, who, "/admin/clubs", {});
      expect(page.status).toBe(403);
    },
  );

  test.each([
    [{ name: "Club sans département" }, "departementCode", "Choisissez le département du club."],
    [
      { departementCode: "00", name: "Club fantôme" },
      "departementCode",
      "Ce département n'existe pas.",
    ],
    [
      { departementCode: "984", name: "Club austral" },
      "departementCode",
      "Choisissez le département du club dans la liste.",
    ],
    [
      { departementCode: "62", name: "A" },
      "name",
      "Indiquez le nom du club (3 caractères au moins).",
    ],
    [
      { departementCode: "59", name: "Club existant" },
      "name",
      "Un club de ce département porte déjà ce nom.",
    ],
  ])("bad input %j is a French 400 that writes nothing", async (fields, field, message) => {
    const before = await snapshot();
    const { status, result } = await create("admin", fields as Record<string, string>);
    expect(status).toBe(400);
    const reply = (result as { result: { error: Record<string, string[]> } }).result;
    expect(reply.error[field]).toEqual([message]);
    expect(await snapshot()).toEqual(before);
  });
});

describe("editing, closing and reopening a club", () => {
  test("renaming is audited with before and after; the département is fixed once declarations exist", async () => {
    const club = await insertClub(prisma, { name: "Club à renommer", departementCode: "80" });
    const company = await insertCompany(prisma, { name: "Déclarante" });
    await addMembership(prisma, { companyId: company.id, clubId: club.id });
    const path = `/admin/clubs/${club.id}`;
    const renamed = await call(
      clubPage.action as RouteFn,
      "admin",
      path,
      { clubId: club.id },
      {
        intent: "save",
        departementCode: "80",
        name: "Club de la Somme",
        description: "",
      },
    );
    expect(renamed.status).toBe(302);
    const update = await prisma.auditLog.findFirstOrThrow({
      where: { entityType: "Club", entityId: club.id, action: "UPDATE" },
    });
    expect(JSON.parse(update.before!)).toEqual({ name: "Club à renommer" });
    expect(JSON.parse(update.after!)).toEqual({ name: "Club de la Somme" });

    await insertCommitment(prisma, { companyId: company.id, clubId: club.id });
    const before = await snapshot();
    const moved = await call(
      clubPage.action as RouteFn,
      "admin",
      path,
      { clubId: club.id },
      {
        intent: "save",
        departementCode: "02",
        name: "Club de la Somme",
      },
    );
    expect(moved.status).toBe(400);
    expect(JSON.stringify(moved.result)).toContain("son département ne peut plus changer");
    expect(await snapshot()).toEqual(before);
  });

  test("non-admins cannot edit, close or invite (403), nothing written", async () => {
    const path = `/admin/clubs/${otherClub.id}`;
    for (const who of ["company", "animator", "prefecture"]) {
      const before = await snapshot();
      for (const fields of [
        { intent: "save", departementCode: "59", name: "Club détourné" },
        { intent: "close", confirm: "oui" },
        { intent: "invite", email: "pirate@clubs.test", name: "Pirate Test" },
      ] as Record<string, string>[]) {
        const { status } = await call(
          clubPage.action as RouteFn,
          who,
          path,
          { clubId: otherClub.id },
          fields,
        );
        expect(status).toBe(403);
      }
      expect(await snapshot()).toEqual(before);
    }
  });

  test("closing needs the confirmation box; a closed club keeps its history but takes nothing new", async () => {
    const club = await insertClub(prisma, { name: "Club qui ferme", departementCode: "62" });
    const member = await insertCompany(prisma, { name: "Membre fidèle" });
    await addMembership(prisma, {
      companyId: member.id,
      clubId: club.id,
      contactEmail: "contact@fidele.test",
    });
    const commitment = await insertCommitment(prisma, { companyId: member.id, clubId: club.id });
    const admin = (await loadCurrentUser(adminId))!;
    await inviteUser(admin, {
      email: "futur-animateur@clubs.test",
      name: "Futur Animateur",
      role: "ANIMATOR",
      clubId: club.id,
    });
    const path = `/admin/clubs/${club.id}`;
    const params = { clubId: club.id };

    const before = await snapshot();
    const unconfirmed = await call(clubPage.action as RouteFn, "admin", path, params, {
      intent: "close",
    });
    expect(unconfirmed.status).toBe(400);
    expect(JSON.stringify(unconfirmed.result)).toContain("Cochez la case pour confirmer");
    expect(await snapshot()).toEqual(before);

    const closed = await call(clubPage.action as RouteFn, "admin", path, params, {
      intent: "close",
      confirm: "oui",
    });
    expect(closed.status).toBe(302);
    expect(
      (await prisma.club.findUniqueOrThrow({ where: { id: club.id } })).closedAt,
    ).not.toBeNull();
    // History stays: the commitment and the membership are untouched.
    expect(await prisma.commitment.count({ where: { id: commitment.id } })).toBe(1);
    expect(
      await prisma.clubMembership.count({ where: { clubId: club.id, status: "MEMBER" } }),
    ).toBe(1);
    // The pending animator invitation is withdrawn, and the close is audited.
    expect(await prisma.invitation.count({ where: { clubId: club.id, revokedAt: null } })).toBe(0);
    const close = await prisma.auditLog.findFirstOrThrow({
      where: { entityType: "Club", entityId: club.id, action: "CLOSE_CLUB" },
    });
    expect(close.actorId).toBe(adminId);

    // Nothing new: members, meetings, reminders, invitations.
    await expect(
      createProspect(adminId, club.id, {
        siret: "73282932000074",
        name: "Nouvelle Entreprise",
        contactName: "Jean Test",
        contactEmail: "jean@nouvelle.test",
      } as never),
    ).rejects.toThrow(closedRefusal(MembershipError));
    const start = new Date(Date.now() + 7 * 24 * 3600_000);
    await expect(
      createMeeting(admin, club.id, {
        title: "Réunion impossible",
        startsAt: start.toISOString().slice(0, 16),
        endsAt: new Date(start.getTime() + 3600_000).toISOString().slice(0, 16),
        place: "Arras",
      } as never),
    ).rejects.toThrow(closedRefusal(MeetingError));
    const membership = await prisma.clubMembership.findFirstOrThrow({ where: { clubId: club.id } });
    await expect(
      sendReminders({
        clubId: club.id,
        sender: { id: adminId, name: "Admin" },
        membershipIds: [membership.id],
        message: "Pensez à déclarer vos actions.",
      }),
    ).rejects.toThrow(closedRefusal(ReminderError));
    await expect(
      inviteUser(admin, {
        email: "encore@clubs.test",
        name: "Encore Test",
        role: "ANIMATOR",
        clubId: club.id,
      }),
    ).rejects.toThrow(closedRefusal(InvitationError));
    const invite = await call(clubPage.action as RouteFn, "admin", path, params, {
      intent: "invite",
      email: "encore@clubs.test",
      name: "Encore Test",
    });
    expect(invite.status).toBe(400);
    expect(JSON.stringify(invite.result)).toContain("Ce club est fermé");
    // The quarterly campaign skips it (first day of a quarter).
    const campaign = await runReminderCampaigns(new Date(Date.UTC(2031, 0, 2, 9)));
    expect(await prisma.reminder.count({ where: { clubId: club.id } })).toBe(0);
    expect(campaign.quarter).not.toBeNull();

    const reopened = await call(clubPage.action as RouteFn, "admin", path, params, {
      intent: "reopen",
    });
    expect(reopened.status).toBe(302);
    expect((await prisma.club.findUniqueOrThrow({ where: { id: club.id } })).closedAt).toBeNull();
    const actions = await prisma.auditLog.findMany({
      where: { entityType: "Club", entityId: club.id },
      select: { action: true },
    });
    expect(actions.map((a) => a.action).sort()).toEqual(["CLOSE_CLUB", "REOPEN_CLUB"]);
  });
});

describe("inviting a club's animator", () => {
  test("the admin invites from the club's page: an ANIMATOR invitation of that club, e-mailed and audited", async () => {
    const club = await insertClub(prisma, { name: "Club à animer", departementCode: "33" });
    const { status } = await call(
      clubPage.action as RouteFn,
      "admin",
      `/admin/clubs/${club.id}`,
      { clubId: club.id },
      { intent: "invite", email: "Animatrice@Gironde.test", name: "Anne Animatrice" },
    );
    expect(status).toBe(302);
    const invitation = await prisma.invitation.findFirstOrThrow({ where: { clubId: club.id } });
    expect(invitation).toMatchObject({ role: "ANIMATOR", email: "animatrice@gironde.test" });
    expect(await prisma.emailOutbox.count({ where: { to: "animatrice@gironde.test" } })).toBe(1);
    expect(
      await prisma.auditLog.count({ where: { entityType: "Invitation", entityId: invitation.id } }),
    ).toBe(1);
  });

  test("an unknown club is a 404", async () => {
    const { status } = await call(clubPage.loader as RouteFn, "admin", "/admin/clubs/nope", {
      clubId: "nope",
    });
    expect(status).toBe(404);
  });
});
