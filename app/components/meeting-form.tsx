import {
  getInputProps,
  getTextareaProps,
  useForm,
  type SubmissionResult,
  IntentForm,
} from "~/components/use-form";
import { Field, TextAreaField } from "./forms";
import { FormSubmit, useSendingIntent } from "./form-submit";
import { REQUIRED_FIELDS } from "~/utils/required-field-lists";
import { zoneName, type TimeZone } from "~/utils/time/zones";

export type MeetingFormDefaults = {
  title: string;
  startsAt: string;
  endsAt: string;
  place: string;
  videoUrl: string;
  agenda: string;
};

/** Create or edit a meeting: title, start and end (the club's time), place or video link, agenda. */
export function MeetingForm({
  zone,
  defaults,
  lastResult,
  submitLabel,
}: {
  /** The club's zone: the times are typed at its hour. */
  zone: TimeZone;
  defaults: MeetingFormDefaults;
  lastResult?: SubmissionResult<string[]> | null;
  submitLabel: string;
}) {
  const [form, fields] = useForm({
    id: "meeting",
    lastResult,
    defaultValue: defaults,
    constraint: REQUIRED_FIELDS.meeting,
  });
  const busy = useSendingIntent("save");
  return (
    <IntentForm form={form} intent="save" className="card">
      <Field
        label="Titre"
        errors={fields.title.errors}
        inputProps={{ ...getInputProps(fields.title, { type: "text" }), autoComplete: "off" }}
      />
      <div className="grid gap-x-4 sm:grid-cols-2">
        <Field
          label="Début"
          help={`Date et ${zoneName(zone)}.`}
          errors={fields.startsAt.errors}
          inputProps={getInputProps(fields.startsAt, { type: "datetime-local" })}
        />
        <Field
          label="Fin"
          help={`Date et ${zoneName(zone)}.`}
          errors={fields.endsAt.errors}
          inputProps={getInputProps(fields.endsAt, { type: "datetime-local" })}
        />
      </div>
      <Field
        label="Lieu"
        help="Adresse ou salle. Laissez vide pour une réunion en visioconférence seulement."
        errors={fields.place.errors}
        inputProps={{ ...getInputProps(fields.place, { type: "text" }), autoComplete: "off" }}
      />
      <Field
        label="Lien de visioconférence (facultatif)"
        help="Une adresse https://"
        errors={fields.videoUrl.errors}
        inputProps={{
          ...getInputProps(fields.videoUrl, { type: "url" }),
          autoComplete: "off",
          inputMode: "url",
        }}
      />
      <TextAreaField
        label="Ordre du jour"
        help="Un point par ligne, par exemple « 1. Tour de table ». La mise en forme Markdown est acceptée."
        errors={fields.agenda.errors}
        textareaProps={{
          ...getTextareaProps(fields.agenda),
          rows: 6,
          className: "font-mono text-sm",
        }}
      />
      <FormSubmit form={form} disabled={busy}>
        {submitLabel}
      </FormSubmit>
    </IntentForm>
  );
}
