// The audit log: writes to roles and settings that were not traced are (invitation acceptance,
// replaced invitations, the club's calendar address), and the administrators' journal shows,
// filters and pages it — for administrators only.
import { beforeAll, describe, expect, test } from "vitest";
import {
  addMembership,
  insertClub,
  insertCompany,
  insertUser,
  grantRole,
} from "../prisma/factories";
import { describeChanges, JOURNAL_PAGE_SIZE } from "~/models/audit-journal.server";
import { acceptInvitation, inviteUser } from "~/models/invitation.server";
import { ensureCalendarToken } from "~/models/meeting-calendar.server";
import { createRealisation } from "~/models/realisation.server";
import { setReminderCap } from "~/models/reminder-settings.server";
import * as journalPage from "~/routes/admin.journal";
import { audit } from "~/utils/audit.server";
import { prisma } from "~/utils/db.server";
import { loadCurrentUser } from "~/utils/permissions.server";
import { appRequest, sessionCookieFor, thrown } from "./utils/session";

type Journal = Awaited<ReturnType<typeof journalPage.loader>>;
const cookies: Record<string, string> = {};
let club: { id: string };
let otherClub: { id: string };
let company: { id: string; name: string };
let admin: { id: string };
let animator: { id: string };
let member: { id: string };

async function journal(query: string, as: string | null = "admin"): Promise<Journal> {
  const cookie = as ? cookies[as] : undefined;
  return journalPage.loader({
    request: appRequest(`/admin/journal${query}`, { cookie }),
    params: {},
    context: {},
  });
}

beforeAll(async () => {
  club = await insertClub(prisma, { name: "Club Journal 62", departementCode: "62" });
  otherClub = await insertClub(prisma, { name: "Club Journal 59", departementCode: "59" });
  company = await insertCompany(prisma, { name: "Menuiserie du Journal" });
  await addMembership(prisma, { companyId: company.id, clubId: club.id });
  const user = async (key: string, scope: Parameters<typeof grantRole>[2]) => {
    const u = await insertUser(prisma, { email: `${key}@journal.test`, name: `Personne ${key}` });
    await grantRole(prisma, u.id, scope);
    cookies[key] = await sessionCookieFor(u.id);
    return u;
  };
  admin = await user("admin", { role: "ADMIN" });
  animator = await user("animator", { role: "ANIMATOR", clubId: club.id });
  member = await user("member", { role: "COMPANY", companyId: company.id });
  await user("prefecture", { role: "PREFECTURE", departementCode: "62" });
});

describe("writes now in the audit log", () => {
  test("accepting an invitation: who, when, before/after, and the role granted", async () => {
    // The company has its people: a colleague invites (decision 013).
    const inviter = (await loadCurrentUser(member.id))!;
    const input = {
      email: "nouvelle.recrue@journal.test",
      name: "Nouvelle Recrue",
      role: "COMPANY" as const,
      companyId: company.id,
      clubId: null,
      departementCode: null,
    };
    const first = await inviteUser(inviter, input);
    const second = await inviteUser(inviter, input);
    const invite = await prisma.auditLog.findFirstOrThrow({
      where: { entityType: "Invitation", entityId: second.id, action: "INVITE" },
    });
    expect(JSON.parse(invite.before!)).toEqual({ replacedInvitations: [first.id] });

    const mail = await prisma.emailOutbox.findFirstOrThrow({
      where: { to: input.email },
      orderBy: { createdAt: "desc" },
    });
    const token = /\/invitation\/([A-Za-z0-9_-]+)/.exec(mail.text)![1];
    const userId = await acceptInvitation(token, {
      name: "Nouvelle Recrue",
      password: "un-mot-de-passe-solide",
    });

    const accepted = await prisma.auditLog.findFirstOrThrow({
      where: { entityType: "Invitation", entityId: second.id, action: "ACCEPT" },
    });
    expect(accepted.actorId).toBe(userId);
    expect(accepted.companyId).toBe(company.id);
    expect(JSON.parse(accepted.before!)).toEqual({ acceptedAt: null });
    expect(JSON.parse(accepted.after!)).toMatchObject({ userId, roleAlreadyHeld: false });
    const granted = await prisma.auditLog.findFirstOrThrow({
      where: { entityType: "RoleAssignment", action: "GRANT_ROLE", actorId: userId },
    });
    expect(JSON.parse(granted.after!)).toMatchObject({ role: "COMPANY", companyId: company.id });
  });

  test("the club's calendar address, created on first need: traced without the secret", async () => {
    const token = await ensureCalendarToken(club.id, animator.id);
    await ensureCalendarToken(club.id, animator.id);
    const entries = await prisma.auditLog.findMany({
      where: { entityType: "Club", entityId: club.id, action: "CREATE_CALENDAR_TOKEN" },
    });
    expect(entries).toHaveLength(1);
    expect(entries[0].actorId).toBe(animator.id);
    expect(`${entries[0].before}${entries[0].after}`).not.toContain(token);
  });
});

describe("the journal page", () => {
  test("shows every kind of write with its author and a readable before/after", async () => {
    await setReminderCap(animator.id, club.id, 45);
    await createRealisation(member.id, company.id, {
      date: "2026-03-02",
      actionTypeCode: "IMMERSION",
      publicCategoryCode: "DELD",
      quantity: 2,
      qpv: "UNKNOWN",
    });

    const settings = await journal(`?objet=Club&club=${club.id}`);
    const cap = settings.entries.find((e) => e.action === "UPDATE")!;
    expect(cap.actor).toEqual({ name: "Personne animator", email: "animator@journal.test" });
    expect(cap.club).toBe("Club Journal 62");
    expect(cap.changes).toEqual([
      { field: "délai entre deux relances (jours)", before: "30", after: "45" },
    ]);
    expect(settings.entries.every((e) => e.entityType === "Club")).toBe(true);

    const declarations = await journal(
      `?objet=Realisation&entreprise=${encodeURIComponent("menuiserie du")}`,
    );
    expect(declarations.total).toBe(1);
    const created = declarations.entries[0];
    expect(created.action).toBe("CREATE");
    expect(created.company).toBe("Menuiserie du Journal");
    expect(created.changes).toContainEqual({ field: "nombre", before: "—", after: "2" });
    expect(created.changes).toContainEqual({ field: "date", before: "—", after: "2 mars 2026" });

    const byActor = await journal("?auteur=MEMBER%40journal");
    expect(byActor.total).toBeGreaterThan(0);
    expect(byActor.entries.every((e) => e.actor?.email === "member@journal.test")).toBe(true);
    expect((await journal(`?club=${otherClub.id}`)).total).toBe(0);
  });

  test("filters by Paris days, pages by 50, and turns bad filters into French messages", async () => {
    const createdAt = new Date("2025-06-10T21:30:00Z"); // 23:30 in Paris, 10 June
    await prisma.$transaction(async (tx) => {
      for (let i = 0; i < JOURNAL_PAGE_SIZE + 5; i++) {
        await audit(tx, {
          actorId: admin.id,
          action: "UPDATE",
          entityType: "Company",
          entityId: company.id,
          companyId: company.id,
          before: { website: null },
          after: { website: `https://exemple.fr/${i}` },
        });
      }
      await tx.auditLog.updateMany({
        where: { entityType: "Company", actorId: admin.id },
        data: { createdAt },
      });
    });
    const june10 = await journal("?du=2025-06-10&au=2025-06-10&objet=Company");
    expect(june10.total).toBe(JOURNAL_PAGE_SIZE + 5);
    expect(june10.entries).toHaveLength(JOURNAL_PAGE_SIZE);
    expect(june10.pageCount).toBe(2);
    const page2 = await journal("?du=2025-06-10&au=2025-06-10&objet=Company&page=2");
    expect(page2.page).toBe(2);
    expect(page2.entries).toHaveLength(5);
    expect((await journal("?du=2025-06-11&au=2025-06-11&objet=Company")).total).toBe(0);

    const bad = await journal("?du=2025-02-30&objet=Piano&page=abc");
    expect(bad.errors).toEqual([
      "La date de début n'existe pas : elle n'a pas été prise en compte.",
      "Ce type d'objet est inconnu : il n'a pas été pris en compte.",
    ]);
    expect(bad.page).toBe(1);
  });

  test("is refused to every role but the administrators, and to visitors", async () => {
    for (const key of ["member", "animator", "prefecture"]) {
      const refusal = await thrown(() => journal("", key));
      expect(refusal, key).toBeInstanceOf(Response);
      expect((refusal as Response).status, key).toBe(403);
    }
    const visitor = (await thrown(() => journal("", null))) as Response;
    expect(visitor.status).toBe(302);
    expect(visitor.headers.get("Location")).toMatch(/^\/login/);
  });
});

test("describeChanges: only what changed, in French, lists and absent sides readable", () => {
  expect(
    describeChanges(
      JSON.stringify({ status: "ACTIVE", publics: ["DELD"], note: "a" }),
      JSON.stringify({ status: "DONE", publics: ["DELD", "RSA"], note: "a" }),
    ),
  ).toEqual([
    { field: "état", before: "En cours", after: "DONE" },
    {
      field: "publics",
      before: "Demandeurs d'emploi de longue durée",
      after: "Demandeurs d'emploi de longue durée, Bénéficiaires du RSA",
    },
  ]);
  expect(describeChanges(null, JSON.stringify({ remindersOptOut: true }))).toEqual([
    { field: "sans relances", before: "—", after: "oui" },
  ]);
  expect(describeChanges(JSON.stringify(["a"]), JSON.stringify(["a", "b"]))).toEqual([
    { field: "valeur", before: "a", after: "a, b" },
  ]);
  expect(describeChanges(null, null)).toEqual([]);
});
