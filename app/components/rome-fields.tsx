// Form controls for ROME job families: one family (a select grouped by grand domaine) or several
// (checkboxes folded by grand domaine, open where something is ticked).
import { useId } from "react";
import { ErrorList, LabelRow, type ListOfErrors } from "~/components/forms";
import { ROME_DOMAINES, ROME_GRANDS_DOMAINES } from "~/utils/rome";

const byGrandDomaine = ROME_GRANDS_DOMAINES.map((g) => ({
  ...g,
  domaines: ROME_DOMAINES.filter((d) => d.code.startsWith(g.code)),
}));

export function RomeSelect({
  name,
  label,
  help,
  defaultValue,
  emptyLabel,
  errors,
  required,
}: {
  name: string;
  label: string;
  help?: string;
  defaultValue?: string;
  required?: boolean;
  /** The first, empty choice ("Toutes les familles"); without it a family must be chosen. */
  emptyLabel: string;
  errors?: ListOfErrors;
}) {
  const id = useId();
  const errorId = errors?.filter(Boolean).length ? `${id}-error` : undefined;
  return (
    <div className="mb-4">
      <LabelRow required={required}>
        <label htmlFor={id} className="label">
          {label}
        </label>
      </LabelRow>
      {help ? (
        <p id={`${id}-help`} className="mb-1 text-sm text-gray-600">
          {help}
        </p>
      ) : null}
      <select
        id={id}
        name={name}
        required={required}
        defaultValue={defaultValue ?? ""}
        className="input"
        aria-invalid={errorId ? true : undefined}
        aria-describedby={
          [help ? `${id}-help` : null, errorId].filter(Boolean).join(" ") || undefined
        }
      >
        <option value="">{emptyLabel}</option>
        {byGrandDomaine.map((g) => (
          <optgroup key={g.code} label={`${g.code} — ${g.label}`}>
            {g.domaines.map((d) => (
              <option key={d.code} value={d.code}>
                {d.code} — {d.label}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      <ErrorList id={errorId} errors={errors} />
    </div>
  );
}

export function RomeCheckboxes({
  name,
  legend,
  selected,
}: {
  name: string;
  legend: string;
  selected: readonly string[];
}) {
  return (
    <fieldset className="mb-4">
      <legend className="label">{legend}</legend>
      <div className="space-y-1">
        {byGrandDomaine.map((g) => (
          <details
            key={g.code}
            open={g.domaines.some((d) => selected.includes(d.code))}
            className="rounded border border-gray-200 px-3 py-1"
          >
            <summary className="cursor-pointer text-sm font-semibold text-gray-900">
              {g.code} — {g.label}
            </summary>
            <ul className="mt-1 grid gap-1 sm:grid-cols-2">
              {g.domaines.map((d) => (
                <li key={d.code}>
                  <label className="flex items-start gap-2 text-sm text-gray-900">
                    <input
                      type="checkbox"
                      name={name}
                      value={d.code}
                      defaultChecked={selected.includes(d.code)}
                      className="mt-1"
                    />
                    <span>
                      {d.label} <span className="text-gray-700">({d.code})</span>
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          </details>
        ))}
      </div>
    </fieldset>
  );
}
