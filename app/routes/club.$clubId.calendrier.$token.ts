import type { LoaderFunctionArgs } from "@remix-run/node";
import { clubCalendarFor } from "~/models/meeting-calendar.server";

// The club's subscribable calendar: /club/:clubId/calendrier/:token.ics. No sign-in (calendar
// applications cannot sign in): the random token of the club is the key; a wrong one is a 404,
// like an unknown address. The feed holds the meetings (no invitee, no answer).
export async function loader({ params }: LoaderFunctionArgs) {
  const clubId = params.clubId ?? "";
  const segment = params.token ?? "";
  const token = segment.endsWith(".ics") ? segment.slice(0, -".ics".length) : "";
  const calendar = token ? await clubCalendarFor(clubId, token) : null;
  if (!calendar) {
    return new Response("Agenda introuvable.", {
      status: 404,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  return new Response(calendar, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": 'inline; filename="reunions-du-club.ics"',
      "Cache-Control": "private, max-age=300",
      "X-Robots-Tag": "noindex",
      "Referrer-Policy": "no-referrer",
    },
  });
}
