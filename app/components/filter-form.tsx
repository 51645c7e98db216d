import type { InputHTMLAttributes, ReactNode } from "react";
import { Form, Link } from "@remix-run/react";
import { Field, SelectField } from "./forms";

// The filters of a page (figures, lists): a GET form, so that a view sits in its URL, can be
// bookmarked and shared, and works without JavaScript.

export function FilterForm({
  className,
  label,
  role,
  submitLabel = "Afficher",
  submitClassName = "btn-primary",
  reset,
  preventScrollReset,
  children,
}: {
  className: string;
  /** The form's name for assistive technologies, when the page has several. */
  label?: string;
  role?: "search";
  submitLabel?: string;
  submitClassName?: string;
  /** A link back to the unfiltered view, when some filter is set. */
  reset?: { to: string; label: string } | null;
  preventScrollReset?: boolean;
  children: ReactNode;
}) {
  return (
    <Form
      method="get"
      className={className}
      aria-label={label}
      role={role}
      preventScrollReset={preventScrollReset}
    >
      {children}
      <div className="flex items-end gap-2">
        <button type="submit" className={submitClassName}>
          {submitLabel}
        </button>
        {reset ? (
          <Link to={reset.to} className="btn-secondary">
            {reset.label}
          </Link>
        ) : null}
      </div>
    </Form>
  );
}

/** One choice of a filter form: the query parameter `name` (also the control's id). */
export function FilterSelect({
  name,
  label,
  value,
  options,
  className,
}: {
  name: string;
  label: ReactNode;
  value: string | number;
  options: ReadonlyArray<{ value: string; label: string }>;
  /** Classes added to the control's. */
  className?: string;
}) {
  return (
    <SelectField
      className=""
      label={label}
      selectProps={{ id: name, name, defaultValue: value, className }}
      options={options}
    />
  );
}

/** The words searched by a filter form: the query parameter `q`. */
export function FilterSearch({
  id = "q",
  label,
  value,
  className = "",
  inputProps,
}: {
  /** The control's id, when the page has another `q`. */
  id?: string;
  label: ReactNode;
  value: string;
  /** The field's classes (none by default, as a filter form lays its fields out). */
  className?: string;
  /** More of the input's attributes (a length limit, a placeholder…). */
  inputProps?: InputHTMLAttributes<HTMLInputElement>;
}) {
  return (
    <Field
      className={className}
      label={label}
      inputProps={{ id, name: "q", type: "search", defaultValue: value, ...inputProps }}
    />
  );
}

/** The `?annee=` choice of a filter form. */
export function YearFilter({
  year,
  years,
  className,
}: {
  year: number;
  years: number[];
  className?: string;
}) {
  return (
    <FilterSelect
      name="annee"
      label="Année"
      value={year}
      options={years.map((y) => ({ value: String(y), label: String(y) }))}
      className={className}
    />
  );
}

/** The `?club=` choice of a filter form: all clubs, or one of `clubs`. */
export function ClubFilter({
  clubs,
  value,
  className,
}: {
  clubs: ReadonlyArray<{ id: string; name: string }>;
  value: string;
  className?: string;
}) {
  return (
    <FilterSelect
      name="club"
      label="Club"
      value={value}
      options={[
        { value: "", label: "Tous les clubs" },
        ...clubs.map((c) => ({ value: c.id, label: c.name })),
      ]}
      className={className}
    />
  );
}

/** The choices "all" (an empty value, no filter) and then each code with its label. */
export function filterOptions(
  allLabel: string,
  choices: ReadonlyArray<{ code: string; label: string }>,
) {
  return [
    { value: "", label: allLabel },
    ...choices.map((c) => ({ value: c.code, label: c.label })),
  ];
}

/** A month of a filter form (`YYYY-MM`), the query parameter `name` (also the control's id). */
export function MonthFilter({
  name,
  label,
  value,
}: {
  name: string;
  label: string;
  value: string;
}) {
  return (
    <div>
      <label htmlFor={name} className="label">
        {label}
      </label>
      <input id={name} name={name} type="month" defaultValue={value} className="input w-full" />
    </div>
  );
}
