import { useNavigation } from "@remix-run/react";
import type { ReactNode } from "react";

/** A form's submit button, disabled while the page sends a form (one click, one send). */
export function BusySubmit({
  className = "btn-primary",
  children,
}: {
  className?: string;
  children: ReactNode;
}) {
  const submitting = useNavigation().state === "submitting";
  return (
    <button type="submit" className={className} disabled={submitting}>
      {children}
    </button>
  );
}
