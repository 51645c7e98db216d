// The good-practice feed on a real database: who reads, reacts, posts, edits and moderates
// (permissions.server.ts), what the feed lists and finds (FTS5), images trusted by their bytes,
// and the weekly digest and authors' news sent once per period.
import { beforeAll, describe, expect, test } from "vitest";
import {
  addKudos,
  addMembership,
  insertClub,
  insertCompany,
  insertPractice,
  insertUser,
  grantRole,
} from "../prisma/factories";
import { listFeed, parseFeedFilters } from "~/models/practice-feed.server";
import { ftsQuery } from "~/models/practice-search.server";
import {
  clubDigest,
  isoWeekOf,
  optOutOfDigest,
  sendAppreciationNews,
  sendWeeklyDigests,
  digestUnsubscribeUrl,
} from "~/models/practice-emails.server";
import { toggleKudos } from "~/models/practice.server";
import * as practicePage from "~/routes/pratiques.$practiceId._index";
import * as newPracticePage from "~/routes/pratiques.nouvelle";
import * as imageRoute from "~/routes/pratiques.$practiceId.images.$imageId";
import * as digestUnsubscribe from "~/routes/lettre.desabonnement.$token";
import { prisma } from "~/utils/db.server";
import { sniffImageType } from "~/utils/images.server";
import { can, loadCurrentUser, type CurrentUser } from "~/utils/permissions.server";
import { appRequest, sessionCookieFor, thrown } from "./utils/session";

const DAY = 24 * 3600_000;

type World = Awaited<ReturnType<typeof buildWorld>>;
let w: World;

async function buildWorld() {
  const arras = await insertClub(prisma, { name: "Club Arras", departementCode: "62" });
  const boulogne = await insertClub(prisma, { name: "Club Boulogne", departementCode: "62" });
  const lille = await insertClub(prisma, { name: "Club Lille", departementCode: "59" });
  const a = await insertCompany(prisma, { name: "Entreprise A", communeCode: "62041" });
  const a2 = await insertCompany(prisma, { name: "Entreprise A2", communeCode: "62041" });
  const b = await insertCompany(prisma, { name: "Entreprise B", communeCode: "62160" });
  const c = await insertCompany(prisma, { name: "Entreprise C", communeCode: "59350" });
  const prospect = await insertCompany(prisma, { name: "Prospect", communeCode: "62041" });
  await addMembership(prisma, { companyId: a.id, clubId: arras.id });
  await addMembership(prisma, { companyId: a2.id, clubId: arras.id });
  await addMembership(prisma, { companyId: b.id, clubId: boulogne.id });
  await addMembership(prisma, { companyId: c.id, clubId: lille.id });
  await addMembership(prisma, { companyId: prospect.id, clubId: arras.id, status: "PROSPECT" });

  const person = async (name: string, ...scopes: Parameters<typeof grantRole>[2][]) => {
    const user = await insertUser(prisma, { name });
    for (const scope of scopes) await grantRole(prisma, user.id, scope);
    return (await loadCurrentUser(user.id)) as CurrentUser;
  };
  const people = {
    authorA: await person("Autrice A", { role: "COMPANY", companyId: a.id }),
    colleagueA2: await person("Collègue A2", { role: "COMPANY", companyId: a2.id }),
    memberB: await person("Membre B (62, autre club)", { role: "COMPANY", companyId: b.id }),
    memberC: await person("Membre C (Nord)", { role: "COMPANY", companyId: c.id }),
    prospect: await person("Prospect", { role: "COMPANY", companyId: prospect.id }),
    animatorArras: await person("Animateur Arras", { role: "ANIMATOR", clubId: arras.id }),
    animatorLille: await person("Animatrice Lille", { role: "ANIMATOR", clubId: lille.id }),
    prefecture62: await person("Préfecture 62", { role: "PREFECTURE", departementCode: "62" }),
    prefecture59: await person("Préfecture 59", { role: "PREFECTURE", departementCode: "59" }),
    admin: await person("Admin", { role: "ADMIN" }),
    nobody: await person("Sans rôle"),
  };
  const practice = (visibility: "CLUB" | "DEPARTEMENT" | "ALL", title: string, body: string) =>
    insertPractice(prisma, {
      companyId: a.id,
      clubId: arras.id,
      authorId: people.authorA.id,
      visibility,
      title,
      body,
      tags: [{ kind: "PUBLIC", code: "SENIOR" }],
    });
  const clubOnly = await practice(
    "CLUB",
    "Tutorat des seniors",
    "Un tuteur senior pour chaque apprenti.",
  );
  const departement = await practice(
    "DEPARTEMENT",
    "Job dating au quartier",
    "Des rencontres dans les QPV.",
  );
  const everyone = await practice(
    "ALL",
    "Achats à l'ESAT",
    "Nos repas d'entreprise sont préparés par un ESAT.",
  );
  const hidden = await practice("ALL", "Pratique masquée", "Retirée par l'animateur du club.");
  await prisma.practice.update({ where: { id: hidden.id }, data: { hiddenAt: new Date() } });
  return { arras, boulogne, lille, a, b, c, ...people, clubOnly, departement, everyone, hidden };
}

beforeAll(async () => {
  w = await buildWorld();
});

const read = (user: CurrentUser, practiceId: string) =>
  can(user, { action: "practice:read", practiceId });

describe("who reads a practice", () => {
  test("a club-only practice: the club's members and animators, not other clubs", async () => {
    const id = w.clubOnly.id;
    expect(await read(w.authorA, id)).toBe(true);
    expect(await read(w.colleagueA2, id)).toBe(true);
    expect(await read(w.animatorArras, id)).toBe(true);
    expect(await read(w.admin, id)).toBe(true);
    // Refused: another club of the same département, the Nord, a prospect, the prefecture.
    expect(await read(w.memberB, id)).toBe(false);
    expect(await read(w.memberC, id)).toBe(false);
    expect(await read(w.animatorLille, id)).toBe(false);
    expect(await read(w.prospect, id)).toBe(false);
    expect(await read(w.prefecture62, id)).toBe(false);
    expect(await read(w.nobody, id)).toBe(false);
  });

  test("a département practice: the 62 clubs and prefecture, not Nord users", async () => {
    const id = w.departement.id;
    expect(await read(w.memberB, id)).toBe(true);
    expect(await read(w.prefecture62, id)).toBe(true);
    expect(await read(w.memberC, id)).toBe(false);
    expect(await read(w.animatorLille, id)).toBe(false);
    expect(await read(w.prefecture59, id)).toBe(false);
  });

  test("an 'everyone' practice: anyone with a role; hidden ones only its company and moderators", async () => {
    expect(await read(w.memberC, w.everyone.id)).toBe(true);
    expect(await read(w.prefecture59, w.everyone.id)).toBe(true);
    expect(await read(w.nobody, w.everyone.id)).toBe(false);
    expect(await read(w.memberC, w.hidden.id)).toBe(false);
    expect(await read(w.colleagueA2, w.hidden.id)).toBe(false);
    expect(await read(w.authorA, w.hidden.id)).toBe(true);
    expect(await read(w.animatorArras, w.hidden.id)).toBe(true);
  });
});

describe("who acts on practices", () => {
  test("react: company people and animators who read it; never prefecture or admin", async () => {
    const react = (user: CurrentUser, practiceId: string) =>
      can(user, { action: "practice:react", practiceId });
    expect(await react(w.colleagueA2, w.clubOnly.id)).toBe(true);
    expect(await react(w.animatorArras, w.clubOnly.id)).toBe(true);
    expect(await react(w.memberC, w.everyone.id)).toBe(true);
    expect(await react(w.memberB, w.clubOnly.id)).toBe(false);
    expect(await react(w.prefecture62, w.departement.id)).toBe(false);
    expect(await react(w.admin, w.everyone.id)).toBe(false);
  });

  test("write: a member company's people in its own club only", async () => {
    const write = (user: CurrentUser, companyId: string, clubId: string) =>
      can(user, { action: "practice:write", companyId, clubId });
    expect(await write(w.authorA, w.a.id, w.arras.id)).toBe(true);
    expect(await write(w.authorA, w.a.id, w.lille.id)).toBe(false);
    expect(await write(w.memberC, w.a.id, w.arras.id)).toBe(false);
    expect(await write(w.memberC, w.c.id, w.arras.id)).toBe(false);
    expect(await write(w.prospect, w.prospect.roles[0].companyId!, w.arras.id)).toBe(false);
    expect(await write(w.prefecture62, w.a.id, w.arras.id)).toBe(false);
    expect(await write(w.animatorArras, w.a.id, w.arras.id)).toBe(false);
    expect(await write(w.admin, w.a.id, w.arras.id)).toBe(false);
  });

  test("edit: the posting company's people only; moderate: the club's animators and admins", async () => {
    const edit = (user: CurrentUser) =>
      can(user, { action: "practice:edit", practiceId: w.clubOnly.id });
    expect(await edit(w.authorA)).toBe(true);
    expect(await edit(w.colleagueA2)).toBe(false);
    expect(await edit(w.animatorArras)).toBe(false);
    expect(await edit(w.prefecture62)).toBe(false);
    const moderate = (user: CurrentUser) =>
      can(user, { action: "club:moderate", clubId: w.arras.id });
    expect(await moderate(w.animatorArras)).toBe(true);
    expect(await moderate(w.admin)).toBe(true);
    expect(await moderate(w.animatorLille)).toBe(false);
    expect(await moderate(w.authorA)).toBe(false);
    expect(await moderate(w.prefecture62)).toBe(false);
  });

  test("a refused user gets a 404 from the page, its image and its actions, and nothing is written", async () => {
    const cookie = await sessionCookieFor(w.memberC.id);
    const params = { practiceId: w.clubOnly.id };
    const page = await thrown(() =>
      practicePage.loader({
        request: appRequest(`/pratiques/${w.clubOnly.id}`, { cookie }),
        params,
        context: {},
      }),
    );
    expect((page as Response).status).toBe(404);
    const kudos = await thrown(() =>
      practicePage.action({
        request: appRequest(`/pratiques/${w.clubOnly.id}`, {
          cookie,
          method: "POST",
          body: new URLSearchParams({ intent: "kudos" }),
        }),
        params,
        context: {},
      }),
    );
    expect((kudos as Response).status).toBe(404);
    expect(await prisma.kudos.count({ where: { practiceId: w.clubOnly.id } })).toBe(0);
    const image = await thrown(() =>
      imageRoute.loader({
        request: appRequest(`/pratiques/${w.clubOnly.id}/images/x`, { cookie }),
        params: { ...params, imageId: "x" },
        context: {},
      }),
    );
    expect((image as Response).status).toBe(404);
    // The prefecture reads a département practice but may not react to it: 403, nothing written.
    const prefectureCookie = await sessionCookieFor(w.prefecture62.id);
    const comment = await thrown(() =>
      practicePage.action({
        request: appRequest(`/pratiques/${w.departement.id}`, {
          cookie: prefectureCookie,
          method: "POST",
          body: new URLSearchParams({ intent: "comment", body: "Bravo" }),
        }),
        params: { practiceId: w.departement.id },
        context: {},
      }),
    );
    expect((comment as Response).status).toBe(403);
    expect(await prisma.comment.count({ where: { practiceId: w.departement.id } })).toBe(0);
  });
});

describe("deleting", () => {
  test("only the posting company's people delete a practice; others get 403 and nothing changes", async () => {
    const doomed = await insertPractice(prisma, {
      companyId: w.a.id,
      clubId: w.arras.id,
      authorId: w.authorA.id,
      visibility: "CLUB",
      title: "À supprimer",
    });
    const del = async (userId: string) =>
      practicePage.action({
        request: appRequest(`/pratiques/${doomed.id}`, {
          cookie: await sessionCookieFor(userId),
          method: "POST",
          body: new URLSearchParams({ intent: "delete" }),
        }),
        params: { practiceId: doomed.id },
        context: {},
      });
    for (const refused of [w.colleagueA2, w.animatorArras]) {
      expect(((await thrown(() => del(refused.id))) as Response).status).toBe(403);
    }
    expect(await prisma.practice.count({ where: { id: doomed.id } })).toBe(1);
    const done = (await del(w.authorA.id)) as Response;
    expect(done.status).toBe(302);
    expect(await prisma.practice.count({ where: { id: doomed.id } })).toBe(0);
    expect(
      await prisma.auditLog.count({
        where: { entityType: "Practice", entityId: doomed.id, action: "DELETE" },
      }),
    ).toBe(1);
  });
});

describe("the feed", () => {
  const filters = (query = "") => parseFeedFilters(new URL(`http://x/pratiques?${query}`));

  test("lists what the user may read, newest first", async () => {
    const titles = async (user: CurrentUser, query = "") =>
      (await listFeed(user, filters(query))).practices.map((p) => p.title);
    expect(await titles(w.memberC)).toEqual(["Achats à l'ESAT"]);
    expect((await titles(w.memberB)).sort()).toEqual(["Achats à l'ESAT", "Job dating au quartier"]);
    expect(await titles(w.colleagueA2)).toHaveLength(3);
    expect(await titles(w.authorA)).toHaveLength(4);
    // "Mes pratiques": the user's companies' own.
    expect(await titles(w.authorA, "mes=1")).toHaveLength(4);
    expect(await titles(w.colleagueA2, "mes=1")).toEqual([]);
  });

  test("searches the text (accents and case ignored, prefixes) and filters by tag", async () => {
    const search = async (user: CurrentUser, q: string) =>
      (await listFeed(user, filters(`q=${encodeURIComponent(q)}`))).practices.map((p) => p.title);
    expect(await search(w.colleagueA2, "TUTEUR")).toEqual(["Tutorat des seniors"]);
    expect(await search(w.colleagueA2, "esat repas")).toEqual(["Achats à l'ESAT"]);
    expect(await search(w.colleagueA2, "renc")).toEqual(["Job dating au quartier"]);
    // The Nord member does not find the club-only practice by its words.
    expect(await search(w.memberC, "tuteur")).toEqual([]);
    // FTS syntax typed by someone is taken as words, never as a query language.
    expect(ftsQuery('tuteur" OR body:*')).toBe('"tuteur"* AND "or"* AND "body"*');
    expect(await search(w.colleagueA2, 'tuteur" OR "esat')).toEqual([]);
    const bySenior = await listFeed(w.colleagueA2, filters("public=SENIOR"));
    expect(bySenior.total).toBe(3);
    expect((await listFeed(w.colleagueA2, filters("public=RSA"))).total).toBe(0);
  });

  test("kudos: one per person, undoable", async () => {
    expect(await toggleKudos(w.colleagueA2.id, w.everyone.id)).toBe(true);
    expect(await toggleKudos(w.colleagueA2.id, w.everyone.id)).toBe(false);
    expect(await toggleKudos(w.colleagueA2.id, w.everyone.id)).toBe(true);
    expect(await prisma.kudos.count({ where: { practiceId: w.everyone.id } })).toBe(1);
  });
});

describe("posting with images", () => {
  const PNG_HEAD = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  const post = async (image: File | null, alt = "Une photo de l'atelier") => {
    const form = new FormData();
    form.set("clubId", w.arras.id);
    form.set("title", "Une pratique avec image");
    form.set("body", "Ce que nous faisons, en quelques phrases, avec une image.");
    form.set("visibility", "CLUB");
    if (image) {
      form.set("image1", image);
      form.set("alt1", alt);
    }
    return newPracticePage.action({
      request: appRequest("/pratiques/nouvelle", {
        cookie: await sessionCookieFor(w.authorA.id),
        method: "POST",
        body: form,
      }),
      params: {},
      context: {},
    });
  };
  const count = () => prisma.practice.count({ where: { title: "Une pratique avec image" } });

  test("an image over 2 MB, a non-image, or one without description is refused; nothing written", async () => {
    const big = new Uint8Array(2 * 1024 * 1024 + 1);
    big.set(PNG_HEAD);
    for (const [file, alt] of [
      [new File([big], "grande.png", { type: "image/png" }), "Une grande image"],
      [new File(["<svg onload=alert(1)>"], "image.png", { type: "image/png" }), "Une image"],
      [new File([new Uint8Array([...PNG_HEAD, 0])], "ok.png", { type: "image/png" }), ""],
    ] as const) {
      const response = (await post(file, alt)) as { init: ResponseInit | null };
      expect(response.init?.status).toBe(400);
    }
    expect(await count()).toBe(0);
  });

  test("a JPEG declared as PNG is stored as what its bytes say", async () => {
    const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);
    const response = (await post(new File([jpeg], "photo.png", { type: "image/png" }))) as Response;
    expect(response.status).toBe(302);
    const image = await prisma.practiceImage.findFirstOrThrow({
      where: { practice: { title: "Une pratique avec image" } },
    });
    expect(image).toMatchObject({ mimeType: "image/jpeg", size: 7, alt: "Une photo de l'atelier" });
  });
});

describe("images", () => {
  test("are recognised by their magic bytes only", () => {
    expect(
      sniffImageType(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0])),
    ).toBe("image/png");
    expect(sniffImageType(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toBe("image/jpeg");
    expect(sniffImageType(new TextEncoder().encode("RIFF\0\0\0\0WEBPVP8 "))).toBe("image/webp");
    expect(sniffImageType(new TextEncoder().encode("<svg onload=alert(1)>"))).toBeNull();
    expect(sniffImageType(new TextEncoder().encode("GIF89a"))).toBeNull();
    expect(sniffImageType(new Uint8Array([]))).toBeNull();
  });
});

describe("e-mails of the feed", () => {
  test("ISO weeks in Paris time", () => {
    expect(isoWeekOf(new Date("2026-11-23T10:00:00Z")).key).toBe("2026-W48");
    // Sunday 23:30 UTC is already Monday in Paris.
    expect(isoWeekOf(new Date("2026-11-29T23:30:00Z")).key).toBe("2026-W49");
    expect(isoWeekOf(new Date("2027-01-01T12:00:00Z")).key).toBe("2026-W53");
    expect(isoWeekOf(new Date("2025-12-29T12:00:00Z")).key).toBe("2026-W01");
    // A club's digest follows its own week: Sunday 21:00 UTC is Monday 01:00 in La Réunion,
    // Sunday 17:00 in Guadeloupe.
    const sunday = new Date("2026-11-29T21:00:00Z");
    expect(isoWeekOf(sunday).key).toBe("2026-W48");
    expect(isoWeekOf(sunday, "Indian/Reunion").key).toBe("2026-W49");
    expect(isoWeekOf(new Date("2026-11-30T03:00:00Z"), "America/Guadeloupe").key).toBe("2026-W48");
  });

  test("the weekly digest goes once per club and week, to members not opted out", async () => {
    await prisma.practice.update({
      where: { id: w.clubOnly.id },
      data: { featuredAt: new Date(Date.now() - DAY) },
    });
    await addKudos(prisma, { practiceId: w.clubOnly.id, userId: w.animatorArras.id });
    await addKudos(prisma, { practiceId: w.clubOnly.id, userId: w.colleagueA2.id });
    const now = new Date(Date.now() + 1000);
    const digest = await clubDigest(w.arras.id, now);
    expect(digest?.featured.map((p) => p.title)).toEqual(["Tutorat des seniors"]);
    expect(digest?.appreciated[0]).toMatchObject({ title: "Tutorat des seniors", kudos: 2 });
    // A hidden practice never shows in the digest.
    expect(digest?.featured.concat(digest.appreciated).map((p) => p.title)).not.toContain(
      "Pratique masquée",
    );

    // The colleague opts out with the signed link.
    const token = digestUnsubscribeUrl(w.colleagueA2.id).split("/").pop()!;
    expect(await optOutOfDigest(`${token}x`)).toBeNull();
    expect(await optOutOfDigest(token)).toEqual({ email: w.colleagueA2.email });

    await sendWeeklyDigests(now);
    const week = isoWeekOf(now).key;
    const sent = await prisma.emailOutbox.findMany({
      where: {
        template: "practice-digest",
        dedupeKey: { startsWith: `practice-digest:${w.arras.id}:${week}:` },
      },
      select: { to: true, headers: true, text: true },
    });
    expect(sent.map((m) => m.to).sort()).toEqual([w.animatorArras.email, w.authorA.email].sort());
    expect(JSON.parse(sent[0].headers)).toMatchObject({
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    });
    expect(sent[0].text).toContain("Tutorat des seniors");
    const total = await prisma.emailOutbox.count();
    await sendWeeklyDigests(new Date(now.getTime() + 60_000));
    expect(await prisma.emailOutbox.count()).toBe(total);
  });

  test("authors get one batched message a day about the day before", async () => {
    const now = new Date("2030-03-12T10:00:00Z");
    const yesterday = new Date("2030-03-11T12:00:00Z");
    await prisma.kudos.deleteMany({ where: { practiceId: w.departement.id } });
    await addKudos(prisma, {
      practiceId: w.departement.id,
      userId: w.memberB.id,
      createdAt: yesterday,
    });
    await addKudos(prisma, {
      practiceId: w.everyone.id,
      userId: w.memberC.id,
      createdAt: yesterday,
    });
    // The author's own kudos is no news.
    await addKudos(prisma, {
      practiceId: w.clubOnly.id,
      userId: w.authorA.id,
      createdAt: yesterday,
    });
    const result = await sendAppreciationNews(now);
    expect(result.sent).toBe(1);
    const message = await prisma.emailOutbox.findFirstOrThrow({
      where: { template: "practice-appreciated", to: w.authorA.email },
      select: { text: true, headers: true },
    });
    expect(message.text).toContain("Job dating au quartier");
    expect(message.text).toContain("Achats à l'ESAT");
    expect(message.text).not.toContain("Tutorat des seniors");
    // The digest's one-click opt-out, in the body and in the RFC 8058 headers.
    const unsubscribe = digestUnsubscribeUrl(w.authorA.id);
    expect(message.text).toContain(unsubscribe);
    expect(JSON.parse(message.headers)).toEqual({
      "List-Unsubscribe": `<${unsubscribe}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    });
    expect((await sendAppreciationNews(new Date(now.getTime() + 3600_000))).sent).toBe(0);

    // An author who opted out hears nothing the next day.
    await prisma.user.update({ where: { id: w.authorA.id }, data: { digestOptOut: true } });
    await addKudos(prisma, {
      practiceId: w.everyone.id,
      userId: w.memberB.id,
      createdAt: new Date("2030-03-12T12:00:00Z"),
    });
    expect((await sendAppreciationNews(new Date("2030-03-13T10:00:00Z"))).sent).toBe(0);
    await prisma.user.update({ where: { id: w.authorA.id }, data: { digestOptOut: false } });
  });

  test("RFC 8058: the mail client's one-click POST unsubscribes without sign-in; a bad token, nothing", async () => {
    const token = digestUnsubscribeUrl(w.memberB.id).split("/").pop()!;
    const post = (t: string) =>
      digestUnsubscribe.action({
        request: appRequest(`/lettre/desabonnement/${t}`, {
          method: "POST",
          headers: { "Content-Type": "application/x-www-form-urlencoded" },
          body: "List-Unsubscribe=One-Click",
        }),
        params: { token: t },
        context: {},
      });
    const refused = await thrown(() => post(`${w.memberB.id}.forged`));
    expect((refused as Response).status).toBe(404);
    expect(
      (await prisma.user.findUniqueOrThrow({ where: { id: w.memberB.id } })).digestOptOut,
    ).toBe(false);
    expect(await post(token)).toEqual({ done: true });
    expect(
      (await prisma.user.findUniqueOrThrow({ where: { id: w.memberB.id } })).digestOptOut,
    ).toBe(true);
    // The reminders' opt-out (per membership) is untouched.
    expect(
      await prisma.clubMembership.count({ where: { companyId: w.b.id, remindersOptOut: true } }),
    ).toBe(0);
  });
});
