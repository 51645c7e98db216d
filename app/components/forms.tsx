import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes } from "react";

export type ListOfErrors = Array<string | null | undefined> | null | undefined;

/** Errors of a field or a form, announced to screen readers. */
export function ErrorList({ id, errors }: { id?: string; errors?: ListOfErrors }) {
  const list = errors?.filter(Boolean);
  if (!list?.length) return null;
  return (
    <ul id={id} className="mt-1 space-y-1 text-sm font-medium text-red-700">
      {list.map((e) => (
        <li key={e}>{e}</li>
      ))}
    </ul>
  );
}

/** A labelled input with its help text and errors wired through aria attributes. */
export function Field({
  label,
  help,
  errors,
  inputProps,
  className,
}: {
  label: ReactNode;
  help?: ReactNode;
  errors?: ListOfErrors;
  inputProps: InputHTMLAttributes<HTMLInputElement>;
  className?: string;
}) {
  const fallbackId = useId();
  const id = inputProps.id ?? fallbackId;
  const helpId = help ? `${id}-help` : undefined;
  const errorId = errors?.filter(Boolean).length ? `${id}-error` : undefined;
  return (
    <div className={className ?? "mb-4"}>
      <label htmlFor={id} className="label">
        {label}
      </label>
      {help ? (
        <p id={helpId} className="mb-1 text-sm text-gray-600">
          {help}
        </p>
      ) : null}
      <input
        {...inputProps}
        id={id}
        className="input"
        aria-invalid={errorId ? true : undefined}
        aria-describedby={[helpId, errorId].filter(Boolean).join(" ") || undefined}
      />
      <ErrorList id={errorId} errors={errors} />
    </div>
  );
}

export function SelectField({
  label,
  help,
  errors,
  selectProps,
  options,
  className,
}: {
  label: ReactNode;
  help?: ReactNode;
  errors?: ListOfErrors;
  selectProps: SelectHTMLAttributes<HTMLSelectElement>;
  options: ReadonlyArray<{ value: string; label: string }>;
  className?: string;
}) {
  const fallbackId = useId();
  const id = selectProps.id ?? fallbackId;
  const helpId = help ? `${id}-help` : undefined;
  const errorId = errors?.filter(Boolean).length ? `${id}-error` : undefined;
  return (
    <div className={className ?? "mb-4"}>
      <label htmlFor={id} className="label">
        {label}
      </label>
      {help ? (
        <p id={helpId} className="mb-1 text-sm text-gray-600">
          {help}
        </p>
      ) : null}
      <select
        {...selectProps}
        id={id}
        className="input"
        aria-invalid={errorId ? true : undefined}
        aria-describedby={[helpId, errorId].filter(Boolean).join(" ") || undefined}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <ErrorList id={errorId} errors={errors} />
    </div>
  );
}

/** Form-level errors (not tied to one field), shown above the submit button. */
export function FormErrors({ id, errors }: { id?: string; errors?: ListOfErrors }) {
  const list = errors?.filter(Boolean);
  if (!list?.length) return null;
  return (
    <div id={id} role="alert" className="mb-4 rounded-md border border-red-300 bg-red-50 p-3">
      <ErrorList errors={list} />
    </div>
  );
}
