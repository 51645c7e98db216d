import { getInputProps, useForm, type SubmissionResult, IntentForm } from "~/components/use-form";
import { useState } from "react";
import {
  ACTION_TYPES,
  CONTRACT_TYPE_LABELS,
  PUBLIC_CATEGORIES,
  QPV_LABELS,
  UNIT_LABELS,
  type Unit,
} from "~/utils/domain";
import { commitmentUnitHint, unitMismatch } from "~/utils/commitment-unit";
import { PERSONAL_DATA_HELP } from "~/utils/personal-data";
import { unitOf } from "~/utils/schemas/realisation";
import { ErrorList, Field, FormErrors, SelectField, TextAreaField } from "./forms";
import { REQUIRED_FIELDS } from "~/utils/required-field-lists";
import { PersonalDataConfirm } from "./personal-data";
import { BusySubmit } from "./busy-submit";

export type RealisationFormDefaults = {
  date: string;
  actionTypeCode: string;
  publicCategoryCode: string;
  otherPublicLabel: string;
  contractType: string;
  quantity: string;
  qpv: string;
  note: string;
  commitmentId: string;
};

export function RealisationForm({
  defaults,
  commitments,
  lastResult,
  submitLabel,
}: {
  defaults: RealisationFormDefaults;
  commitments: Array<{ id: string; label: string; unit: Unit }>;
  lastResult?: SubmissionResult<string[]> | null;
  submitLabel: string;
}) {
  const [actionTypeCode, setActionTypeCode] = useState(defaults.actionTypeCode);
  const [publicCode, setPublicCode] = useState(defaults.publicCategoryCode);
  const [commitmentId, setCommitmentId] = useState(defaults.commitmentId);
  const commitment = commitments.find((c) => c.id === commitmentId);

  const isHire = ACTION_TYPES.find((a) => a.code === actionTypeCode)?.isHire ?? false;
  const [form, fields] = useForm({
    id: "realisation",
    lastResult,
    defaultValue: defaults,
    constraint: REQUIRED_FIELDS.realisation,
  });

  // Said before posting; once the server has refused it, its error says it instead.
  const mismatch =
    commitment && !fields.commitmentId.errors
      ? unitMismatch(commitment.unit, actionTypeCode)
      : null;

  return (
    <IntentForm form={form} intent="save" className="card space-y-1">
      <div className="grid gap-x-4 sm:grid-cols-2">
        <Field
          label="Date"
          help="Le jour de l'embauche, du début du stage, de l'achat…"
          errors={fields.date.errors}
          inputProps={getInputProps(fields.date, { type: "date" })}
        />
        <SelectField
          label="Engagement concerné (facultatif)"
          help={
            mismatch ? (
              <span className="font-semibold text-amber-900">{mismatch}</span>
            ) : commitment ? (
              commitmentUnitHint(commitment.unit)
            ) : (
              "Une réalisation ne fait avancer qu'un engagement compté dans la même unité (personnes, euros ou heures)."
            )
          }
          field={fields.commitmentId}
          selectProps={{
            value: commitmentId,
            onChange: (e) => setCommitmentId(e.target.value),
          }}
          options={[
            { value: "", label: "Aucun engagement en particulier" },
            ...commitments.map((c) => ({ value: c.id, label: c.label })),
          ]}
        />
        <SelectField
          label="Type d'action"
          field={fields.actionTypeCode}
          selectProps={{
            value: actionTypeCode,
            onChange: (e) => setActionTypeCode(e.target.value),
          }}
          options={ACTION_TYPES.map((a) => ({ value: a.code, label: a.label }))}
        />
        <SelectField
          label="Public"
          field={fields.publicCategoryCode}
          selectProps={{
            value: publicCode,
            onChange: (e) => setPublicCode(e.target.value),
          }}
          options={PUBLIC_CATEGORIES.map((p) => ({ value: p.code, label: p.label }))}
        />
        {publicCode === "OTHER" ? (
          <Field
            label="Précisez le public"
            help="Une catégorie de personnes, jamais un nom."
            errors={fields.otherPublicLabel.errors}
            inputProps={getInputProps(fields.otherPublicLabel, { type: "text" })}
          />
        ) : null}
        {isHire ? (
          <SelectField
            label="Type de contrat"
            field={fields.contractType}
            selectProps={{
              defaultValue: defaults.contractType,
            }}
            options={[
              { value: "", label: "Choisir le contrat" },
              ...Object.entries(CONTRACT_TYPE_LABELS).map(([value, label]) => ({ value, label })),
            ]}
          />
        ) : null}
        <Field
          label={`Nombre (${UNIT_LABELS[unitOf(actionTypeCode)]})`}
          help="Un nombre de personnes, d'euros ou d'heures selon l'action."
          errors={fields.quantity.errors}
          inputProps={{
            ...getInputProps(fields.quantity, { type: "number" }),
            min: 1,
            inputMode: "numeric",
          }}
        />
      </div>
      <fieldset
        className="mb-4"
        aria-describedby={fields.qpv.errors ? fields.qpv.errorId : undefined}
      >
        <legend className="label">
          La ou les personnes habitent-elles un quartier prioritaire (QPV) ?
        </legend>
        <div className="flex flex-wrap gap-4">
          {Object.entries(QPV_LABELS).map(([value, label]) => (
            <label key={value} className="flex items-center gap-2">
              <input
                type="radio"
                name={fields.qpv.name}
                value={value}
                defaultChecked={(defaults.qpv || "UNKNOWN") === value}
                className="h-4 w-4"
              />
              {label}
            </label>
          ))}
        </div>
        <ErrorList id={fields.qpv.errorId} errors={fields.qpv.errors} />
      </fieldset>
      <TextAreaField
        label="Note (facultative)"
        help={`${PERSONAL_DATA_HELP} Seuls des nombres et des catégories sont enregistrés.`}
        field={fields.note}
        textareaProps={{
          defaultValue: defaults.note,
          rows: 2,
        }}
      />
      <PersonalDataConfirm
        errors={[...(fields.note.errors ?? []), ...(fields.otherPublicLabel.errors ?? [])]}
      />
      <FormErrors id={form.errorId} errors={form.errors} />
      <BusySubmit>{submitLabel}</BusySubmit>
    </IntentForm>
  );
}
