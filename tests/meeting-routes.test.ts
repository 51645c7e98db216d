// The meeting pages' loaders and actions, called as Remix calls them (real Requests with a real
// session cookie): who may see and do what, and that a refusal writes nothing.
import { beforeAll, describe, expect, test } from "vitest";
import {
  addMembership,
  insertClub,
  insertCompany,
  insertMeeting,
  insertUser,
  grantRole,
} from "../prisma/factories";
import * as meetingPage from "~/routes/club.$clubId.reunions.$meetingId._index";
import * as minutesPage from "~/routes/club.$clubId.reunions.$meetingId.compte-rendu";
import * as invitationsPage from "~/routes/club.$clubId.reunions.$meetingId.invitations";
import * as editPage from "~/routes/club.$clubId.reunions.$meetingId.modifier";
import * as attendancePage from "~/routes/club.$clubId.reunions.$meetingId.presences";
import * as listPage from "~/routes/club.$clubId.reunions._index";
import * as newPage from "~/routes/club.$clubId.reunions.nouvelle";
import { ensureCalendarToken } from "~/models/meeting-calendar.server";
import { prisma } from "~/utils/db.server";
import { toLocalInput } from "~/utils/time/wall-clock";
import { appRequest, sessionCookieFor } from "./utils/session";

type RouteFn = (args: {
  request: Request;
  params: Record<string, string>;
  context: object;
}) => Promise<unknown>;

const HOUR = 3600_000;

let clubA: { id: string };
let clubB: { id: string };
let meetingA: { id: string; invitations: { id: string }[] };
const cookies: Record<string, string> = {};

beforeAll(async () => {
  clubA = await insertClub(prisma, { name: "Club du Pas-de-Calais", departementCode: "62" });
  clubB = await insertClub(prisma, { name: "Club du Nord", departementCode: "59" });
  const company = await insertCompany(prisma, { name: "Transports Test" });
  await addMembership(prisma, { companyId: company.id, clubId: clubA.id });
  const prospect = await insertCompany(prisma, { name: "Prospect Test" });
  await addMembership(prisma, { companyId: prospect.id, clubId: clubA.id, status: "PROSPECT" });

  const user = async (key: string, scope?: Parameters<typeof grantRole>[2]) => {
    const u = await insertUser(prisma, { email: `${key}@routes.test`, name: key });
    if (scope) await grantRole(prisma, u.id, scope);
    cookies[key] = await sessionCookieFor(u.id);
    return u;
  };
  await user("animatorA", { role: "ANIMATOR", clubId: clubA.id });
  await user("animatorB", { role: "ANIMATOR", clubId: clubB.id });
  const member = await user("memberA", { role: "COMPANY", companyId: company.id });
  await user("prospectA", { role: "COMPANY", companyId: prospect.id });
  await user("prefecture59", { role: "PREFECTURE", departementCode: "59" });

  // The calendar tokens exist (created on the first visit of a list): refusals must not change them.
  await ensureCalendarToken(clubA.id, null);
  await ensureCalendarToken(clubB.id, null);

  const now = Date.now();
  meetingA = await insertMeeting(prisma, {
    clubId: clubA.id,
    title: "Réunion du club A",
    startsAt: new Date(now - HOUR),
    endsAt: new Date(now + HOUR),
    place: "Arras",
    minutes: "## Secret du brouillon",
    invitations: [{ email: member.email, userId: member.id, companyId: company.id }],
  });
  await insertMeeting(prisma, {
    clubId: clubB.id,
    title: "Réunion du club B",
    startsAt: new Date(now + 5 * 24 * HOUR),
    place: "Lille",
  });
});

function form(fields: Record<string, string | string[]>) {
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) {
    for (const v of Array.isArray(value) ? value : [value]) body.append(key, v);
  }
  return body;
}

async function call(
  fn: RouteFn,
  who: string | null,
  path: string,
  params: Record<string, string>,
  body?: URLSearchParams,
) {
  const request = appRequest(path, {
    method: body ? "POST" : "GET",
    cookie: who ? cookies[who] : undefined,
    ...(body
      ? {
          headers: { "Content-Type": "application/x-www-form-urlencoded" },
          body: body.toString(),
        }
      : {}),
  });
  try {
    const result = await fn({ request, params, context: {} });
    if (result instanceof Response) return { status: result.status, result };
    const maybe = result as { type?: string; init?: ResponseInit | null };
    if (maybe?.type === "DataWithResponseInit")
      return { status: maybe.init?.status ?? 200, result };
    return { status: 200, result };
  } catch (error) {
    if (error instanceof Response) return { status: error.status, result: error };
    throw error;
  }
}

/** Every route of the meetings, with a harmless but valid-looking form for its action. */
function routes(clubId: string, meetingId: string) {
  const base = `/club/${clubId}/reunions`;
  const start = new Date(Date.now() + 7 * 24 * HOUR);
  const meetingForm = {
    intent: "save",
    title: "Réunion pirate",
    startsAt: toLocalInput(start),
    endsAt: toLocalInput(new Date(start.getTime() + HOUR)),
    place: "Ailleurs",
  };
  return [
    {
      name: "liste",
      mod: listPage,
      path: base,
      params: { clubId },
      forms: [{ intent: "rsvp", meetingId, answer: "YES" }, { intent: "regenerate-calendar" }],
      manage: false,
    },
    {
      name: "nouvelle",
      mod: newPage,
      path: `${base}/nouvelle`,
      params: { clubId },
      forms: [meetingForm],
      manage: true,
    },
    {
      name: "réunion",
      mod: meetingPage,
      path: `${base}/${meetingId}`,
      params: { clubId, meetingId },
      forms: [{ intent: "rsvp", answer: "NO" }],
      manage: false,
    },
    {
      name: "modifier",
      mod: editPage,
      path: `${base}/${meetingId}/modifier`,
      params: { clubId, meetingId },
      forms: [
        meetingForm,
        { intent: "practices", practiceIds: [] as string[] },
        { intent: "cancel", confirm: "on" },
      ],
      manage: true,
    },
    {
      name: "invitations",
      mod: invitationsPage,
      path: `${base}/${meetingId}/invitations`,
      params: { clubId, meetingId },
      forms: [{ intent: "all" }],
      manage: true,
    },
    {
      name: "présences",
      mod: attendancePage,
      path: `${base}/${meetingId}/presences`,
      params: { clubId, meetingId },
      forms: [{ attended: meetingA.invitations.map((i) => i.id) }],
      manage: true,
    },
    {
      name: "compte rendu",
      mod: minutesPage,
      path: `${base}/${meetingId}/compte-rendu`,
      params: { clubId, meetingId },
      forms: [{ intent: "publish", minutes: "Piraté" }],
      manage: true,
    },
  ] as const;
}

async function snapshot() {
  const [audits, outbox, invitations, meetings, clubs] = await Promise.all([
    prisma.auditLog.count(),
    prisma.emailOutbox.count(),
    prisma.meetingInvitation.findMany({ orderBy: { id: "asc" } }),
    prisma.meeting.findMany({ orderBy: { id: "asc" } }),
    prisma.club.findMany({ orderBy: { id: "asc" }, select: { id: true, calendarToken: true } }),
  ]);
  return JSON.stringify({ audits, outbox, invitations, meetings, clubs });
}

describe("refusals", () => {
  test("an animator of another club gets 403 on every loader and action of this club's meetings", async () => {
    const before = await snapshot();
    for (const route of routes(clubA.id, meetingA.id)) {
      const loaded = await call(route.mod.loader as RouteFn, "animatorB", route.path, route.params);
      expect(loaded.status, `loader ${route.name}`).toBe(403);
      for (const fields of route.forms) {
        const acted = await call(
          route.mod.action as RouteFn,
          "animatorB",
          route.path,
          route.params,
          form(fields),
        );
        expect(acted.status, `action ${route.name} ${JSON.stringify(fields)}`).toBe(403);
      }
    }
    // Prefecture staff of another département, and a prospect's person: refused too.
    for (const who of ["prefecture59", "prospectA"]) {
      for (const route of routes(clubA.id, meetingA.id)) {
        const loaded = await call(route.mod.loader as RouteFn, who, route.path, route.params);
        expect(loaded.status, `${who} loader ${route.name}`).toBe(403);
      }
    }
    expect(await snapshot()).toBe(before);
  });

  test("a meeting of club A under club B's address is not found, never A's data", async () => {
    const before = await snapshot();
    for (const route of routes(clubB.id, meetingA.id)) {
      if (!("meetingId" in route.params)) continue;
      const loaded = await call(route.mod.loader as RouteFn, "animatorB", route.path, route.params);
      expect(loaded.status, `loader ${route.name}`).toBe(404);
      for (const fields of route.forms) {
        const acted = await call(
          route.mod.action as RouteFn,
          "animatorB",
          route.path,
          route.params,
          form(fields),
        );
        expect(acted.status, `action ${route.name}`).toBe(404);
      }
    }
    // The list of club B does not show A's meeting.
    const list = await call(listPage.loader as RouteFn, "animatorB", `/club/${clubB.id}/reunions`, {
      clubId: clubB.id,
    });
    expect(JSON.stringify(list.result)).not.toContain("Réunion du club A");
    expect(JSON.stringify(list.result)).toContain("Réunion du club B");
    expect(await snapshot()).toBe(before);
  });

  test("a member reads the meetings but none of the animator's pages or actions", async () => {
    const before = await snapshot();
    for (const route of routes(clubA.id, meetingA.id)) {
      const loaded = await call(route.mod.loader as RouteFn, "memberA", route.path, route.params);
      expect(loaded.status, `loader ${route.name}`).toBe(route.manage ? 403 : 200);
      if (route.manage) {
        for (const fields of route.forms) {
          const acted = await call(
            route.mod.action as RouteFn,
            "memberA",
            route.path,
            route.params,
            form(fields),
          );
          expect(acted.status, `action ${route.name}`).toBe(403);
        }
      }
    }
    const regenerate = await call(
      listPage.action as RouteFn,
      "memberA",
      `/club/${clubA.id}/reunions`,
      { clubId: clubA.id },
      form({ intent: "regenerate-calendar" }),
    );
    expect(regenerate.status).toBe(403);
    // The unpublished draft and the list of people are the animator's.
    const page = await call(
      meetingPage.loader as RouteFn,
      "memberA",
      `/club/${clubA.id}/reunions/${meetingA.id}`,
      { clubId: clubA.id, meetingId: meetingA.id },
    );
    expect(JSON.stringify(page.result)).not.toContain("Secret du brouillon");
    expect((page.result as { invitees: unknown[] }).invitees).toEqual([]);
    expect(await snapshot()).toBe(before);
  });

  test("signed out: sent to the sign-in page", async () => {
    for (const route of routes(clubA.id, meetingA.id)) {
      const loaded = await call(route.mod.loader as RouteFn, null, route.path, route.params);
      expect(loaded.status, route.name).toBe(302);
      expect((loaded.result as Response).headers.get("Location")).toContain("/login");
    }
  });
});

describe("the animator's journey through the actions", () => {
  test("creates a meeting, invites, takes attendance and publishes minutes", async () => {
    const start = new Date(Date.now() - 30 * 60_000);
    const created = await call(
      newPage.action as RouteFn,
      "animatorA",
      `/club/${clubA.id}/reunions/nouvelle`,
      { clubId: clubA.id },
      form({
        intent: "save",
        title: "Réunion en cours",
        startsAt: toLocalInput(start),
        endsAt: toLocalInput(new Date(start.getTime() + 2 * HOUR)),
        place: "",
        videoUrl: "https://visio.exemple.fr/en-cours",
        agenda: "1. Point",
      }),
    );
    expect(created.status).toBe(302);
    const location = (created.result as Response).headers.get("Location")!;
    const meetingId = location.split("/").pop()!;
    const params = { clubId: clubA.id, meetingId };
    const meeting = await prisma.meeting.findUniqueOrThrow({ where: { id: meetingId } });
    expect(meeting).toMatchObject({ clubId: clubA.id, title: "Réunion en cours", place: "" });
    // Paris wall time → instant, to the minute.
    expect(Math.abs(meeting.startsAt.getTime() - start.getTime())).toBeLessThan(60_000);

    const bad = await call(
      newPage.action as RouteFn,
      "animatorA",
      `/club/${clubA.id}/reunions/nouvelle`,
      { clubId: clubA.id },
      form({ intent: "save", title: "", startsAt: "", endsAt: "", place: "" }),
    );
    expect(bad.status).toBe(400);

    const invited = await call(
      invitationsPage.action as RouteFn,
      "animatorA",
      `${location}/invitations`,
      params,
      form({ intent: "all" }),
    );
    expect(invited.status).toBe(302);
    const invitations = await prisma.meetingInvitation.findMany({ where: { meetingId } });
    expect(invitations.map((i) => i.email)).toEqual(["membera@routes.test"]);

    const attended = await call(
      attendancePage.action as RouteFn,
      "animatorA",
      `${location}/presences`,
      params,
      form({ attended: [invitations[0].id] }),
    );
    expect(attended.status).toBe(302);
    const published = await call(
      minutesPage.action as RouteFn,
      "animatorA",
      `${location}/compte-rendu`,
      params,
      form({ intent: "publish", minutes: "## Relevé de décisions\n\n<script>x</script>" }),
    );
    expect(published.status).toBe(302);

    const seen = await call(meetingPage.loader as RouteFn, "memberA", location, params);
    const body = seen.result as { meeting: { minutesHtml: string }; counts: { attended: number } };
    // The minutes sit under the page's h2 "Compte rendu": their top heading is an h3 (RGAA 9.1).
    expect(body.meeting.minutesHtml).toContain("<h3>Relevé de décisions</h3>");
    expect(body.meeting.minutesHtml).not.toContain("<script>");
    expect(body.counts.attended).toBe(1);

    // The member answers from the page.
    const answered = await call(
      meetingPage.action as RouteFn,
      "memberA",
      location,
      params,
      form({ intent: "rsvp", answer: "MAYBE" }),
    );
    expect(answered.status).toBe(302);
    expect(
      (await prisma.meetingInvitation.findUniqueOrThrow({ where: { id: invitations[0].id } })).rsvp,
    ).toBe("MAYBE");
  });
});
