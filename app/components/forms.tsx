import {
  useId,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from "react";

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

/** The sentence at the top of a form with required fields (RGAA 11.10). */
export function RequiredFieldsNote() {
  return (
    <p className="mb-4 text-sm text-gray-700">
      Les champs marqués d&apos;un astérisque <RequiredMark /> sont obligatoires.
    </p>
  );
}

/** The visible mark of a required field; screen readers hear the control's `required` instead. */
export function RequiredMark() {
  return (
    <span aria-hidden="true" className="font-bold text-red-700">
      *
    </span>
  );
}

/**
 * A label, followed by the asterisk when its field is required. The asterisk stays outside the
 * label, so that the field's name is the label's words alone.
 */
export function LabelRow({ required, children }: { required?: boolean; children: ReactNode }) {
  if (!required) return <>{children}</>;
  return (
    <div className="flex items-baseline gap-1 [&>label]:mb-1">
      {children}
      <RequiredMark />
    </div>
  );
}

/** A field of `useForm`: its control's name, id and `required`, and the server's errors on it. */
type BoundField = { name: string; id: string; required?: boolean; errors?: string[] };

type FieldProps = {
  label: ReactNode;
  help?: ReactNode;
  /** Errors of the field; `field`'s when not given. */
  errors?: ListOfErrors;
  className?: string;
  /** Gives the control its name, id and `required` (the control's own props win) and the errors. */
  field?: BoundField;
};

type ControlProps = { id?: string; required?: boolean; className?: string };

/**
 * Label, help text and errors around one form control, wired through aria attributes; the
 * control's own classes (a monospace font for Markdown) add to the input's.
 */
function FieldShell<P extends ControlProps>({
  field,
  errors = field?.errors,
  label,
  help,
  className,
  control: own,
  render,
}: FieldProps & { control: P; render: (control: P) => ReactNode }) {
  const control = field
    ? { name: field.name, id: field.id, required: field.required, ...own }
    : own;
  const fallbackId = useId();
  const id = control.id ?? fallbackId;
  const helpId = help ? `${id}-help` : undefined;
  const errorId = errors?.filter(Boolean).length ? `${id}-error` : undefined;
  return (
    <div className={className ?? "mb-4"}>
      <LabelRow required={control.required}>
        <label htmlFor={id} className="label">
          {label}
        </label>
      </LabelRow>
      {help ? (
        <p id={helpId} className="mb-1 text-sm text-gray-600">
          {help}
        </p>
      ) : null}
      {render({
        ...control,
        id,
        "aria-invalid": errorId ? true : undefined,
        "aria-describedby": [helpId, errorId].filter(Boolean).join(" ") || undefined,
        className: ["input", own.className].filter(Boolean).join(" "),
      })}
      <ErrorList id={errorId} errors={errors} />
    </div>
  );
}

export function Field({
  inputProps,
  ...shell
}: FieldProps & { inputProps: InputHTMLAttributes<HTMLInputElement> }) {
  return <FieldShell {...shell} control={inputProps} render={(c) => <input {...c} />} />;
}

export function SelectField({
  selectProps,
  options,
  ...shell
}: FieldProps & {
  selectProps: SelectHTMLAttributes<HTMLSelectElement>;
  options: ReadonlyArray<{ value: string; label: string }>;
}) {
  return (
    <FieldShell
      {...shell}
      control={selectProps}
      render={(c) => (
        <select {...c}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    />
  );
}

export function TextAreaField({
  textareaProps,
  ...shell
}: FieldProps & { textareaProps: TextareaHTMLAttributes<HTMLTextAreaElement> }) {
  return <FieldShell {...shell} control={textareaProps} render={(c) => <textarea {...c} />} />;
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
