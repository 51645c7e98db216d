// Who in the club has attested its year (issue 15 point 4): the animators see each member's
// attestation — done, to do again after an edit, not yet — and remind the others, within the
// reminders' cap and opt-outs (reminders.server.ts); the e-mail leads to the year to attest.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ClubNav } from "~/components/club-nav";
import { ErrorList, FormErrors, TextAreaField } from "~/components/forms";
import { PageHeader } from "~/components/page";
import { clubAttestations } from "~/models/attestations.server";
import { listCampaigns } from "~/models/declaration-campaigns.server";
import { MESSAGE_MAX_LENGTH, ReminderError, sendReminders } from "~/models/reminders.server";
import { requireClubPage } from "~/utils/club-route.server";
import { formatDateTime, formatDay } from "~/utils/format";
import { readForm } from "~/utils/forms.server";
import { readSendForm, sentFlash } from "~/utils/reminder-forms.server";
import { redirectWithFlash } from "~/utils/session.server";
import { zoneOfDepartement } from "~/utils/time/zones";
import { BusySubmit } from "~/components/busy-submit";

export const meta: MetaFunction = () => [{ title: "Attestations annuelles — Engagés" }];

const defaultMessage = (year: number, deadline: string) => `Bonjour,

La campagne de déclaration ${year} est ouverte jusqu'au ${formatDay(deadline)}. Prenez quelques minutes pour relire les engagements, réalisations et suivis de votre entreprise pour ${year}, les compléter si besoin, puis attester leur exactitude.

Vos chiffres attestés font ceux du club et du département. Merci pour votre engagement !`;

async function pageData(request: Request, departementCode: string) {
  const campaigns = await listCampaigns(departementCode);
  const asked = Number(new URL(request.url).searchParams.get("annee"));
  return { campaigns, campaign: campaigns.find((c) => c.year === asked) ?? campaigns[0] ?? null };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { clubId, club } = await requireClubPage(request, params, "club:manage");
  const { campaigns, campaign } = await pageData(request, club.departementCode);
  return {
    club,
    years: [...new Set(campaigns.map((c) => c.year))],
    campaign,
    members: campaign ? await clubAttestations(clubId, campaign.year) : [],
    defaultMessage: campaign ? defaultMessage(campaign.year, campaign.deadline) : "",
    messageMaxLength: MESSAGE_MAX_LENGTH,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, clubId, club } = await requireClubPage(request, params, "club:manage");
  const { campaign } = await pageData(request, club.departementCode);
  const form = readSendForm(await readForm(request));
  const refuse = (errors: Record<string, string[] | undefined>, status = 400) =>
    data({ errors, values: form.values }, { status });
  if (!campaign) return refuse({ form: ["Aucune campagne de déclaration ne concerne ce club."] });
  if (!form.input) return refuse(form.errors);
  try {
    const { sent } = await sendReminders({
      clubId,
      sender: { id: user.id, name: user.name },
      ...form.input,
      lead: { path: `declaration/${campaign.year}`, label: `Relire et attester ${campaign.year}` },
    });
    return redirectWithFlash(
      request,
      `/club/${clubId}/attestations?annee=${campaign.year}`,
      sentFlash(sent),
    );
  } catch (error) {
    if (!(error instanceof ReminderError)) throw error;
    return refuse({ form: [error.message] }, error.status);
  }
}

const STATE_LABELS = {
  ATTESTED: "Attestée",
  EDITED: "Modifiée depuis l'attestation",
  NONE: "Pas encore attestée",
} as const;

export default function ClubAttestations() {
  const d = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const zone = zoneOfDepartement(d.club.departementCode);
  const chosen = new Set(answer?.values.ids ?? []);
  const toRemind = d.members.filter((m) => m.state !== "ATTESTED");
  const attested = d.members.length - toRemind.length;
  return (
    <>
      <ClubNav clubId={d.club.id} />
      <PageHeader
        title="Attestations annuelles"
        intro="Chaque année, les entreprises membres relisent leurs déclarations et en attestent l'exactitude. Voyez qui l'a fait et relancez les autres."
      />
      {!d.campaign ? (
        <p className="card">
          Aucune campagne de déclaration n&apos;a été ouverte pour ce département : la préfecture
          (ou l&apos;administration nationale) l&apos;ouvre chaque année.
        </p>
      ) : (
        <>
          {d.years.length > 1 ? (
            <p className="mb-3">
              Autres années :{" "}
              {d.years
                .filter((y) => y !== d.campaign!.year)
                .map((y) => (
                  <Link key={y} to={`?annee=${y}`} className="mr-2">
                    {y}
                  </Link>
                ))}
            </p>
          ) : null}
          <p className="mb-4">
            Campagne {d.campaign.year}{" "}
            {d.campaign.closed ? "close" : `ouverte jusqu'au ${formatDay(d.campaign.deadline)}`}
            {" : "}
            {attested} membre{attested > 1 ? "s" : ""} sur {d.members.length} ont attesté.
          </p>
          {/* Keyed by year: another year's page starts from its own message and boxes. */}
          <Form key={d.campaign.year} method="post" className="card" noValidate>
            <fieldset
              aria-describedby={answer?.errors.membershipIds ? "membres-erreur" : undefined}
            >
              <legend className="mb-2 text-xl font-bold">Membres du club</legend>
              <ul className="mb-4 divide-y divide-gray-200">
                {d.members.map((m) => {
                  const id = `attestation-${m.membershipId}`;
                  const canRemind = m.state !== "ATTESTED" && !m.remindersOptOut;
                  return (
                    <li key={m.membershipId} className="flex items-start gap-3 p-3">
                      {canRemind ? (
                        <input
                          type="checkbox"
                          id={id}
                          name="membershipIds"
                          value={m.membershipId}
                          defaultChecked={chosen.has(m.membershipId)}
                          aria-describedby={`${id}-etat`}
                          className="mt-1 h-4 w-4 shrink-0"
                        />
                      ) : (
                        <span className="h-4 w-4 shrink-0" aria-hidden="true" />
                      )}
                      <div>
                        {canRemind ? (
                          <label htmlFor={id} className="font-semibold">
                            {m.company.name}
                          </label>
                        ) : (
                          <span className="font-semibold">{m.company.name}</span>
                        )}
                        <p id={`${id}-etat`} className="text-sm text-gray-700">
                          {STATE_LABELS[m.state]}
                          {m.attestation
                            ? ` · attestée par ${m.attestation.attestedByName} le ${formatDateTime(m.attestation.attestedAt, zone)}`
                            : ""}
                          {m.attestation?.editedAt
                            ? ` · modifiée le ${formatDateTime(m.attestation.editedAt, zone)}`
                            : ""}
                          {m.state !== "ATTESTED" && m.remindersOptOut
                            ? " · désabonnée des relances"
                            : ""}
                        </p>
                      </div>
                    </li>
                  );
                })}
              </ul>
              <ErrorList id="membres-erreur" errors={answer?.errors.membershipIds} />
            </fieldset>
            {toRemind.length > 0 ? (
              <>
                <TextAreaField
                  label="Message de la relance"
                  help="Modifiable. L'e-mail ajoute un bouton « Relire et attester », votre nom et un lien de désabonnement. Au plus une relance par membre pendant le délai choisi dans « Relances »."
                  errors={answer?.errors.message}
                  textareaProps={{
                    id: "message",
                    name: "message",
                    rows: 8,
                    required: true,
                    defaultValue: answer?.values.message ?? d.defaultMessage,
                    maxLength: d.messageMaxLength,
                  }}
                />
                <FormErrors errors={answer?.errors.form} />
                <BusySubmit>Relancer les membres cochés</BusySubmit>
              </>
            ) : null}
          </Form>
        </>
      )}
    </>
  );
}
