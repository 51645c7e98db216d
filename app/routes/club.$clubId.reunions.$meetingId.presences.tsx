import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ClubNav } from "~/components/club-nav";
import { FormErrors } from "~/components/forms";
import { RsvpBadge } from "~/components/meeting-ui";
import { PageHeader } from "~/components/page";
import { listMeetingInvitees } from "~/models/meeting-invitations.server";
import {
  getClubMeeting,
  meetingHasStarted,
  MeetingError,
  saveAttendance,
} from "~/models/meeting.server";
import { formatMeetingWhen } from "~/utils/meeting-time";
import { notFound, requirePermission } from "~/utils/permissions.server";
import { redirectWithFlash } from "~/utils/session.server";
import { readForm } from "~/utils/forms.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Présences — ${data?.meeting.title ?? "réunion"} — Engagés` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const clubId = params.clubId ?? "";
  const meetingId = params.meetingId ?? "";
  await requirePermission(request, { action: "club:manage", clubId });
  const meeting = await getClubMeeting(clubId, meetingId);
  if (!meeting) notFound("Cette réunion n'existe pas dans ce club.");
  const invitees = await listMeetingInvitees(clubId, meetingId);
  const taken = invitees.some((i) => i.attended !== null);
  return {
    clubId,
    meeting: {
      id: meeting.id,
      title: meeting.title,
      when: formatMeetingWhen(meeting.startsAt, meeting.endsAt),
      cancelled: meeting.cancelledAt !== null,
      started: meetingHasStarted(meeting),
    },
    taken,
    invitees: invitees.map((i) => ({
      id: i.id,
      name: i.user?.name ?? i.email,
      company: i.company?.name ?? "—",
      rsvp: i.rsvp,
      // Before the first save, those who said they would come are ticked.
      checked: taken ? i.attended === true : i.rsvp === "YES",
    })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const clubId = params.clubId ?? "";
  const meetingId = params.meetingId ?? "";
  const user = await requirePermission(request, { action: "club:manage", clubId });
  const meeting = await getClubMeeting(clubId, meetingId);
  if (!meeting) notFound("Cette réunion n'existe pas dans ce club.");
  const form = await readForm(request);
  try {
    const { present, absent } = await saveAttendance(
      user,
      clubId,
      meetingId,
      form.getAll("attended").map(String),
    );
    return redirectWithFlash(request, `/club/${clubId}/reunions/${meetingId}`, {
      kind: "success",
      message: `Présences enregistrées : ${present} présent(s), ${absent} absent(s).`,
    });
  } catch (error) {
    if (error instanceof MeetingError) return data({ error: error.message }, { status: 400 });
    throw error;
  }
}

export default function AttendancePage() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <ClubNav clubId={d.clubId} />
      <p className="mb-2 text-sm">
        <Link to={`/club/${d.clubId}/reunions/${d.meeting.id}`}>← {d.meeting.title}</Link>
      </p>
      <PageHeader title="Noter les présences" intro={`${d.meeting.title} — ${d.meeting.when}`} />
      {d.meeting.cancelled ? (
        <p className="card font-semibold text-red-800">Cette réunion a été annulée.</p>
      ) : !d.meeting.started ? (
        <p className="card">Les présences se notent à partir du début de la réunion.</p>
      ) : d.invitees.length === 0 ? (
        <p className="card">Personne n&apos;a été invité à cette réunion.</p>
      ) : (
        <Form method="post" className="card">
          <fieldset>
            <legend className="mb-3 text-sm text-gray-700">
              Cochez les personnes présentes.
              {d.taken
                ? " Les présences déjà enregistrées sont cochées."
                : " Les personnes qui ont répondu « Je viens » sont pré-cochées : vérifiez avant d'enregistrer."}
            </legend>
            <ul className="mb-4 divide-y divide-gray-200">
              {d.invitees.map((i) => (
                <li key={i.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2">
                  <input
                    type="checkbox"
                    id={`attended-${i.id}`}
                    name="attended"
                    value={i.id}
                    defaultChecked={i.checked}
                    className="h-5 w-5"
                  />
                  <label htmlFor={`attended-${i.id}`} className="min-w-0 flex-1">
                    {i.name} <span className="text-gray-700">— {i.company}</span>
                  </label>
                  <RsvpBadge rsvp={i.rsvp} />
                </li>
              ))}
            </ul>
          </fieldset>
          <FormErrors errors={actionData?.error ? [actionData.error] : null} />
          <button type="submit" className="btn-primary">
            Enregistrer les présences
          </button>
        </Form>
      )}
    </>
  );
}
