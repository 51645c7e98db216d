import { getInputProps, useForm, type SubmissionResult, IntentForm } from "~/components/use-form";
import type { ReactNode } from "react";
import { Field } from "./forms";
import { FormSubmit } from "./form-submit";
import { PendingInvitations } from "./invitation-list";
import { REQUIRED_FIELDS } from "~/utils/required-field-lists";
import { Section } from "./page";

/** The invitation form: e-mail and name, plus the scope fields the page adds as children. */
type ScopeFields = (
  fields: Record<string, { errors?: string[]; name: string; id: string }>,
) => ReactNode;

export function InviteForm({
  lastResult,
  children,
  submitLabel = "Envoyer l'invitation",
  constraint = REQUIRED_FIELDS.invite,
}: {
  lastResult?: SubmissionResult<string[]> | null;
  children?: ScopeFields;
  submitLabel?: string;
  /** The required fields, the scope fields' included (REQUIRED_FIELDS). */
  constraint?: Record<string, { required?: boolean }>;
}) {
  const [form, fields] = useForm({ id: "invite", lastResult, constraint });
  return (
    <IntentForm form={form} intent="invite">
      <div className="grid gap-x-4 sm:grid-cols-2">
        <Field
          label="Adresse e-mail"
          errors={fields.email.errors}
          inputProps={{ ...getInputProps(fields.email, { type: "email" }), autoComplete: "off" }}
        />
        <Field
          label="Nom et prénom"
          errors={fields.name.errors}
          inputProps={{ ...getInputProps(fields.name, { type: "text" }), autoComplete: "off" }}
        />
      </div>
      {children?.(fields as never)}
      <FormSubmit form={form}>{submitLabel}</FormSubmit>
    </IntentForm>
  );
}

/** An invitations page: the new invitation, with the page's scope fields, then those pending. */
export function InvitationSections({
  lastResult,
  invitations,
  children,
}: {
  lastResult?: SubmissionResult<string[]> | null;
  invitations: Parameters<typeof PendingInvitations>[0]["invitations"];
  children: ScopeFields;
}) {
  return (
    <>
      <Section id="inviter" title="Nouvelle invitation">
        <InviteForm lastResult={lastResult}>{children}</InviteForm>
      </Section>
      <Section id="attente" title="Invitations en attente" className="card">
        <PendingInvitations invitations={invitations} />
      </Section>
    </>
  );
}
