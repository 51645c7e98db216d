import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { RequiredFieldsNote } from "./forms";
import { getFormProps, type FormMetadata } from "./use-form";

/**
 * A `useForm` form posted with its `intent` (the action tells the page's forms apart by it),
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
