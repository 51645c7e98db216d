// Every free text that can describe hired people or members refuses personal data on the server
// (decision 019), on a real database: realisation and commitment texts, the import's notes,
// practices and their comments, meeting minutes, Passerelles posts and directory cards. A refused
// text writes nothing; a guessed name is refused until its author confirms it.
import { beforeAll, describe, expect, test } from "vitest";
import {
  addMembership,
  insertClub,
  insertCompany,
  insertMeeting,
  insertPractice,
  insertUser,
  grantRole,
} from "../prisma/factories";
import { parseRealisationFile } from "~/models/realisation-import-file.server";
import * as cardPage from "~/routes/entreprise.$companyId.annuaire.ma-fiche";
import * as newCommitmentPage from "~/routes/entreprise.$companyId.engagements.nouveau";
import * as newPostPage from "~/routes/entreprise.$companyId.passerelles.nouvelle";
import * as newRealisationPage from "~/routes/entreprise.$companyId.realisations.nouvelle";
import * as minutesPage from "~/routes/club.$clubId.reunions.$meetingId.compte-rendu";
import * as practicePage from "~/routes/pratiques.$practiceId._index";
import * as newPracticePage from "~/routes/pratiques.nouvelle";
import { prisma } from "~/utils/db.server";
import { appRequest, callAs, routeOutcome, sessionCookieFor } from "./utils/session";

type RouteFn = Parameters<typeof routeOutcome>[0];

const PHONE = "Appelez Léa au 06 12 34 56 78";
const NAME = "Merci à Mme Martin pour son accueil";
const RULE = "Engagés ne conserve aucune donnée personnelle sur les personnes recrutées";
const today = new Date().toISOString().slice(0, 10);
const year = new Date().getUTCFullYear();

let companyId: string;
let clubId: string;
let leaderId: string;
let animatorId: string;
let practiceId: string;
let meetingId: string;

beforeAll(async () => {
  const club = await insertClub(prisma, { name: "Club d'Arras", departementCode: "62" });
  const company = await insertCompany(prisma, {
    name: "Transports Delattre",
    communeCode: "62041",
  });
  await addMembership(prisma, { companyId: company.id, clubId: club.id });
  const leader = await insertUser(prisma, { name: "Dirigeante" });
  await grantRole(prisma, leader.id, { role: "COMPANY", companyId: company.id });
  const animator = await insertUser(prisma, { name: "Animateur" });
  await grantRole(prisma, animator.id, { role: "ANIMATOR", clubId: club.id });
  const practice = await insertPractice(prisma, {
    companyId: company.id,
    clubId: club.id,
    authorId: leader.id,
    visibility: "CLUB",
    title: "Un tutorat pour chaque recrue",
    body: "Chaque personne recrutée a un tuteur pendant six mois.",
  });
  const meeting = await insertMeeting(prisma, {
    clubId: club.id,
    startsAt: new Date(Date.now() - 3 * 3600_000),
    endsAt: new Date(Date.now() - 3600_000),
  });
  companyId = company.id;
  clubId = club.id;
  leaderId = leader.id;
  animatorId = animator.id;
  practiceId = practice.id;
  meetingId = meeting.id;
});

/** The French error of a refused form, whatever shape the route answers it in. */
function errorsOf(body: unknown): string {
  return JSON.stringify(body);
}

const counts = async () => ({
  realisations: await prisma.realisation.count(),
  commitments: await prisma.commitment.count(),
  practices: await prisma.practice.count(),
  comments: await prisma.comment.count(),
  posts: await prisma.passerellePost.count(),
  cards: await prisma.directoryCard.count(),
  audit: await prisma.auditLog.count(),
  minutes: (await prisma.meeting.findUniqueOrThrow({ where: { id: meetingId } })).minutes,
});

const realisation = (note: string, extra: Record<string, string> = {}) =>
  callAs(
    newRealisationPage.action as RouteFn,
    `/entreprise/${companyId}/realisations/nouvelle`,
    leaderId,
    { companyId },
    {
      date: today,
      actionTypeCode: "IMMERSION",
      publicCategoryCode: "DELD",
      quantity: "1",
      qpv: "UNKNOWN",
      note,
      ...extra,
    },
  );

describe("a realisation's note", () => {
  test("a phone number is refused in French, naming it and the rule; nothing is written", async () => {
    const before = await counts();
    const outcome = await realisation(PHONE);
    expect(outcome.status).toBe(400);
    const errors = errorsOf(outcome.body);
    expect(errors).toContain("Ce texte semble contenir un numéro de téléphone");
    expect(errors).toContain("06 12 34 56 78");
    expect(errors).toContain(RULE);
    expect(await counts()).toEqual(before);
  });

  test("confirming does not let a phone number through", async () => {
    const before = await counts();
    const outcome = await realisation(PHONE, { envoyerQuandMeme: "oui" });
    expect(outcome.status).toBe(400);
    expect(await counts()).toEqual(before);
  });

  test("a name after a title warns; once confirmed, the realisation is recorded", async () => {
    const before = await counts();
    const warned = await realisation(NAME);
    expect(warned.status).toBe(400);
    expect(errorsOf(warned.body)).toContain("Ce texte semble nommer une personne (« Mme Martin »)");
    expect(await counts()).toEqual(before);

    const confirmed = await realisation(NAME, { envoyerQuandMeme: "oui" });
    expect(confirmed.status).toBe(302);
    expect(await prisma.realisation.count({ where: { companyId, note: NAME } })).toBe(1);
  });

  test("the « Autre » public's label is checked too", async () => {
    const before = await counts();
    const outcome = await realisation("", {
      publicCategoryCode: "OTHER",
      otherPublicLabel: "né le 12/03/2004",
    });
    expect(outcome.status).toBe(400);
    expect(errorsOf(outcome.body)).toContain("une date de naissance");
    expect(await counts()).toEqual(before);
  });
});

test("an imported row whose note holds a birth date is an error of that row", async () => {
  const header =
    "Date;Type d'action;Public;Précision du public;Type de contrat;Nombre;QPV;Note;Engagement";
  const rows = [
    `${today};Immersion (PMSMP);Demandeurs d'emploi de longue durée;;;1;Non;Une immersion réussie;`,
    `${today};Immersion (PMSMP);Demandeurs d'emploi de longue durée;;;1;Non;Jeune né le 12/03/2004;`,
  ];
  const parsed = await parseRealisationFile(
    "realisations.csv",
    new TextEncoder().encode(`${header}\r\n${rows.join("\r\n")}\r\n`),
  );
  expect(parsed.rows.map((r) => r.errors.length)).toEqual([0, 1]);
  expect(parsed.rows[1].errors[0]).toMatch(
    /^Note : Ce texte semble contenir une date de naissance \(« né le 12\/03\/2004 »\)/,
  );
  expect(parsed.rows[1].input).toBeUndefined();
});

test("a commitment's ambition with a social security number is refused; nothing is written", async () => {
  const before = await counts();
  const outcome = await callAs(
    newCommitmentPage.action as RouteFn,
    `/entreprise/${companyId}/engagements/nouveau`,
    leaderId,
    { companyId },
    {
      year: String(year),
      themeCode: "INCLUSION",
      actionTypeCode: "HIRE",
      publics: "DELD",
      ambition: "Recruter en CDI la personne 1 87 03 75 123 456 40",
      startDate: `${year}-01-01`,
      endDate: `${year}-12-31`,
    },
  );
  expect(outcome.status).toBe(400);
  expect(errorsOf(outcome.body)).toContain("un numéro de sécurité sociale");
  expect(await counts()).toEqual(before);
});

describe("the practice feed", () => {
  const postPractice = async (body: string) => {
    const form = new FormData();
    form.set("clubId", clubId);
    form.set("title", "Un parcours d'intégration");
    form.set("body", body);
    form.set("visibility", "CLUB");
    const request = appRequest("/pratiques/nouvelle", {
      cookie: await sessionCookieFor(leaderId),
      method: "POST",
      body: form,
    });
    return routeOutcome(newPracticePage.action as RouteFn, request, {});
  };

  test("a practice whose body gives a prénom.nom address is refused; nothing is written", async () => {
    const before = await counts();
    const outcome = await postPractice(
      "Pour en savoir plus sur la recrue, écrivez à lea.martin@exemple.fr demain.",
    );
    expect(outcome.status).toBe(400);
    expect(errorsOf(outcome.body)).toContain("une adresse e-mail personnelle");
    expect(await counts()).toEqual(before);
  });

  test("a comment with a phone number is refused, its text given back; nothing is written", async () => {
    const before = await counts();
    const outcome = await callAs(
      practicePage.action as RouteFn,
      `/pratiques/${practiceId}`,
      leaderId,
      { practiceId },
      { intent: "comment", body: PHONE },
    );
    expect(outcome.status).toBe(400);
    const body = outcome.body as { error: string; body: string };
    expect(body.error).toContain("un numéro de téléphone");
    expect(body.error).toContain(RULE);
    expect(body.body).toBe(PHONE);
    expect(await counts()).toEqual(before);
  });

  test("a comment naming someone is published once confirmed", async () => {
    const comment = (extra: Record<string, string>) =>
      callAs(
        practicePage.action as RouteFn,
        `/pratiques/${practiceId}`,
        leaderId,
        { practiceId },
        { intent: "comment", body: NAME, ...extra },
      );
    expect((await comment({})).status).toBe(400);
    expect(await prisma.comment.count({ where: { practiceId } })).toBe(0);
    expect((await comment({ envoyerQuandMeme: "oui" })).status).toBe(302);
    expect(await prisma.comment.count({ where: { practiceId, body: NAME } })).toBe(1);
  });
});

test("meeting minutes with a phone number are refused and kept in the form; nothing is saved", async () => {
  const before = await counts();
  const minutes = `## Tour de table\n\n- ${PHONE}`;
  const outcome = await callAs(
    minutesPage.action as RouteFn,
    `/club/${clubId}/reunions/${meetingId}/compte-rendu`,
    animatorId,
    { clubId, meetingId },
    { intent: "publish", minutes },
  );
  expect(outcome.status).toBe(400);
  const body = outcome.body as { error: string; minutes: string };
  expect(body.error).toContain("un numéro de téléphone");
  expect(body.minutes).toBe(minutes);
  expect(await counts()).toEqual(before);
});

test("published minutes written before the rule can still be withdrawn as they are", async () => {
  const old = "Contact de la recrue : 06 12 34 56 78";
  await prisma.meeting.update({
    where: { id: meetingId },
    data: { minutes: old, minutesPublishedAt: new Date() },
  });
  const withdraw = (minutes: string) =>
    callAs(
      minutesPage.action as RouteFn,
      `/club/${clubId}/reunions/${meetingId}/compte-rendu`,
      animatorId,
      { clubId, meetingId },
      { intent: "unpublish", minutes },
    );
  expect((await withdraw(`${old} et 07 98 76 54 32`)).status).toBe(400);
  expect((await withdraw(old)).status).toBe(302);
  const meeting = await prisma.meeting.findUniqueOrThrow({ where: { id: meetingId } });
  expect(meeting.minutesPublishedAt).toBeNull();
  await prisma.meeting.update({ where: { id: meetingId }, data: { minutes: null } });
});

test("a Passerelles post and a directory card with a phone number are refused; nothing is written", async () => {
  const before = await counts();
  const post = await callAs(
    newPostPage.action as RouteFn,
    `/entreprise/${companyId}/passerelles/nouvelle`,
    leaderId,
    { companyId },
    {
      kind: "NEED",
      arrangement: "LOAN",
      romeDomain: "H29",
      tradeLabel: "Soudeur TIG",
      headcount: "2",
      startDate: today,
      endDate: today,
      communeCode: "62041",
      description: PHONE,
      visibility: "CLUB",
    },
  );
  expect(post.status).toBe(400);
  expect(errorsOf(post.body)).toContain("un numéro de téléphone");
  const card = await callAs(
    cardPage.action as RouteFn,
    `/entreprise/${companyId}/annuaire/ma-fiche`,
    leaderId,
    { companyId },
    { listed: "on", visibility: "CLUB", offer: "Des immersions", seek: PHONE },
  );
  expect(card.status).toBe(400);
  expect(errorsOf(card.body)).toContain("un numéro de téléphone");
  expect(await counts()).toEqual(before);
});
