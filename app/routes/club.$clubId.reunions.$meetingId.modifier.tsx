import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { MeetingForm } from "~/components/meeting-form";
import { MeetingChoice, MeetingPageTop } from "~/components/meeting-ui";
import { PageHeader, Section } from "~/components/page";
import { cancelMeeting, MeetingError, updateMeeting } from "~/models/meeting.server";
import { listClubPractices, setMeetingPractices } from "~/models/meeting-practices.server";
import { toLocalInput } from "~/utils/time/wall-clock";
import { meetingSchema } from "~/utils/schemas/meeting";
import { redirectWithFlash } from "~/utils/session.server";
import { readForm, saveOrReply } from "~/utils/forms.server";
import { requireClubMeetingPage } from "~/utils/club-route.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Modifier « ${data?.meeting.title ?? "réunion"} » — Engagés` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { clubId, meeting, zone } = await requireClubMeetingPage(request, params, "club:manage");
  const practices = await listClubPractices(clubId);
  return {
    clubId,
    zone,
    meeting: {
      id: meeting.id,
      title: meeting.title,
      cancelled: meeting.cancelledAt !== null,
      ended: meeting.endsAt <= new Date(),
    },
    defaults: {
      title: meeting.title,
      startsAt: toLocalInput(meeting.startsAt, zone),
      endsAt: toLocalInput(meeting.endsAt, zone),
      place: meeting.place,
      videoUrl: meeting.videoUrl ?? "",
      agenda: meeting.agenda,
    },
    practices: practices.map((p) => ({ id: p.id, title: p.title, company: p.company.name })),
    selectedPractices: meeting.practices.map((p) => p.practice.id),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, clubId, meetingId, zone } = await requireClubMeetingPage(
    request,
    params,
    "club:manage",
  );
  const form = await readForm(request);
  const intent = form.get("intent");
  const page = `/club/${clubId}/reunions/${meetingId}`;
  try {
    if (intent === "save") {
      const submission = parseWithZod(form, {
        schema: meetingSchema(zone),
      });
      if (submission.status !== "success") {
        return data({ result: submission.reply() }, { status: 400 });
      }
      return saveOrReply(submission, MeetingError, async () => {
        const notified = await updateMeeting(user, clubId, meetingId, submission.value);
        return redirectWithFlash(request, page, {
          kind: "success",
          message:
            notified > 0
              ? `Réunion modifiée. ${notified} personne(s) invitée(s) prévenue(s) du changement par e-mail.`
              : "Réunion modifiée.",
        });
      });
    }
    if (intent === "practices") {
      const ids = form.getAll("practiceIds").map(String);
      await setMeetingPractices(user, clubId, meetingId, ids);
      return redirectWithFlash(request, page, {
        kind: "success",
        message:
          ids.length > 0
            ? `${ids.length} bonne(s) pratique(s) présentée(s) à la réunion.`
            : "Aucune bonne pratique présentée à la réunion.",
      });
    }
    if (intent === "cancel") {
      if (form.get("confirm") !== "on") {
        return redirectWithFlash(request, `${page}/modifier`, {
          kind: "error",
          message: "Cochez la case de confirmation pour annuler la réunion.",
        });
      }
      const notified = await cancelMeeting(user, clubId, meetingId);
      return redirectWithFlash(request, page, {
        kind: "success",
        message: `Réunion annulée. ${notified} personne(s) invitée(s) prévenue(s) par e-mail.`,
      });
    }
  } catch (error) {
    if (error instanceof MeetingError) {
      return redirectWithFlash(request, `${page}/modifier`, {
        kind: "error",
        message: error.message,
      });
    }
    throw error;
  }
  throw new Response("Action inconnue.", { status: 400 });
}

export default function EditMeetingPage() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <MeetingPageTop clubId={d.clubId} meeting={d.meeting} />
      <PageHeader title="Modifier la réunion" />
      {d.meeting.cancelled ? (
        <p className="card font-semibold text-red-800">
          Cette réunion est annulée : elle ne se modifie plus.
        </p>
      ) : (
        <div className="space-y-6">
          <Section id="infos" title="Informations" className="" large>
            <p className="mb-3 text-sm text-gray-700">
              Si vous changez la date, l&apos;horaire ou le lieu, les personnes invitées reçoivent
              un e-mail avec l&apos;invitation mise à jour pour leur agenda.
            </p>
            <MeetingForm
              zone={d.zone}
              defaults={d.defaults}
              lastResult={actionData?.result}
              submitLabel="Enregistrer les modifications"
            />
          </Section>
          <Section
            id="pratiques"
            title="Bonnes pratiques présentées"
            className="card"
            headingClassName="mb-1 text-xl font-bold"
          >
            <p className="mb-3 text-sm text-gray-700">
              Choisissez les bonnes pratiques du club mises à l&apos;honneur pendant la réunion :
              elles apparaissent sur la page de la réunion.
            </p>
            {d.practices.length === 0 ? (
              <p className="text-gray-700">Le club n&apos;a pas encore de bonne pratique.</p>
            ) : (
              <Form method="post">
                <input type="hidden" name="intent" value="practices" />
                <fieldset className="mb-4">
                  <legend className="sr-only">Bonnes pratiques du club</legend>
                  <ul className="space-y-2">
                    {d.practices.map((p) => (
                      <MeetingChoice
                        key={p.id}
                        id={`practice-${p.id}`}
                        name="practiceIds"
                        value={p.id}
                        defaultChecked={d.selectedPractices.includes(p.id)}
                      >
                        {p.title} <span className="text-gray-700">— {p.company}</span>
                      </MeetingChoice>
                    ))}
                  </ul>
                </fieldset>
                <button type="submit" className="btn-primary">
                  Enregistrer les bonnes pratiques
                </button>
              </Form>
            )}
          </Section>
          {!d.meeting.ended ? (
            <Section
              id="annuler"
              title="Annuler la réunion"
              className="card border-red-300"
              headingClassName="mb-1 text-xl font-bold"
            >
              <p className="mb-3 text-sm text-gray-700">
                Chaque personne invitée reçoit un e-mail d&apos;annulation qui retire la réunion de
                son agenda. L&apos;annulation est définitive.
              </p>
              <Form method="post">
                <input type="hidden" name="intent" value="cancel" />
                <p className="mb-3 flex items-start gap-2">
                  <input
                    type="checkbox"
                    id="confirm-cancel"
                    name="confirm"
                    required
                    className="mt-1 h-4 w-4"
                  />
                  <label htmlFor="confirm-cancel">
                    Je confirme l&apos;annulation et l&apos;envoi du message aux personnes invitées
                  </label>
                </p>
                <button type="submit" className="btn-danger">
                  Annuler la réunion
                </button>
              </Form>
            </Section>
          ) : null}
        </div>
      )}
    </>
  );
}
