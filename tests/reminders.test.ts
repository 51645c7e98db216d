// Reminders (relances) on a real SQLite database: who is proposed, the cap (a second reminder
// within Club.reminderCapDays is refused, naming the company and the date, and nothing is sent),
// opt-out and departures honoured, the signed unsubscribe link, the cap setting, and the
// quarterly campaign run by the scheduler — once per club and quarter, even when run twice or
// after a restart.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { beforeAll, describe, expect, test, vi } from "vitest";
import {
  addMembership,
  insertClub,
  insertCompany,
  insertRealisation,
  insertUser,
  grantRole,
} from "../prisma/factories";
import { ReminderError, listSilentMembers, sendReminders } from "~/models/reminders.server";
import {
  campaignQuarter,
  runReminderCampaigns,
  sendCampaign,
} from "~/models/reminder-campaign.server";
import { setReminderCap } from "~/models/reminder-settings.server";
import {
  optOutOfReminders,
  unsubscribeToken,
  verifyUnsubscribeToken,
} from "~/models/reminder-unsubscribe.server";
import {
  action as unsubscribeAction,
  loader as unsubscribeLoader,
} from "~/routes/desabonnement.$token";
import {
  action as remindersAction,
  loader as remindersLoader,
} from "~/routes/club.$clubId.relances";
import { prisma } from "~/utils/db.server";
import { zoneOfDepartement } from "~/utils/time/zones";
import { appRequest, sessionCookieFor } from "./utils/session";

const DAY = 24 * 3600_000;
const MESSAGE =
  "Bonjour, nous n'avons pas eu de vos nouvelles depuis un moment : déclarez vos actions !";

type RouteFn = (args: LoaderFunctionArgs) => Promise<unknown>;

async function call(
  fn: RouteFn,
  path: string,
  userId: string | null,
  params: Record<string, string>,
  form?: Record<string, string | string[]>,
) {
  const cookie = userId ? await sessionCookieFor(userId) : undefined;
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(form ?? {})) {
    for (const value of Array.isArray(v) ? v : [v]) body.append(k, value);
  }
  const request = appRequest(
    path,
    form
      ? {
          method: "POST",
          cookie,
          headers: { "Content-Type": "application/x-www-form-urlencoded" },
          body: body.toString(),
        }
      : { cookie },
  );
  let result: unknown;
  try {
    result = await fn({ request, params, context: {} });
  } catch (error) {
    result = error;
  }
  if (result instanceof Response) return { status: result.status, body: null as unknown };
  const withInit = result as { data?: unknown; init?: { status?: number } | null; type?: string };
  if (withInit && withInit.type === "DataWithResponseInit") {
    return { status: withInit.init?.status ?? 200, body: withInit.data };
  }
  return { status: 200, body: result };
}

type World = Awaited<ReturnType<typeof buildClub>>;

/** A club with one member of each kind, and its animator. */
async function buildClub(name: string, now = new Date(), departementCode = "62") {
  const club = await insertClub(prisma, { name, departementCode });
  const animator = await insertUser(prisma, { name: `Animateur ${name}` });
  await grantRole(prisma, animator.id, { role: "ANIMATOR", clubId: club.id });
  const member = async (
    label: string,
    options: {
      status?: "MEMBER" | "PROSPECT" | "LEFT";
      daysSinceDeclaration?: number;
      optOut?: boolean;
      email?: string | null;
    } = {},
  ) => {
    const company = await insertCompany(prisma, { name: `${label} (${name})` });
    const membership = await addMembership(prisma, {
      companyId: company.id,
      clubId: club.id,
      status: options.status ?? "MEMBER",
      remindersOptOut: options.optOut ?? false,
      contactName: `Contact ${label}`,
      contactEmail:
        options.email === undefined
          ? `${label.toLowerCase()}-${club.id}@exemple.test`
          : options.email,
    });
    if (options.daysSinceDeclaration !== undefined) {
      const at = new Date(now.getTime() - options.daysSinceDeclaration * DAY);
      await insertRealisation(prisma, {
        companyId: company.id,
        clubId: club.id,
        departementCode: "62",
        date: at,
        createdAt: at,
      });
    }
    return { company, membership };
  };
  return {
    club,
    animator,
    silent: await member("Silencieuse", { daysSinceDeclaration: 200 }),
    never: await member("Jamais"),
    active: await member("Active", { daysSinceDeclaration: 20 }),
    left: await member("Partie", { status: "LEFT", daysSinceDeclaration: 300 }),
    optedOut: await member("Desabonnee", { optOut: true, daysSinceDeclaration: 150 }),
    prospect: await member("Prospect", { status: "PROSPECT" }),
  };
}

const remindersOf = (clubId: string) => prisma.reminder.count({ where: { clubId } });
const outboxTo = (email: string) =>
  prisma.emailOutbox.findMany({ where: { to: email, template: "reminder" } });

describe("relances manuelles", () => {
  let w: World;
  beforeAll(async () => {
    w = await buildClub("Artois");
  });

  test("propose les membres silencieux seulement (ni actifs, ni partis, ni désabonnés, ni prospects)", async () => {
    const list = await listSilentMembers(w.club.id);
    expect(list.silent.map((m) => m.membershipId).sort()).toEqual(
      [w.silent.membership.id, w.never.membership.id].sort(),
    );
    expect(list.optedOut.map((m) => m.membershipId)).toEqual([w.optedOut.membership.id]);
    expect(list.capDays).toBe(30);
  });

  test("envoie la relance : ligne Reminder (qui, quel e-mail) et e-mail avec lien de désabonnement", async () => {
    const { sent } = await sendReminders({
      clubId: w.club.id,
      sender: { id: w.animator.id, name: w.animator.name },
      membershipIds: [w.silent.membership.id],
      message: MESSAGE,
    });
    expect(sent).toEqual([w.silent.company.name]);
    const reminder = await prisma.reminder.findFirstOrThrow({ where: { clubId: w.club.id } });
    expect(reminder).toMatchObject({
      companyId: w.silent.company.id,
      sentById: w.animator.id,
      campaignKey: null,
    });
    const [mail] = await outboxTo(w.silent.membership.contactEmail!);
    expect(reminder.emailId).toBe(mail.id);
    expect(mail.text).toContain(MESSAGE);
    expect(mail.text).toContain(`/desabonnement/${unsubscribeToken(w.silent.membership.id)}`);
    expect(mail.html).toContain(`/desabonnement/${unsubscribeToken(w.silent.membership.id)}`);
    expect(mail.text).toContain(`Message envoyé par ${w.animator.name}`);
  });

  test("une deuxième relance dans le délai est refusée, en nommant l'entreprise et la date ; rien n'est envoyé", async () => {
    const before = await remindersOf(w.club.id);
    const outbox = await prisma.emailOutbox.count();
    const error = await sendReminders({
      clubId: w.club.id,
      sender: { id: w.animator.id, name: w.animator.name },
      // With a member who could be reminded: all or nothing.
      membershipIds: [w.never.membership.id, w.silent.membership.id],
      message: MESSAGE,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReminderError);
    const today = new Intl.DateTimeFormat("fr-FR", {
      dateStyle: "long",
      timeZone: "Europe/Paris",
    }).format(new Date());
    expect((error as Error).message).toContain("Aucune relance n'a été envoyée.");
    expect((error as Error).message).toContain(
      `L'entreprise ${w.silent.company.name} a déjà été relancée le ${today}`,
    );
    expect((error as Error).message).toContain("une seule relance par période de 30 jours");
    expect(await remindersOf(w.club.id)).toBe(before);
    expect(await prisma.emailOutbox.count()).toBe(outbox);

    // Once the cap has passed, it may be reminded again.
    await sendReminders({
      clubId: w.club.id,
      sender: { id: w.animator.id, name: w.animator.name },
      membershipIds: [w.silent.membership.id],
      message: MESSAGE,
      now: new Date(Date.now() + 31 * DAY),
    });
    expect(await remindersOf(w.club.id)).toBe(before + 1);
  });

  test("jamais aux membres partis, désabonnés, ni aux prospects ; jamais hors du club", async () => {
    const other = await buildClub("Boulonnais");
    const outbox = await prisma.emailOutbox.count();
    const attempt = (membershipId: string) =>
      sendReminders({
        clubId: w.club.id,
        sender: { id: w.animator.id, name: w.animator.name },
        membershipIds: [membershipId],
        message: MESSAGE,
      }).then(
        () => {
          throw new Error("La relance aurait dû être refusée");
        },
        (e: unknown) => e as ReminderError,
      );
    expect((await attempt(w.left.membership.id)).message).toContain("a quitté le club");
    expect((await attempt(w.optedOut.membership.id)).message).toContain(
      "a demandé à ne plus recevoir de relances",
    );
    expect((await attempt(w.prospect.membership.id)).message).toContain("est un prospect");
    const foreign = await attempt(other.silent.membership.id);
    expect(foreign.message).toContain("n'est pas membre de ce club");
    expect(foreign.status).toBe(404);
    expect(await prisma.emailOutbox.count()).toBe(outbox);
    expect(await remindersOf(other.club.id)).toBe(0);
  });

  test("par la page : envoi, refus en français (400), 403 pour l'animateur d'un autre club", async () => {
    const w2 = await buildClub("Calaisis");
    const other = await buildClub("Flandre");
    const path = `/club/${w2.club.id}/relances`;
    const params = { clubId: w2.club.id };

    const page = await call(remindersLoader, path, w2.animator.id, params);
    expect(page.status).toBe(200);
    expect((await call(remindersLoader, path, other.animator.id, params)).status).toBe(403);

    const form = { intent: "send", membershipIds: [w2.never.membership.id], message: MESSAGE };
    expect((await call(remindersAction, path, other.animator.id, params, form)).status).toBe(403);
    expect(await remindersOf(w2.club.id)).toBe(0);

    const empty = await call(remindersAction, path, w2.animator.id, params, {
      intent: "send",
      message: MESSAGE,
    });
    expect(empty.status).toBe(400);
    expect(JSON.stringify(empty.body)).toContain("Cochez au moins un membre à relancer.");

    const ok = await call(remindersAction, path, w2.animator.id, params, form);
    expect(ok.status).toBe(302);
    expect(await remindersOf(w2.club.id)).toBe(1);
    const again = await call(remindersAction, path, w2.animator.id, params, form);
    expect(again.status).toBe(400);
    expect(JSON.stringify(again.body)).toContain(
      `L'entreprise ${w2.never.company.name} a déjà été relancée le`,
    );
    expect(await remindersOf(w2.club.id)).toBe(1);
    expect(await outboxTo(w2.never.membership.contactEmail!)).toHaveLength(1);

    const log = (await call(remindersLoader, path, w2.animator.id, params)).body as {
      log: { entries: Array<{ companyName: string; sentBy: string; emailStatus: string }> };
    };
    expect(log.log.entries).toEqual([
      expect.objectContaining({
        companyName: w2.never.company.name,
        sentBy: w2.animator.name,
        emailStatus: "PENDING",
      }),
    ]);
  });
});

describe("réglage du délai entre deux relances", () => {
  test("entre 7 et 365 jours, tracé avant/après", async () => {
    const w = await buildClub("Audomarois");
    await expect(setReminderCap(w.animator.id, w.club.id, 6)).rejects.toThrow("entre 7 et 365");
    await expect(setReminderCap(w.animator.id, w.club.id, 366)).rejects.toThrow("entre 7 et 365");
    expect(await setReminderCap(w.animator.id, w.club.id, 60)).toBe(30);
    const audit = await prisma.auditLog.findFirstOrThrow({
      where: { entityType: "Club", entityId: w.club.id },
    });
    expect([JSON.parse(audit.before!), JSON.parse(audit.after!), audit.actorId]).toEqual([
      { reminderCapDays: 30 },
      { reminderCapDays: 60 },
      w.animator.id,
    ]);
    const path = `/club/${w.club.id}/relances`;
    const bad = await call(
      remindersAction,
      path,
      w.animator.id,
      { clubId: w.club.id },
      {
        intent: "settings",
        reminderCapDays: "3",
      },
    );
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain("Au moins 7 jours.");
    const ok = await call(
      remindersAction,
      path,
      w.animator.id,
      { clubId: w.club.id },
      {
        intent: "settings",
        reminderCapDays: "14",
      },
    );
    expect(ok.status).toBe(302);
    expect(
      (await prisma.club.findUniqueOrThrow({ where: { id: w.club.id } })).reminderCapDays,
    ).toBe(14);
    // The cap now holds for 14 days.
    const now = new Date();
    const send = (at: Date) =>
      sendReminders({
        clubId: w.club.id,
        sender: { id: w.animator.id, name: w.animator.name },
        membershipIds: [w.never.membership.id],
        message: MESSAGE,
        now: at,
      });
    await send(now);
    await expect(send(new Date(now.getTime() + 13 * DAY))).rejects.toThrow("période de 14 jours");
    await send(new Date(now.getTime() + 15 * DAY));
  });
});

describe("désabonnement en un clic", () => {
  test("jeton signé : valable ; altéré ou d'une autre adhésion, refusé", async () => {
    const w = await buildClub("Montreuillois");
    const token = unsubscribeToken(w.silent.membership.id);
    expect(verifyUnsubscribeToken(token)).toBe(w.silent.membership.id);
    const [id, sig] = token.split(".");
    const flipped = sig[0] === "A" ? `B${sig.slice(1)}` : `A${sig.slice(1)}`;
    expect(verifyUnsubscribeToken(`${id}.${flipped}`)).toBeNull();
    expect(verifyUnsubscribeToken(`${w.never.membership.id}.${sig}`)).toBeNull();
    expect(verifyUnsubscribeToken(id)).toBeNull();
    expect(verifyUnsubscribeToken(`${token}.x`)).toBeNull();
    expect(await optOutOfReminders(`${id}.${flipped}`)).toBeNull();

    // The page: GET confirms only (no change), POST opts out; a bad token is a 404.
    const path = `/desabonnement/${token}`;
    const shown = await call(unsubscribeLoader, path, null, { token });
    expect(shown.body).toMatchObject({
      alreadyOptedOut: false,
      companyName: w.silent.company.name,
    });
    expect(
      (await prisma.clubMembership.findUniqueOrThrow({ where: { id: w.silent.membership.id } }))
        .remindersOptOut,
    ).toBe(false);
    const tampered = `${id}.${flipped}`;
    expect(
      (await call(unsubscribeLoader, `/desabonnement/${tampered}`, null, { token: tampered }))
        .status,
    ).toBe(404);
    expect(
      (await call(unsubscribeAction, `/desabonnement/${tampered}`, null, { token: tampered }, {}))
        .status,
    ).toBe(404);
    const done = await call(unsubscribeAction, path, null, { token }, {});
    expect(done.body).toMatchObject({ done: true, companyName: w.silent.company.name });
    expect(
      (await prisma.clubMembership.findUniqueOrThrow({ where: { id: w.silent.membership.id } }))
        .remindersOptOut,
    ).toBe(true);
    expect(
      await prisma.auditLog.count({ where: { entityId: w.silent.membership.id, actorId: null } }),
    ).toBe(1);

    // Opted out: no longer proposed, and refused.
    const list = await listSilentMembers(w.club.id);
    expect(list.silent.map((m) => m.membershipId)).toEqual([w.never.membership.id]);
    await expect(
      sendReminders({
        clubId: w.club.id,
        sender: { id: w.animator.id, name: w.animator.name },
        membershipIds: [w.silent.membership.id],
        message: MESSAGE,
      }),
    ).rejects.toThrow("a demandé à ne plus recevoir de relances");
  });
});

describe("relance trimestrielle automatique", () => {
  test("pendant les 7 premiers jours de chaque trimestre (heure de Paris)", () => {
    expect(campaignQuarter(new Date("2027-01-03T10:00:00Z"))).toBe("2027-Q1");
    expect(campaignQuarter(new Date("2027-01-07T23:30:00Z"))).toBeNull(); // 8 January in Paris (UTC+1)
    expect(campaignQuarter(new Date("2026-09-30T22:30:00Z"))).toBe("2026-Q4"); // 1 October in Paris
    expect(campaignQuarter(new Date("2026-04-07T12:00:00Z"))).toBe("2026-Q2");
    expect(campaignQuarter(new Date("2026-05-02T12:00:00Z"))).toBeNull();
    expect(campaignQuarter(new Date("2026-11-23T12:00:00Z"))).toBeNull();
  });

  test("dans le fuseau de chaque club : La Réunion commence le trimestre avant Paris, la Guadeloupe après", async () => {
    const reunion = zoneOfDepartement("974");
    const guadeloupe = zoneOfDepartement("971");
    // 31 March 2031, 21:00 UTC: 1 April 01:00 in Saint-Denis, still March in Paris.
    const evening = new Date("2031-03-31T21:00:00Z");
    expect(campaignQuarter(evening)).toBeNull();
    expect(campaignQuarter(evening, reunion)).toBe("2031-Q2");
    // 1 April 2031, 02:00 UTC: 04:00 in Paris, still 31 March (22:00) in Pointe-à-Pitre.
    const night = new Date("2031-04-01T02:00:00Z");
    expect(campaignQuarter(night)).toBe("2031-Q2");
    expect(campaignQuarter(night, guadeloupe)).toBeNull();

    const w = await buildClub("Saint-Denis", evening, "974");
    const ran = await runReminderCampaigns(evening);
    expect(ran.quarter).toBeNull(); // the Paris quarter has not begun…
    expect(await remindersOf(w.club.id)).toBe(2); // …the club of La Réunion's has.
  });

  test("une fois par club et par trimestre, même relancée deux fois ou après un redémarrage", async () => {
    const now = new Date("2027-01-04T09:00:00Z");
    const w = await buildClub("Ternois", now);
    // Reminded by hand 10 days ago: within the cap, the campaign leaves it alone.
    await sendReminders({
      clubId: w.club.id,
      sender: { id: w.animator.id, name: w.animator.name },
      membershipIds: [w.never.membership.id],
      message: MESSAGE,
      now: new Date(now.getTime() - 10 * DAY),
    });

    // Outside the window, nothing.
    expect(await runReminderCampaigns(new Date("2027-01-20T09:00:00Z"))).toMatchObject({
      quarter: null,
    });

    const first = await runReminderCampaigns(now);
    expect(first.quarter).toBe("2027-Q1");
    const campaign = await prisma.reminder.findMany({
      where: { clubId: w.club.id, campaignKey: "2027-Q1" },
    });
    expect(campaign.map((r) => r.companyId)).toEqual([w.silent.company.id]);
    expect(campaign[0].sentById).toBeNull();
    expect(campaign[0].emailId).not.toBeNull();
    const mails = await outboxTo(w.silent.membership.contactEmail!);
    expect(mails).toHaveLength(1);
    expect(mails[0].text).toContain("relance trimestrielle");
    expect(mails[0].text).toContain("/desabonnement/");
    // Never to the member who left, the one who opted out, the prospect or the active member.
    for (const m of [w.left, w.optedOut, w.prospect, w.active]) {
      expect(await outboxTo(m.membership.contactEmail!)).toHaveLength(0);
    }

    // Asked again (every 15 minutes), the same quarter: nothing more.
    const second = await runReminderCampaigns(new Date(now.getTime() + 15 * 60_000));
    expect(second.sent).toBe(0);
    expect(await remindersOf(w.club.id)).toBe(2);

    // A restart: fresh modules (no state in memory), the job registered again by the server.
    vi.resetModules();
    const jobs = await import("~/jobs.server");
    const scheduler = await import("~/utils/scheduler.server");
    jobs.registerJobs();
    await scheduler.runDueJobs(new Date(now.getTime() + 3 * DAY));
    expect(await remindersOf(w.club.id)).toBe(2);
    expect(await outboxTo(w.silent.membership.contactEmail!)).toHaveLength(1);
  });

  test("une campagne coupée par un arrêt reprend sans rien envoyer deux fois", async () => {
    const now = new Date("2027-04-02T09:00:00Z");
    const w = await buildClub("Arrageois", now);
    const key = `reminder-campaign:${w.club.id}:2027-Q2`;
    // The process died after the campaign's transaction committed, before its run was marked
    // finished: the run, claimed 40 minutes ago, is stale and is done again.
    const crashedAt = new Date(now.getTime() - 40 * 60_000);
    await prisma.jobRun.create({ data: { key, startedAt: crashedAt } });
    await sendCampaign(w.club.id, "2027-Q2", crashedAt);
    expect(await remindersOf(w.club.id)).toBe(2);

    const rerun = await runReminderCampaigns(now);
    expect(rerun.clubs).toBeGreaterThanOrEqual(1);
    const after = await prisma.reminder.findMany({ where: { clubId: w.club.id } });
    expect(after.map((r) => r.companyId).sort()).toEqual(
      [w.silent.company.id, w.never.company.id].sort(),
    );
    expect(await outboxTo(w.silent.membership.contactEmail!)).toHaveLength(1);
    expect(await outboxTo(w.never.membership.contactEmail!)).toHaveLength(1);
    expect((await prisma.jobRun.findUniqueOrThrow({ where: { key } })).finishedAt).not.toBeNull();
  });
});
