// Issue 12, finding 1 (critical): taking over a company through "add a prospect by SIRET".
// The outside test's steps, replayed through the app's own routes on a real SQLite database:
// an animator of a Nord (59) club enters the public SIRET of a Pas-de-Calais (62) member
// company with their own address as contact. Before decision 013 this gave the animator and
// the Nord prefecture read access to the company, and an invitation into it; now it is a join
// request at best. Also: inviting into a company that LEFT the club, and a company changing its
// own SIRET to another firm's.
import { beforeAll, describe, expect, test } from "vitest";
import {
  addMembership,
  insertClub,
  insertCompany,
  insertUser,
  grantRole,
} from "../prisma/factories";
import { withLuhnCheckDigit } from "~/utils/siret";
import { action as adminCompaniesAction } from "~/routes/admin.entreprises";
import { loader as dashboardLoader } from "~/routes/entreprise.$companyId._index";
import { loader as exportLoader } from "~/routes/entreprise.$companyId.export[.]xlsx";
import { action as teamAction, loader as teamLoader } from "~/routes/entreprise.$companyId.equipe";
import { action as profileAction } from "~/routes/entreprise.$companyId.profil";
import { action as invitationsAction } from "~/routes/club.$clubId.invitations";
import { action as membersAction } from "~/routes/club.$clubId.membres";
import { createProspect } from "~/models/club-prospects.server";
import { acceptInvitation, findOpenInvitation, inviteUser } from "~/models/invitation.server";
import { prisma } from "~/utils/db.server";
import { can, canInvite, loadCurrentUser } from "~/utils/permissions.server";
import { callAs } from "./utils/session";

/** The HTTP status a loader or action ends with, called as a signed-in user. */
const statusOf = async (...args: Parameters<typeof callAs>) => (await callAs(...args)).status;

const user = async (id: string) => (await loadCurrentUser(id))!;

let nordClubId: string;
let nordAnimatorId: string;
let nordPrefectureId: string;
let victim: { id: string; siret: string };
let ownerId: string;

beforeAll(async () => {
  const artois = await insertClub(prisma, { name: "Club de l'Artois", departementCode: "62" });
  const nord = await insertClub(prisma, { name: "Club de Lille", departementCode: "59" });
  nordClubId = nord.id;
  const company = await insertCompany(prisma, { name: "Transports Delattre" });
  victim = { id: company.id, siret: company.siret };
  await addMembership(prisma, { companyId: company.id, clubId: artois.id });
  const owner = await insertUser(prisma, { name: "Claire Dumont" });
  ownerId = owner.id;
  await grantRole(prisma, owner.id, { role: "COMPANY", companyId: company.id });
  const animator = await insertUser(prisma, { name: "Animateur Nord" });
  nordAnimatorId = animator.id;
  await grantRole(prisma, animator.id, { role: "ANIMATOR", clubId: nord.id });
  const prefecture = await insertUser(prisma, { name: "Préfecture Nord" });
  nordPrefectureId = prefecture.id;
  await grantRole(prisma, prefecture.id, { role: "PREFECTURE", departementCode: "59" });
});

describe("ajouter par son SIRET l'entreprise membre d'un autre club", () => {
  test("ne donne ni lecture, ni invitation, ni adhésion à l'animateur et à sa préfecture", async () => {
    const status = await statusOf(
      membersAction,
      `/club/${nordClubId}/membres`,
      nordAnimatorId,
      { clubId: nordClubId },
      {
        intent: "create-prospect",
        siret: victim.siret,
        name: "Transports Delattre",
        contactName: "Complice Pirate",
        contactEmail: "complice@pirate.test",
        invite: "on",
      },
    );
    expect(status).toBe(302);

    // No invitation, no e-mail to the address the animator chose.
    expect(await prisma.invitation.count({ where: { companyId: victim.id } })).toBe(0);
    expect(await prisma.emailOutbox.count({ where: { to: "complice@pirate.test" } })).toBe(0);
    // No membership in the Nord club without the company's consent.
    expect(
      await prisma.clubMembership.count({ where: { companyId: victim.id, clubId: nordClubId } }),
    ).toBe(0);

    // No read access: permission, dashboard, team (its e-mails) and full export.
    for (const id of [nordAnimatorId, nordPrefectureId]) {
      expect(await can(await user(id), { action: "company:read", companyId: victim.id })).toBe(
        false,
      );
      for (const [fn, path] of [
        [dashboardLoader, `/entreprise/${victim.id}`],
        [teamLoader, `/entreprise/${victim.id}/equipe`],
        [exportLoader, `/entreprise/${victim.id}/export.xlsx`],
      ] as const) {
        expect(await statusOf(fn, path, id, { companyId: victim.id }), path).toBe(403);
      }
    }
    // And no invitation through the club's invitation page either.
    expect(
      await canInvite(await user(nordAnimatorId), {
        role: "COMPANY",
        companyId: victim.id,
        clubId: nordClubId,
      }),
    ).toBe(false);
    expect(
      await statusOf(
        invitationsAction,
        `/club/${nordClubId}/invitations`,
        nordAnimatorId,
        { clubId: nordClubId },
        { email: "complice@pirate.test", name: "Complice Pirate", companyId: victim.id },
      ),
    ).toBe(400);
    expect(await prisma.invitation.count({ where: { companyId: victim.id } })).toBe(0);
  });
});

describe("une entreprise qui a quitté le club", () => {
  test("ne reçoit plus d'invitation de ses animateurs (le serveur refuse, pas seulement le formulaire)", async () => {
    const company = await insertCompany(prisma, { name: "Chocolaterie Partie" });
    await addMembership(prisma, { companyId: company.id, clubId: nordClubId, status: "LEFT" });
    expect(
      await canInvite(await user(nordAnimatorId), {
        role: "COMPANY",
        companyId: company.id,
        clubId: nordClubId,
      }),
    ).toBe(false);
    expect(
      await statusOf(
        invitationsAction,
        `/club/${nordClubId}/invitations`,
        nordAnimatorId,
        { clubId: nordClubId },
        { email: "nouveau@partie.test", name: "Nouveau Venu", companyId: company.id },
      ),
    ).toBe(400);
    expect(await prisma.invitation.count({ where: { companyId: company.id } })).toBe(0);
    expect(
      await can(await user(nordAnimatorId), { action: "company:read", companyId: company.id }),
    ).toBe(false);
  });
});

describe("le SIRET d'une entreprise", () => {
  test("ne peut pas être changé par l'entreprise elle-même", async () => {
    const unused = withLuhnCheckDigit("7329145600042");
    const before = await prisma.company.findUniqueOrThrow({ where: { id: victim.id } });
    const status = await statusOf(
      profileAction,
      `/entreprise/${victim.id}/profil`,
      ownerId,
      { companyId: victim.id },
      { intent: "profile", name: before.name, siret: unused },
    );
    expect(status).toBe(400);
    const after = await prisma.company.findUniqueOrThrow({ where: { id: victim.id } });
    expect(after.siret).toBe(before.siret);
    expect(await prisma.company.count({ where: { siret: unused } })).toBe(0);
  });
});

describe("la demande d'adhésion, du côté de l'entreprise", () => {
  test("seule son équipe l'accepte ; le club lit alors l'entreprise, et pas avant", async () => {
    const company = await insertCompany(prisma, { name: "Brasserie Consentante" });
    const artois = await insertClub(prisma, { name: "Club d'Arras", departementCode: "62" });
    await addMembership(prisma, { companyId: company.id, clubId: artois.id });
    const leader = await insertUser(prisma, { name: "Chef Brasseur" });
    await grantRole(prisma, leader.id, { role: "COMPANY", companyId: company.id });
    expect(
      await statusOf(
        membersAction,
        `/club/${nordClubId}/membres`,
        nordAnimatorId,
        { clubId: nordClubId },
        {
          intent: "create-prospect",
          siret: company.siret,
          name: "Brasserie Consentante",
          contactName: "Jean Nord",
          contactEmail: "jean@nord.test",
        },
      ),
    ).toBe(302);
    const request = await prisma.joinRequest.findFirstOrThrow({
      where: { companyId: company.id, clubId: nordClubId },
    });
    const team = `/entreprise/${company.id}/equipe`;
    const answer = { intent: "accept-join", id: request.id };
    // Someone else's people, and the requesting animator, cannot answer for the company.
    expect(await statusOf(teamAction, team, ownerId, { companyId: company.id }, answer)).toBe(403);
    expect(
      await statusOf(teamAction, team, nordAnimatorId, { companyId: company.id }, answer),
    ).toBe(403);
    // A request of another company, named from this company's page: not found.
    expect(
      await statusOf(
        teamAction,
        `/entreprise/${victim.id}/equipe`,
        ownerId,
        { companyId: victim.id },
        answer,
      ),
    ).toBe(404);
    expect(
      await can(await user(nordAnimatorId), { action: "company:read", companyId: company.id }),
    ).toBe(false);

    expect(await statusOf(teamAction, team, leader.id, { companyId: company.id }, answer)).toBe(
      302,
    );
    const membership = await prisma.clubMembership.findUniqueOrThrow({
      where: { companyId_clubId: { companyId: company.id, clubId: nordClubId } },
    });
    expect(membership).toMatchObject({ status: "MEMBER", contactEmail: leader.email });
    expect(
      await can(await user(nordAnimatorId), { action: "company:read", companyId: company.id }),
    ).toBe(true);
    expect(
      await can(await user(nordPrefectureId), { action: "company:read", companyId: company.id }),
    ).toBe(true);
    // Still no invitation from the club: the company's people invite their colleagues.
    expect(
      await canInvite(await user(nordAnimatorId), {
        role: "COMPANY",
        companyId: company.id,
        clubId: nordClubId,
      }),
    ).toBe(false);
    const audits = await prisma.auditLog.findMany({
      where: { companyId: company.id, clubId: nordClubId },
      orderBy: { createdAt: "asc" },
      select: { action: true, entityType: true, actorId: true },
    });
    expect(audits).toEqual([
      { action: "JOIN_REQUEST", entityType: "JoinRequest", actorId: nordAnimatorId },
      { action: "JOIN_ACCEPT", entityType: "JoinRequest", actorId: leader.id },
      { action: "CREATE", entityType: "ClubMembership", actorId: leader.id },
    ]);
    // Answered once only.
    expect(await statusOf(teamAction, team, leader.id, { companyId: company.id }, answer)).toBe(
      400,
    );
  });
});

describe("la page Entreprises de l'administration", () => {
  test("corrige un SIRET (jamais vers un SIRET connu) et donne sa première personne à une entreprise sans équipe", async () => {
    const admin = await insertUser(prisma, { name: "Admin national" });
    await grantRole(prisma, admin.id, { role: "ADMIN" });
    const orphan = await insertCompany(prisma, { name: "Fiche Abandonnée" });
    const path = "/admin/entreprises";
    // Another company's SIRET: refused, nothing changed.
    expect(
      await statusOf(
        adminCompaniesAction,
        path,
        admin.id,
        {},
        {
          intent: "change-siret",
          companyId: orphan.id,
          siret: victim.siret,
        },
      ),
    ).toBe(400);
    const fixed = withLuhnCheckDigit("8329145600042");
    expect(
      await statusOf(
        adminCompaniesAction,
        path,
        admin.id,
        {},
        {
          intent: "change-siret",
          companyId: orphan.id,
          siret: fixed,
        },
      ),
    ).toBe(302);
    expect((await prisma.company.findUniqueOrThrow({ where: { id: orphan.id } })).siret).toBe(
      fixed,
    );
    expect(
      await prisma.auditLog.count({
        where: { companyId: orphan.id, action: "CHANGE_SIRET", actorId: admin.id },
      }),
    ).toBe(1);
    // First person of a company without people: yes; into a company with people: no.
    expect(
      await statusOf(
        adminCompaniesAction,
        path,
        admin.id,
        {},
        {
          intent: "invite-first",
          companyId: orphan.id,
          email: "vrai.dirigeant@abandon.test",
          name: "Vrai Dirigeant",
        },
      ),
    ).toBe(302);
    expect(await prisma.invitation.count({ where: { companyId: orphan.id } })).toBe(1);
    expect(
      await statusOf(
        adminCompaniesAction,
        path,
        admin.id,
        {},
        {
          intent: "invite-first",
          companyId: victim.id,
          email: "intrus@admin.test",
          name: "Intrus Admin",
        },
      ),
    ).toBe(400);
    expect(await prisma.invitation.count({ where: { companyId: victim.id } })).toBe(0);
  });
});

describe("une invitation ne vaut que tant que son auteur pourrait l'envoyer", () => {
  const tokenSentTo = async (email: string) => {
    const mail = await prisma.emailOutbox.findFirstOrThrow({
      where: { to: email, template: "invitation" },
      orderBy: { createdAt: "desc" },
    });
    return /\/invitation\/([A-Za-z0-9_-]+)/.exec(mail.text)![1];
  };

  test("la seconde invitation du club ne vaut plus quand l'entreprise a sa première personne", async () => {
    const created = await createProspect(nordAnimatorId, nordClubId, {
      siret: withLuhnCheckDigit("6329145600042"),
      name: "Menuiserie Neuve",
      contactName: "Anne Première",
      contactEmail: "anne@menuiserie.test",
      invite: false,
    });
    const animator = await user(nordAnimatorId);
    for (const email of ["anne@menuiserie.test", "bruno@ailleurs.test"]) {
      await inviteUser(animator, {
        email,
        name: "Personne Invitée",
        role: "COMPANY",
        companyId: created.companyId,
        clubId: nordClubId,
      });
    }
    const first = await tokenSentTo("anne@menuiserie.test");
    const second = await tokenSentTo("bruno@ailleurs.test");
    await acceptInvitation(first, {
      name: "Anne Première",
      password: "une phrase de passe solide",
    });
    // Anne is the company's first person: from now on, only she gives it people.
    expect(await findOpenInvitation(second)).toBeNull();
    await expect(
      acceptInvitation(second, { name: "Bruno Ailleurs", password: "une phrase de passe solide" }),
    ).rejects.toThrow("Cette invitation n'est plus valable.");
    expect(
      await prisma.roleAssignment.count({
        where: { companyId: created.companyId, role: "COMPANY" },
      }),
    ).toBe(1);
  });

  test("l'invitation d'une personne retirée de l'équipe ne vaut plus", async () => {
    const company = await insertCompany(prisma, { name: "Atelier Prudent" });
    const [alice, bob] = [
      await insertUser(prisma, { name: "Alice Prudente" }),
      await insertUser(prisma, { name: "Bob Retiré" }),
    ];
    await grantRole(prisma, alice.id, { role: "COMPANY", companyId: company.id });
    const bobRole = await grantRole(prisma, bob.id, { role: "COMPANY", companyId: company.id });
    await inviteUser(await user(bob.id), {
      email: "complice@bob.test",
      name: "Complice Bob",
      role: "COMPANY",
      companyId: company.id,
    });
    await prisma.roleAssignment.delete({ where: { id: bobRole.id } });
    expect(await findOpenInvitation(await tokenSentTo("complice@bob.test"))).toBeNull();
  });
});
