import { getFormProps, getInputProps, useForm } from "~/components/use-form";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { z } from "zod";
import { Field, RequiredFieldsNote } from "~/components/forms";
import { FormSubmit } from "~/components/form-submit";
import { REQUIRED_FIELDS } from "~/utils/required-field-lists";
import { PageHeader } from "~/components/page";
import { requestPasswordReset } from "~/models/password-reset.server";
import { clientIp } from "~/utils/auth.server";
import { TOO_MANY_ATTEMPTS, isThrottled, recordHit } from "~/utils/rate-limit.server";
import { redirectWithFlash } from "~/utils/session.server";
import { readForm } from "~/utils/forms.server";

export const meta: MetaFunction = () => [{ title: "Mot de passe oublié — Engagés" }];

const schema = /* @__PURE__ */ (() =>
  z.object({
    email: z
      .string({ error: "Saisissez votre adresse e-mail." })
      .trim()
      .max(254, "Cette adresse e-mail est trop longue.")
      .pipe(z.email("Saisissez une adresse e-mail valide, par exemple nom@entreprise.fr.")),
  }))();

export async function action({ request }: ActionFunctionArgs) {
  const submission = parseWithZod(await readForm(request), { schema });
  if (submission.status !== "success") {
    return data({ result: submission.reply() }, { status: 400 });
  }
  const ip = clientIp(request);
  if (await isThrottled("passwordResetRequest", ip)) {
    return data({ result: submission.reply({ formErrors: [TOO_MANY_ATTEMPTS] }) }, { status: 429 });
  }
  await recordHit("passwordResetRequest", ip);
  await requestPasswordReset(submission.value.email);
  return redirectWithFlash(request, "/login", {
    kind: "info",
    message:
      "Si un compte existe pour cette adresse, un e-mail vient de lui être envoyé avec un lien pour choisir un nouveau mot de passe.",
  });
}

export default function ForgotPasswordPage() {
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "forgot-password",
    lastResult: actionData?.result,
    constraint: REQUIRED_FIELDS.forgotPassword,
  });
  return (
    <div className="mx-auto max-w-md">
      <PageHeader
        title="Mot de passe oublié"
        intro="Indiquez l'adresse e-mail de votre compte : nous vous enverrons un lien pour choisir un nouveau mot de passe."
      />
      <Form method="post" className="card" {...getFormProps(form)}>
        <RequiredFieldsNote />
        <Field
          label="Adresse e-mail"
          errors={fields.email.errors}
          inputProps={{ ...getInputProps(fields.email, { type: "email" }), autoComplete: "email" }}
        />
        <FormSubmit form={form}>Recevoir le lien</FormSubmit>
      </Form>
    </div>
  );
}
