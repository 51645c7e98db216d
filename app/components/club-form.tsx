import { getInputProps, useForm, type SubmissionResult, IntentForm } from "~/components/use-form";
import { Field, SelectField, TextAreaField } from "./forms";
import { FormSubmit } from "./form-submit";
import { REQUIRED_FIELDS } from "~/utils/required-field-lists";

/** A club's département, name and description: the admin's create and edit forms. */
export function ClubForm({
  id,
  departements,
  defaults,
  lastResult,
  submitLabel,
  departementLocked,
}: {
  id: string;
  departements: { code: string; name: string }[];
  defaults: { departementCode: string; name: string; description: string };
  lastResult?: SubmissionResult<string[]> | null;
  submitLabel: string;
  /** Why the département can no longer change, if it cannot. */
  departementLocked?: string;
}) {
  const [form, fields] = useForm({
    id,
    lastResult,
    defaultValue: defaults,
    constraint: REQUIRED_FIELDS.club,
  });
  return (
    <IntentForm form={form} intent="save">
      <div className="grid gap-x-4 sm:grid-cols-2">
        <SelectField
          label="Département"
          help={departementLocked}
          field={fields.departementCode}
          selectProps={{ defaultValue: defaults.departementCode }}
          options={[
            { value: "", label: "Choisissez un département" },
            ...departements.map((d) => ({ value: d.code, label: `${d.code} — ${d.name}` })),
          ]}
        />
        <Field
          label="Nom du club"
          errors={fields.name.errors}
          inputProps={{ ...getInputProps(fields.name, { type: "text" }), autoComplete: "off" }}
        />
      </div>
      <TextAreaField
        label="Description (facultative)"
        field={fields.description}
        textareaProps={{
          defaultValue: defaults.description,
          rows: 3,
        }}
      />
      <FormSubmit form={form}>{submitLabel}</FormSubmit>
    </IntentForm>
  );
}
