// The members' network on a real database: who may use the directory and the Passerelles board
// (and who is refused), which posts and cards each company sees, how proposals rank, the
// contact e-mail through the outbox, and a conclusion that becomes one realisation, once.
import { beforeAll, describe, expect, test } from "vitest";
import {
  addMembership,
  insertClub,
  insertCompany,
  insertDirectoryCard,
  insertPasserellePost,
  insertUser,
  grantRole,
} from "../prisma/factories";
import { searchDirectory } from "~/models/directory.server";
import { brokerMatch, concludeMatch, contactCounterpart } from "~/models/passerelle-match.server";
import { getPost, PasserelleError, proposalsForCompany } from "~/models/passerelle.server";
import { prisma } from "~/utils/db.server";
import { can, loadCurrentUser, networkScope, type CurrentUser } from "~/utils/permissions.server";
import { concludeSchema, postSchema } from "~/utils/schemas/passerelle";
import { action as newPostAction } from "~/routes/entreprise.$companyId.passerelles.nouvelle";
import {
  action as postAction,
  loader as postLoader,
} from "~/routes/entreprise.$companyId.passerelles.$postId";
import { appRequest, sessionCookieFor, thrown } from "./utils/session";

const inDays = (n: number) => {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + n));
};

type World = Awaited<ReturnType<typeof buildWorld>>;
let w: World;

async function buildWorld() {
  const clubLens = await insertClub(prisma, { name: "Club Lens", departementCode: "62" });
  const clubCalais = await insertClub(prisma, { name: "Club Calais", departementCode: "62" });
  const clubLille = await insertClub(prisma, { name: "Club Lille", departementCode: "59" });

  const company = async (name: string, communeCode: string, clubId: string, status = "MEMBER") => {
    const row = await insertCompany(prisma, { name, communeCode, nafCode: "25.11Z" });
    await addMembership(prisma, { companyId: row.id, clubId, status: status as "MEMBER" });
    return row;
  };
  const host = await company("Chaudronnerie de Lens", "62498", clubLens.id); // Lens
  const lender = await company("Soudure de Liévin", "62510", clubLens.id); // Liévin, same EPCI
  const arras = await company("Métaux d'Arras", "62041", clubLens.id); // Arras, same département
  const calais = await company("Forges de Calais", "62193", clubCalais.id); // other club, 62
  const lille = await company("Aciers de Lille", "59350", clubLille.id); // Nord
  const prospect = await company("Prospect de Lens", "62498", clubLens.id, "PROSPECT");

  const person = async (name: string, ...scopes: Parameters<typeof grantRole>[2][]) => {
    const user = await insertUser(prisma, { name });
    for (const scope of scopes) await grantRole(prisma, user.id, scope);
    return (await loadCurrentUser(user.id)) as CurrentUser;
  };
  return {
    clubLens,
    clubCalais,
    host,
    lender,
    arras,
    calais,
    lille,
    prospect,
    hostUser: await person("Hôte", { role: "COMPANY", companyId: host.id }),
    lenderUser: await person("Prêteur", { role: "COMPANY", companyId: lender.id }),
    lilleUser: await person("Nord", { role: "COMPANY", companyId: lille.id }),
    calaisUser: await person("Calais", { role: "COMPANY", companyId: calais.id }),
    prospectUser: await person("Prospect", { role: "COMPANY", companyId: prospect.id }),
    animator: await person("Animateur", { role: "ANIMATOR", clubId: clubLens.id }),
    animatorCalais: await person("Animatrice Calais", { role: "ANIMATOR", clubId: clubCalais.id }),
    prefecture: await person("Préfecture", { role: "PREFECTURE", departementCode: "62" }),
  };
}

const welders = (
  companyId: string,
  kind: "NEED" | "AVAILABILITY",
  communeCode: string,
  extra = {},
) =>
  insertPasserellePost(prisma, {
    companyId,
    kind,
    romeDomain: "H29",
    tradeLabel: kind === "NEED" ? "Soudeur" : "Soudeur TIG",
    headcount: kind === "NEED" ? 3 : 2,
    startDate: inDays(10),
    endDate: inDays(190),
    communeCode,
    ...extra,
  });

beforeAll(async () => {
  w = await buildWorld();
});

describe("permissions of the members' network", () => {
  test("network:use: the company's own people only, while it is a club member", async () => {
    expect(await can(w.hostUser, { action: "network:use", companyId: w.host.id })).toBe(true);
    // Another company, animators, prefecture, a prospect: refused.
    expect(await can(w.lenderUser, { action: "network:use", companyId: w.host.id })).toBe(false);
    expect(await can(w.animator, { action: "network:use", companyId: w.host.id })).toBe(false);
    expect(await can(w.prefecture, { action: "network:use", companyId: w.host.id })).toBe(false);
    expect(await can(w.lilleUser, { action: "network:use", companyId: w.host.id })).toBe(false);
    expect(await can(w.prospectUser, { action: "network:use", companyId: w.prospect.id })).toBe(
      false,
    );
  });

  test("posts: club-only posts stay in the club, département posts stay in the département", async () => {
    const clubOnly = await welders(w.arras.id, "AVAILABILITY", "62041");
    const departement = await welders(w.arras.id, "AVAILABILITY", "62041", {
      visibility: "DEPARTEMENT",
    });
    const see = (user: CurrentUser, companyId: string, postId: string) =>
      can(user, { action: "passerelle:see", companyId, postId });
    expect(await see(w.hostUser, w.host.id, clubOnly.id)).toBe(true);
    expect(await see(w.calaisUser, w.calais.id, clubOnly.id)).toBe(false);
    expect(await see(w.calaisUser, w.calais.id, departement.id)).toBe(true);
    // Nord (59) never sees a 62 post, even opened to the département.
    expect(await see(w.lilleUser, w.lille.id, departement.id)).toBe(false);
    // Acting as a company one does not belong to: refused.
    expect(await see(w.lilleUser, w.host.id, clubOnly.id)).toBe(false);
    await prisma.passerellePost.deleteMany({
      where: { id: { in: [clubOnly.id, departement.id] } },
    });
  });

  test("a prefecture user posting as a company is refused with a 403, and nothing is written", async () => {
    const cookie = await sessionCookieFor(w.prefecture.id);
    const before = await prisma.passerellePost.count();
    const body = new URLSearchParams({
      kind: "NEED",
      arrangement: "LOAN",
      romeDomain: "H29",
      tradeLabel: "Soudeur",
      headcount: "3",
      startDate: "2027-01-01",
      endDate: "2027-06-30",
      communeCode: "62498",
      visibility: "CLUB",
    });
    const response = await thrown(() =>
      newPostAction({
        request: appRequest(`/entreprise/${w.host.id}/passerelles/nouvelle`, {
          method: "POST",
          body,
          cookie,
        }),
        params: { companyId: w.host.id },
        context: {},
      }),
    );
    expect((response as Response).status).toBe(403);
    expect(await prisma.passerellePost.count()).toBe(before);
  });

  test("bad input gets French errors and writes nothing", async () => {
    const cookie = await sessionCookieFor(w.hostUser.id);
    const before = await prisma.passerellePost.count();
    const body = new URLSearchParams({
      kind: "NEED",
      arrangement: "LOAN",
      romeDomain: "Z99",
      tradeLabel: "Soudeur",
      headcount: "0",
      startDate: "2027-02-30",
      endDate: "2027-06-30",
      communeCode: "62498",
      visibility: "CLUB",
    });
    const result = (await newPostAction({
      request: appRequest(`/entreprise/${w.host.id}/passerelles/nouvelle`, {
        method: "POST",
        body,
        cookie,
      }),
      params: { companyId: w.host.id },
      context: {},
    })) as unknown as { data: { errors: Record<string, string[]> }; init: { status: number } };
    expect(result.init.status).toBe(400);
    expect(result.data.errors.romeDomain).toEqual([
      "Choisissez une famille de métiers de la liste.",
    ]);
    expect(result.data.errors.headcount).toEqual(["Au moins 1 personne."]);
    expect(result.data.errors.startDate).toEqual(["Cette date n'existe pas."]);
    expect(await prisma.passerellePost.count()).toBe(before);
  });
});

describe("proposals", () => {
  test("closest first: same EPCI before same département; other trade families and other periods left out", async () => {
    const need = await welders(w.host.id, "NEED", "62498");
    const lievin = await welders(w.lender.id, "AVAILABILITY", "62510");
    const arras = await welders(w.arras.id, "AVAILABILITY", "62041");
    const cooks = await welders(w.arras.id, "AVAILABILITY", "62498", { romeDomain: "G16" });
    const later = await welders(w.arras.id, "AVAILABILITY", "62498", {
      startDate: inDays(400),
      endDate: inDays(500),
    });
    const calaisClubOnly = await welders(w.calais.id, "AVAILABILITY", "62193");
    const post = (await getPost(need.id))!;
    const proposals = await proposalsForCompany(post, await networkScope(w.host.id));
    expect(proposals.map((p) => p.post.id)).toEqual([lievin.id, arras.id]);
    expect(proposals[0].reasons).toEqual([
      "Même famille de métiers : Mécanique, travail des métaux et outillage (H29)",
      "Même intercommunalité (EPCI) : Liévin",
      "Même formule : prêt de main-d'œuvre temporaire",
      expect.stringMatching(/^Période commune : du .+ \(100 % de la période du besoin\)$/),
      "Effectif partiel : 2 disponibles pour 3 demandées",
    ]);
    expect(proposals[1].reasons[1]).toBe("Même département : Arras");
    // And the other side sees the need first.
    const fromLender = await proposalsForCompany(
      (await getPost(lievin.id))!,
      await networkScope(w.lender.id),
    );
    expect(fromLender[0].post.id).toBe(need.id);
    await prisma.passerellePost.deleteMany({
      where: { id: { in: [need.id, lievin.id, arras.id, cooks.id, later.id, calaisClubOnly.id] } },
    });
  });
});

describe("contact and conclusion", () => {
  test("contact: one e-mail per person of the other company, Reply-To the sender; a second contact is refused", async () => {
    const need = await welders(w.host.id, "NEED", "62498");
    const offer = await welders(w.lender.id, "AVAILABILITY", "62510");
    const sender = {
      userId: w.hostUser.id,
      name: w.hostUser.name,
      email: w.hostUser.email,
      organisation: "Chaudronnerie de Lens",
    };
    const matchId = await contactCounterpart(sender, need.id, offer.id, "Bonjour, parlons-en.");
    const emails = await prisma.emailOutbox.findMany({
      where: { template: "passerelle-contact", dedupeKey: { contains: matchId } },
    });
    expect(emails).toHaveLength(1);
    expect(emails[0].to).toBe(w.lenderUser.email);
    expect(emails[0].replyTo).toBe(w.hostUser.email);
    expect(emails[0].subject).toBe("Passerelles : Chaudronnerie de Lens vous contacte");
    expect(emails[0].text).toContain("Bonjour, parlons-en.");
    await expect(
      contactCounterpart(sender, need.id, offer.id, "Encore moi, bonjour."),
    ).rejects.toThrow("Ces deux annonces sont déjà en relation.");
  });

  test("conclude: the host company only; one realisation of prêt de main-d'œuvre in its club, linked to the match, never twice", async () => {
    const need = await welders(w.host.id, "NEED", "62498", { startDate: inDays(-30) });
    const offer = await welders(w.lender.id, "AVAILABILITY", "62510", { startDate: inDays(-30) });
    const matchId = await contactCounterpart(
      {
        userId: w.lenderUser.id,
        name: "Prêteur",
        email: w.lenderUser.email,
        organisation: "Soudure de Liévin",
      },
      offer.id,
      need.id,
      "Nous avons deux soudeurs disponibles.",
    );
    // The lending side and other companies may not conclude.
    expect(
      await can(w.lenderUser, { action: "passerelle:conclude", companyId: w.lender.id, matchId }),
    ).toBe(false);
    expect(
      await can(w.hostUser, { action: "passerelle:conclude", companyId: w.host.id, matchId }),
    ).toBe(true);
    expect(
      await can(w.prefecture, { action: "passerelle:conclude", companyId: w.host.id, matchId }),
    ).toBe(false);

    const input = concludeSchema.parse({
      matchId,
      arrangement: "LOAN",
      headcount: "2",
      startDate: inDays(-30).toISOString().slice(0, 10),
      endDate: inDays(150).toISOString().slice(0, 10),
      publicCategoryCode: "SENIOR",
      contractType: "",
    });
    const realisationId = await concludeMatch(w.hostUser.id, w.host.id, input);
    const realisation = await prisma.realisation.findUniqueOrThrow({
      where: { id: realisationId },
    });
    expect(realisation).toMatchObject({
      companyId: w.host.id,
      clubId: w.clubLens.id,
      departementCode: "62",
      actionTypeCode: "WORKFORCE_LOAN",
      publicCategoryCode: "SENIOR",
      quantity: 2,
      contractType: null,
    });
    expect(realisation.date.toISOString().slice(0, 10)).toBe(input.startDate);
    const match = await prisma.passerelleMatch.findUniqueOrThrow({ where: { id: matchId } });
    expect(match).toMatchObject({ status: "CONCLUDED", realisationId, headcount: 2 });

    const count = await prisma.realisation.count({ where: { companyId: w.host.id } });
    await expect(concludeMatch(w.hostUser.id, w.host.id, input)).rejects.toThrow(
      "Cette passerelle est déjà conclue.",
    );
    expect(await prisma.realisation.count({ where: { companyId: w.host.id } })).toBe(count);
  });

  test("conclude through the route: a hire without contract type is refused in French and writes nothing", async () => {
    const need = await welders(w.host.id, "NEED", "62498", { arrangement: "HIRE" });
    const offer = await welders(w.lender.id, "AVAILABILITY", "62510", { arrangement: "HIRE" });
    const matchId = await contactCounterpart(
      { userId: w.hostUser.id, name: "Hôte", email: w.hostUser.email, organisation: "Hôte" },
      need.id,
      offer.id,
      "Vos salariés nous intéressent.",
    );
    const cookie = await sessionCookieFor(w.hostUser.id);
    const before = await prisma.realisation.count();
    const result = (await postAction({
      request: appRequest(`/entreprise/${w.host.id}/passerelles/${need.id}`, {
        method: "POST",
        cookie,
        body: new URLSearchParams({
          intent: "conclude",
          matchId,
          arrangement: "HIRE",
          headcount: "2",
          startDate: "2026-01-05",
          endDate: "2026-12-31",
          publicCategoryCode: "SENIOR",
          contractType: "",
        }),
      }),
      params: { companyId: w.host.id, postId: need.id },
      context: {},
    })) as unknown as { data: { errors: Record<string, string[]> }; init: { status: number } };
    expect(result.init.status).toBe(400);
    expect(result.data.errors.contractType).toEqual([
      "Pour une embauche, indiquez le type de contrat.",
    ]);
    expect(await prisma.realisation.count()).toBe(before);
    // The lending company cannot conclude through its own post's page either.
    const lenderCookie = await sessionCookieFor(w.lenderUser.id);
    const refused = await thrown(() =>
      postAction({
        request: appRequest(`/entreprise/${w.lender.id}/passerelles/${offer.id}`, {
          method: "POST",
          cookie: lenderCookie,
          body: new URLSearchParams({
            intent: "conclude",
            matchId,
            arrangement: "HIRE",
            headcount: "2",
            startDate: "2026-01-05",
            endDate: "2026-12-31",
            publicCategoryCode: "SENIOR",
            contractType: "CDI",
          }),
        }),
        params: { companyId: w.lender.id, postId: offer.id },
        context: {},
      }),
    );
    expect((refused as Response).status).toBe(403);
    expect(await prisma.realisation.count()).toBe(before);
  });

  test("broker: an animator of another club cannot put this club's posts in relation", async () => {
    const need = await welders(w.host.id, "NEED", "62498", { tradeLabel: "Soudeur B" });
    const offer = await welders(w.lender.id, "AVAILABILITY", "62510", { tradeLabel: "Soudeur B" });
    await expect(
      brokerMatch(
        { userId: w.animatorCalais.id, name: "A", email: "a@x.test", organisation: "Club Calais" },
        { id: w.clubCalais.id, departementCode: "62" },
        need.id,
        offer.id,
        "Je vous mets en relation.",
      ),
    ).rejects.toBeInstanceOf(PasserelleError);
    const matchId = await brokerMatch(
      { userId: w.animator.id, name: "A", email: "anim@x.test", organisation: "Club Lens" },
      { id: w.clubLens.id, departementCode: "62" },
      need.id,
      offer.id,
      "Je vous mets en relation.",
    );
    const emails = await prisma.emailOutbox.findMany({
      where: { dedupeKey: { contains: matchId } },
      select: { to: true, replyTo: true },
      orderBy: { to: "asc" },
    });
    expect(emails.map((e) => e.to).sort()).toEqual([w.hostUser.email, w.lenderUser.email].sort());
    expect(emails.every((e) => e.replyTo === "anim@x.test")).toBe(true);
  });
});

describe("hostile input on the post page", () => {
  test("oversized, injection-shaped and unknown values: a 4xx, never a 5xx, nothing written", async () => {
    const need = await welders(w.host.id, "NEED", "62498", { tradeLabel: "Soudeur H" });
    const cookie = await sessionCookieFor(w.hostUser.id);
    const before = {
      matches: await prisma.passerelleMatch.count(),
      realisations: await prisma.realisation.count(),
      outbox: await prisma.emailOutbox.count(),
    };
    const forms: Record<string, string>[] = [
      {
        intent: "contact",
        postId: need.id,
        counterpartId: "x".repeat(5000),
        message: "x".repeat(20),
      },
      {
        intent: "contact",
        postId: need.id,
        counterpartId: "' OR 1=1 --",
        message: "Bonjour à vous !",
      },
      { intent: "contact", postId: need.id, counterpartId: need.id, message: "x".repeat(20_000) },
      {
        intent: "conclude",
        matchId: "<script>alert(1)</script>",
        arrangement: "LOAN",
        headcount: "2",
        startDate: "2026-01-01",
        endDate: "2026-02-01",
        publicCategoryCode: "DELD",
      },
      {
        intent: "conclude",
        matchId: "m",
        arrangement: "LOAN",
        headcount: "2",
        startDate: "2010-01-01",
        endDate: "2010-02-01",
        publicCategoryCode: "DELD",
      },
      { intent: "{{7*7}}" },
    ];
    for (const form of forms) {
      let status: number;
      try {
        const result = (await postAction({
          request: appRequest(`/entreprise/${w.host.id}/passerelles/${need.id}`, {
            method: "POST",
            cookie,
            body: new URLSearchParams(form),
          }),
          params: { companyId: w.host.id, postId: need.id },
          context: {},
        })) as unknown as { init: { status: number } };
        status = result.init.status;
      } catch (error) {
        status = (error as Response).status;
      }
      expect(status, JSON.stringify(form).slice(0, 80)).toBeGreaterThanOrEqual(400);
      expect(status).toBeLessThan(500);
    }
    expect({
      matches: await prisma.passerelleMatch.count(),
      realisations: await prisma.realisation.count(),
      outbox: await prisma.emailOutbox.count(),
    }).toEqual(before);
    await prisma.passerellePost.delete({ where: { id: need.id } });
  });
});

describe("another company's post", () => {
  test("visible: answer it from one's own open posts of the other kind; invisible: 404", async () => {
    const need = await welders(w.arras.id, "NEED", "62041", { visibility: "DEPARTEMENT" });
    const mine = await welders(w.calais.id, "AVAILABILITY", "62193");
    const load = async (user: CurrentUser, companyId: string) =>
      postLoader({
        request: appRequest(`/entreprise/${companyId}/passerelles/${need.id}`, {
          cookie: await sessionCookieFor(user.id),
        }),
        params: { companyId, postId: need.id },
        context: {},
      });
    const seen = await load(w.calaisUser, w.calais.id);
    expect(seen.own).toBe(false);
    expect(seen.answerFrom.map((p) => p.id)).toEqual([mine.id]);
    expect(seen.proposals).toEqual([]);
    const refused = await thrown(() => load(w.lilleUser, w.lille.id));
    expect((refused as Response).status).toBe(404);
    await prisma.passerellePost.deleteMany({ where: { id: { in: [need.id, mine.id] } } });
  });
});

describe("directory", () => {
  test("each company sees its club and the département's open cards, with only the fields shown", async () => {
    await insertDirectoryCard(prisma, {
      companyId: w.lender.id,
      tradesEmployed: ["H29"],
      tradesRecruited: ["H29", "I13"],
      offer: "Immersions en soudure",
    });
    await prisma.directoryCard.update({
      where: { companyId: w.lender.id },
      data: { showCommune: false },
    });
    await insertDirectoryCard(prisma, { companyId: w.calais.id, visibility: "DEPARTEMENT" });
    await insertDirectoryCard(prisma, { companyId: w.arras.id, listed: false });
    await insertDirectoryCard(prisma, { companyId: w.lille.id, visibility: "DEPARTEMENT" });
    const all = { q: "", trade: "", recruiting: false, scope: "ALL" as const };
    const cards = await searchDirectory(await networkScope(w.host.id), all);
    // Club members (not prospects, not unlisted), the département's open card, never Nord.
    expect(cards.map((c) => c.name).sort()).toEqual(["Forges de Calais", "Soudure de Liévin"]);
    const lievin = cards.find((c) => c.name === "Soudure de Liévin")!;
    expect(lievin.commune).toBeNull();
    expect(lievin.tradesRecruited).toEqual(["H29", "I13"]);
    const recruitingWelders = await searchDirectory(await networkScope(w.host.id), {
      ...all,
      trade: "H29",
      recruiting: true,
    });
    expect(recruitingWelders.map((c) => c.name)).toEqual(["Soudure de Liévin"]);
    const nord = await searchDirectory(await networkScope(w.lille.id), all);
    expect(nord.map((c) => c.name)).toEqual([]);
  });
});

test("post schema: the end follows the start", () => {
  const result = postSchema.safeParse({
    kind: "NEED",
    arrangement: "LOAN",
    romeDomain: "H29",
    tradeLabel: "Soudeur",
    headcount: "3",
    startDate: "2027-06-30",
    endDate: "2027-01-01",
    communeCode: "62498",
    visibility: "CLUB",
  });
  expect(result.success).toBe(false);
  expect(result.error?.issues[0].message).toBe("La fin doit suivre le début.");
});
