import { useNavigation } from "@remix-run/react";
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

/** Whether the page is sending a form posted with this `intent` (its button shows the wait). */
export function useSendingIntent(intent: string) {
  const navigation = useNavigation();
  return navigation.state === "submitting" && navigation.formData?.get("intent") === intent;
}
