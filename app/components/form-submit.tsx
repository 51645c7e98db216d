import type { ReactNode } from "react";
import { FormErrors } from "./forms";

/** The end of a Conform form: its form-level errors, then its submit button. */
export function FormSubmit({
  form,
  className = "btn-primary",
  disabled,
  children,
}: {
  form: { errorId: string; errors?: string[] };
  className?: string;
  disabled?: boolean;
  children: ReactNode;
}) {
  return (
    <>
      <FormErrors id={form.errorId} errors={form.errors} />
      <button type="submit" className={className} disabled={disabled}>
        {children}
      </button>
    </>
  );
}
