import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useSendingIntent } from "~/components/form-submit";
import { Field, FormErrors, RequiredFieldsNote, SelectField } from "~/components/forms";
import { REQUIRED_FIELDS } from "~/utils/required-field-lists";
import { MeetingPageTop, RsvpBadge } from "~/components/meeting-ui";
import { PageHeader, Section } from "~/components/page";
import { listMeetingInvitees } from "~/models/meeting-invitations.server";
import { addWalkIn, listMemberCompanies, saveAttendance } from "~/models/meeting-attendance.server";
import { MeetingError } from "~/models/meeting.server";
import { redirectWithFlash } from "~/utils/session.server";
import { readForm } from "~/utils/forms.server";
import { requireClubMeetingPage } from "~/utils/club-route.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Présences — ${data?.meeting.title ?? "réunion"} — Engagés` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { clubId, meetingId, heading } = await requireClubMeetingPage(
    request,
    params,
    "club:manage",
  );
  const [invitees, companies] = await Promise.all([
    listMeetingInvitees(clubId, meetingId),
    listMemberCompanies(clubId),
  ]);
  const taken = invitees.some((i) => i.attended !== null);
  return {
    clubId,
    meeting: {
      ...heading,
    },
    taken,
    companies,
    invitees: invitees.map((i) => ({
      id: i.id,
      name: i.name,
      company: i.company?.name ?? "—",
      rsvp: i.rsvp,
      contact: i.contact,
      // Attendance noted so far (a walk-in, or the last save); else those who said they would come.
      checked: i.attended ?? i.rsvp === "YES",
    })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, clubId, meetingId } = await requireClubMeetingPage(request, params, "club:manage");
  const form = await readForm(request);
  if (form.get("intent") === "walk-in") {
    const values = {
      companyId: String(form.get("companyId") ?? "").slice(0, 64),
      email: String(form.get("email") ?? "").slice(0, 300),
      name: String(form.get("name") ?? "").slice(0, 300),
    };
    try {
      const walkIn = await addWalkIn(user, clubId, meetingId, values);
      return redirectWithFlash(request, `/club/${clubId}/reunions/${meetingId}/presences`, {
        kind: "success",
        message: walkIn.added
          ? `${walkIn.name} (${walkIn.companyName}) est noté(e) présent(e).`
          : `${walkIn.name} était déjà dans la liste : noté(e) présent(e).`,
      });
    } catch (error) {
      if (error instanceof MeetingError) {
        return data(
          { intent: "walk-in" as const, error: error.message, field: error.field ?? null, values },
          { status: 400 },
        );
      }
      throw error;
    }
  }
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
    if (error instanceof MeetingError) {
      return data({ intent: "save" as const, error: error.message }, { status: 400 });
    }
    throw error;
  }
}

type WalkInRefusal = {
  intent: "walk-in";
  error: string;
  field: string | null;
  values: { companyId: string; email: string; name: string };
};

/** A person of a member company who came without an invitation, or has no account. */
function WalkInForm({
  companies,
  refusal,
}: {
  companies: Array<{ id: string; name: string }>;
  refusal: WalkInRefusal | null;
}) {
  const busy = useSendingIntent("walk-in");
  const errorsOf = (field: string) => (refusal?.field === field ? [refusal.error] : undefined);
  const known = ["companyId", "email", "name"];
  return (
    <Form method="post" noValidate>
      <input type="hidden" name="intent" value="walk-in" />
      <RequiredFieldsNote />
      <div className="grid gap-x-4 sm:grid-cols-3">
        <SelectField
          label="Entreprise membre"
          errors={errorsOf("companyId")}
          selectProps={{
            id: "walkin-company",
            name: "companyId",
            required: REQUIRED_FIELDS.walkIn.companyId?.required,
            defaultValue: refusal?.values.companyId ?? "",
          }}
          options={[
            { value: "", label: "Choisissez l'entreprise" },
            ...companies.map((c) => ({ value: c.id, label: c.name })),
          ]}
        />
        <Field
          label="Adresse e-mail"
          errors={errorsOf("email")}
          inputProps={{
            id: "walkin-email",
            name: "email",
            type: "email",
            required: REQUIRED_FIELDS.walkIn.email?.required,
            defaultValue: refusal?.values.email ?? "",
            autoComplete: "off",
          }}
        />
        <Field
          label="Nom et prénom (facultatif)"
          errors={errorsOf("name")}
          inputProps={{
            id: "walkin-name",
            name: "name",
            type: "text",
            defaultValue: refusal?.values.name ?? "",
            autoComplete: "off",
          }}
        />
      </div>
      <FormErrors
        errors={refusal && !known.includes(refusal.field ?? "") ? [refusal.error] : null}
      />
      <button type="submit" className="btn-secondary" disabled={busy}>
        Ajouter aux présents
      </button>
    </Form>
  );
}

export default function AttendancePage() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const saveError = actionData?.intent === "save" ? actionData.error : null;
  const walkInRefusal = actionData?.intent === "walk-in" ? actionData : null;
  return (
    <>
      <MeetingPageTop clubId={d.clubId} meeting={d.meeting} />
      <PageHeader title="Noter les présences" intro={`${d.meeting.title} — ${d.meeting.when}`} />
      {d.meeting.cancelled ? (
        <p className="card font-semibold text-red-800">Cette réunion a été annulée.</p>
      ) : !d.meeting.started ? (
        <p className="card">Les présences se notent à partir du début de la réunion.</p>
      ) : (
        <>
          {d.invitees.length === 0 ? (
            <p className="card mb-6">
              Personne n&apos;a été invité à cette réunion : ajoutez ci-dessous les personnes
              présentes.
            </p>
          ) : (
            <Form method="post" className="card mb-6">
              <input type="hidden" name="intent" value="save" />
              <fieldset>
                <legend className="mb-3 text-sm text-gray-700">
                  Cochez les personnes présentes.
                  {d.taken
                    ? " Les présences déjà notées sont cochées, ainsi que les personnes qui ont répondu « Je viens » : vérifiez avant d'enregistrer."
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
                        {i.contact ? (
                          <span className="text-sm text-gray-700"> (sans compte)</span>
                        ) : null}
                      </label>
                      <RsvpBadge rsvp={i.rsvp} />
                    </li>
                  ))}
                </ul>
              </fieldset>
              <FormErrors errors={saveError ? [saveError] : null} />
              <button type="submit" className="btn-primary">
                Enregistrer les présences
              </button>
            </Form>
          )}
          <Section
            id="sans-invitation"
            title="Ajouter une personne présente"
            className="card"
            headingClassName="mb-1 text-lg font-bold"
          >
            <p className="mb-4 text-sm text-gray-700">
              Une personne d&apos;une entreprise membre venue sans invitation, avec ou sans compte
              Engagés : elle est ajoutée à la liste, notée présente.
            </p>
            <WalkInForm companies={d.companies} refusal={walkInRefusal} />
          </Section>
        </>
      )}
    </>
  );
}
