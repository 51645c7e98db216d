// The head the club's pages (`/club/:clubId/…`) start with: the permission on the club, then the
// club, or the meeting, which must be this club's (a 404 otherwise).

import type { LoaderFunctionArgs } from "@remix-run/node";
import { getClub } from "~/models/club.server";
import { getClubMeeting } from "~/models/meeting.server";
import { notFound, requirePermission } from "~/utils/permissions.server";
import { formatMeetingWhen } from "~/utils/time/meeting-format.server";
import { zoneOfDepartement } from "~/utils/time/zones";

type ClubAction = "club:read" | "club:manage" | "club:moderate";

/** The signed-in user holding `action` on the club of the URL, and that club. */
export async function requireClubPage(
  request: Request,
  params: LoaderFunctionArgs["params"],
  action: ClubAction,
) {
  const clubId = params.clubId ?? "";
  const user = await requirePermission(request, { action, clubId });
  const club = await getClub(clubId);
  if (!club) notFound();
  return { user, clubId, club };
}

/**
 * The signed-in user holding `action` on the club of the URL, and that club's meeting with its
 * zone and its date and hours in words.
 */
export async function requireClubMeetingPage(
  request: Request,
  params: LoaderFunctionArgs["params"],
  action: "club:read" | "club:manage",
) {
  const clubId = params.clubId ?? "";
  const meetingId = params.meetingId ?? "";
  const user = await requirePermission(request, { action, clubId });
  const meeting = await getClubMeeting(clubId, meetingId);
  if (!meeting) notFound("Cette réunion n'existe pas dans ce club.");
  const zone = zoneOfDepartement(meeting.club.departementCode);
  const when = formatMeetingWhen(meeting.startsAt, meeting.endsAt, zone);
  return { user, clubId, meetingId, meeting, zone, when };
}
