// The head the club's pages (`/club/:clubId/…`) start with: the permission on the club, then the
// club, or the meeting, which must be this club's (a 404 otherwise).

import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { getClub } from "~/models/club.server";
import { answerAsMember } from "~/models/meeting-answers.server";
import { MeetingError } from "~/models/meeting-invitations.server";
import { getClubMeeting, meetingHasStarted } from "~/models/meeting.server";
import { notFound, requirePermission, type CurrentUser } from "~/utils/permissions.server";
import { redirectWithFlash } from "~/utils/session.server";
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

/** The action of a club page with nothing to post: 403 for whoever may not run the club, 405 for its animators. */
export async function refuseClubPagePost({ request, params }: ActionFunctionArgs) {
  await requirePermission(request, { action: "club:manage", clubId: params.clubId ?? "" });
  return new Response("Méthode non autorisée.", { status: 405, headers: { Allow: "GET" } });
}

/**
 * The signed-in user holding `action` on the club of the URL, and that club's meeting with its
 * zone, its date and hours in words, and the heading of its pages.
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
  /** What the meeting's management pages show at their top. */
  const heading = {
    id: meeting.id,
    title: meeting.title,
    when,
    cancelled: meeting.cancelledAt !== null,
    started: meetingHasStarted(meeting),
  };
  return { user, clubId, meetingId, meeting, zone, when, heading };
}

/** A member's answer to a meeting, then back to `back` saying it is saved, or why it was refused. */
export async function answerAndRedirect(
  request: Request,
  answer: { user: CurrentUser; clubId: string; meetingId: string; rsvp: "YES" | "NO" | "MAYBE" },
  back: string,
) {
  try {
    await answerAsMember(answer.user, answer.clubId, answer.meetingId, answer.rsvp);
  } catch (error) {
    if (error instanceof MeetingError) {
      return redirectWithFlash(request, back, { kind: "error", message: error.message });
    }
    throw error;
  }
  return redirectWithFlash(request, back, {
    kind: "success",
    message: "Votre réponse est enregistrée. Merci !",
  });
}
