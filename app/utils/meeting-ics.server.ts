// iCalendar (RFC 5545) for meetings, built with the `ics` package: the invitation attached to
// e-mails (METHOD:REQUEST, or CANCEL when the meeting is called off) and the club's subscribable
// calendar (METHOD:PUBLISH). Times are written in UTC (…Z), so every calendar shows them in its
// own time zone; the UID is stable per meeting, so updates and cancellations replace the event.

import { createEvent, createEvents, type EventAttributes } from "ics";
import { env } from "./env.server";

export type IcsMeeting = {
  id: string;
  clubId: string;
  clubName: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  place: string;
  videoUrl: string | null;
  agenda: string;
  cancelledAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  organizer: { name: string; email: string };
};

const PRODUCT_ID = "-//Engages//Reunions de club//FR";

/** The same for the life of the meeting, whatever the app's address. */
export function meetingUid(meetingId: string) {
  return `reunion-${meetingId}@engages`;
}

/**
 * RFC 5545 wants a higher SEQUENCE for each new version of an event: the seconds elapsed between
 * the meeting's creation and its last change only ever grow.
 */
export function meetingSequence(meeting: Pick<IcsMeeting, "createdAt" | "updatedAt">) {
  return Math.max(
    0,
    Math.floor((meeting.updatedAt.getTime() - meeting.createdAt.getTime()) / 1000),
  );
}

export function meetingPageUrl(meeting: Pick<IcsMeeting, "id" | "clubId">) {
  return `${env.APP_URL}/club/${meeting.clubId}/reunions/${meeting.id}`;
}

function eventOf(meeting: IcsMeeting): EventAttributes {
  const url = meetingPageUrl(meeting);
  const description = [
    meeting.agenda ? `Ordre du jour :\n${meeting.agenda}` : "",
    meeting.videoUrl ? `Visioconférence : ${meeting.videoUrl}` : "",
    `Dans Engagés : ${url}`,
  ]
    .filter(Boolean)
    .join("\n\n");
  return {
    uid: meetingUid(meeting.id),
    sequence: meetingSequence(meeting),
    start: meeting.startsAt.getTime(),
    startInputType: "utc",
    startOutputType: "utc",
    end: meeting.endsAt.getTime(),
    endInputType: "utc",
    endOutputType: "utc",
    title: meeting.title,
    description,
    location: meeting.place || meeting.videoUrl || undefined,
    url,
    status: meeting.cancelledAt ? "CANCELLED" : "CONFIRMED",
    busyStatus: "BUSY",
    organizer: {
      name: `${meeting.organizer.name} (${meeting.clubName})`,
      email: meeting.organizer.email,
    },
    categories: [meeting.clubName],
    lastModified: meeting.updatedAt.getTime(),
  };
}

function unwrap(result: { error: Error | null; value: string | null | undefined }) {
  if (result.error || !result.value) {
    throw new Error(`Calendrier : ${result.error?.message ?? "résultat vide"}`);
  }
  return result.value;
}

/**
 * The calendar file of one meeting for one invitee: METHOD:REQUEST (an invitation or its update),
 * or METHOD:CANCEL once the meeting is cancelled.
 */
export function meetingInvitationIcs(
  meeting: IcsMeeting,
  attendee: { email: string; name?: string | null },
): string {
  const cancelled = meeting.cancelledAt !== null;
  return unwrap(
    createEvent({
      ...eventOf(meeting),
      productId: PRODUCT_ID,
      method: cancelled ? "CANCEL" : "REQUEST",
      attendees: [
        {
          email: attendee.email,
          ...(attendee.name ? { name: attendee.name } : {}),
          // Answers are taken by the links of the e-mail, not by calendar replies.
          rsvp: false,
          partstat: "NEEDS-ACTION",
          role: "REQ-PARTICIPANT",
        },
      ],
    }),
  );
}

/** An e-mail attachment (base64) of that file; the Content-Type carries the method. */
export function meetingIcsAttachment(ics: string, method: "REQUEST" | "CANCEL") {
  return {
    filename: method === "CANCEL" ? "annulation.ics" : "invitation.ics",
    contentType: `text/calendar; charset=utf-8; method=${method}`,
    content: Buffer.from(ics, "utf8").toString("base64"),
  };
}

/** The club's calendar to subscribe to: its meetings (the caller leaves cancelled ones out). */
export function clubCalendarIcs(clubName: string, meetings: IcsMeeting[]): string {
  return unwrap(
    createEvents(meetings.map(eventOf), {
      productId: PRODUCT_ID,
      method: "PUBLISH",
      calName: `Réunions — ${clubName}`,
    }),
  );
}
