import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ClubNav } from "~/components/club-nav";
import { MarkdownContent } from "~/components/markdown-content";
import { CancelledBadge, MeetingFactsList, RsvpBadge, RsvpButtons } from "~/components/meeting-ui";
import { PageHeader, Section } from "~/components/page";
import { canAnswerInClub, myInvitations } from "~/models/meeting-answers.server";
import { ensureCalendarToken, regenerateCalendarToken } from "~/models/meeting-calendar.server";
import { listClubMeetings } from "~/models/meeting.server";
import { env } from "~/utils/env.server";
import { renderMarkdown } from "~/utils/markdown.server";
import { zoneOfDepartement } from "~/utils/time/zones";
import { formatMeetingWhen } from "~/utils/time/meeting-format.server";
import { can, requirePermission } from "~/utils/permissions.server";
import { answerAndRedirect, requireClubPage } from "~/utils/club-route.server";
import { redirectWithFlash } from "~/utils/session.server";
import { readForm } from "~/utils/forms.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Réunions — ${data?.club.name ?? "Club"} — Engagés` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, clubId, club } = await requireClubPage(request, params, "club:read");
  const canManage = await can(user, { action: "club:manage", clubId });
  const { upcoming, past } = await listClubMeetings(clubId);
  const mine = await myInvitations(
    user,
    [...upcoming, ...past].map((m) => m.id),
  );
  const canAnswer = await canAnswerInClub(user, clubId);
  const token = await ensureCalendarToken(clubId, user.id);
  const zone = zoneOfDepartement(club.departementCode);
  const shape = (m: (typeof upcoming)[number]) => ({
    id: m.id,
    title: m.title,
    when: formatMeetingWhen(m.startsAt, m.endsAt, zone),
    place: m.place,
    videoUrl: m.videoUrl,
    cancelled: m.cancelledAt !== null,
    minutesHtml:
      m.minutesPublishedAt && m.minutes ? renderMarkdown(m.minutes, { headingLevel: 4 }) : null,
    myRsvp: mine.get(m.id)?.rsvp ?? null,
    counts: canManage ? m.counts : null,
  });
  return {
    club,
    canManage,
    canAnswer,
    // Members see a cancelled meeting to come (flagged), not the cancelled ones of the past.
    upcoming: upcoming.map(shape),
    past: past.filter((m) => canManage || !m.cancelledAt).map(shape),
    calendarUrl: `${env.APP_URL}/club/${clubId}/calendrier/${token}.ics`,
  };
}

const answerSchema = /* @__PURE__ */ (() =>
  z.object({
    meetingId: z.string().min(1),
    answer: z.enum(["YES", "NO", "MAYBE"]),
  }))();

export async function action({ request, params }: ActionFunctionArgs) {
  const clubId = params.clubId ?? "";
  const user = await requirePermission(request, { action: "club:read", clubId });
  const form = await readForm(request);
  const intent = form.get("intent");
  const back = `/club/${clubId}/reunions`;
  if (intent === "regenerate-calendar") {
    await requirePermission(request, { action: "club:manage", clubId });
    await regenerateCalendarToken(user, clubId);
    return redirectWithFlash(request, back, {
      kind: "success",
      message:
        "Nouvelle adresse d'agenda créée. L'ancienne ne fonctionne plus : donnez la nouvelle aux membres.",
    });
  }
  if (intent === "rsvp") {
    const parsed = answerSchema.safeParse(Object.fromEntries(form));
    if (!parsed.success) throw new Response("Réponse invalide.", { status: 400 });
    const { meetingId, answer } = parsed.data;
    return answerAndRedirect(request, { user, clubId, meetingId, rsvp: answer }, back);
  }
  throw new Response("Action inconnue.", { status: 400 });
}

type MeetingItem = ReturnType<typeof useLoaderData<typeof loader>>["upcoming"][number];

function MeetingCard({
  meeting,
  clubId,
  canAnswer,
  upcoming,
  openMinutes = false,
}: {
  meeting: MeetingItem;
  clubId: string;
  canAnswer: boolean;
  upcoming: boolean;
  openMinutes?: boolean;
}) {
  const headingId = `reunion-${meeting.id}`;
  return (
    <li className="card">
      <div className="mb-2 flex flex-wrap items-start justify-between gap-2">
        <h3 id={headingId} className="text-lg font-bold">
          <Link to={`/club/${clubId}/reunions/${meeting.id}`}>{meeting.title}</Link>
        </h3>
        {meeting.cancelled ? <CancelledBadge /> : null}
      </div>
      <MeetingFactsList when={meeting.when} place={meeting.place} videoUrl={meeting.videoUrl} />
      {meeting.counts ? (
        <p className="mt-2 text-sm text-gray-700">
          {meeting.counts.invited} invité(s) · {meeting.counts.yes} oui · {meeting.counts.maybe}{" "}
          peut-être · {meeting.counts.no} non
          {!upcoming ? ` · ${meeting.counts.attended} présent(s)` : ""}
        </p>
      ) : null}
      {upcoming && !meeting.cancelled && canAnswer ? (
        <div className="mt-3">
          <RsvpButtons meetingId={meeting.id} current={meeting.myRsvp} title={meeting.title} />
        </div>
      ) : upcoming && meeting.myRsvp ? (
        <p className="mt-2 text-sm">
          Votre réponse : <RsvpBadge rsvp={meeting.myRsvp} />
        </p>
      ) : null}
      {meeting.minutesHtml ? (
        <details className="mt-3 rounded border border-gray-200 p-3" open={openMinutes}>
          <summary className="cursor-pointer font-semibold">Compte rendu</summary>
          <MarkdownContent html={meeting.minutesHtml} className="mt-2" />
        </details>
      ) : !upcoming && !meeting.cancelled ? (
        <p className="mt-2 text-sm text-gray-700">Compte rendu pas encore publié.</p>
      ) : null}
    </li>
  );
}

/** The page's two lists of meetings: their section, and the sentence when there is none. */
const MEETING_SECTIONS = {
  upcoming: { id: "a-venir", title: "À venir", empty: "Aucune réunion prévue pour le moment." },
  past: { id: "passees", title: "Réunions passées", empty: "Aucune réunion passée." },
} as const;

function MeetingSection({
  when,
  meetings,
  clubId,
  canAnswer,
}: {
  when: keyof typeof MEETING_SECTIONS;
  meetings: MeetingItem[];
  clubId: string;
  canAnswer: boolean;
}) {
  const { id, title, empty } = MEETING_SECTIONS[when];
  const upcoming = when === "upcoming";
  return (
    <Section id={id} title={title} className="mb-8" large>
      {meetings.length === 0 ? (
        <p className="text-gray-700">{empty}</p>
      ) : (
        <ul className="space-y-4">
          {meetings.map((m, index) => (
            <MeetingCard
              key={m.id}
              // The latest past meeting's minutes are open; the older ones one click away.
              openMinutes={!upcoming && index === 0}
              meeting={m}
              clubId={clubId}
              canAnswer={canAnswer}
              upcoming={upcoming}
            />
          ))}
        </ul>
      )}
    </Section>
  );
}

export default function ClubMeetings() {
  const d = useLoaderData<typeof loader>();
  return (
    <>
      {d.canManage ? <ClubNav clubId={d.club.id} /> : null}
      <PageHeader
        title="Réunions du club"
        intro={`${d.club.name} — les rencontres du club, les réponses aux invitations et les comptes rendus.`}
        actions={
          d.canManage ? (
            <Link to="nouvelle" className="btn-primary">
              Nouvelle réunion
            </Link>
          ) : null
        }
      />
      <MeetingSection
        when="upcoming"
        meetings={d.upcoming}
        clubId={d.club.id}
        canAnswer={d.canAnswer}
      />
      <MeetingSection when="past" meetings={d.past} clubId={d.club.id} canAnswer={d.canAnswer} />
      <Section
        id="agenda"
        title="Ajouter les réunions à votre agenda"
        className="card print:hidden"
        headingClassName="mb-2 text-lg font-bold"
      >
        <p className="mb-2 text-sm text-gray-700">
          Abonnez votre agenda (Outlook, Google Agenda, Apple Calendrier…) à cette adresse : les
          réunions du club s&apos;y ajoutent et s&apos;y mettent à jour d&apos;elles-mêmes.
          Gardez-la pour vous : elle suffit pour lire le calendrier du club.
        </p>
        <label htmlFor="calendar-url" className="label">
          Adresse de l&apos;agenda du club
        </label>
        <input
          id="calendar-url"
          readOnly
          value={d.calendarUrl}
          className="input font-mono text-sm"
          onFocus={(e) => e.currentTarget.select()}
        />
        {d.canManage ? (
          <Form method="post" className="mt-3">
            <input type="hidden" name="intent" value="regenerate-calendar" />
            <button type="submit" className="btn-secondary">
              Créer une nouvelle adresse (l&apos;ancienne cessera de fonctionner)
            </button>
          </Form>
        ) : null}
      </Section>
    </>
  );
}
