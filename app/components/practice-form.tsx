import { getFormProps, useForm, type SubmissionResult } from "~/components/use-form";
import { Form, useNavigation } from "@remix-run/react";
import {
  PRACTICE_VISIBILITIES,
  PRACTICE_VISIBILITY_LABELS,
  PUBLIC_CATEGORIES,
  THEMES,
} from "~/utils/domain";
import {
  PRACTICE_BODY_MAX,
  PRACTICE_IMAGES_MAX,
  PRACTICE_IMAGE_ACCEPT,
  PRACTICE_TITLE_MAX,
} from "~/utils/schemas/practice";
import { ErrorList, Field, SelectField, RequiredFieldsNote, TextAreaField } from "./forms";
import { FormSubmit } from "./form-submit";
import { REQUIRED_FIELDS } from "~/utils/required-field-lists";
import { PersonalDataConfirm } from "./personal-data";
import { PERSONAL_DATA_HELP } from "~/utils/personal-data";

export type PracticeFormDefaults = {
  clubId: string;
  title: string;
  body: string;
  visibility: string;
  publics: string[];
  themes: string[];
  commitmentId: string;
};

type Option = { value: string; label: string };

/** The form to post or edit a practice: text in Markdown, tags, visibility, images. */
export function PracticeForm({
  defaults,
  clubs,
  commitments,
  images,
  lastResult,
  submitLabel,
}: {
  defaults: PracticeFormDefaults;
  /** Where it may be posted; empty when editing (the club stays). */
  clubs: Option[];
  commitments: Option[];
  /** Images already attached (edit), each may be removed. */
  images: Array<{ id: string; alt: string; url: string }>;
  lastResult?: SubmissionResult<string[]> | null;
  submitLabel: string;
}) {
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "practice",
    lastResult,
    defaultValue: defaults,
    constraint: REQUIRED_FIELDS.practice,
  });
  const freeSlots = Math.max(0, PRACTICE_IMAGES_MAX - images.length);
  return (
    <Form method="post" encType="multipart/form-data" {...getFormProps(form)} className="space-y-6">
      <RequiredFieldsNote />
      <fieldset className="card">
        <legend className="px-1 text-lg font-bold">Votre pratique</legend>
        {clubs.length > 1 ? (
          <SelectField
            label="Club"
            field={fields.clubId}
            selectProps={{
              defaultValue: defaults.clubId,
            }}
            options={clubs}
          />
        ) : (
          <input type="hidden" name={fields.clubId.name} value={defaults.clubId} />
        )}
        <Field
          label="Titre"
          field={fields.title}
          inputProps={{ defaultValue: defaults.title, maxLength: PRACTICE_TITLE_MAX }}
        />
        <TextAreaField
          label="Ce que vous faites, comment, et ce que vous en retenez"
          help={
            <>
              Mise en forme Markdown : **gras**, *italique*, listes avec « - », titres avec « ## »,
              liens [texte](https://…). Le HTML n&apos;est pas interprété. {PERSONAL_DATA_HELP}
            </>
          }
          field={fields.body}
          textareaProps={{
            defaultValue: defaults.body,
            rows: 12,
            maxLength: PRACTICE_BODY_MAX,
            className: "font-mono text-sm",
          }}
        />
        <SelectField
          label="Qui peut la lire ?"
          field={fields.visibility}
          selectProps={{
            defaultValue: defaults.visibility,
          }}
          options={PRACTICE_VISIBILITIES.map((v) => ({
            value: v,
            label: PRACTICE_VISIBILITY_LABELS[v],
          }))}
        />
        {commitments.length > 0 ? (
          <SelectField
            label="Engagement qu'elle sert (facultatif)"
            field={fields.commitmentId}
            selectProps={{
              defaultValue: defaults.commitmentId,
            }}
            options={[{ value: "", label: "Aucun" }, ...commitments]}
          />
        ) : null}
      </fieldset>

      <CheckboxGroup
        legend="Publics concernés"
        name={fields.publics.name}
        options={PUBLIC_CATEGORIES}
        checked={defaults.publics}
        errors={fields.publics.errors}
      />
      <CheckboxGroup
        legend="Thèmes"
        name={fields.themes.name}
        options={THEMES}
        checked={defaults.themes}
        errors={fields.themes.errors}
      />

      <fieldset className="card">
        <legend className="px-1 text-lg font-bold">Images (facultatif)</legend>
        <p className="mb-4 text-sm text-gray-700">
          {PRACTICE_IMAGES_MAX} images au plus, PNG, JPEG ou WebP, 2 Mo chacune. Décrivez chaque
          image pour les personnes qui ne la voient pas.
        </p>
        {images.length > 0 ? (
          <ul className="mb-4 grid gap-4 sm:grid-cols-3">
            {images.map((img) => (
              <li key={img.id}>
                <img src={img.url} alt={img.alt} className="mb-2 max-h-40 rounded border" />
                <label className="flex items-center gap-2 text-sm">
                  <input type="checkbox" name="removeImage" value={img.id} className="h-4 w-4" />
                  Retirer cette image
                </label>
              </li>
            ))}
          </ul>
        ) : null}
        {Array.from({ length: freeSlots }, (_, i) => i + 1).map((slot) => (
          <div key={slot} className="mb-4 grid gap-x-4 sm:grid-cols-2">
            <Field
              label={`Image ${slot}`}
              inputProps={{
                type: "file",
                name: `image${slot}`,
                id: `image${slot}`,
                accept: PRACTICE_IMAGE_ACCEPT,
              }}
            />
            <Field
              label={`Description de l'image ${slot}`}
              inputProps={{ name: `alt${slot}`, id: `alt${slot}`, maxLength: 200 }}
            />
          </div>
        ))}
      </fieldset>

      <PersonalDataConfirm
        errors={[...(fields.title.errors ?? []), ...(fields.body.errors ?? [])]}
      />
      <FormSubmit form={form} disabled={navigation.state === "submitting"}>
        {submitLabel}
      </FormSubmit>
    </Form>
  );
}

function CheckboxGroup({
  legend,
  name,
  options,
  checked,
  errors,
}: {
  legend: string;
  name: string;
  options: ReadonlyArray<{ code: string; label: string }>;
  checked: string[];
  errors?: string[];
}) {
  return (
    <fieldset className="card">
      <legend className="px-1 text-lg font-bold">{legend}</legend>
      <div className="grid gap-2 sm:grid-cols-2">
        {options.map((o) => (
          <label key={o.code} className="flex items-start gap-2">
            <input
              type="checkbox"
              name={name}
              value={o.code}
              defaultChecked={checked.includes(o.code)}
              className="mt-1 h-4 w-4"
            />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
      <ErrorList errors={errors} />
    </fieldset>
  );
}
