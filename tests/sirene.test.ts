// SIRENE register (issue 16 point 3, decision 028) against a local stand-in answering in the
// API's documented JSON (tests/utils/sirene-register.ts): the search and its checks, the cache
// and its expiry, the register down (500, 429, timeout, bad JSON) never blocking, the refresh
// job (pending searches, known companies, closed establishments flagged once to animators), and
// the animators' members page (search, choice prefilling the form, hostile input).
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import {
  addMembership,
  grantRole,
  insertClub,
  insertCompany,
  insertUser,
  randomSiret,
} from "../prisma/factories";
import { lookUpSirene, SIRENE_CACHE_MS, SIRENE_DOWN_NOTE } from "~/models/sirene-lookup.server";
import { refreshSirene, SIRENE_REFRESH_AFTER_MS } from "~/models/sirene-refresh.server";
import { parseSireneQuery } from "~/utils/sirene-query";
import { prisma } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { loader as membersLoader, action as membersAction } from "~/routes/club.$clubId.membres";
import { loader as profileLoader } from "~/routes/entreprise.$companyId.profil";
import { callAs } from "./utils/session";
import { DEMO_REGISTER, startTestRegister, type TestRegister } from "./utils/sirene-register";

const HEAD = "55208131700018";
const LENS = "55208131700026";
const LILLE = "55208131700034";
const FRESH = randomSiret();

/** A club, its animator (signed in by callAs) and its members page. */
async function clubWithAnimator(name: string, departementCode: string, email: string) {
  const club = await insertClub(prisma, { name, departementCode });
  const animator = await insertUser(prisma, { email, passwordHash: "x" });
  await grantRole(prisma, animator.id, { role: "ANIMATOR", clubId: club.id });
  return { club, animator, path: `/club/${club.id}/membres` };
}

let register: TestRegister;
beforeAll(async () => {
  register = await startTestRegister(structuredClone(DEMO_REGISTER));
  Object.assign(env, { SIRENE_API_URL: register.url, SIRENE_TIMEOUT_MS: 300 });
  register.slowMs = 1_000;
});
afterAll(() => register.close());
beforeEach(async () => {
  register.mode = "ok";
  register.queries.length = 0;
  await prisma.sireneLookup.deleteMany();
  await prisma.rateLimitHit.deleteMany();
});

describe("what is typed", () => {
  test("a SIRET, a SIREN or a name; bad numbers, short or huge searches refused in French", () => {
    expect(parseSireneQuery(" 552 081 317 00018 ")).toEqual({
      ok: true,
      kind: "siret",
      query: HEAD,
    });
    expect(parseSireneQuery("552081317")).toMatchObject({ kind: "siren" });
    expect(parseSireneQuery("  Ateliers   de l'Artois ")).toEqual({
      ok: true,
      kind: "name",
      query: "ateliers de l'artois",
    });
    expect(parseSireneQuery("55208131700019")).toMatchObject({
      ok: false,
      message: expect.stringMatching(/SIRET n'est pas valide/),
    });
    expect(parseSireneQuery("552081318")).toMatchObject({
      ok: false,
      message: expect.stringMatching(/SIREN/),
    });
    expect(parseSireneQuery("12345")).toMatchObject({ ok: false });
    expect(parseSireneQuery("ab")).toMatchObject({ ok: false });
    expect(parseSireneQuery("x".repeat(100_000))).toMatchObject({
      ok: false,
      message: expect.stringMatching(/80 caractères/),
    });
  });
});

describe("lookup and cache", () => {
  test("by SIRET: the establishment with its facts; a second search is answered from the cache", async () => {
    const now = new Date("2026-12-01T10:00:00Z");
    const first = await lookUpSirene(HEAD, "u1", now);
    expect(first).toMatchObject({ status: "found", query: HEAD });
    if (first.status !== "found") throw new Error();
    expect(first.establishments).toEqual([
      {
        siret: HEAD,
        siren: "552081317",
        legalName: "ATELIERS DE L'ARTOIS",
        nafCode: "25.62B",
        headcountBracket: "12",
        communeCode: "62041",
        postcode: "62000",
        communeName: "ARRAS",
        headOffice: true,
        closed: false,
      },
    ]);
    await lookUpSirene(HEAD, "u1", new Date(now.getTime() + 60_000));
    expect(register.queries).toEqual([HEAD]);
    // Expired: asked again.
    await lookUpSirene(HEAD, "u1", new Date(now.getTime() + SIRENE_CACHE_MS + 1));
    expect(register.queries).toEqual([HEAD, HEAD]);
  });

  test("by name: every establishment, the closed one flagged, the secondary ones not head office", async () => {
    const found = await lookUpSirene("ateliers artois".replace(" ", " de l'"), "u1");
    if (found.status !== "found") throw new Error(found.status);
    expect(found.establishments.map((e) => [e.siret, e.headOffice, e.closed])).toEqual([
      [HEAD, true, false],
      [LENS, false, false],
      [LILLE, false, true],
    ]);
  });

  test("an invalid search costs no call; injection strings are only text", async () => {
    expect(await lookUpSirene("55208131700019", "u1")).toMatchObject({ status: "invalid" });
    expect(register.queries).toEqual([]);
    const hostile = await lookUpSirene("'; DROP TABLE Company; -- <script>", "u1");
    expect(hostile).toMatchObject({ status: "found", establishments: [] });
    expect(await prisma.company.count()).toBeGreaterThanOrEqual(0);
  });

  for (const mode of ["error", "rate-limited", "slow", "garbage"] as const) {
    test(`register ${mode}: a French note, the query pending, the last answer kept`, async () => {
      const then = new Date("2026-11-01T10:00:00Z");
      await lookUpSirene(LENS, "u1", then);
      register.mode = mode;
      const later = new Date(then.getTime() + SIRENE_CACHE_MS + 1);
      const started = Date.now();
      const down = await lookUpSirene(LENS, "u1", later);
      expect(Date.now() - started).toBeLessThan(900);
      expect(down).toMatchObject({
        status: "unavailable",
        message: SIRENE_DOWN_NOTE,
        fetchedAt: then,
      });
      if (down.status !== "unavailable") throw new Error();
      expect(down.establishments.map((e) => e.siret)).toEqual([LENS]);
      const row = await prisma.sireneLookup.findUniqueOrThrow({ where: { query: LENS } });
      expect(row.pendingSince).toEqual(later);
      // Never answered before: nothing to show, still a note.
      expect(await lookUpSirene(HEAD, "u1", later)).toMatchObject({
        status: "unavailable",
        establishments: [],
        fetchedAt: null,
      });
    });
  }

  test("each person's calls are throttled; the cache answers everyone", async () => {
    const now = new Date("2026-12-01T10:00:00Z");
    for (let i = 0; i < 60; i++) {
      await prisma.rateLimitHit.create({
        data: { bucket: "sireneLookup", key: "greedy", at: now },
      });
    }
    expect(await lookUpSirene(HEAD, "greedy", now)).toMatchObject({ status: "unavailable" });
    expect(register.queries).toEqual([]);
    await lookUpSirene(HEAD, "other", now);
    expect(await lookUpSirene(HEAD, "greedy", now)).toMatchObject({ status: "found" });
  });
});

describe("refresh job", () => {
  test("pending searches asked again; known companies refreshed; a closed one flagged once", async () => {
    const { club, animator } = await clubWithAnimator(
      "Club de Lille",
      "59",
      "anim-lille@test.local",
    );
    const lille = await insertCompany(prisma, { siret: LILLE, name: "Ateliers — Lille" });
    await addMembership(prisma, { companyId: lille.id, clubId: club.id, status: "MEMBER" });
    const arras = await insertCompany(prisma, { siret: HEAD, name: "Ateliers — Arras" });
    await prisma.companySirene.deleteMany({
      where: { companyId: { notIn: [lille.id, arras.id] } },
    });
    // Everyone else checked recently: the run handles only these two.
    const now = new Date("2026-12-01T03:00:00Z");
    const others = await prisma.company.findMany({
      where: { id: { notIn: [lille.id, arras.id] } },
      select: { id: true },
    });
    await prisma.companySirene.createMany({
      data: others.map((c) => ({ companyId: c.id, found: false, fetchedAt: now })),
    });
    register.mode = "error";
    await lookUpSirene("ateliers de l'artois", "u1", now);
    register.mode = "ok";
    register.queries.length = 0;

    const run = await refreshSirene(now, { spacingMs: 0 });
    expect(run).toEqual({ pending: 1, companies: 2, closed: 1, stopped: false });
    expect(register.queries).toEqual(["ateliers de l'artois", LILLE, HEAD]);
    expect(await prisma.sireneLookup.count({ where: { pendingSince: { not: null } } })).toBe(0);
    const flagged = await prisma.companySirene.findUniqueOrThrow({
      where: { companyId: lille.id },
    });
    expect(flagged).toMatchObject({
      found: true,
      closed: true,
      headOffice: false,
      communeCode: "59350",
    });
    // The company's own fields are its people's: untouched.
    expect((await prisma.company.findUniqueOrThrow({ where: { id: lille.id } })).name).toBe(
      "Ateliers — Lille",
    );
    const mails = await prisma.emailOutbox.findMany({ where: { template: "sirene-closed" } });
    expect(mails.map((m) => [m.to, m.subject])).toEqual([
      [
        "anim-lille@test.local",
        "Établissement fermé selon le répertoire SIRENE : Ateliers — Lille",
      ],
    ]);
    const page = await callAs(membersLoader, `/club/${club.id}/membres`, animator.id, {
      clubId: club.id,
    });
    expect((page.body as { closed: { name: string }[] }).closed.map((c) => c.name)).toEqual([
      "Ateliers — Lille",
    ]);

    // A month later: refreshed again, not e-mailed again.
    const later = new Date(now.getTime() + SIRENE_REFRESH_AFTER_MS + 1);
    await prisma.companySirene.updateMany({
      where: { companyId: { in: others.map((c) => c.id) } },
      data: { fetchedAt: later },
    });
    expect(await refreshSirene(later, { spacingMs: 0 })).toMatchObject({ companies: 2, closed: 0 });
    expect(await prisma.emailOutbox.count({ where: { template: "sirene-closed" } })).toBe(1);

    // Register down: the run stops at once, nothing changed.
    register.mode = "rate-limited";
    await prisma.companySirene.deleteMany({ where: { companyId: arras.id } });
    expect(await refreshSirene(later, { spacingMs: 0 })).toMatchObject({
      companies: 0,
      stopped: true,
    });
    expect(await prisma.companySirene.count({ where: { companyId: arras.id } })).toBe(0);
  });
});

describe("the animators' members page", () => {
  test("search by SIRET, choose, the prospect form prefilled; the prospect keeps NAF and size", async () => {
    const { club, animator, path } = await clubWithAnimator(
      "Club d'Arras",
      "62",
      "anim-arras@test.local",
    );
    const listed = await callAs(membersLoader, `${path}?sirene=${LENS}`, animator.id, {
      clubId: club.id,
    });
    const view = (
      listed.body as { sirene: { choices: { name: string; facts: string; href: string }[] } }
    ).sirene;
    expect(view.choices).toEqual([
      {
        siret: LENS,
        name: "ATELIERS DE L'ARTOIS",
        facts:
          "SIRET 552 081 317 00026 · NAF 25.62B · 10 à 19 salariés · LENS (62300) · établissement secondaire",
        closed: false,
        href: `${path}?sirene=${LENS}&choix=${LENS}#prospect`,
      },
    ]);
    const chosen = await callAs(membersLoader, view.choices[0]!.href.split("#")[0]!, animator.id, {
      clubId: club.id,
    });
    const body = chosen.body as { prefill: Record<string, string>; sirene: { source: string } };
    expect(body.prefill).toEqual({
      siret: LENS,
      name: "ATELIERS DE L'ARTOIS",
      communeCode: "62498",
      nafCode: "25.62B",
      headcountBracket: "11",
    });
    expect(body.sirene.source).toMatch(/^Données SIRENE du \d\d\/\d\d\/\d{4}$/);
    const created = await callAs(
      membersAction,
      path,
      animator.id,
      { clubId: club.id },
      {
        intent: "create-prospect",
        ...body.prefill,
        name: "Ateliers de l'Artois — Lens",
        contactName: "Nadia Lefebvre",
        contactEmail: "nadia@ateliers.test",
      },
    );
    expect(created.status).toBe(302);
    const company = await prisma.company.findUniqueOrThrow({ where: { siret: LENS } });
    expect(company).toMatchObject({
      name: "Ateliers de l'Artois — Lens",
      nafCode: "25.62B",
      nafLabel: expect.any(String),
      headcountBracket: "11",
      communeCode: "62498",
    });
  });

  test("hostile searches: a French message, no call, no 500; a forged choice prefills nothing", async () => {
    const { club, animator, path } = await clubWithAnimator(
      "Club de Béthune",
      "62",
      "anim-bethune@test.local",
    );
    for (const q of ["12345678901234", "x".repeat(20_000), "%00%27%22<img src=x>"]) {
      const page = await callAs(
        membersLoader,
        `${path}?sirene=${encodeURIComponent(q)}&choix=${"9".repeat(40)}`,
        animator.id,
        { clubId: club.id },
      );
      expect(page.status).toBe(200);
      const body = page.body as {
        prefill: unknown;
        sirene: { error: string | null; query: string };
      };
      expect(body.prefill).toBeNull();
      expect(body.sirene.query.length).toBeLessThanOrEqual(80);
    }
    expect(register.queries).toEqual(["%00%27%22<img src=x>".toLowerCase()]);
    // Forged hidden codes are dropped, not stored.
    const created = await callAs(
      membersAction,
      path,
      animator.id,
      { clubId: club.id },
      {
        intent: "create-prospect",
        siret: FRESH,
        name: "Ateliers",
        nafCode: "'; DROP TABLE",
        headcountBracket: "99",
        contactName: "Nadia Lefebvre",
        contactEmail: "nadia2@ateliers.test",
      },
    );
    expect(created.status).toBe(302);
    expect(await prisma.company.findUniqueOrThrow({ where: { siret: FRESH } })).toMatchObject({
      nafCode: null,
      headcountBracket: null,
    });
  });
});

describe("the company profile", () => {
  test("its people search the register (their SIRET by default) and the form is prefilled", async () => {
    const company = await insertCompany(prisma, {
      siret: randomSiret(),
      name: "Ancien nom",
      nafCode: null,
      headcountBracket: null,
    });
    const leader = await insertUser(prisma, {
      email: "dirigeant-lens@test.local",
      passwordHash: "x",
    });
    await grantRole(prisma, leader.id, { role: "COMPANY", companyId: company.id });
    const path = `/entreprise/${company.id}/profil`;
    const page = await callAs(profileLoader, `${path}?sirene=${LENS}&choix=${LENS}`, leader.id, {
      companyId: company.id,
    });
    const body = page.body as {
      formCompany: {
        name: string;
        nafCode: string;
        headcountBracket: string;
        commune: { code: string };
      };
      sirene: { source: string };
    };
    expect(body.formCompany).toMatchObject({
      name: "ATELIERS DE L'ARTOIS",
      nafCode: "25.62B",
      headcountBracket: "11",
      commune: { code: "62498" },
    });
    expect(body.sirene.source).toMatch(/^Données SIRENE du /);
    // Nothing written until the form is sent.
    expect((await prisma.company.findUniqueOrThrow({ where: { id: company.id } })).name).toBe(
      "Ancien nom",
    );
  });

  test("readers who may not edit get no search", async () => {
    const company = await insertCompany(prisma, { siret: randomSiret() });
    const admin = await insertUser(prisma, { email: "admin-sirene@test.local", passwordHash: "x" });
    await grantRole(prisma, admin.id, { role: "ADMIN" });
    const page = await callAs(
      profileLoader,
      `/entreprise/${company.id}/profil?sirene=${LENS}`,
      admin.id,
      { companyId: company.id },
    );
    expect((page.body as { sirene: unknown }).sirene).toBeNull();
    expect(register.queries).toEqual([]);
  });
});
