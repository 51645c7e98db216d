// Fields shared by the Passerelles and directory forms: a group of radio buttons, a text area,
// and the headcount with its period (a post, a conclusion).
import { ErrorList, Field, RequiredMark, type ListOfErrors } from "~/components/forms";
import { MAX_HEADCOUNT } from "~/utils/schemas/passerelle";

type Errors = Record<string, string[]> | undefined;

export function RadioGroup({
  name,
  legend,
  labels,
  defaultValue,
  errors,
  required,
}: {
  name: string;
  legend: string;
  labels: Record<string, string>;
  defaultValue: string;
  errors?: ListOfErrors;
  /** Each radio button says so to screen readers; the legend shows the asterisk. */
  required?: boolean;
}) {
  return (
    <fieldset className="mb-4">
      <legend className="label">
        {legend}
        {required ? (
          <>
            {" "}
            <RequiredMark />
          </>
        ) : null}
      </legend>
      {Object.entries(labels).map(([value, label]) => (
        <label key={value} className="flex items-center gap-2 text-gray-900">
          <input
            type="radio"
            name={name}
            value={value}
            required={required}
            defaultChecked={value === defaultValue}
          />
          {label}
        </label>
      ))}
      <ErrorList errors={errors} />
    </fieldset>
  );
}

const PERIOD_ENDS = [
  { name: "startDate", label: "Du" },
  { name: "endDate", label: "Au" },
] as const;

/** How many people, from when to when (ISO days). */
export function HeadcountPeriodFields({
  errors,
  defaults,
}: {
  errors: Errors;
  defaults?: { headcount: number; startDate: string; endDate: string };
}) {
  return (
    <>
      <Field
        label="Nombre de personnes"
        errors={errors?.headcount}
        inputProps={{
          name: "headcount",
          type: "number",
          min: 1,
          max: MAX_HEADCOUNT,
          required: true,
          defaultValue: defaults?.headcount,
        }}
      />
      <div className="grid gap-x-4 sm:grid-cols-2">
        {PERIOD_ENDS.map(({ name, label }) => (
          <Field
            key={name}
            label={label}
            errors={errors?.[name]}
            inputProps={{ name, type: "date", required: true, defaultValue: defaults?.[name] }}
          />
        ))}
      </div>
    </>
  );
}
