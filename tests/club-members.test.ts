// The animator's club space (club home, members and prospects, club figures and their export)
// on a real SQLite database: prospect entry with SIRET validation and reuse, invitations,
// membership changes audited with before/after, leaving that keeps past figures, scoping to the
// animator's own club, and figures equal to an independent SQL computation.
import ExcelJS from "exceljs";
import { parseWithZod } from "@conform-to/zod/v4";
import { beforeAll, describe, expect, test } from "vitest";
import {
  addMembership,
  insertClub,
  insertCommitment,
  insertCompany,
  insertRealisation,
  insertUser,
  grantRole,
} from "../prisma/factories";
import { withLuhnCheckDigit } from "~/utils/siret";
import { MembershipError, markAsLeft, markAsMember } from "~/models/club-members.server";
import { createProspect, prospectSchema } from "~/models/club-prospects.server";
import { listClubMemberships } from "~/models/club-member-lists.server";
import {
  buildClubFiguresWorkbook,
  filterAndSortMembers,
  getClubFigures,
  listMembersAtAGlance,
  membersAtAGlancePage,
  parseMemberQuery,
} from "~/models/club.server";
import { parseFigurePeriod } from "~/models/figures-period.server";
import { yearPeriod } from "~/models/figures.server";
import { keyFigures } from "~/models/figures-key.server";
import { nafSection } from "~/models/figures-breakdowns.server";
import { loader as homeLoader } from "~/routes/club.$clubId._index";
import { loader as figuresLoader } from "~/routes/club.$clubId.chiffres";
import { loader as xlsxLoader } from "~/routes/club.$clubId.chiffres[.]xlsx";
import { action as membersAction, loader as membersLoader } from "~/routes/club.$clubId.membres";
import { prisma } from "~/utils/db.server";
import { readFlash } from "~/utils/session.server";
import { appRequest, callAs, cookieFrom } from "./utils/session";
import { straightSql } from "./utils/straight-sql";

const DAY = 24 * 3600_000;
const NOW = new Date();
const LAST_YEAR = NOW.getUTCFullYear() - 1;
const siret = (prefix13: string) => withLuhnCheckDigit(prefix13);

let clubId: string;
let otherClubId: string;
let animatorId: string;
let otherAnimatorId: string;
let adminId: string;

beforeAll(async () => {
  const club = await insertClub(prisma, { name: "Club de l'Artois", departementCode: "62" });
  const other = await insertClub(prisma, { name: "Club de Lille", departementCode: "59" });
  clubId = club.id;
  otherClubId = other.id;
  const animator = await insertUser(prisma, { name: "Julie Animatrice" });
  await grantRole(prisma, animator.id, { role: "ANIMATOR", clubId });
  const otherAnimator = await insertUser(prisma, { name: "Sophie Nord" });
  await grantRole(prisma, otherAnimator.id, { role: "ANIMATOR", clubId: otherClubId });
  const admin = await insertUser(prisma, { name: "Admin" });
  await grantRole(prisma, admin.id, { role: "ADMIN" });
  animatorId = animator.id;
  otherAnimatorId = otherAnimator.id;
  adminId = admin.id;
});

const call = callAs;

const auditCount = () => prisma.auditLog.count();

describe("saisie d'un prospect", () => {
  test("le SIRET est contrôlé (14 chiffres, clé de Luhn) et normalisé", () => {
    const parse = (fields: Record<string, string>) => {
      const formData = new FormData();
      for (const [k, v] of Object.entries(fields)) formData.append(k, v);
      const submission = parseWithZod(formData, { schema: prospectSchema });
      return submission.status === "success"
        ? { status: submission.status, value: submission.value, error: null }
        : { status: submission.status, value: null, error: submission.error };
    };
    const base = { name: "Boulangerie Test", contactName: "Anne Test", contactEmail: "a@b.test" };
    const good = siret("4123456700001");
    const ok = parse({
      ...base,
      siret: `${good.slice(0, 3)} ${good.slice(3, 9)} ${good.slice(9)}`,
    });
    expect(ok.status).toBe("success");
    expect(ok.value?.siret).toBe(good);
    const badKey = `${good.slice(0, 13)}${(Number(good[13]) + 1) % 10}`;
    const wrong = parse({ ...base, siret: badKey });
    expect(wrong.status).toBe("error");
    expect(wrong.error?.siret?.[0]).toMatch(/^Ce numéro SIRET n'est pas valide/);
    const short = parse({ ...base, siret: "1234" });
    expect(short.error?.siret?.[0]).toBe("Le SIRET compte exactement 14 chiffres.");
    const noContact = parse({ siret: good, name: "X Y", contactEmail: "pas-une-adresse" });
    expect(noContact.error?.contactEmail?.[0]).toMatch(/adresse e-mail valide/);
    expect(noContact.error?.contactName?.[0]).toBeTruthy();
  });

  test("crée l'entreprise et l'adhésion PROSPECT ensemble, avec leurs traces", async () => {
    const value = {
      siret: siret("5234567800001"),
      name: "Garage des Remparts",
      communeCode: "62041",
      contactName: "Marc Garage",
      contactEmail: "Marc@Garage.test",
      invite: false,
    };
    const created = await createProspect(animatorId, clubId, value);
    expect(created.kind).toBe("created");
    const membership = await prisma.clubMembership.findUniqueOrThrow({
      where: { id: created.membershipId! },
      include: { company: true },
    });
    expect(membership).toMatchObject({
      clubId,
      status: "PROSPECT",
      contactName: "Marc Garage",
      contactEmail: "marc@garage.test",
      joinedAt: null,
    });
    expect(membership.company).toMatchObject({
      siret: value.siret,
      siren: value.siret.slice(0, 9),
      name: "Garage des Remparts",
      communeCode: "62041",
    });
    const audits = await prisma.auditLog.findMany({
      where: { companyId: created.companyId },
      orderBy: { createdAt: "asc" },
    });
    expect(audits.map((a) => [a.entityType, a.action, a.actorId])).toEqual([
      ["Company", "CREATE", animatorId],
      ["ClubMembership", "CREATE", animatorId],
    ]);
    expect(JSON.parse(audits[1].after!)).toMatchObject({ status: "PROSPECT" });
  });

  test("une entreprise déjà inscrite (même SIRET) reçoit une demande d'adhésion, sans accès ni modification", async () => {
    const existing = await insertCompany(prisma, {
      name: "Laiterie Existante",
      communeCode: "62498",
    });
    const leader = await insertUser(prisma, { name: "Léa Lait" });
    await grantRole(prisma, leader.id, { role: "COMPANY", companyId: existing.id });
    const companiesBefore = await prisma.company.count();
    const value = {
      siret: existing.siret,
      name: "Autre nom saisi",
      contactName: "Pierre Pirate",
      contactEmail: "pierre@pirate.test",
      invite: false,
    };
    const created = await createProspect(animatorId, clubId, value);
    expect(created).toMatchObject({ kind: "join-request", companyId: existing.id });
    expect(await prisma.company.count()).toBe(companiesBefore);
    expect((await prisma.company.findUniqueOrThrow({ where: { id: existing.id } })).name).toBe(
      "Laiterie Existante",
    );
    // No membership: a pending request, e-mailed to the company's own people, audited.
    expect(await prisma.clubMembership.count({ where: { companyId: existing.id } })).toBe(0);
    const request = await prisma.joinRequest.findFirstOrThrow({
      where: { companyId: existing.id, clubId },
    });
    expect(request).toMatchObject({ status: "PENDING", requestedById: animatorId });
    const mail = await prisma.emailOutbox.findFirstOrThrow({
      where: { template: "join-request", to: leader.email },
    });
    expect(mail.text).toContain("Club de l'Artois");
    expect(await prisma.emailOutbox.count({ where: { to: "pierre@pirate.test" } })).toBe(0);
    expect(
      await prisma.auditLog.count({
        where: { entityType: "JoinRequest", entityId: request.id, action: "JOIN_REQUEST" },
      }),
    ).toBe(1);
    // Asked again while pending: refused, nothing written.
    const audits = await auditCount();
    await expect(createProspect(animatorId, clubId, value)).rejects.toThrow(
      "une demande d'adhésion lui a déjà été envoyée",
    );
    expect(await auditCount()).toBe(audits);
  });

  test("la page dit à l'animateur qu'une demande d'adhésion est partie", async () => {
    const existing = await insertCompany(prisma, { name: "Verrerie Connue" });
    const result = await call(
      membersAction,
      `/club/${clubId}/membres`,
      animatorId,
      { clubId },
      {
        intent: "create-prospect",
        siret: existing.siret,
        name: "Verrerie Connue",
        contactName: "Jean Verre",
        contactEmail: "jean@verre.test",
        invite: "on",
      },
    );
    expect(result.status).toBe(302);
    const { flash } = await readFlash(appRequest("/", { cookie: cookieFrom(result.response!) }));
    expect(flash).toMatchObject({ kind: "info" });
    expect(flash?.message).toMatch(
      /^Cette entreprise est déjà inscrite : une demande d'adhésion lui a été envoyée\./,
    );
    expect(await prisma.invitation.count({ where: { companyId: existing.id } })).toBe(0);
  });

  test("refuse une commune inconnue, sans rien écrire", async () => {
    const companies = await prisma.company.count();
    const error = await createProspect(animatorId, clubId, {
      siret: siret("6234567800001"),
      name: "Nulle Part",
      communeCode: "99999",
      contactName: "Jean Personne",
      contactEmail: "jean@nulle.test",
      invite: false,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MembershipError);
    expect((error as MembershipError).field).toBe("communeCode");
    expect(await prisma.company.count()).toBe(companies);
  });

  test("par la page : ajout et invitation par e-mail, erreurs en français (400), 403 ailleurs", async () => {
    const path = `/club/${clubId}/membres`;
    const value = siret("7234567800001");
    const bad = await call(
      membersAction,
      path,
      animatorId,
      { clubId },
      {
        intent: "create-prospect",
        siret: "12345678901234",
        name: "Hôtel du Port",
        contactName: "Paul Port",
        contactEmail: "paul@hotel-port.test",
      },
    );
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain("Ce numéro SIRET n'est pas valide");

    const refused = await call(
      membersAction,
      path,
      otherAnimatorId,
      { clubId },
      {
        intent: "create-prospect",
        siret: value,
        name: "Hôtel du Port",
        contactName: "Paul Port",
        contactEmail: "paul@hotel-port.test",
        invite: "on",
      },
    );
    expect(refused.status).toBe(403);
    expect(await prisma.company.count({ where: { siret: value } })).toBe(0);

    const ok = await call(
      membersAction,
      path,
      animatorId,
      { clubId },
      {
        intent: "create-prospect",
        siret: value,
        name: "Hôtel du Port",
        contactName: "Paul Port",
        contactEmail: "paul@hotel-port.test",
        invite: "on",
      },
    );
    expect(ok.status).toBe(302);
    const company = await prisma.company.findUniqueOrThrow({ where: { siret: value } });
    const invitation = await prisma.invitation.findFirstOrThrow({
      where: { companyId: company.id, role: "COMPANY" },
    });
    expect(invitation).toMatchObject({
      email: "paul@hotel-port.test",
      clubId,
      invitedById: animatorId,
    });
    const mail = await prisma.emailOutbox.findFirstOrThrow({
      where: { to: "paul@hotel-port.test", template: "invitation" },
    });
    expect(mail.text).toContain("/invitation/");

    const page = await call(membersLoader, path, animatorId, { clubId });
    const prospects = (page.body as Awaited<ReturnType<typeof listClubMemberships>>).prospects;
    const row = prospects.find((p) => p.company.id === company.id)!;
    expect(row.invitedAt).not.toBeNull();
    expect(row.acceptedAt).toBeNull();
    expect(row.accountCreatedAt).toBeNull();
    expect(row.firstDeclarationAt).toBeNull();
  });
});

describe("adhésion et départ", () => {
  test("un prospect devient membre, puis part : leftAt posé, traces avant/après", async () => {
    const company = await insertCompany(prisma, { name: "Imprimerie Nouvelle" });
    const m = await addMembership(prisma, { companyId: company.id, clubId, status: "PROSPECT" });
    await markAsMember(animatorId, clubId, m.id);
    const member = await prisma.clubMembership.findUniqueOrThrow({ where: { id: m.id } });
    expect(member.status).toBe("MEMBER");
    expect(member.joinedAt).not.toBeNull();
    await expect(markAsMember(animatorId, clubId, m.id)).rejects.toThrow("n'est pas un prospect");
    await markAsLeft(animatorId, clubId, m.id);
    const left = await prisma.clubMembership.findUniqueOrThrow({ where: { id: m.id } });
    expect(left.status).toBe("LEFT");
    expect(left.leftAt).not.toBeNull();
    const audits = await prisma.auditLog.findMany({
      where: { entityType: "ClubMembership", entityId: m.id },
      orderBy: { createdAt: "asc" },
    });
    expect(audits.map((a) => [JSON.parse(a.before!).status, JSON.parse(a.after!).status])).toEqual([
      ["PROSPECT", "MEMBER"],
      ["MEMBER", "LEFT"],
    ]);
    expect(audits.every((a) => a.actorId === animatorId && a.clubId === clubId)).toBe(true);
  });

  test("partir garde les réalisations passées dans les chiffres du club", async () => {
    const company = await insertCompany(prisma, { name: "Chocolaterie Partante" });
    const m = await addMembership(prisma, { companyId: company.id, clubId });
    for (const month of [1, 4, 7]) {
      await insertRealisation(prisma, {
        companyId: company.id,
        clubId,
        departementCode: "62",
        date: new Date(Date.UTC(LAST_YEAR, month, 10, 12)),
        actionTypeCode: "HIRE",
        quantity: 2,
      });
    }
    const period = yearPeriod(LAST_YEAR);
    const before = await keyFigures({ clubId }, period);
    await markAsLeft(animatorId, clubId, m.id);
    const after = await keyFigures({ clubId }, period);
    expect(after).toEqual(before);
    expect(await prisma.realisation.count({ where: { companyId: company.id, clubId } })).toBe(3);
    expect(await prisma.clubMembership.count({ where: { id: m.id } })).toBe(1);
  });

  test("un identifiant d'un autre club est refusé (404), rien n'est écrit", async () => {
    const foreign = await insertCompany(prisma, { name: "Entreprise du Nord" });
    const m = await addMembership(prisma, { companyId: foreign.id, clubId: otherClubId });
    const audits = await auditCount();
    for (const intent of ["mark-left", "mark-member", "invite"]) {
      const result = await call(
        membersAction,
        `/club/${clubId}/membres`,
        animatorId,
        { clubId },
        { intent, membershipId: m.id },
      );
      expect(result.status, intent).toBe(404);
      expect(JSON.stringify(result.body)).toContain("n'est pas dans ce club");
    }
    expect((await prisma.clubMembership.findUniqueOrThrow({ where: { id: m.id } })).status).toBe(
      "MEMBER",
    );
    expect(await auditCount()).toBe(audits);
    expect(await prisma.invitation.count({ where: { companyId: foreign.id } })).toBe(0);
    // And the other club's animator may not act on this club at all.
    const own = await addMembership(prisma, {
      companyId: (await insertCompany(prisma)).id,
      clubId,
    });
    const forbidden = await call(
      membersAction,
      `/club/${clubId}/membres`,
      otherAnimatorId,
      { clubId },
      { intent: "mark-left", membershipId: own.id },
    );
    expect(forbidden.status).toBe(403);
    expect(await auditCount()).toBe(audits);
  });
});

describe("accueil du club : membres en un coup d'œil", () => {
  let home: string;
  beforeAll(async () => {
    const club = await insertClub(prisma, { name: "Club du Boulonnais", departementCode: "62" });
    home = club.id;
    const year = NOW.getUTCFullYear();
    const make = async (name: string, status: "MEMBER" | "PROSPECT" | "LEFT", daysAgo?: number) => {
      const company = await insertCompany(prisma, { name });
      await addMembership(prisma, { companyId: company.id, clubId: home, status });
      if (daysAgo !== undefined) {
        await insertRealisation(prisma, {
          companyId: company.id,
          clubId: home,
          departementCode: "62",
          date: new Date(NOW.getTime() - daysAgo * DAY),
          createdAt: new Date(NOW.getTime() - daysAgo * DAY),
          actionTypeCode: "IMMERSION",
          quantity: 1,
        });
      }
      return company;
    };
    const active = await make("Ateliers Actifs", "MEMBER", 10);
    await make("Bureau Silencieux", "MEMBER", 200);
    await make("Cabinet Jamais", "MEMBER");
    await make("Domaine Prospect", "PROSPECT");
    await make("Épicerie Partie", "LEFT", 300);
    // Progress: one commitment at 50 %, one over its target (capped at 100 %) → 75 %.
    const c1 = await insertCommitment(prisma, {
      companyId: active.id,
      clubId: home,
      departementCode: "62",
      year,
      actionTypeCode: "HIRE",
      targetQuantity: 4,
    });
    const c2 = await insertCommitment(prisma, {
      companyId: active.id,
      clubId: home,
      departementCode: "62",
      year,
      actionTypeCode: "INCLUSIVE_PURCHASE",
      targetQuantity: 1000,
    });
    await insertCommitment(prisma, {
      companyId: active.id,
      clubId: home,
      departementCode: "62",
      year,
      targetQuantity: 10,
      status: "ABANDONED",
    });
    await insertRealisation(prisma, {
      companyId: active.id,
      clubId: home,
      departementCode: "62",
      commitmentId: c1.id,
      date: new Date(Date.UTC(year, 0, 15, 12)),
      quantity: 2,
    });
    await insertRealisation(prisma, {
      companyId: active.id,
      clubId: home,
      departementCode: "62",
      commitmentId: c2.id,
      date: new Date(Date.UTC(year, 0, 16, 12)),
      actionTypeCode: "INCLUSIVE_PURCHASE",
      quantity: 1500,
      unit: "EUROS",
    });
  });

  test("état, engagements, dernière déclaration et progression", async () => {
    const members = await listMembersAtAGlance(home, NOW.getUTCFullYear(), NOW);
    const byName = Object.fromEntries(members.map((m) => [m.company.name, m]));
    expect(byName["Ateliers Actifs"]).toMatchObject({
      activity: "ACTIVE",
      commitments: 3,
      commitmentsWithTarget: 2,
      progress: 75,
    });
    expect(byName["Bureau Silencieux"]).toMatchObject({ activity: "SILENT", progress: null });
    expect(byName["Cabinet Jamais"]).toMatchObject({ activity: "SILENT", lastDeclaration: null });
    expect(byName["Domaine Prospect"].activity).toBe("PROSPECT");
    expect(byName["Épicerie Partie"].activity).toBe("LEFT");
  });

  test("tri et filtres par l'URL (sans JavaScript)", async () => {
    const members = await listMembersAtAGlance(home, NOW.getUTCFullYear(), NOW);
    const names = (search: string) =>
      filterAndSortMembers(members, parseMemberQuery(new URL(`http://x/?${search}`), NOW)).map(
        (m) => m.company.name,
      );
    expect(names("etat=silencieux")).toEqual(["Bureau Silencieux", "Cabinet Jamais"]);
    expect(names("q=epicerie")).toEqual(["Épicerie Partie"]);
    expect(names("tri=nom&ordre=desc")[0]).toBe("Épicerie Partie");
    expect(names("tri=derniere-declaration").slice(0, 3)).toEqual([
      "Ateliers Actifs",
      "Bureau Silencieux",
      "Épicerie Partie",
    ]);
    expect(names("tri=progression")[0]).toBe("Ateliers Actifs");
    expect(names("etat=inconnu&tri=nimporte")).toHaveLength(5);

    const page = await call(homeLoader, `/club/${home}?etat=prospect`, adminId, { clubId: home });
    expect(page.status).toBe(200);
    const body = page.body as { members: Array<{ company: { name: string } }>; counts: object };
    expect(body.members.map((m) => m.company.name)).toEqual(["Domaine Prospect"]);
    expect(body.counts).toEqual({ ACTIVE: 1, SILENT: 2, PROSPECT: 1, LEFT: 1 });
    expect(
      (await call(homeLoader, `/club/${home}`, otherAnimatorId, { clubId: home })).status,
    ).toBe(403);
  });

  test("la page du tableau : progression des seules lignes montrées, sauf tri par progression", async () => {
    const members = await listMembersAtAGlance(home, NOW.getUTCFullYear(), NOW);
    for (const search of ["", "tri=progression", "tri=progression&ordre=asc", "etat=actif"]) {
      const query = parseMemberQuery(new URL(`http://x/?${search}`), NOW);
      // Pages of two: the page's progress must be the one computed over the whole club.
      for (const page of [1, 2, 3]) {
        const result = await membersAtAGlancePage(home, { ...query, page }, NOW, 2);
        // Past the last page, the last one (pageOf).
        const shown = result.page;
        expect(shown).toBe(Math.min(page, result.pages));
        expect(result.members, `${search} page ${page}`).toEqual(
          filterAndSortMembers(members, query).slice((shown - 1) * 2, shown * 2),
        );
        expect(result.counts).toEqual({ ACTIVE: 1, SILENT: 2, PROSPECT: 1, LEFT: 1 });
        expect(result.total).toBe(5);
      }
    }
  });
});

describe("chiffres du club", () => {
  let figuresClub: string;
  beforeAll(async () => {
    const club = await insertClub(prisma, { name: "Club des chiffres", departementCode: "62" });
    figuresClub = club.id;
    const companies = [
      await insertCompany(prisma, { nafCode: "49.41A", headcountBracket: "22" }),
      await insertCompany(prisma, { nafCode: "10.71C", headcountBracket: "03" }),
      await insertCompany(prisma, { nafCode: "86.10Z", headcountBracket: "32" }),
      await insertCompany(prisma, { nafCode: null, headcountBracket: null }),
    ];
    const actions = ["HIRE", "WORK_STUDY", "IMMERSION", "INCLUSIVE_PURCHASE", "VOLUNTEERING"];
    const publics = ["DELD", "RSA", "QPV", "YOUTH", "DISABILITY"];
    const contracts = ["CDI", "CDD_LONG", "INTERIM", null];
    let k = 0;
    for (const company of companies) {
      await addMembership(prisma, { companyId: company.id, clubId: figuresClub });
      // Two years and a half of declarations, this club's and (noise) another club's.
      for (let month = 0; month < 30; month++) {
        k++;
        const action = actions[k % actions.length];
        const date = new Date(Date.UTC(LAST_YEAR - 1, month, 1 + (k % 27), 12));
        await insertRealisation(prisma, {
          companyId: company.id,
          clubId: k % 7 === 0 ? otherClubId : figuresClub,
          departementCode: k % 7 === 0 ? "59" : "62",
          date,
          actionTypeCode: action,
          publicCategoryCode: publics[k % publics.length],
          contractType: action === "HIRE" ? contracts[k % contracts.length] : undefined,
          quantity:
            action === "INCLUSIVE_PURCHASE" ? 500 : action === "VOLUNTEERING" ? 6 : 1 + (k % 3),
          unit:
            action === "INCLUSIVE_PURCHASE"
              ? "EUROS"
              : action === "VOLUNTEERING"
                ? "HOURS"
                : "PEOPLE",
        });
      }
      await insertCommitment(prisma, {
        companyId: company.id,
        clubId: figuresClub,
        departementCode: "62",
        year: LAST_YEAR,
      });
    }
  });

  test("NAF : la division donne la section", () => {
    expect(nafSection("49.41A")).toBe("H");
    expect(nafSection("10.71C")).toBe("C");
    expect(nafSection("86.10Z")).toBe("Q");
    expect(nafSection("01.11Z")).toBe("A");
    expect(nafSection(null)).toBeNull();
  });

  test("les nombres de la page sont ceux d'un calcul SQL indépendant", async () => {
    const page = await call(
      figuresLoader,
      `/club/${figuresClub}/chiffres?annee=${LAST_YEAR}`,
      animatorId,
      { clubId: figuresClub },
    );
    // The animator of another club: 403; an admin: allowed.
    expect(page.status).toBe(403);
    const asAdmin = await call(
      figuresLoader,
      `/club/${figuresClub}/chiffres?annee=${LAST_YEAR}`,
      adminId,
      { clubId: figuresClub },
    );
    expect(asAdmin.status).toBe(200);
    const d = asAdmin.body as Awaited<ReturnType<typeof getClubFigures>> & {
      period: { year: number; periode: string };
    };
    expect(d.period).toMatchObject({ year: LAST_YEAR, periode: "annee" });

    const from = `${LAST_YEAR}-01-01`;
    const to = `${LAST_YEAR + 1}-01-01`;
    const sumBy = async (sql: string) =>
      Object.fromEntries(
        (
          await straightSql<{ k: string | null; q: number; n: number }>(sql, figuresClub, from, to)
        ).map((r) => [r.k ?? "NONE", { q: r.q, n: r.n }]),
      );
    const shown = (key: string) =>
      Object.fromEntries(
        d.breakdowns
          .find((b) => b.key === key)!
          .rows.filter((r) => r.count > 0)
          .map((r) => [r.code, { q: r.quantity, n: r.count }]),
      );

    for (const key of ["publics", "actions", "contrats", "tailles", "secteurs"]) {
      expect(Object.keys(shown(key)).length, key).toBeGreaterThanOrEqual(3);
    }
    expect(shown("publics")).toEqual(
      await sumBy(`SELECT "publicCategoryCode" k, SUM("quantity") q, COUNT(*) n FROM "Realisation"
             WHERE "clubId" = ? AND "unit" = 'PEOPLE' AND "date" >= ? AND "date" < ? GROUP BY k`),
    );
    expect(shown("actions")).toEqual(
      await sumBy(`SELECT "actionTypeCode" k, SUM("quantity") q, COUNT(*) n FROM "Realisation"
             WHERE "clubId" = ? AND "date" >= ? AND "date" < ? GROUP BY k`),
    );
    expect(shown("contrats")).toEqual(
      await sumBy(`SELECT r."contractType" k, SUM(r."quantity") q, COUNT(*) n FROM "Realisation" r
             JOIN "ActionType" a ON a."code" = r."actionTypeCode"
             WHERE r."clubId" = ? AND a."isHire" AND r."unit" = 'PEOPLE' AND r."date" >= ?
               AND r."date" < ?
             GROUP BY k`),
    );
    const sizeSql = `SELECT CASE
        WHEN c."headcountBracket" IN ('00','01','02','03') THEN 'MICRO'
        WHEN c."headcountBracket" IN ('11','12') THEN 'SMALL'
        WHEN c."headcountBracket" IN ('21','22','31') THEN 'MEDIUM'
        WHEN c."headcountBracket" IN ('32','41','42','51') THEN 'LARGE'
        WHEN c."headcountBracket" IN ('52','53') THEN 'HUGE' ELSE 'UNKNOWN' END k,
        SUM(CASE WHEN r."unit" = 'PEOPLE' THEN r."quantity" ELSE 0 END) q, COUNT(*) n
      FROM "Realisation" r JOIN "Company" c ON c."id" = r."companyId"
      WHERE r."clubId" = ? AND r."date" >= ? AND r."date" < ? GROUP BY k`;
    expect(shown("tailles")).toEqual(await sumBy(sizeSql));
    const sectorSql = `SELECT CASE
        WHEN c."nafCode" LIKE '49%' THEN 'H' WHEN c."nafCode" LIKE '10%' THEN 'C'
        WHEN c."nafCode" LIKE '86%' THEN 'Q' ELSE 'UNKNOWN' END k,
        SUM(CASE WHEN r."unit" = 'PEOPLE' THEN r."quantity" ELSE 0 END) q, COUNT(*) n
      FROM "Realisation" r JOIN "Company" c ON c."id" = r."companyId"
      WHERE r."clubId" = ? AND r."date" >= ? AND r."date" < ? GROUP BY k`;
    expect(shown("secteurs")).toEqual(await sumBy(sectorSql));

    const [total] = await straightSql<{ n: number; hired: number }>(
      `SELECT COUNT(*) n, (SELECT SUM(r2."quantity") FROM "Realisation" r2
         JOIN "ActionType" a ON a."code" = r2."actionTypeCode"
         WHERE r2."clubId" = ? AND a."isHire" AND r2."unit" = 'PEOPLE'
           AND r2."date" >= ? AND r2."date" < ?) hired
       FROM "Realisation" WHERE "clubId" = ? AND "date" >= ? AND "date" < ?`,
      ...[figuresClub, from, to, figuresClub, from, to],
    );
    expect(d.figures.realisations).toBe(total.n);
    expect(d.figures.peopleHired).toBe(total.hired);
    expect(d.figures.companiesEngaged).toBe(4);
    const [previous] = await straightSql<{ n: number }>(
      `SELECT COUNT(*) n FROM "Realisation" WHERE "clubId" = ? AND "date" >= ? AND "date" < ?`,
      figuresClub,
      `${LAST_YEAR - 1}-01-01`,
      from,
    );
    expect(d.previousFigures.realisations).toBe(previous.n);

    // Months summed here from the rows (the engines write a month of a date differently).
    const months = new Map<string, { n: number; p: number }>();
    const realisations = await straightSql<{ date: string | Date; unit: string; quantity: number }>(
      `SELECT "date", "unit", "quantity" FROM "Realisation"
       WHERE "clubId" = ? AND "date" >= ? AND "date" < ?`,
      figuresClub,
      `${LAST_YEAR - 1}-01-01`,
      to,
    );
    for (const r of realisations) {
      const key = new Date(r.date).toISOString().slice(0, 7);
      const month = months.get(key) ?? { n: 0, p: 0 };
      month.n += 1;
      month.p += r.unit === "PEOPLE" ? r.quantity : 0;
      months.set(key, month);
    }
    expect(d.trend).toHaveLength(24);
    expect(d.trend[0].month).toBe(`${LAST_YEAR - 1}-01`);
    expect(d.trend[23].month).toBe(`${LAST_YEAR}-12`);
    for (const m of d.trend) {
      const row = months.get(m.month);
      expect([m.month, m.count, m.people]).toEqual([m.month, row?.n ?? 0, row?.p ?? 0]);
    }
  });

  test("un trimestre se compare au même trimestre un an plus tôt", () => {
    const now = new Date(Date.UTC(2026, 10, 23, 10));
    const q2 = parseFigurePeriod(new URL("http://x/?annee=2025&periode=T2"), now);
    expect(q2.current).toEqual({
      from: new Date(Date.UTC(2025, 3, 1)),
      to: new Date(Date.UTC(2025, 6, 1)),
    });
    expect(q2.previous.from).toEqual(new Date(Date.UTC(2024, 3, 1)));
    expect(q2.partial).toBe(false);
    expect(q2.trend.to).toEqual(new Date(Date.UTC(2025, 6, 1)));
    const ongoing = parseFigurePeriod(new URL("http://x/?annee=2026"), now);
    expect(ongoing.partial).toBe(true);
    expect(ongoing.current.to).toEqual(new Date(Date.UTC(2026, 10, 24)));
    expect(ongoing.previous.to).toEqual(new Date(Date.UTC(2025, 10, 24)));
    expect(ongoing.trend.from).toEqual(new Date(Date.UTC(2024, 11, 1)));
  });

  test("l'export XLSX s'ouvre avec exceljs : une feuille par répartition et les filtres", async () => {
    const period = parseFigurePeriod(new URL(`http://x/?annee=${LAST_YEAR}`), NOW);
    const figures = await getClubFigures(figuresClub, period);
    const built = await buildClubFiguresWorkbook(figuresClub, period, NOW);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await new Response(built!.stream).arrayBuffer());
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      "Filtres",
      "Chiffres clés",
      "Par public",
      "Par type d'action",
      "Par type de contrat",
      "Par taille d'entreprise",
      "Par secteur",
      "Tendance mensuelle",
      "Devenir des personnes",
    ]);
    const filters = workbook.getWorksheet("Filtres")!;
    expect(String(filters.getCell("B2").value)).toBe("Club des chiffres");
    expect(String(filters.getCell("A7").value)).toBe("Date d'extraction");
    const publics = workbook.getWorksheet("Par public")!;
    const dled = figures.breakdowns[0].rows.find((r) => r.code === "DELD")!;
    const line = publics.getRows(2, 11)!.find((r) => r.getCell(1).value === dled.label)!;
    expect([line.getCell(2).value, line.getCell(3).value]).toEqual([dled.quantity, dled.count]);

    const response = await call(
      xlsxLoader,
      `/club/${figuresClub}/chiffres.xlsx?annee=${LAST_YEAR}&periode=T1`,
      adminId,
      { clubId: figuresClub },
    );
    expect(response.status).toBe(200);
    expect(response.response!.headers.get("Content-Disposition")).toContain(
      `chiffres-club-${LAST_YEAR}-T1.xlsx`,
    );
    expect(
      (
        await call(xlsxLoader, `/club/${figuresClub}/chiffres.xlsx`, animatorId, {
          clubId: figuresClub,
        })
      ).status,
    ).toBe(403);
  });
});
