import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ClubNav } from "~/components/club-nav";
import { MarkdownContent } from "~/components/markdown-content";
import { CancelledBadge, MeetingFactsList, RsvpBadge, RsvpButtons } from "~/components/meeting-ui";
import { PageHeader, Section } from "~/components/page";
import { listMeetingInvitees } from "~/models/meeting-invitations.server";
import {
  canAnswerInClub,
  myInvitations,
  answerClosedReason,
} from "~/models/meeting-answers.server";
import { renderMarkdown } from "~/utils/markdown.server";
import { can } from "~/utils/permissions.server";
import { readForm } from "~/utils/forms.server";
import { answerAndRedirect, requireClubMeetingPage } from "~/utils/club-route.server";
import { DataTable } from "~/components/data-table";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.meeting.title ?? "Réunion"} — Engagés` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, clubId, meeting, heading } = await requireClubMeetingPage(
    request,
    params,
    "club:read",
  );
  const canManage = await can(user, { action: "club:manage", clubId });
  const now = new Date();
  const [mine, canAnswer, invitees] = await Promise.all([
    myInvitations(user, [meeting.id]),
    canAnswerInClub(user, clubId),
    listMeetingInvitees(clubId, meeting.id),
  ]);
  const counts = {
    invited: invitees.length,
    yes: invitees.filter((i) => i.rsvp === "YES").length,
    maybe: invitees.filter((i) => i.rsvp === "MAYBE").length,
    no: invitees.filter((i) => i.rsvp === "NO").length,
    pending: invitees.filter((i) => i.rsvp === "PENDING").length,
    attended: invitees.filter((i) => i.attended).length,
  };
  return {
    clubId,
    clubName: meeting.club.name,
    canManage,
    meeting: {
      ...heading,
      place: meeting.place,
      videoUrl: meeting.videoUrl,
      agendaHtml: renderMarkdown(meeting.agenda, { headingLevel: 3 }),
      answerClosed: answerClosedReason(meeting, now),
      minutesHtml:
        meeting.minutesPublishedAt && meeting.minutes
          ? renderMarkdown(meeting.minutes, { headingLevel: 3 })
          : null,
      hasDraftMinutes: !meeting.minutesPublishedAt && !!meeting.minutes,
      reminderSent: meeting.reminderSentAt !== null,
    },
    practices: meeting.practices.map(({ practice }) => ({
      id: practice.id,
      title: practice.title,
      company: practice.company.name,
      bodyHtml: renderMarkdown(practice.body, { headingLevel: 3 }),
    })),
    myRsvp: mine.get(meeting.id)?.rsvp ?? null,
    canAnswer,
    counts,
    // The list of people is the animator's; members see the counts only.
    invitees: canManage
      ? invitees.map((i) => ({
          id: i.id,
          name: i.name,
          email: i.email,
          company: i.company?.name ?? "—",
          rsvp: i.rsvp,
          attended: i.attended,
        }))
      : [],
  };
}

const answerSchema = /* @__PURE__ */ (() => z.object({ answer: z.enum(["YES", "NO", "MAYBE"]) }))();

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, clubId, meetingId } = await requireClubMeetingPage(request, params, "club:read");
  const form = await readForm(request);
  const back = `/club/${clubId}/reunions/${meetingId}`;
  if (form.get("intent") !== "rsvp") throw new Response("Action inconnue.", { status: 400 });
  const parsed = answerSchema.safeParse({ answer: form.get("answer") });
  if (!parsed.success) throw new Response("Réponse invalide.", { status: 400 });
  return answerAndRedirect(request, { user, clubId, meetingId, rsvp: parsed.data.answer }, back);
}

export default function MeetingPage() {
  const d = useLoaderData<typeof loader>();
  const m = d.meeting;
  const base = `/club/${d.clubId}/reunions/${m.id}`;
  return (
    <>
      {d.canManage ? <ClubNav clubId={d.clubId} /> : null}
      <p className="mb-2 text-sm print:hidden">
        <Link to={`/club/${d.clubId}/reunions`}>← Réunions du club</Link>
      </p>
      <PageHeader
        title={m.title}
        intro={d.clubName}
        actions={m.cancelled ? <CancelledBadge /> : null}
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Section id="infos" title="Informations pratiques" className="card">
            <MeetingFactsList when={m.when} place={m.place} videoUrl={m.videoUrl} />
            {m.cancelled ? (
              <p className="mt-3 font-semibold text-red-800">
                Cette réunion est annulée. Les personnes invitées ont été prévenues par e-mail.
              </p>
            ) : null}
          </Section>
          {!m.cancelled && !m.answerClosed && d.canAnswer ? (
            <Section id="repondre" title="Venez-vous ?" className="card">
              <RsvpButtons meetingId={m.id} current={d.myRsvp} title={m.title} />
            </Section>
          ) : d.myRsvp ? (
            <Section
              id="ma-reponse"
              title="Votre réponse"
              className="card"
              headingClassName="mb-2 text-lg font-bold"
            >
              <RsvpBadge rsvp={d.myRsvp} />
            </Section>
          ) : null}
          {m.agendaHtml ? (
            <Section id="ordre-du-jour" title="Ordre du jour" className="card">
              <MarkdownContent html={m.agendaHtml} />
            </Section>
          ) : null}
          {d.practices.length > 0 ? (
            <Section id="pratiques" title="Bonnes pratiques présentées" className="card">
              <ul className="space-y-3">
                {d.practices.map((p) => (
                  <li key={p.id}>
                    <details className="rounded border border-gray-200 p-3">
                      <summary className="cursor-pointer">
                        <span className="font-semibold">{p.title}</span>
                        <span className="text-gray-700"> — {p.company}</span>
                      </summary>
                      <MarkdownContent html={p.bodyHtml} className="mt-2" />
                    </details>
                  </li>
                ))}
              </ul>
            </Section>
          ) : null}
          <Section id="compte-rendu" title="Compte rendu" className="card">
            {m.minutesHtml ? (
              <MarkdownContent html={m.minutesHtml} />
            ) : (
              <p className="text-gray-700">
                {m.hasDraftMinutes && d.canManage
                  ? "Un brouillon est enregistré, pas encore publié aux membres."
                  : m.started
                    ? "Le compte rendu n'est pas encore publié."
                    : "Le compte rendu sera publié ici après la réunion."}
              </p>
            )}
          </Section>
        </div>
        <div className="space-y-6">
          <Section
            id="reponses"
            title="Réponses"
            className="card"
            headingClassName="mb-2 text-lg font-bold"
          >
            <p className="text-sm text-gray-700">
              {d.counts.yes} personne(s) viennent, {d.counts.maybe} peut-être, {d.counts.no} ne
              viennent pas, {d.counts.pending} sans réponse ({d.counts.invited} invitée(s)).
              {m.started && d.counts.attended > 0 ? ` ${d.counts.attended} présente(s).` : ""}
            </p>
          </Section>
          {d.canManage ? (
            <Section id="gerer" title="Animer la réunion" className="card print:hidden">
              <ul className="space-y-2">
                {!m.cancelled ? (
                  <li>
                    <Link to={`${base}/modifier`}>Modifier, bonnes pratiques, annuler</Link>
                  </li>
                ) : null}
                {!m.cancelled && !m.answerClosed ? (
                  <li>
                    <Link to={`${base}/invitations`}>Inviter les membres</Link>
                  </li>
                ) : null}
                {!m.cancelled && m.started ? (
                  <>
                    <li>
                      <Link to={`${base}/presences`}>Noter les présences</Link>
                    </li>
                    <li>
                      <Link to={`${base}/compte-rendu`}>Écrire le compte rendu</Link>
                    </li>
                  </>
                ) : null}
              </ul>
              {!m.cancelled && !m.started ? (
                <p className="mt-2 text-sm text-gray-700">
                  Présences et compte rendu : à partir du début de la réunion.
                  {m.reminderSent ? " Le rappel a été envoyé." : ""}
                </p>
              ) : null}
            </Section>
          ) : null}
        </div>
      </div>
      {d.canManage && d.invitees.length > 0 ? (
        <Section id="invites" title="Personnes invitées" className="card mt-6">
          <DataTable
            caption="Personnes invitées, leur réponse et leur présence"
            columns={["Personne", "Entreprise", "Réponse", "Présence"]}
          >
            {d.invitees.map((i) => (
              <tr key={i.id}>
                <th scope="row">
                  {i.name}
                  <span className="block break-all text-xs text-gray-600">{i.email}</span>
                </th>
                <td>{i.company}</td>
                <td>
                  <RsvpBadge rsvp={i.rsvp} />
                </td>
                <td>{i.attended === null ? "—" : i.attended ? "Présent(e)" : "Absent(e)"}</td>
              </tr>
            ))}
          </DataTable>
        </Section>
      ) : null}
    </>
  );
}
