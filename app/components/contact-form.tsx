import { Form, useNavigation } from "@remix-run/react";
import { Field, FormErrors, RequiredFieldsNote } from "~/components/forms";
import { REQUIRED_FIELDS } from "~/utils/required-field-lists";

export type ContactFormErrors = {
  contactEmail?: string[];
  contactName?: string[];
  form?: string[];
};

/**
 * The contact the club knows a member company by (address required, name optional), posted with
 * intent "contact" to the page's action (updateMembershipContact). `noValidate`: the server's
 * French messages, not the browser's.
 */
export function ContactForm({
  membershipId,
  companyName,
  contactName,
  contactEmail,
  errors,
  submitLabel,
}: {
  membershipId: string;
  companyName: string;
  contactName?: string | null;
  contactEmail?: string | null;
  errors?: ContactFormErrors | null;
  submitLabel: string;
}) {
  const navigation = useNavigation();
  const busy =
    navigation.state === "submitting" &&
    navigation.formData?.get("intent") === "contact" &&
    navigation.formData?.get("membershipId") === membershipId;
  const id = (field: string) => `${field}-${membershipId}`;
  return (
    <Form method="post" preventScrollReset noValidate>
      <input type="hidden" name="intent" value="contact" />
      <input type="hidden" name="membershipId" value={membershipId} />
      <RequiredFieldsNote />
      <div className="grid gap-x-4 sm:grid-cols-2">
        <Field
          label={
            <>
              Adresse e-mail<span className="sr-only"> — contact de {companyName}</span>
            </>
          }
          errors={errors?.contactEmail}
          inputProps={{
            id: id("contactEmail"),
            name: "contactEmail",
            type: "email",
            required: REQUIRED_FIELDS.membershipContact.contactEmail?.required,
            defaultValue: contactEmail ?? "",
            autoComplete: "off",
          }}
        />
        <Field
          label={
            <>
              Nom et prénom (facultatif)
              <span className="sr-only"> — contact de {companyName}</span>
            </>
          }
          errors={errors?.contactName}
          inputProps={{
            id: id("contactName"),
            name: "contactName",
            type: "text",
            defaultValue: contactName ?? "",
            autoComplete: "off",
          }}
        />
      </div>
      <FormErrors errors={errors?.form} />
      <button type="submit" className="btn-secondary" disabled={busy}>
        {submitLabel}
        <span className="sr-only"> : {companyName}</span>
      </button>
    </Form>
  );
}
