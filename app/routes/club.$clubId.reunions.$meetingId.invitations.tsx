import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ContactForm } from "~/components/contact-form";
import { FormErrors } from "~/components/forms";
import {
  MeetingChoice,
  MeetingFactsList,
  MeetingPageTop,
  RsvpBadge,
} from "~/components/meeting-ui";
import { PageHeader, Section } from "~/components/page";
import {
  inviteToMeeting,
  listInvitableCompanies,
  listMeetingInvitees,
  MeetingError,
} from "~/models/meeting-invitations.server";
import { answerClosedReason } from "~/models/meeting-answers.server";
import { saveContactFromForm } from "~/utils/membership-contact-form.server";
import { QuotaExceeded, refusalStatus } from "~/utils/quotas.server";
import { redirectWithFlash } from "~/utils/session.server";
import { readForm } from "~/utils/forms.server";
import { requireClubMeetingPage } from "~/utils/club-route.server";
import { DataTable } from "~/components/data-table";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Inviter — ${data?.meeting.title ?? "réunion"} — Engagés` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { clubId, meetingId, meeting, heading } = await requireClubMeetingPage(
    request,
    params,
    "club:manage",
  );
  const [companies, invitees] = await Promise.all([
    listInvitableCompanies(clubId, meetingId),
    listMeetingInvitees(clubId, meetingId),
  ]);
  return {
    clubId,
    meeting: {
      ...heading,
      place: meeting.place,
      videoUrl: meeting.videoUrl,
      closed: answerClosedReason(meeting),
    },
    companies: companies.filter((c) => c.recipients > 0),
    unreachable: companies.filter((c) => c.recipients === 0),
    invitees: invitees.map((i) => ({
      id: i.id,
      name: i.name,
      email: i.email,
      company: i.company?.name ?? "—",
      rsvp: i.rsvp,
      contact: i.contact,
      // Not mailed: answered in the app, or noted present at the meeting without an invitation.
      origin: i.sentAt !== null ? "mail" : i.rsvp === "PENDING" ? "walk-in" : "app",
    })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, clubId, meetingId } = await requireClubMeetingPage(request, params, "club:manage");
  const form = await readForm(request);
  const intent = form.get("intent");
  const here = `/club/${clubId}/reunions/${meetingId}/invitations`;
  if (intent === "contact") return saveContactFromForm(request, user.id, clubId, form, here);
  if (intent !== "all" && intent !== "selection") {
    throw new Response("Action inconnue.", { status: 400 });
  }
  try {
    const { invited, already } = await inviteToMeeting(
      user,
      clubId,
      meetingId,
      intent === "all"
        ? { all: true }
        : { all: false, companyIds: form.getAll("companyIds").map(String) },
    );
    const message =
      invited === 0
        ? `Toutes ces personnes étaient déjà invitées (${already}) : aucun nouvel e-mail envoyé.`
        : `${invited} invitation(s) envoyée(s) par e-mail${already > 0 ? ` (${already} personne(s) déjà invitée(s) n'ont rien reçu de plus)` : ""}.`;
    return redirectWithFlash(request, here, { kind: "success", message });
  } catch (error) {
    if (error instanceof MeetingError || error instanceof QuotaExceeded) {
      return data(
        { intent: "invite" as const, error: error.message },
        { status: refusalStatus(error) },
      );
    }
    throw error;
  }
}

function companyDetail(c: {
  people: number;
  contact: { email: string } | null;
  recipients: number;
  invited: number;
}) {
  if (c.contact) {
    return c.invited > 0
      ? `(contact sans compte, déjà invité : ${c.contact.email})`
      : `(contact sans compte : ${c.contact.email})`;
  }
  if (c.invited >= c.recipients) return `(déjà invitée, ${c.people} pers.)`;
  if (c.invited > 0) return `(${c.invited} sur ${c.people} pers. invitées)`;
  return `(${c.people} pers.)`;
}

const ORIGIN_NOTES: Record<string, string> = {
  app: " — a répondu dans Engagés, sans invitation par e-mail",
  "walk-in": " — notée présente sans invitation",
};

/** Whom the invitation form invites: every member company, or the ones ticked. */
const INVITE_CHOICES = [
  { intent: "all", label: "Inviter toutes les entreprises membres", className: "btn-primary" },
  { intent: "selection", label: "Inviter la sélection", className: "btn-secondary" },
] as const;

export default function MeetingInvitationsPage() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy =
    navigation.state === "submitting" && navigation.formData?.get("intent") !== "contact";
  const inviteError = actionData && "error" in actionData ? actionData.error : null;
  const contactRefusal = actionData && "contactErrors" in actionData ? actionData : null;
  return (
    <>
      <MeetingPageTop clubId={d.clubId} meeting={d.meeting} />
      <PageHeader
        title="Inviter les membres"
        intro="Chaque personne des entreprises membres reçoit l'invitation par e-mail, avec le fichier pour son agenda et des liens pour répondre en un clic. Une entreprise qui n'a pas encore de compte est invitée à l'adresse de son contact, qui répond sans compte. Une personne déjà invitée ne reçoit pas l'invitation une seconde fois."
      />
      <Section
        id="reunion"
        title={<>{d.meeting.title}</>}
        headingClassName="mb-2 text-lg font-bold"
      >
        <MeetingFactsList
          when={d.meeting.when}
          place={d.meeting.place}
          videoUrl={d.meeting.videoUrl}
        />
      </Section>
      {d.meeting.closed ? (
        <p className="card mb-6 font-semibold text-red-800">{d.meeting.closed}</p>
      ) : (
        <>
          <Section id="inviter" title="Entreprises membres">
            {d.companies.length === 0 ? (
              <p className="text-gray-700">
                Aucune entreprise membre ne peut encore être invitée : ajoutez l&apos;adresse de
                leur contact ci-dessous.
              </p>
            ) : null}
            <Form method="post">
              <fieldset className="mb-4">
                <legend className="mb-2 text-sm text-gray-700">
                  Pour inviter une partie seulement des entreprises, cochez-les puis choisissez «
                  Inviter la sélection ».
                </legend>
                <ul className="grid gap-2 sm:grid-cols-2">
                  {d.companies.map((c) => (
                    <MeetingChoice key={c.id} id={`company-${c.id}`} name="companyIds" value={c.id}>
                      {c.name}{" "}
                      <span className="break-all text-sm text-gray-700">{companyDetail(c)}</span>
                    </MeetingChoice>
                  ))}
                </ul>
              </fieldset>
              <FormErrors errors={inviteError ? [inviteError] : null} />
              <div className="flex flex-wrap gap-2">
                {INVITE_CHOICES.map(({ intent, label, className }) => (
                  <button
                    key={intent}
                    type="submit"
                    name="intent"
                    value={intent}
                    className={className}
                    disabled={busy || d.companies.length === 0}
                  >
                    {label}
                  </button>
                ))}
              </div>
            </Form>
          </Section>
          {d.unreachable.length > 0 ? (
            <Section
              id="injoignables"
              title={<>Sans compte ni adresse de contact ({d.unreachable.length})</>}
              headingClassName="mb-1 text-lg font-bold"
            >
              <p className="mb-4 text-sm text-gray-700">
                Personne n&apos;a de compte dans ces entreprises membres et le club ne connaît pas
                l&apos;adresse de leur contact : elles ne peuvent pas être invitées. Saisissez cette
                adresse pour les inviter ; elle servira aussi pour les relances.
              </p>
              <ul className="divide-y divide-gray-200">
                {d.unreachable.map((c) => (
                  <li key={c.id} className="py-3">
                    <h3 className="mb-2 font-semibold">{c.name}</h3>
                    <ContactForm
                      membershipId={c.membershipId}
                      companyName={c.name}
                      errors={
                        contactRefusal?.membershipId === c.membershipId
                          ? contactRefusal.contactErrors
                          : null
                      }
                      submitLabel="Enregistrer le contact"
                    />
                  </li>
                ))}
              </ul>
            </Section>
          ) : null}
        </>
      )}
      <Section id="invites" title={<>Personnes invitées ({d.invitees.length})</>} className="card">
        {d.invitees.length === 0 ? (
          <p className="text-gray-700">Personne n&apos;est encore invité.</p>
        ) : (
          <DataTable
            caption="Personnes invitées et leur réponse"
            columns={["Personne", "Entreprise", "Réponse"]}
          >
            {d.invitees.map((i) => (
              <tr key={i.id}>
                <th scope="row">
                  {i.name}
                  <span className="block break-all text-xs text-gray-600">
                    {i.email}
                    {i.contact ? " — contact sans compte" : ""}
                    {ORIGIN_NOTES[i.origin] ?? ""}
                  </span>
                </th>
                <td>{i.company}</td>
                <td>
                  <RsvpBadge rsvp={i.rsvp} />
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </Section>
    </>
  );
}
