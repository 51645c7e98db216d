// Join requests (decision 013): a club that enters the SIRET of a company already known to
// Engagés gets no access to it; a request is sent to the company's own people, who accept (the
// company becomes a member of the club) or decline it from their team page. Every step is
// audited in the same transaction as the change.

import { assertClubOpen } from "~/models/club-status.server";
import { MEMBERSHIP_FIELDS, membershipSnapshot } from "~/models/membership-snapshot.server";
import { audit } from "~/utils/audit.server";
import { prisma, type Tx } from "~/utils/db.server";
import { queueEmail } from "~/utils/email.server";
import { env } from "~/utils/env.server";

export class JoinRequestError extends Error {
  constructor(
    message: string,
    readonly status: 400 | 404 = 400,
  ) {
    super(message);
  }
}

/** After a refusal, the same club may ask again only after this many days (no harassment). */
export const DECLINED_COOL_DOWN_DAYS = 30;

/**
 * Inside the caller's transaction: records a club's request to a known company and e-mails the
 * company's people. Refused when a request is already pending, or was declined lately.
 */
export async function requestToJoin(
  tx: Tx,
  actor: { id: string; name: string },
  clubId: string,
  company: { id: string; name: string },
  now = new Date(),
) {
  await assertClubOpen(tx, clubId, (message) => new JoinRequestError(message));
  const previous = await tx.joinRequest.findFirst({
    where: { companyId: company.id, clubId, status: { in: ["PENDING", "DECLINED"] } },
    orderBy: { createdAt: "desc" },
    select: { status: true, decidedAt: true },
  });
  if (previous?.status === "PENDING") {
    throw new JoinRequestError(
      `${company.name} est déjà inscrite sur Engagés et une demande d'adhésion lui a déjà été envoyée : elle attend sa réponse.`,
    );
  }
  const coolDownEnd = previous?.decidedAt
    ? new Date(previous.decidedAt.getTime() + DECLINED_COOL_DOWN_DAYS * 24 * 3600_000)
    : null;
  if (coolDownEnd && coolDownEnd > now) {
    throw new JoinRequestError(
      `${company.name} a refusé la demande d'adhésion du club : une nouvelle demande sera possible après ${DECLINED_COOL_DOWN_DAYS} jours.`,
    );
  }
  const club = await tx.club.findUniqueOrThrow({
    where: { id: clubId },
    select: { name: true, departementCode: true },
  });
  const request = await tx.joinRequest.create({
    data: { companyId: company.id, clubId, requestedById: actor.id, createdAt: now },
    select: { id: true },
  });
  const people = await tx.roleAssignment.findMany({
    where: { companyId: company.id, role: "COMPANY" },
    select: { user: { select: { email: true } } },
  });
  for (const person of people) {
    await queueEmail(tx, {
      template: "join-request",
      to: person.user.email,
      data: {
        companyName: company.name,
        clubName: club.name,
        departementCode: club.departementCode,
        requesterName: actor.name,
        answerUrl: `${env.APP_URL}/entreprise/${company.id}/equipe#adhesions`,
      },
    });
  }
  await audit(tx, {
    actorId: actor.id,
    action: "JOIN_REQUEST",
    entityType: "JoinRequest",
    entityId: request.id,
    companyId: company.id,
    clubId,
    after: { status: "PENDING", clubId, notified: people.length },
  });
  return request;
}

/** The requests waiting for the company's answer, oldest first. */
export function listPendingJoinRequests(companyId: string) {
  return prisma.joinRequest.findMany({
    where: { companyId, status: "PENDING" },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      createdAt: true,
      club: { select: { name: true, departementCode: true } },
    },
  });
}

/** The requests a club sent that still wait for an answer, for its members page. */
export function listClubJoinRequests(clubId: string) {
  return prisma.joinRequest.findMany({
    where: { clubId, status: "PENDING" },
    orderBy: { createdAt: "desc" },
    select: { id: true, createdAt: true, company: { select: { name: true, siret: true } } },
  });
}

/**
 * The company's answer, given by one of its people (the route checks company:write). Accepting
 * makes the company a MEMBER of the club (a former membership comes back), with the person who
 * accepted as the club's contact.
 */
export async function answerJoinRequest(
  person: { id: string; name: string; email: string },
  companyId: string,
  requestId: string,
  accept: boolean,
  now = new Date(),
) {
  return prisma.$transaction(async (tx) => {
    const request = await tx.joinRequest.findFirst({
      where: { id: requestId, companyId },
      select: { id: true, status: true, clubId: true, club: { select: { name: true } } },
    });
    if (!request) throw new JoinRequestError("Cette demande d'adhésion n'existe pas.", 404);
    if (request.status !== "PENDING") {
      throw new JoinRequestError("Cette demande d'adhésion a déjà reçu une réponse.");
    }
    if (accept) {
      await assertClubOpen(tx, request.clubId, (message) => new JoinRequestError(message));
    }
    const status = accept ? "ACCEPTED" : "DECLINED";
    await tx.joinRequest.update({
      where: { id: request.id },
      data: { status, decidedById: person.id, decidedAt: now },
    });
    await audit(tx, {
      actorId: person.id,
      action: accept ? "JOIN_ACCEPT" : "JOIN_DECLINE",
      entityType: "JoinRequest",
      entityId: request.id,
      companyId,
      clubId: request.clubId,
      before: { status: "PENDING" },
      after: { status },
    });
    if (accept) await joinClub(tx, person, companyId, request.clubId, now);
    return { clubName: request.club.name, accepted: accept };
  });
}

async function joinClub(
  tx: Tx,
  person: { id: string; name: string; email: string },
  companyId: string,
  clubId: string,
  now: Date,
) {
  const current = await tx.clubMembership.findUnique({
    where: { companyId_clubId: { companyId, clubId } },
    select: MEMBERSHIP_FIELDS,
  });
  if (current?.status === "MEMBER") return;
  const data = {
    status: "MEMBER",
    joinedAt: now,
    leftAt: null,
    contactName: person.name,
    contactEmail: person.email.toLowerCase(),
  };
  const after = current
    ? await tx.clubMembership.update({ where: { id: current.id }, data, select: MEMBERSHIP_FIELDS })
    : await tx.clubMembership.create({
        data: { companyId, clubId, ...data },
        select: MEMBERSHIP_FIELDS,
      });
  await audit(tx, {
    actorId: person.id,
    action: current ? "UPDATE" : "CREATE",
    entityType: "ClubMembership",
    entityId: after.id,
    companyId,
    clubId,
    before: current ? membershipSnapshot(current) : undefined,
    after: membershipSnapshot(after),
  });
}
