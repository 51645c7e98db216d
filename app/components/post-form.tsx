// A POST form that cannot be sent twice by accident (issue 18, point 8): while it is being sent,
// a second submit is ignored and its SubmitButton says so; once the action answered with a
// redirect (success: no action data), its fields are emptied, so the text just sent does not
// stay to be sent again. Errors (action data) leave the text in place for correction. The
// server still refuses duplicates on its own (app/utils/duplicates.server.ts).
import { Form, useActionData, useNavigation, type FormProps } from "@remix-run/react";
import { useEffect, useRef, type ReactNode } from "react";

export function PostForm({ onSubmit, ...props }: Omit<FormProps, "method">) {
  const ref = useRef<HTMLFormElement>(null);
  const sent = useRef(false);
  const navigation = useNavigation();
  const actionData = useActionData();
  useEffect(() => {
    if (navigation.state !== "idle" || !sent.current) return;
    sent.current = false;
    if (actionData === undefined) ref.current?.reset();
  }, [navigation.state, actionData]);
  return (
    <Form
      {...props}
      ref={ref}
      method="post"
      onSubmit={(event) => {
        if (navigation.state === "submitting") {
          event.preventDefault();
          return;
        }
        sent.current = true;
        onSubmit?.(event);
      }}
    />
  );
}

/** The submit button of a form: marked busy, and labelled so, while a form is being sent. */
export function SubmitButton({
  children,
  pendingLabel = "Envoi en cours…",
  className = "btn-primary",
  name,
  value,
}: {
  children: ReactNode;
  pendingLabel?: string;
  className?: string;
  name?: string;
  value?: string;
}) {
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  return (
    <button
      type="submit"
      className={className}
      name={name}
      value={value}
      aria-disabled={busy || undefined}
      disabled={busy}
    >
      {busy ? pendingLabel : children}
    </button>
  );
}
