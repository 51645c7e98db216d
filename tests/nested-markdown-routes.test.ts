// Stored denial of service through deeply nested Markdown (issue 12, finding 2), on the real routes:
// texts that overflowed marked's stack are written straight into the database (as an older version,
// a script or a bug could have), and every page that shows them still answers 200, with the text
// shown as typed; hiding the bad comment works.
import { beforeAll, describe, expect, test } from "vitest";
import {
  addComment,
  addMembership,
  insertClub,
  insertCompany,
  insertMeeting,
  insertPractice,
  insertUser,
  grantRole,
} from "../prisma/factories";
import * as meetingPage from "~/routes/club.$clubId.reunions.$meetingId._index";
import * as minutesPage from "~/routes/club.$clubId.reunions.$meetingId.compte-rendu";
import * as meetingList from "~/routes/club.$clubId.reunions._index";
import * as practicePage from "~/routes/pratiques.$practiceId._index";
import * as feedPage from "~/routes/pratiques._index";
import { prisma } from "~/utils/db.server";
import { appRequest, sessionCookieFor } from "./utils/session";

const QUOTES = ">".repeat(3000) + " a"; // 3 KB
const LISTS = "1. ".repeat(1800) + "a"; // 5 KB
const EMPHASIS = "*a ".repeat(600) + "x" + " a*".repeat(60); // a 2,000-character comment
const MIXED = "> - ".repeat(1000) + "a";

type RouteFn = (args: {
  request: Request;
  params: Record<string, string>;
  context: object;
}) => Promise<unknown>;

/** Calls a loader or action as Remix does; the HTTP status it would answer. */
async function statusOf(
  fn: RouteFn,
  path: string,
  params: Record<string, string>,
  cookie: string,
  body?: URLSearchParams,
) {
  const request = appRequest(path, { cookie, ...(body ? { method: "POST", body } : {}) });
  try {
    const result = await fn({ request, params, context: {} });
    if (result instanceof Response) return result.status;
    const init = (result as { type?: string; init?: ResponseInit | null })?.init;
    return init?.status ?? 200;
  } catch (error) {
    if (error instanceof Response) return error.status;
    throw error;
  }
}

let clubId: string;
let practiceId: string;
let commentId: string;
let meetingId: string;
let animator: string;
let member: string;

beforeAll(async () => {
  const club = await insertClub(prisma, { name: "Club d'Arras", departementCode: "62" });
  const company = await insertCompany(prisma, {
    name: "Entreprise imbriquée",
    communeCode: "62041",
  });
  await addMembership(prisma, { companyId: company.id, clubId: club.id });
  const author = await insertUser(prisma, { name: "Autrice" });
  await grantRole(prisma, author.id, { role: "COMPANY", companyId: company.id });
  const anim = await insertUser(prisma, { name: "Animateur" });
  await grantRole(prisma, anim.id, { role: "ANIMATOR", clubId: club.id });
  const practice = await insertPractice(prisma, {
    companyId: company.id,
    clubId: club.id,
    authorId: author.id,
    visibility: "ALL",
    title: "Pratique piégée",
    body: QUOTES,
  });
  const comment = await addComment(prisma, {
    practiceId: practice.id,
    authorId: author.id,
    body: EMPHASIS,
  });
  await addComment(prisma, { practiceId: practice.id, authorId: author.id, body: LISTS });
  const meeting = await insertMeeting(prisma, {
    clubId: club.id,
    title: "Réunion piégée",
    place: "Arras",
    startsAt: new Date(Date.now() - 3600_000),
    agenda: LISTS,
    minutes: MIXED,
    minutesPublishedAt: new Date(),
    practiceIds: [practice.id],
  });
  clubId = club.id;
  practiceId = practice.id;
  commentId = comment.id;
  meetingId = meeting.id;
  animator = await sessionCookieFor(anim.id);
  member = await sessionCookieFor(author.id);
});

describe("pages showing deeply nested Markdown still answer", () => {
  test("the feed, for a member and for the animator", async () => {
    for (const cookie of [member, animator]) {
      expect(await statusOf(feedPage.loader as RouteFn, "/pratiques", {}, cookie)).toBe(200);
    }
  });

  test("the practice page, with its comments, shows the texts as typed", async () => {
    const result = (await practicePage.loader({
      request: appRequest(`/pratiques/${practiceId}`, { cookie: animator }),
      params: { practiceId },
      context: {},
    })) as { practice: { bodyHtml: string; comments: { bodyHtml: string }[] } };
    expect(result.practice.bodyHtml).toContain("&gt;&gt;&gt;");
    expect(result.practice.comments).toHaveLength(2);
    expect(result.practice.comments[1].bodyHtml).toContain("1. 1. 1.");
  });

  test("the animator hides the bad comment", async () => {
    const status = await statusOf(
      practicePage.action as RouteFn,
      `/pratiques/${practiceId}`,
      { practiceId },
      animator,
      new URLSearchParams({ intent: "hide-comment", commentId }),
    );
    expect(status).toBe(302);
    const comment = await prisma.comment.findUniqueOrThrow({ where: { id: commentId } });
    expect(comment.hiddenAt).not.toBeNull();
  });

  test("the meeting page, the meeting list and the minutes page", async () => {
    const params = { clubId, meetingId };
    const base = `/club/${clubId}/reunions`;
    expect(
      await statusOf(meetingPage.loader as RouteFn, `${base}/${meetingId}`, params, member),
    ).toBe(200);
    expect(await statusOf(meetingList.loader as RouteFn, base, { clubId }, member)).toBe(200);
    expect(
      await statusOf(
        minutesPage.loader as RouteFn,
        `${base}/${meetingId}/compte-rendu`,
        params,
        animator,
      ),
    ).toBe(200);
  });
});

describe("forms refuse such texts with a French error and write nothing", () => {
  test("a comment", async () => {
    const before = await prisma.comment.count({ where: { practiceId } });
    const result = (await practicePage.action({
      request: appRequest(`/pratiques/${practiceId}`, {
        cookie: member,
        method: "POST",
        body: new URLSearchParams({ intent: "comment", body: QUOTES.slice(0, 1900) }),
      }),
      params: { practiceId },
      context: {},
    })) as { init: ResponseInit; data: { error: string } };
    expect(result.init.status).toBe(400);
    expect(result.data.error).toMatch(/trop de niveaux/);
    expect(await prisma.comment.count({ where: { practiceId } })).toBe(before);
  });

  test("the minutes, which stay in the form", async () => {
    const result = (await minutesPage.action({
      request: appRequest(`/club/${clubId}/reunions/${meetingId}/compte-rendu`, {
        cookie: animator,
        method: "POST",
        body: new URLSearchParams({ intent: "save", minutes: QUOTES }),
      }),
      params: { clubId, meetingId },
      context: {},
    })) as { init: ResponseInit; data: { error: string; minutes: string | null } };
    expect(result.init.status).toBe(400);
    expect(result.data.error).toMatch(/trop de niveaux/);
    expect(result.data.minutes).toBe(QUOTES);
    const meeting = await prisma.meeting.findUniqueOrThrow({ where: { id: meetingId } });
    expect(meeting.minutes).toBe(MIXED);
  });
});
