// The client half of the app's forms, without zod and without conform's client runtime
// (decision 017). The server validates every post with zod (`parseWithZod` in the action, the
// check that counts) and answers with conform's `submission.reply()`; this module only shows
// that answer: each field's errors and the values sent back, the form's own errors, the focus on
// the first refused field. Same names and shapes as the subset of @conform-to/react the forms
// used, so a form reads the same; the HTML constraints (required, maxLength, type…) are given per
// form in `constraint`. Forms keep `noValidate`: the errors a person reads are the server's, in
// French, next to their field, with or without JavaScript. IntentForm is the form element of
// the forms a page tells apart by their intent.
import { Form } from "@remix-run/react";
import { useEffect, useId, type ReactNode } from "react";
import type { SubmissionResult } from "@conform-to/react";
import { RequiredFieldsNote } from "./forms";

export type { SubmissionResult };

export type Constraint = {
  required?: boolean;
  minLength?: number;
  maxLength?: number;
  min?: number | string;
  max?: number | string;
  step?: number | string;
  pattern?: string;
  multiple?: boolean;
};

// The type parameter mirrors conform's signatures; fields are read by name.
export type FieldMetadata<_Value = unknown> = {
  name: string;
  id: string;
  errorId: string;
  descriptionId: string;
  errors: string[] | undefined;
  initialValue: unknown;
  constraint: Constraint;
  /** From `constraint`, as conform's field metadata has it. */
  required: boolean | undefined;
};

export type FormMetadata = {
  id: string;
  errorId: string;
  descriptionId: string;
  errors: string[] | undefined;
  noValidate: true;
};

type Options = {
  id?: string;
  lastResult?: SubmissionResult<string[]> | null;
  defaultValue?: Record<string, unknown>;
  constraint?: Record<string, Constraint>;
};

export function useForm<_Shape = unknown>(
  options: Options,
): [FormMetadata, Record<string, FieldMetadata>] {
  const generatedId = useId();
  const formId = options.id ?? generatedId;
  const { lastResult } = options;
  const values = (lastResult?.initialValue ?? serialize(options.defaultValue ?? {})) as Record<
    string,
    unknown
  >;
  const errorsOf = (name: string) => lastResult?.error?.[name] ?? undefined;

  useEffect(() => {
    const formElement = document.forms.namedItem(formId);
    if (!lastResult || !formElement) return;
    // A reply asking to reset the form (`resetForm`), as conform did.
    if (lastResult.initialValue === null) {
      formElement.reset();
      return;
    }
    // A refused post: the focus goes to the first field the server refused.
    if (lastResult.status === "error") {
      for (const element of Array.from(formElement.elements)) {
        const name = (element as HTMLInputElement).name;
        if (name && lastResult.error?.[name]?.length) {
          (element as HTMLElement).focus();
          break;
        }
      }
    }
  }, [formId, lastResult]);

  const form: FormMetadata = {
    id: formId,
    errorId: `${formId}-error`,
    descriptionId: `${formId}-description`,
    errors: errorsOf(""),
    noValidate: true,
  };
  const fields = new Proxy({} as Record<string, FieldMetadata>, {
    get(_target, name) {
      if (typeof name !== "string") return undefined;
      const id = `${formId}-${name}`;
      return {
        name,
        id,
        errorId: `${id}-error`,
        descriptionId: `${id}-description`,
        errors: errorsOf(name),
        initialValue: values[name],
        constraint: options.constraint?.[name] ?? {},
        required: options.constraint?.[name]?.required,
      } satisfies FieldMetadata;
    },
  });
  return [form, fields];
}

/** Default values as a posted form holds them, as conform serialised them (true → "on"). */
function serialize(defaults: Record<string, unknown>) {
  const one = (v: unknown): unknown =>
    typeof v === "boolean"
      ? v
        ? "on"
        : undefined
      : typeof v === "number" || typeof v === "bigint"
        ? v.toString()
        : v instanceof Date
          ? v.toISOString()
          : Array.isArray(v)
            ? v.map(one)
            : v;
  return Object.fromEntries(Object.entries(defaults).map(([k, v]) => [k, one(v)]));
}

function clean<T extends Record<string, unknown>>(props: T): T {
  for (const key of Object.keys(props)) if (props[key] === undefined) delete props[key];
  return props;
}

export function getFormProps(form: FormMetadata) {
  return clean({
    id: form.id,
    noValidate: form.noValidate,
    "aria-describedby": form.errors ? form.errorId : undefined,
  });
}

function controlProps(field: FieldMetadata) {
  return {
    id: field.id,
    name: field.name,
    required: field.constraint.required || undefined,
    "aria-invalid": field.errors ? (true as const) : undefined,
    "aria-describedby": field.errors ? field.errorId : undefined,
  };
}

export function getInputProps(
  field: FieldMetadata,
  options: { type: string; value?: string | boolean },
) {
  const { constraint } = field;
  const props: Record<string, unknown> = {
    ...controlProps(field),
    type: options.type,
    minLength: constraint.minLength,
    maxLength: constraint.maxLength,
    min: constraint.min,
    max: constraint.max,
    step: constraint.step,
    pattern: constraint.pattern,
    multiple: constraint.multiple,
  };
  if (options.value === undefined || options.value) {
    if (options.type === "checkbox" || options.type === "radio") {
      const value = typeof options.value === "string" ? options.value : "on";
      props.value = value;
      props.defaultChecked = Array.isArray(field.initialValue)
        ? field.initialValue.includes(value)
        : field.initialValue === value;
    } else if (typeof field.initialValue === "string") {
      props.defaultValue = field.initialValue;
    }
  }
  return clean(props) as unknown as React.InputHTMLAttributes<HTMLInputElement> & {
    id: string;
    name: string;
  };
}

export function getTextareaProps(field: FieldMetadata) {
  return clean({
    ...controlProps(field),
    minLength: field.constraint.minLength,
    maxLength: field.constraint.maxLength,
    defaultValue: field.initialValue == null ? undefined : String(field.initialValue),
  });
}

export function getSelectProps(field: FieldMetadata) {
  return clean({
    ...controlProps(field),
    multiple: field.constraint.multiple,
    defaultValue: Array.isArray(field.initialValue)
      ? field.initialValue.map((v) => String(v ?? ""))
      : field.initialValue == null
        ? undefined
        : String(field.initialValue),
  });
}

/**
 * A form of `useForm` posted with its `intent` (the action tells the page's forms apart by it),
 * opened by the note on required fields.
 */
export function IntentForm({
  form,
  intent,
  className,
  children,
}: {
  form: FormMetadata;
  intent: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <Form method="post" {...getFormProps(form)} className={className}>
      <RequiredFieldsNote />
      <input type="hidden" name="intent" value={intent} />
      {children}
    </Form>
  );
}
