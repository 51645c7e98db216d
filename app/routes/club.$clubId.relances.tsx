import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useSendingIntent } from "~/components/form-submit";
import { ClubNav } from "~/components/club-nav";
import { SilentMemberChoice } from "~/components/silent-member-choice";
import {
  ErrorList,
  FormErrors,
  LabelRow,
  RequiredFieldsNote,
  RequiredMark,
  TextAreaField,
} from "~/components/forms";
import { REQUIRED_FIELDS } from "~/utils/required-field-lists";
import { PageHeader, Section } from "~/components/page";
import { PARIS, zoneName, zoneOfDepartement } from "~/utils/time/zones";
import { formatDateTime } from "~/utils/format";
import { INVITATION_VALIDITY_DAYS } from "~/models/invitation.server";
import {
  CAMPAIGN_WINDOW_DAYS,
  DEFAULT_REMINDER_MESSAGE,
  MESSAGE_MAX_LENGTH,
  REMINDER_CAP_MAX_DAYS,
  REMINDER_CAP_MIN_DAYS,
  ReminderError,
  SILENT_AFTER_DAYS,
  listSilentMembers,
  sendReminders,
} from "~/models/reminders.server";
import { setReminderCap, listReminderLog } from "~/models/reminder-settings.server";
import { requireClubPage } from "~/utils/club-route.server";
import { redirectWithFlash } from "~/utils/session.server";
import { readForm } from "~/utils/forms.server";
import { capSchema, readSendForm, sentFlash } from "~/utils/reminder-forms.server";
import { DataTable } from "~/components/data-table";

export const meta: MetaFunction = () => [{ title: "Relances — Engagés" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { clubId, club } = await requireClubPage(request, params, "club:manage");
  const [candidates, log] = await Promise.all([listSilentMembers(clubId), listReminderLog(clubId)]);
  return {
    club,
    ...candidates,
    log,
    // The component's constants come from the server module, through the loader.
    rules: {
      defaultMessage: DEFAULT_REMINDER_MESSAGE,
      messageMaxLength: MESSAGE_MAX_LENGTH,
      silentAfterDays: SILENT_AFTER_DAYS,
      capMinDays: REMINDER_CAP_MIN_DAYS,
      capMaxDays: REMINDER_CAP_MAX_DAYS,
      campaignWindowDays: CAMPAIGN_WINDOW_DAYS,
      invitationValidityDays: INVITATION_VALIDITY_DAYS,
    },
  };
}

type SendErrors = {
  form?: string[];
  membershipIds?: string[];
  message?: string[];
  reminderCapDays?: string[];
};

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, clubId } = await requireClubPage(request, params, "club:manage");
  const formData = await readForm(request);
  const intent = String(formData.get("intent") ?? "");
  const here = `/club/${clubId}/relances`;
  const refuse = (errors: SendErrors, status = 400, values?: { ids: string[]; message: string }) =>
    data({ intent, errors, values: values ?? null }, { status });

  if (intent === "send") {
    const form = readSendForm(formData);
    if (!form.input) return refuse(form.errors, 400, form.values);
    try {
      const { sent } = await sendReminders({
        clubId,
        sender: { id: user.id, name: user.name },
        ...form.input,
      });
      return redirectWithFlash(request, here, sentFlash(sent));
    } catch (error) {
      if (!(error instanceof ReminderError)) throw error;
      return refuse({ form: [error.message] }, error.status, form.values);
    }
  }

  if (intent === "settings") {
    const submission = parseWithZod(formData, { schema: capSchema() });
    if (submission.status !== "success") {
      return refuse({ reminderCapDays: submission.error?.reminderCapDays ?? undefined });
    }
    const days = submission.value.reminderCapDays;
    try {
      const previous = await setReminderCap(user.id, clubId, days);
      return redirectWithFlash(request, here, {
        kind: "success",
        message:
          previous === days
            ? `Le délai entre deux relances reste de ${days} jours.`
            : `Délai entre deux relances d'un même membre : ${days} jours (au lieu de ${previous}).`,
      });
    } catch (error) {
      if (!(error instanceof ReminderError)) throw error;
      return refuse({ reminderCapDays: [error.message] });
    }
  }

  return refuse({ form: ["Cette action n'existe pas sur cette page."] });
}

const EMAIL_STATUS_LABELS: Record<string, string> = {
  PENDING: "En attente d'envoi",
  SENDING: "En cours d'envoi",
  SENT: "Envoyé",
  FAILED: "Échec de l'envoi",
};

function campaignLabel(key: string) {
  const match = /^(\d{4})-Q([1-4])$/.exec(key);
  return match
    ? `Relance trimestrielle automatique (${match[2] === "1" ? "1er" : `${match[2]}e`} trimestre ${match[1]})`
    : `Relance automatique (${key})`;
}

export default function ClubReminders() {
  const d = useLoaderData<typeof loader>();
  // Dates and times at the club's own hour (a club of La Réunion reads its own).
  const zone = zoneOfDepartement(d.club.departementCode);
  const actionData = useActionData<typeof action>();
  const sending = useSendingIntent("send");
  const sendErrors = actionData?.intent === "send" ? actionData.errors : null;
  const settingsErrors = actionData?.intent === "settings" ? actionData.errors : null;
  const chosen = new Set(actionData?.values?.ids ?? []);
  const message = actionData?.values?.message ?? d.rules.defaultMessage;
  return (
    <>
      <ClubNav clubId={d.club.id} />
      <PageHeader
        title="Relances"
        intro={`Les membres silencieux (aucune réalisation déclarée depuis ${d.rules.silentAfterDays} jours) que vous pouvez relancer. Au plus une relance par membre tous les ${d.capDays} jours ; jamais aux membres partis ni à ceux qui se sont désabonnés.`}
      />
      {actionData?.intent === "send" || actionData?.intent === "settings" ? null : (
        <FormErrors errors={actionData?.errors.form} />
      )}

      <Section
        id="silencieux"
        title={<>Membres silencieux ({d.silent.length})</>}
        className="card mb-8"
        large
      >
        {d.silent.length === 0 ? (
          <p className="text-gray-700">
            Tous les membres ont déclaré une réalisation ces {d.rules.silentAfterDays} derniers
            jours : personne à relancer.
          </p>
        ) : (
          <Form method="post" noValidate aria-labelledby="silencieux" key={d.log.total}>
            <input type="hidden" name="intent" value="send" />
            <RequiredFieldsNote />
            <fieldset
              className="mb-4"
              aria-describedby={sendErrors?.membershipIds ? "membres-erreur" : undefined}
            >
              <legend className="label">
                Membres à relancer{" "}
                {REQUIRED_FIELDS.reminderSend.membershipIds?.required ? (
                  <>
                    <RequiredMark />
                    <span className="sr-only"> (obligatoire : au moins un)</span>
                  </>
                ) : null}
              </legend>
              <ul className="divide-y divide-gray-200 rounded-md border border-gray-200">
                {d.silent.map((m) => (
                  <SilentMemberChoice
                    key={m.membershipId}
                    member={m}
                    clubId={d.club.id}
                    zone={zone}
                    checked={chosen.has(m.membershipId)}
                  />
                ))}
              </ul>
              <ErrorList id="membres-erreur" errors={sendErrors?.membershipIds} />
            </fieldset>
            <TextAreaField
              label="Message de la relance"
              help={`Modifiable. L'e-mail ajoute un bouton « Déclarer une réalisation » (pour une entreprise sans compte : « Créer le compte de l'entreprise », une invitation valable ${d.rules.invitationValidityDays} jours), votre nom et un lien de désabonnement en un clic.`}
              errors={sendErrors?.message}
              textareaProps={{
                id: "message",
                name: "message",
                rows: 10,
                defaultValue: message,
                required: REQUIRED_FIELDS.reminderSend.message?.required,
                maxLength: d.rules.messageMaxLength,
              }}
            />
            <FormErrors errors={sendErrors?.form} />
            <button type="submit" className="btn-primary" disabled={sending}>
              {sending ? "Envoi en cours…" : "Envoyer la relance"}
            </button>
          </Form>
        )}
        {d.optedOut.length > 0 ? (
          <p className="mt-4 text-sm text-gray-700">
            Désabonnés des relances (jamais relancés) :{" "}
            {d.optedOut.map((m) => m.companyName).join(", ")}.
          </p>
        ) : null}
      </Section>

      <Section
        id="journal"
        title="Journal des relances"
        className="card mb-8"
        headingClassName="mb-1 text-xl font-bold"
      >
        <p className="mb-3 text-sm text-gray-700">
          Chaque relance envoyée, par vous ou par la relance trimestrielle automatique
          {d.log.total > d.log.entries.length
            ? ` (les ${d.log.entries.length} plus récentes sur ${d.log.total})`
            : ""}
          .
        </p>
        {d.log.entries.length === 0 ? (
          <p className="text-gray-700">Aucune relance envoyée pour l&apos;instant.</p>
        ) : (
          <DataTable
            caption="Journal des relances du club"
            columns={[
              `Date${zone === PARIS ? "" : ` (${zoneName(zone)})`}`,
              "Entreprise",
              "Envoyée par",
              "Destinataire",
              "E-mail",
            ]}
          >
            {d.log.entries.map((r) => (
              <tr key={r.id}>
                <td className="whitespace-nowrap">{formatDateTime(r.createdAt, zone)}</td>
                <th scope="row">{r.companyName}</th>
                <td>
                  {r.campaignKey ? campaignLabel(r.campaignKey) : (r.sentBy ?? "Compte supprimé")}
                </td>
                <td className="break-all">{r.to ?? "—"}</td>
                <td>
                  {r.emailStatus ? (EMAIL_STATUS_LABELS[r.emailStatus] ?? r.emailStatus) : "—"}
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </Section>

      <Section id="reglages" title="Réglages des relances" className="card" large>
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="settings" />
          <RequiredFieldsNote />
          <div>
            <LabelRow required={REQUIRED_FIELDS.reminderSettings.reminderCapDays?.required}>
              <label htmlFor="reminderCapDays" className="label">
                Délai minimal entre deux relances d&apos;un même membre (jours)
              </label>
            </LabelRow>
            <p id="reminderCapDays-aide" className="mb-1 text-sm text-gray-600">
              Entre {d.rules.capMinDays} et {d.rules.capMaxDays} jours ; 30 par défaut.
            </p>
            <div className="flex flex-wrap items-center gap-3">
              <input
                id="reminderCapDays"
                name="reminderCapDays"
                type="number"
                inputMode="numeric"
                min={d.rules.capMinDays}
                max={d.rules.capMaxDays}
                step={1}
                required={REQUIRED_FIELDS.reminderSettings.reminderCapDays?.required}
                defaultValue={d.capDays}
                className="input w-32"
                aria-invalid={settingsErrors?.reminderCapDays ? true : undefined}
                aria-describedby={`reminderCapDays-aide${settingsErrors?.reminderCapDays ? " reminderCapDays-erreur" : ""}`}
              />
              <button type="submit" className="btn-secondary">
                Enregistrer le délai
              </button>
            </div>
            <ErrorList id="reminderCapDays-erreur" errors={settingsErrors?.reminderCapDays} />
          </div>
        </Form>
        <p className="mt-4 text-sm text-gray-700">
          Relance trimestrielle automatique : pendant les {d.rules.campaignWindowDays} premiers
          jours de chaque trimestre, Engagés envoie le message par défaut aux membres silencieux,
          une seule fois par trimestre, avec les mêmes règles (délai minimal, désabonnement, membres
          partis).
        </p>
      </Section>
    </>
  );
}
