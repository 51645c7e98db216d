// Writing to a member company from the directory (issue 18, point 8), on a real database: who
// may (directory:contact) and who is refused, the e-mail through the outbox to the card's
// address or the company's people with Reply-To the sender, the personal-data check, the daily
// quota of 20 per company counted in the write's transaction, and the directory's stemmed search.
import { beforeAll, describe, expect, test } from "vitest";
import {
  addMembership,
  insertClub,
  insertCompany,
  insertDirectoryCard,
  insertUser,
  grantRole,
} from "../prisma/factories";
import { contactCompany } from "~/models/company-contact.server";
import { searchDirectory, searchNeedles } from "~/models/directory.server";
import { action, loader } from "~/routes/entreprise.$companyId.annuaire._index";
import { prisma } from "~/utils/db.server";
import { can, loadCurrentUser, networkScope, type CurrentUser } from "~/utils/permissions.server";
import { QuotaExceeded } from "~/utils/quotas.server";
import { appRequest, callAs, routeOutcome } from "./utils/session";

type World = Awaited<ReturnType<typeof buildWorld>>;
let w: World;

async function buildWorld() {
  const arras = await insertClub(prisma, { name: "Club Arras", departementCode: "62" });
  const lens = await insertClub(prisma, { name: "Club Lens", departementCode: "62" });
  const lille = await insertClub(prisma, { name: "Club Lille", departementCode: "59" });
  const sender = await insertCompany(prisma, { name: "Boulangerie Expéditrice" });
  const withCard = await insertCompany(prisma, { name: "Atelier Carte" });
  const noCard = await insertCompany(prisma, { name: "Garage Sans Fiche" });
  const nobody = await insertCompany(prisma, { name: "Scierie Sans Personne" });
  const lensClubOnly = await insertCompany(prisma, { name: "Lens Club Seulement" });
  const lensOpen = await insertCompany(prisma, { name: "Lens Ouverte" });
  const unlisted = await insertCompany(prisma, { name: "Arras Masquée" });
  const lilleCo = await insertCompany(prisma, { name: "Lille Ailleurs" });
  const prospect = await insertCompany(prisma, { name: "Prospect Arras" });
  for (const c of [sender, withCard, noCard, nobody, unlisted]) {
    await addMembership(prisma, { companyId: c.id, clubId: arras.id });
  }
  await addMembership(prisma, { companyId: prospect.id, clubId: arras.id, status: "PROSPECT" });
  await addMembership(prisma, { companyId: lensClubOnly.id, clubId: lens.id });
  await addMembership(prisma, { companyId: lensOpen.id, clubId: lens.id });
  await addMembership(prisma, { companyId: lilleCo.id, clubId: lille.id });
  await insertDirectoryCard(prisma, {
    companyId: withCard.id,
    contactEmail: "contact@atelier-carte.test",
    offer: "Nous pouvons recruter des apprentis en alternance",
  });
  await insertDirectoryCard(prisma, { companyId: unlisted.id, listed: false });
  await insertDirectoryCard(prisma, {
    companyId: lensOpen.id,
    visibility: "DEPARTEMENT",
    seek: "Des recrutements de soudeurs",
  });
  await insertDirectoryCard(prisma, {
    companyId: lilleCo.id,
    visibility: "DEPARTEMENT",
    offer: "Apprentissage et recrutement",
  });

  const person = async (name: string, email: string, scope?: Parameters<typeof grantRole>[2]) => {
    const user = await insertUser(prisma, { name, email });
    if (scope) await grantRole(prisma, user.id, scope);
    return (await loadCurrentUser(user.id)) as CurrentUser;
  };
  return {
    arras,
    sender,
    withCard,
    noCard,
    nobody,
    lensClubOnly,
    lensOpen,
    unlisted,
    lilleCo,
    prospect,
    senderUser: await person("Sophie Expéditrice", "sophie@boulangerie.test", {
      role: "COMPANY",
      companyId: sender.id,
    }),
    noCardUser: await person("Gérant Garage", "gerant@garage.test", {
      role: "COMPANY",
      companyId: noCard.id,
    }),
    noCardColleague: await person("Collègue Garage", "collegue@garage.test", {
      role: "COMPANY",
      companyId: noCard.id,
    }),
    prospectUser: await person("Prospect", "p@prospect.test", {
      role: "COMPANY",
      companyId: prospect.id,
    }),
    animator: await person("Animatrice", "anim@club.test", { role: "ANIMATOR", clubId: arras.id }),
    prefecture: await person("Préfecture", "pref@62.test", {
      role: "PREFECTURE",
      departementCode: "62",
    }),
    admin: await person("Admin", "admin@engages.test", { role: "ADMIN" }),
  };
}

beforeAll(async () => {
  w = await buildWorld();
});

const path = () => `/entreprise/${w.sender.id}/annuaire`;
const post = (userId: string, form: Record<string, string>, companyId = w.sender.id) =>
  callAs(action, `/entreprise/${companyId}/annuaire`, userId, { companyId }, form);
const message = "Bonjour, pourrions-nous échanger sur vos besoins de personnel cet été ?";

describe("directory:contact", () => {
  test("a member company writes to the cards it sees, not to the others", async () => {
    const may = (targetCompanyId: string, user = w.senderUser, companyId = w.sender.id) =>
      can(user, { action: "directory:contact", companyId, targetCompanyId });
    expect(await may(w.withCard.id)).toBe(true);
    expect(await may(w.noCard.id)).toBe(true);
    // Another club of the département: only with a card open to the département.
    expect(await may(w.lensOpen.id)).toBe(true);
    expect(await may(w.lensClubOnly.id)).toBe(false);
    // Another département, an unlisted card, a prospect, itself: refused.
    expect(await may(w.lilleCo.id)).toBe(false);
    expect(await may(w.unlisted.id)).toBe(false);
    expect(await may(w.prospect.id)).toBe(false);
    expect(await may(w.sender.id)).toBe(false);
    // Someone of another company cannot write as this one; a prospect has no directory.
    expect(await may(w.withCard.id, w.noCardUser)).toBe(false);
    expect(await may(w.withCard.id, w.prospectUser, w.prospect.id)).toBe(false);
    // Animator, prefecture and admin hold no company: refused.
    for (const user of [w.animator, w.prefecture, w.admin]) {
      expect(await may(w.withCard.id, user)).toBe(false);
    }
  });

  test("the route refuses the anonymous, the prefecture, another company and unseen cards, writing nothing", async () => {
    const before = await prisma.companyContact.count();
    const form = { toCompanyId: w.withCard.id, message };
    const anonymous = await routeOutcome(
      action,
      appRequest(path(), {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams(form).toString(),
      }),
      { companyId: w.sender.id },
    );
    expect(anonymous.status).toBe(302);
    expect(anonymous.response?.headers.get("Location")).toContain("/login");
    expect((await post(w.prefecture.id, form)).status).toBe(403);
    expect((await post(w.animator.id, form)).status).toBe(403);
    expect((await post(w.noCardUser.id, form)).status).toBe(403);
    expect((await post(w.senderUser.id, { ...form, toCompanyId: w.lilleCo.id })).status).toBe(403);
    expect((await post(w.senderUser.id, { ...form, toCompanyId: w.unlisted.id })).status).toBe(403);
    expect(await prisma.companyContact.count()).toBe(before);
  });
});

describe("sending a message", () => {
  test("to the card's address, Reply-To the sender, through the outbox", async () => {
    const result = await post(w.senderUser.id, { toCompanyId: w.withCard.id, message });
    expect(result.status).toBe(302);
    expect(result.response?.headers.get("Location")).toBe(path());
    const emails = await prisma.emailOutbox.findMany({
      where: { template: "company-contact", to: "contact@atelier-carte.test" },
    });
    expect(emails).toHaveLength(1);
    expect(emails[0].replyTo).toBe("sophie@boulangerie.test");
    expect(emails[0].subject).toBe("Annuaire des membres : Boulangerie Expéditrice vous écrit");
    expect(emails[0].text).toContain(message);
    expect(emails[0].text).toContain("Sophie Expéditrice (Boulangerie Expéditrice)");
    const row = await prisma.companyContact.findFirstOrThrow({
      where: { toCompanyId: w.withCard.id },
    });
    expect(row).toMatchObject({ fromCompanyId: w.sender.id, senderId: w.senderUser.id });
    const journal = await prisma.auditLog.findFirst({
      where: { entityType: "CompanyContact", entityId: row.id },
    });
    expect(journal?.action).toBe("CONTACT");
  });

  test("without a card address, to each of the company's people", async () => {
    await post(w.senderUser.id, { toCompanyId: w.noCard.id, message });
    const to = (
      await prisma.emailOutbox.findMany({
        where: { template: "company-contact", subject: { contains: "Expéditrice" } },
        select: { to: true },
      })
    ).map((e) => e.to);
    expect(to).toEqual(expect.arrayContaining(["gerant@garage.test", "collegue@garage.test"]));
  });

  test("a company nobody can receive for: a clear refusal, nothing written", async () => {
    const before = await prisma.companyContact.count();
    const result = await post(w.senderUser.id, { toCompanyId: w.nobody.id, message });
    expect(result.status).toBe(400);
    expect(JSON.stringify(result.body)).toContain("n'a pas encore de personne inscrite");
    expect(await prisma.companyContact.count()).toBe(before);
  });

  test("bad input and personal data: French errors, nothing sent", async () => {
    const before = await prisma.emailOutbox.count();
    const short = await post(w.senderUser.id, { toCompanyId: w.withCard.id, message: "Salut" });
    expect(short.status).toBe(400);
    expect(JSON.stringify(short.body)).toContain("au moins 10 caractères");
    const phone = await post(w.senderUser.id, {
      toCompanyId: w.withCard.id,
      message: "Appelez notre candidat au 06 12 34 56 78 pour le poste.",
    });
    expect(phone.status).toBe(400);
    expect(JSON.stringify(phone.body)).toContain("téléphone");
    expect(await prisma.emailOutbox.count()).toBe(before);
  });

  test("20 messages a day per company, counted in the transaction", async () => {
    const company = await insertCompany(prisma, { name: "Bavarde" });
    await addMembership(prisma, { companyId: company.id, clubId: w.arras.id });
    const user = await insertUser(prisma, { name: "Bavard" });
    await grantRole(prisma, user.id, { role: "COMPANY", companyId: company.id });
    const sender = { userId: user.id, name: "Bavard", email: user.email, companyId: company.id };
    // 21 at once: exactly 20 go through, whatever their order.
    const results = await Promise.allSettled(
      Array.from({ length: 21 }, () => contactCompany(sender, w.withCard.id, message)),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(20);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(QuotaExceeded);
    expect(await prisma.companyContact.count({ where: { fromCompanyId: company.id } })).toBe(20);
    const viaRoute = await post(user.id, { toCompanyId: w.noCard.id, message }, company.id);
    expect(viaRoute.status).toBe(429);
    expect(JSON.stringify(viaRoute.body)).toContain("20 messages");
  });
});

describe("the directory's search stems French words", () => {
  test("needles: the part a word shares with its stem", () => {
    expect(searchNeedles("recrutement")).toEqual(["recrut"]);
    expect(searchNeedles("Apprentis")).toEqual(["apprent"]);
    expect(searchNeedles("BTP")).toEqual(["btp"]);
  });

  test("recrutement finds recruter and recrutements; apprentis finds apprentissage", async () => {
    const scope = await networkScope(w.sender.id);
    const names = async (q: string) =>
      (await searchDirectory(scope, { q, trade: "", recruiting: false, scope: "ALL" })).map(
        (c) => c.name,
      );
    expect(await names("recrutement")).toEqual(["Atelier Carte", "Lens Ouverte"]);
    expect(await names("apprentis alternance")).toEqual(["Atelier Carte"]);
    expect(await names("recrutement soudeurs")).toEqual(["Lens Ouverte"]);
    // Not a stem of the same word, and not seen (another département): not found.
    expect(await names("recueil")).toEqual([]);
    expect(await names("apprentissage")).toEqual([]);
    // The page answers the same.
    const page = await callAs(loader, `${path()}?q=recruter`, w.senderUser.id, {
      companyId: w.sender.id,
    });
    expect(JSON.stringify(page.body)).toContain("Atelier Carte");
  });
});
