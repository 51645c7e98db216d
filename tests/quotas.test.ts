// Quotas on the actions that reach other people with text the actor chooses (quotas.server.ts),
// through the real route actions: the last allowed use passes, the next one is refused (429, a
// French message on the form), nothing is written or e-mailed, and another person is unaffected.
// The uses before the limit are written straight into the tables the quotas count from.
import { randomUUID } from "node:crypto";
import type { ActionFunctionArgs } from "@remix-run/node";
import { beforeAll, describe, expect, test } from "vitest";
import {
  addMembership,
  insertClub,
  insertCompany,
  insertMeeting,
  insertPasserellePost,
  insertPractice,
  insertUser,
  grantRole,
} from "../prisma/factories";
import { action as meetingInvitationsAction } from "~/routes/club.$clubId.reunions.$meetingId.invitations";
import { action as teamAction } from "~/routes/entreprise.$companyId.equipe";
import { action as postAction } from "~/routes/entreprise.$companyId.passerelles.$postId";
import { action as practiceAction } from "~/routes/pratiques.$practiceId._index";
import { prisma } from "~/utils/db.server";
import { QUOTAS } from "~/utils/quotas.server";
import { appRequest, sessionCookieFor } from "./utils/session";

type World = Awaited<ReturnType<typeof buildWorld>>;
let w: World;

async function buildWorld() {
  const club = await insertClub(prisma, { name: "Club des quotas", departementCode: "62" });
  const company = async (name: string) => {
    const row = await insertCompany(prisma, { name, communeCode: "62498", nafCode: "25.11Z" });
    await addMembership(prisma, { companyId: row.id, clubId: club.id });
    return row;
  };
  const person = async (email: string, scope: Parameters<typeof grantRole>[2]) => {
    const user = await insertUser(prisma, { email, name: email.split("@")[0] });
    await grantRole(prisma, user.id, scope);
    return { ...user, cookie: await sessionCookieFor(user.id) };
  };
  const alpha = await company("Alpha");
  const beta = await company("Bêta");
  return {
    club,
    alpha,
    beta,
    alice: await person("alice@alpha.test", { role: "COMPANY", companyId: alpha.id }),
    bob: await person("bob@beta.test", { role: "COMPANY", companyId: beta.id }),
    animator: await person("anim@club.test", { role: "ANIMATOR", clubId: club.id }),
    coAnimator: await person("co-anim@club.test", { role: "ANIMATOR", clubId: club.id }),
  };
}

beforeAll(async () => {
  w = await buildWorld();
});

/** Calls a route action with a signed-in form post; its status and body text. */
async function post(
  action: (args: ActionFunctionArgs) => unknown,
  path: string,
  params: Record<string, string>,
  cookie: string,
  fields: Record<string, string | string[]>,
) {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(fields))
    for (const v of [value].flat()) body.append(name, v);
  let result: unknown;
  try {
    result = await action({
      request: appRequest(path, { method: "POST", cookie, body }),
      params,
      context: {},
    });
  } catch (thrown) {
    result = thrown;
  }
  if (result instanceof Response) return { status: result.status, body: await result.text() };
  const { data, init } = result as { data: unknown; init?: { status?: number } };
  return { status: init?.status ?? 200, body: JSON.stringify(data) };
}

const emails = () => prisma.emailOutbox.count();

describe("invitations", () => {
  const invite = (who: { cookie: string }, companyId: string, email: string) =>
    post(teamAction, `/entreprise/${companyId}/equipe`, { companyId }, who.cookie, {
      intent: "invite",
      email,
      name: "Une Personne",
    });
  const sent = (invitedById: string | null, email: (i: number) => string, count: number) =>
    prisma.invitation.createMany({
      data: Array.from({ length: count }, (_, i) => ({
        email: email(i),
        role: "COMPANY",
        companyId: w.beta.id,
        tokenHash: randomUUID(),
        invitedById,
        expiresAt: new Date(Date.now() + 86_400_000),
      })),
    });

  test(`one person sends at most ${QUOTAS.invitationsPerInviter.limit} a day; a colleague elsewhere is unaffected`, async () => {
    await sent(w.alice.id, (i) => `deja-${i}@exemple.test`, QUOTAS.invitationsPerInviter.limit - 1);
    expect((await invite(w.alice, w.alpha.id, "derniere@exemple.test")).status).toBe(302);

    const [invitations, outbox] = [await prisma.invitation.count(), await emails()];
    const refused = await invite(w.alice, w.alpha.id, "une-de-trop@exemple.test");
    expect(refused.status).toBe(429);
    expect(refused.body).toContain(QUOTAS.invitationsPerInviter.refusal(0));
    expect(await prisma.invitation.count()).toBe(invitations);
    expect(await emails()).toBe(outbox);

    expect((await invite(w.bob, w.beta.id, "collegue@beta.test")).status).toBe(302);
  });

  test(`one address receives at most ${QUOTAS.invitationsPerAddress.limit} a day, whoever sends them`, async () => {
    await sent(null, () => "cible@exemple.test", QUOTAS.invitationsPerAddress.limit - 1);
    expect((await invite(w.bob, w.beta.id, "cible@exemple.test")).status).toBe(302);

    const [invitations, outbox] = [await prisma.invitation.count(), await emails()];
    const refused = await invite(w.bob, w.beta.id, "Cible@Exemple.test");
    expect(refused.status).toBe(429);
    expect(refused.body).toContain(QUOTAS.invitationsPerAddress.refusal(0));
    expect(await prisma.invitation.count()).toBe(invitations);
    expect(await emails()).toBe(outbox);

    expect((await invite(w.bob, w.beta.id, "autre-adresse@beta.test")).status).toBe(302);
  });
});

describe("meeting invitations", () => {
  test(`an animator sends at most ${QUOTAS.meetingInvitationEmails.limit} a day; another animator is unaffected`, async () => {
    const meeting = await insertMeeting(prisma, { clubId: w.club.id });
    const path = `/club/${w.club.id}/reunions/${meeting.id}/invitations`;
    const params = { clubId: w.club.id, meetingId: meeting.id };
    const already = QUOTAS.meetingInvitationEmails.limit - 1;
    await prisma.auditLog.create({
      data: {
        actorId: w.animator.id,
        action: "INVITE",
        entityType: "Meeting",
        entityId: "une-autre-reunion",
        clubId: w.club.id,
        after: JSON.stringify({ invited: already }),
      },
    });

    // Two people (Alpha's and Bêta's) would pass the limit by one: nobody is invited.
    const outbox = await emails();
    const refused = await post(meetingInvitationsAction, path, params, w.animator.cookie, {
      intent: "all",
    });
    expect(refused.status).toBe(429);
    expect(refused.body).toContain(QUOTAS.meetingInvitationEmails.refusal(already));
    expect(await prisma.meetingInvitation.count({ where: { meetingId: meeting.id } })).toBe(0);
    expect(await emails()).toBe(outbox);

    // One person fits.
    const one = await post(meetingInvitationsAction, path, params, w.animator.cookie, {
      intent: "selection",
      companyIds: [w.alpha.id],
    });
    expect(one.status).toBe(302);
    expect(await emails()).toBe(outbox + 1);

    // The other animator of the club invites the rest.
    const other = await post(meetingInvitationsAction, path, params, w.coAnimator.cookie, {
      intent: "all",
    });
    expect(other.status).toBe(302);
    expect(await emails()).toBe(outbox + 2);
  });
});

describe("Passerelles contacts", () => {
  test(`one person makes at most ${QUOTAS.passerelleContacts.limit} a day; another is unaffected`, async () => {
    const postOf = (companyId: string, kind: "NEED" | "AVAILABILITY") =>
      insertPasserellePost(prisma, {
        companyId,
        kind,
        romeDomain: "H29",
        tradeLabel: "Soudeur",
        headcount: 1,
        startDate: new Date(Date.now() + 7 * 86_400_000),
        endDate: new Date(Date.now() + 30 * 86_400_000),
        communeCode: "62498",
      });
    const need = await postOf(w.alpha.id, "NEED");
    const offers = [];
    for (let i = 0; i < QUOTAS.passerelleContacts.limit + 2; i++)
      offers.push(await postOf(w.beta.id, "AVAILABILITY"));
    // Earlier contacts of Alice's, on other pairs of posts.
    await prisma.passerelleMatch.createMany({
      data: offers
        .slice(2, QUOTAS.passerelleContacts.limit + 1)
        .map((o) => ({ needPostId: need.id, offerPostId: o.id, contactedById: w.alice.id })),
    });
    const contact = (
      who: { cookie: string },
      companyId: string,
      postId: string,
      counterpartId: string,
    ) =>
      post(
        postAction,
        `/entreprise/${companyId}/passerelles/${postId}`,
        { companyId, postId },
        who.cookie,
        {
          intent: "contact",
          postId,
          counterpartId,
          message: "Bonjour, nous avons besoin d'un soudeur pour trois semaines.",
        },
      );

    expect((await contact(w.alice, w.alpha.id, need.id, offers[0].id)).status).toBe(302);
    const [matches, outbox] = [await prisma.passerelleMatch.count(), await emails()];
    const refused = await contact(w.alice, w.alpha.id, need.id, offers[1].id);
    expect(refused.status).toBe(429);
    expect(refused.body).toContain(QUOTAS.passerelleContacts.refusal(0));
    expect(await prisma.passerelleMatch.count()).toBe(matches);
    expect(await emails()).toBe(outbox);

    // Bob, from his availability, answers Alice's need.
    const bobs = await contact(w.bob, w.beta.id, offers[1].id, need.id);
    expect(bobs.status).toBe(302);
  });
});

describe("comments and reports", () => {
  let practiceId: string;
  const path = () => `/pratiques/${practiceId}`;
  const act = (who: { cookie: string }, fields: Record<string, string>) =>
    post(practiceAction, path(), { practiceId }, who.cookie, fields);

  beforeAll(async () => {
    const practice = await insertPractice(prisma, { companyId: w.beta.id, clubId: w.club.id });
    practiceId = practice.id;
  });

  test(`one person writes at most ${QUOTAS.comments.limit} comments an hour; another is unaffected`, async () => {
    await prisma.comment.createMany({
      data: Array.from({ length: QUOTAS.comments.limit - 1 }, () => ({
        practiceId,
        authorId: w.alice.id,
        body: "Bravo !",
      })),
    });
    expect((await act(w.alice, { intent: "comment", body: "Le dernier." })).status).toBe(302);
    const comments = await prisma.comment.count();
    const refused = await act(w.alice, { intent: "comment", body: "Un de trop." });
    expect(refused.status).toBe(429);
    expect(refused.body).toContain(QUOTAS.comments.refusal(0));
    expect(await prisma.comment.count()).toBe(comments);

    expect((await act(w.bob, { intent: "comment", body: "Merci à tous." })).status).toBe(302);
  });

  test(`one person makes at most ${QUOTAS.reports.limit} reports a day, and one open report per content`, async () => {
    await prisma.practiceReport.createMany({
      data: Array.from({ length: QUOTAS.reports.limit - 1 }, () => ({
        practiceId,
        reporterId: w.alice.id,
        reason: "Déjà traité",
        resolvedAt: new Date(),
      })),
    });
    const reason = "Ce texte est une publicité.";
    expect((await act(w.alice, { intent: "report", reason })).status).toBe(302);
    const comment = await prisma.comment.findFirstOrThrow({ where: { practiceId } });
    const reports = await prisma.practiceReport.count();
    const refused = await act(w.alice, { intent: "report", reason, commentId: comment.id });
    expect(refused.status).toBe(429);
    expect(refused.body).toContain(QUOTAS.reports.refusal(0));
    expect(await prisma.practiceReport.count()).toBe(reports);

    expect((await act(w.bob, { intent: "report", reason, commentId: comment.id })).status).toBe(
      302,
    );
    // The same content reported again by the same person, while the first report is open.
    const twice = await act(w.bob, { intent: "report", reason, commentId: comment.id });
    expect(twice.status).toBe(400);
    expect(twice.body).toContain("Vous avez déjà signalé ce contenu");
    expect(await prisma.practiceReport.count()).toBe(reports + 1);
  });
});
