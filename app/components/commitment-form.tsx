import { getFormProps, getInputProps, useForm, type SubmissionResult } from "~/components/use-form";
import { Form, useNavigation } from "@remix-run/react";
import { useState } from "react";
import {
  ACTION_TYPES,
  COMMITMENT_STATUS_LABELS,
  COMMITMENT_VISIBILITY_LABELS,
  PUBLIC_CATEGORIES,
  THEMES,
  UNIT_LABELS,
  UNITS,
} from "~/utils/domain";
import { unitOf } from "~/utils/schemas/realisation";
import { ErrorList, Field, SelectField, RequiredFieldsNote, TextAreaField } from "./forms";
import { FormSubmit } from "./form-submit";
import { REQUIRED_FIELDS } from "~/utils/required-field-lists";
import { PersonalDataConfirm } from "./personal-data";
import { PERSONAL_DATA_HELP } from "~/utils/personal-data";

export type CommitmentFormDefaults = {
  year: number;
  themeCode: string;
  actionTypeCode: string;
  publics: string[];
  otherPublicLabel: string;
  ambition: string;
  targetQuantity: string;
  targetUnit: string;
  startDate: string;
  endDate: string;
  status: string;
  visibility: string;
};

/** What each theme is about, in plain words, shown under the theme choice. */
const THEME_HELP: Record<string, string> = {
  YOUTH:
    "Apprentissage, stages de 3e et de seconde, alternance : donner une première expérience aux jeunes.",
  INCLUSION: "Recruter ou préparer au recrutement des personnes éloignées de l'emploi.",
  DISABILITY: "Recruter, former, acheter auprès des entreprises adaptées (EA) et des ESAT.",
  SENIORS: "Recruter ou maintenir en emploi des personnes de 50 ans et plus.",
  QPV: "Ouvrir vos portes aux habitants des quartiers prioritaires de la politique de la ville.",
  REFUGEES: "Accueillir et former des personnes réfugiées.",
  JUSTICE: "Offrir une chance aux personnes sortant de détention ou sous main de justice.",
  VOCATIONAL_SCHOOLS: "Accueillir les élèves de lycées professionnels, parrainer une classe.",
  INCLUSIVE_PURCHASING:
    "Acheter auprès des structures d'insertion (SIAE), des EA et ESAT : indiquez un montant en euros.",
  PATRONAGE: "Offrir du temps de vos salariés : ateliers CV, simulations d'entretien, parrainage.",
  WORKFORCE_LENDING:
    "Prêter des salariés à une entreprise voisine ou accueillir des salariés en reconversion.",
  OTHER: "Toute autre action : décrivez-la librement.",
};

export function CommitmentForm({
  defaults,
  catalogues,
  years,
  lastResult,
  submitLabel,
  showStatus,
}: {
  defaults: CommitmentFormDefaults;
  /** Per year offered, the catalogue (theme → action types): the server accepts only these. */
  catalogues: Record<number, Record<string, string[]>>;
  years: number[];
  lastResult?: SubmissionResult<string[]> | null;
  submitLabel: string;
  showStatus: boolean;
}) {
  const navigation = useNavigation();
  const [year, setYear] = useState(defaults.year);
  const catalogue = catalogues[year] ?? {};
  const [themeCode, setThemeCode] = useState(defaults.themeCode);
  const [actionTypeCode, setActionTypeCode] = useState(defaults.actionTypeCode);
  const [publics, setPublics] = useState<string[]>(defaults.publics);
  const [targetUnit, setTargetUnit] = useState(
    defaults.targetUnit || unitOf(defaults.actionTypeCode),
  );
  const offered = catalogue[themeCode] ?? [];
  const chooseActionType = (code: string) => {
    setActionTypeCode(code);
    setTargetUnit(unitOf(code));
  };
  /** Keeps the theme and action type within the chosen year's catalogue. */
  const chooseTheme = (code: string, inCatalogue: Record<string, string[]>) => {
    setThemeCode(code);
    const next = inCatalogue[code] ?? [];
    if (!next.includes(actionTypeCode) && next[0]) chooseActionType(next[0]);
  };
  const chooseYear = (next: number) => {
    setYear(next);
    const nextCatalogue = catalogues[next] ?? {};
    const theme = nextCatalogue[themeCode]
      ? themeCode
      : (THEMES.find((t) => nextCatalogue[t.code])?.code ?? themeCode);
    chooseTheme(theme, nextCatalogue);
  };

  const [form, fields] = useForm({
    id: "commitment",
    lastResult,
    defaultValue: defaults,
    constraint: REQUIRED_FIELDS.commitment,
  });

  return (
    <Form method="post" {...getFormProps(form)} className="space-y-6">
      <RequiredFieldsNote />
      <fieldset className="card">
        <legend className="px-1 text-lg font-bold">1. Ce que vous vous engagez à faire</legend>
        <div className="grid gap-x-4 sm:grid-cols-3">
          <SelectField
            label="Année"
            field={fields.year}
            selectProps={{
              value: String(year),
              onChange: (e) => chooseYear(Number(e.target.value)),
            }}
            options={years.map((y) => ({ value: String(y), label: String(y) }))}
          />
          <SelectField
            className="mb-4 sm:col-span-2"
            label="Thème"
            help={THEME_HELP[themeCode]}
            field={fields.themeCode}
            selectProps={{
              value: themeCode,
              onChange: (e) => chooseTheme(e.target.value, catalogue),
            }}
            options={THEMES.filter((t) => catalogue[t.code] || t.code === themeCode).map((t) => ({
              value: t.code,
              label: t.label,
            }))}
          />
        </div>
        <SelectField
          label="Type d'action"
          help="Les actions proposées dépendent du thème choisi. « Autre » est toujours possible."
          field={fields.actionTypeCode}
          selectProps={{
            value: actionTypeCode,
            onChange: (e) => chooseActionType(e.target.value),
          }}
          options={ACTION_TYPES.filter((a) => offered.includes(a.code)).map((a) => ({
            value: a.code,
            label: a.label,
          }))}
        />
        <TextAreaField
          label="Votre ambition, en quelques mots"
          help={
            <>
              Par exemple : « Recruter en CDI cinq demandeurs d&apos;emploi de longue durée sur nos
              métiers en tension, avec un tuteur ». {PERSONAL_DATA_HELP}
            </>
          }
          field={fields.ambition}
          textareaProps={{
            defaultValue: defaults.ambition,
            rows: 3,
          }}
        />
      </fieldset>

      <fieldset
        className="card"
        aria-describedby={fields.publics.errors ? fields.publics.errorId : undefined}
      >
        <legend className="px-1 text-lg font-bold">2. Pour quels publics</legend>
        <p className="mb-3 text-sm text-gray-600">
          Cochez un ou plusieurs publics éloignés de l&apos;emploi. Les chiffres du club se lisent
          par public.
        </p>
        <div className="grid gap-2 sm:grid-cols-2">
          {PUBLIC_CATEGORIES.map((p) => (
            <label key={p.code} className="flex items-start gap-2">
              <input
                type="checkbox"
                name={fields.publics.name}
                value={p.code}
                checked={publics.includes(p.code)}
                onChange={(e) =>
                  setPublics((list) =>
                    e.target.checked ? [...list, p.code] : list.filter((c) => c !== p.code),
                  )
                }
                className="mt-1 h-4 w-4"
              />
              <span>{p.label}</span>
            </label>
          ))}
        </div>
        <ErrorList id={fields.publics.errorId} errors={fields.publics.errors} />
        {publics.includes("OTHER") ? (
          <Field
            className="mt-4"
            label="Précisez le public « Autre »"
            help="Une catégorie de personnes, jamais un nom."
            errors={fields.otherPublicLabel.errors}
            inputProps={getInputProps(fields.otherPublicLabel, { type: "text" })}
          />
        ) : null}
      </fieldset>

      <fieldset className="card">
        <legend className="px-1 text-lg font-bold">3. Objectif et période</legend>
        <div className="grid gap-x-4 sm:grid-cols-2">
          <Field
            label="Objectif chiffré (facultatif)"
            help="Laissez vide si votre engagement ne se compte pas."
            errors={fields.targetQuantity.errors}
            inputProps={{
              ...getInputProps(fields.targetQuantity, { type: "number" }),
              min: 1,
              inputMode: "numeric",
            }}
          />
          <SelectField
            label="Unité de l'objectif"
            field={fields.targetUnit}
            selectProps={{
              value: targetUnit,
              onChange: (e) => setTargetUnit(e.target.value),
            }}
            options={UNITS.map((u) => ({ value: u, label: UNIT_LABELS[u] }))}
          />
          <Field
            label="Début"
            errors={fields.startDate.errors}
            inputProps={getInputProps(fields.startDate, { type: "date" })}
          />
          <Field
            label="Fin"
            errors={fields.endDate.errors}
            inputProps={getInputProps(fields.endDate, { type: "date" })}
          />
        </div>
      </fieldset>

      <fieldset className="card">
        <legend className="px-1 text-lg font-bold">4. État et visibilité</legend>
        <div className="grid gap-x-4 sm:grid-cols-2">
          {showStatus ? (
            <SelectField
              label="État"
              help="« Brouillon » : pas encore compté dans les chiffres du club."
              field={fields.status}
              selectProps={{
                defaultValue: defaults.status,
              }}
              options={Object.entries(COMMITMENT_STATUS_LABELS).map(([value, label]) => ({
                value,
                label,
              }))}
            />
          ) : (
            <input type="hidden" name={fields.status.name} value={defaults.status} />
          )}
          <SelectField
            label="Visibilité"
            help="Public : l'engagement peut apparaître sur la page publique de votre entreprise, si vous l'activez."
            field={fields.visibility}
            selectProps={{
              defaultValue: defaults.visibility,
            }}
            options={Object.entries(COMMITMENT_VISIBILITY_LABELS).map(([value, label]) => ({
              value,
              label,
            }))}
          />
        </div>
      </fieldset>

      <PersonalDataConfirm
        errors={[...(fields.ambition.errors ?? []), ...(fields.otherPublicLabel.errors ?? [])]}
      />
      <FormSubmit form={form} disabled={navigation.state === "submitting"}>
        {submitLabel}
      </FormSubmit>
    </Form>
  );
}
