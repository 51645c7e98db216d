// Two mirror scopes for the authorisation matrix and the hostile-input fuzz: side A (company A,
// member of club X in Pas-de-Calais 62) and side B (company B, club Y in Nord 59), each with a
// commitment, a realisation, a meeting, a club-only practice with one image, a club-only
// Passerelles post and every kind of no-sign-in token. Company A opted in to its public page,
// company B did not. The actors belong to
// side A (and the national admin), so side B is always "another scope" for them.
import { randomBytes } from "node:crypto";
import {
  addMembership,
  addPracticeImage,
  insertClub,
  insertCommitment,
  insertCompany,
  insertMeeting,
  insertPasserellePost,
  insertPractice,
  insertRealisation,
  insertUser,
  grantRole,
} from "../../prisma/factories";
import { digestUnsubscribeUrl } from "~/models/practice-emails.server";
import { unsubscribeToken } from "~/models/reminder-unsubscribe.server";
import { prisma } from "~/utils/db.server";
import { createRsvpToken } from "~/utils/rsvp-links.server";
import { createToken } from "~/utils/tokens.server";

export const ACTORS = ["anonymous", "company", "animator", "prefecture", "admin"] as const;
export type Actor = (typeof ACTORS)[number];

/** "own": side A's ids; "other": side B's; "mixed": side A's outer ids with side B's inner ids. */
export const SCOPES = ["own", "other", "mixed"] as const;
export type Scope = (typeof SCOPES)[number];

export type Side = Awaited<ReturnType<typeof buildSide>>;
export type World = Awaited<ReturnType<typeof buildWorld>>;
/** The kinds of no-sign-in tokens a `$token` route may take. */
export type TokenKind = keyof Side["tokens"];

const DAY = 24 * 3600 * 1000;

async function buildSide(tag: "a" | "b", departementCode: "62" | "59", communeCode: string) {
  const club = await insertClub(prisma, {
    name: `Club ${tag.toUpperCase()}`,
    departementCode,
  });
  await prisma.club.update({
    where: { id: club.id },
    data: { calendarToken: randomBytes(24).toString("base64url") },
  });
  const company = await insertCompany(prisma, {
    name: `Entreprise ${tag}`,
    communeCode,
    publicPage: tag === "a",
  });
  const membership = await addMembership(prisma, { companyId: company.id, clubId: club.id });
  const leader = await insertUser(prisma, {
    name: `Dirigeant ${tag}`,
    email: `leader-${tag}@test.fr`,
  });
  await grantRole(prisma, leader.id, { role: "COMPANY", companyId: company.id });
  const animator = await insertUser(prisma, {
    name: `Animateur ${tag}`,
    email: `animator-${tag}@test.fr`,
  });
  await grantRole(prisma, animator.id, { role: "ANIMATOR", clubId: club.id });
  const prefecture = await insertUser(prisma, {
    name: `Préfecture ${tag}`,
    email: `pref-${tag}@test.fr`,
  });
  await grantRole(prisma, prefecture.id, { role: "PREFECTURE", departementCode });
  const commitment = await insertCommitment(prisma, {
    companyId: company.id,
    createdById: leader.id,
  });
  const realisation = await insertRealisation(prisma, {
    companyId: company.id,
    commitmentId: commitment.id,
    createdById: leader.id,
  });
  const meeting = await insertMeeting(prisma, {
    clubId: club.id,
    invitations: [{ email: leader.email, userId: leader.id, companyId: company.id }],
  });
  const invitee = meeting.invitations[0];
  // Club-only: read by the club's members and animators (and admins), never by the prefecture.
  const practice = await insertPractice(prisma, {
    companyId: company.id,
    clubId: club.id,
    authorId: leader.id,
    title: `Pratique ${tag}`,
    visibility: "CLUB",
  });
  const image = await addPracticeImage(prisma, { practiceId: practice.id });
  // Club-only too: another club's company, even in the same département, does not see it.
  const post = await insertPasserellePost(prisma, {
    companyId: company.id,
    clubId: club.id,
    kind: "NEED",
    romeDomain: "H29",
    tradeLabel: "Soudeur",
    headcount: 2,
    startDate: new Date(Date.now() + 10 * DAY),
    endDate: new Date(Date.now() + 100 * DAY),
    communeCode,
    visibility: "CLUB",
    createdById: leader.id,
  });
  const invitation = createToken();
  await prisma.invitation.create({
    data: {
      email: `invitee-${tag}@test.fr`,
      role: "COMPANY",
      companyId: company.id,
      tokenHash: invitation.tokenHash,
      invitedById: leader.id,
      expiresAt: new Date(Date.now() + 14 * DAY),
    },
  });
  const reset = createToken();
  await prisma.passwordResetToken.create({
    data: { userId: leader.id, tokenHash: reset.tokenHash, expiresAt: new Date(Date.now() + DAY) },
  });
  const calendarToken = (await prisma.club.findUniqueOrThrow({ where: { id: club.id } }))
    .calendarToken!;
  // Each side's département runs the declaration campaign of another year: side A's company
  // with side B's year has none (the "mixed" scope of /entreprise/:id/declaration/:year).
  const year = departementCode === "62" ? 2025 : 2024;
  await prisma.declarationCampaign.create({
    data: { departementCode, year, deadline: new Date(Date.now() + 30 * DAY) },
  });
  // A verification sample of that year has drawn the side's company, which answered with a file.
  const sample = await prisma.verificationSample.create({
    data: { departementCode, year, ratePercent: 10, seed: `graine-${tag}` },
  });
  const check = await prisma.verificationCheck.create({
    data: {
      sampleId: sample.id,
      companyId: company.id,
      clubId: club.id,
      declaredRealisations: 1,
      declaredPeople: 1,
      message: "Merci de transmettre vos justificatifs.",
      answer: "Voici notre récapitulatif.",
      answeredAt: new Date(),
      fileName: "recapitulatif.csv",
      fileType: "text/csv",
      fileBytes: Buffer.from("type;nombre\nRecrutement;1\n"),
    },
  });
  return {
    departementCode,
    club,
    company,
    membership,
    leader,
    animator,
    prefecture,
    commitment,
    realisation,
    meeting,
    practice,
    post,
    /** Route params of this side, by name. */
    params: {
      companyId: company.id,
      clubId: club.id,
      departementCode,
      meetingId: meeting.id,
      commitmentId: commitment.id,
      realisationId: realisation.id,
      practiceId: practice.id,
      imageId: image.id,
      postId: post.id,
      year: String(year),
      checkId: check.id,
    } as Record<string, string>,
    /** The valid `$token` of each token route of this side. */
    tokens: {
      calendar: `${calendarToken}.ics`,
      unsubscribe: unsubscribeToken(membership.id),
      rsvp: createRsvpToken(invitee.id, "YES", new Date(Date.now() + 30 * DAY)),
      invitation: invitation.token,
      reset: reset.token,
      /** The weekly digest's unsubscribe link, for the leader. */
      digest: digestUnsubscribeUrl(leader.id).split("/").pop()!,
    },
  };
}

export async function buildWorld() {
  const a = await buildSide("a", "62", "62041");
  const b = await buildSide("b", "59", "59350");
  const adminUser = await insertUser(prisma, { name: "Admin national", email: "admin@test.fr" });
  await grantRole(prisma, adminUser.id, { role: "ADMIN" });
  const actorIds: Record<Exclude<Actor, "anonymous">, string> = {
    company: a.leader.id,
    animator: a.animator.id,
    prefecture: a.prefecture.id,
    admin: adminUser.id,
  };
  return { a, b, actorIds };
}

/** The same token with its last character changed: a forged or mistyped link. */
function tampered(token: string) {
  const at = token.endsWith(".ics") ? token.length - 5 : token.length - 1;
  return token.slice(0, at) + (token[at] === "A" ? "B" : "A") + token.slice(at + 1);
}

/**
 * The URL params of a route for a scope: side A's ids ("own"), side B's ("other"), or side A's
 * with side B's id in the last param ("mixed"). `$token` takes a token of the given kind.
 */
export function paramsFor(
  world: World,
  names: string[],
  scope: Scope,
  tokenKind?: TokenKind,
): Record<string, string> {
  const params: Record<string, string> = {};
  names.forEach((name, index) => {
    const last = index === names.length - 1;
    if (name === "token") {
      if (!tokenKind) throw new Error("Cette route à jeton n'indique pas son type de jeton");
      const own = world.a.tokens[tokenKind];
      params.token =
        scope === "own" ? own : scope === "other" ? tampered(own) : world.b.tokens[tokenKind];
      return;
    }
    const side = scope === "own" || (scope === "mixed" && !last) ? world.a : world.b;
    const value = side.params[name];
    if (value === undefined) throw new Error(`Paramètre inconnu du monde de test : $${name}`);
    params[name] = value;
  });
  return params;
}
