// Whether a club is closed (decision 015): a closed club keeps its history and figures, but takes
// no new members, meetings, reminders or invitations. Each model refuses with its own error
// class, so its route answers the usual French 400.

import { prisma, type Tx } from "~/utils/db.server";

export const CLUB_CLOSED_MESSAGE =
  "Ce club est fermé : son historique reste consultable, mais il n'accueille plus de nouveaux membres, réunions, relances ni invitations.";

/** Throws makeError(CLUB_CLOSED_MESSAGE) when the club is closed. */
export async function assertClubOpen(
  db: Tx | typeof prisma,
  clubId: string,
  makeError: (message: string) => Error,
) {
  const club = await db.club.findUnique({ where: { id: clubId }, select: { closedAt: true } });
  if (club?.closedAt) throw makeError(CLUB_CLOSED_MESSAGE);
}
