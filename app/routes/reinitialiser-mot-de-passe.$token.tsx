import { getFormProps, useForm } from "~/components/use-form";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { RequiredFieldsNote } from "~/components/forms";
import { FormSubmit } from "~/components/form-submit";
import { REQUIRED_FIELDS } from "~/utils/required-field-lists";
import { NewPasswordFields } from "~/components/new-password-fields";
import { PageHeader } from "~/components/page";
import { consumeResetToken, findResetToken } from "~/models/password-reset.server";
import { clientIp, setPassword } from "~/utils/auth.server";
import { rememberDevice } from "~/utils/known-device.server";
import { TOO_MANY_ATTEMPTS, isThrottled, recordHit } from "~/utils/rate-limit.server";
import { withNewPassword } from "~/utils/validation";
import { redirectWithFlash } from "~/utils/session.server";
import { readForm } from "~/utils/forms.server";

export const meta: MetaFunction = () => [{ title: "Nouveau mot de passe — Engagés" }];

const schema = /* @__PURE__ */ (() => withNewPassword({}))();

export async function loader({ params }: LoaderFunctionArgs) {
  return { valid: (await findResetToken(params.token ?? "")) !== null };
}

export async function action({ params, request }: ActionFunctionArgs) {
  const submission = parseWithZod(await readForm(request), { schema });
  const ip = clientIp(request);
  if (await isThrottled("badTokenAttempt", ip)) {
    return data(
      {
        result: submission.reply({
          formErrors: [TOO_MANY_ATTEMPTS],
          hideFields: ["password", "confirm"],
        }),
      },
      { status: 429 },
    );
  }
  if (submission.status !== "success") {
    return data(
      { result: submission.reply({ hideFields: ["password", "confirm"] }) },
      { status: 400 },
    );
  }
  const token = await findResetToken(params.token ?? "");
  if (!token || !(await consumeResetToken(token.id))) {
    await recordHit("badTokenAttempt", ip);
    return data(
      {
        result: submission.reply({
          formErrors: ["Ce lien n'est plus valable. Demandez-en un nouveau."],
          hideFields: ["password", "confirm"],
        }),
      },
      { status: 400 },
    );
  }
  await setPassword(token.userId, submission.value.password);
  // The link proved the mailbox is theirs: this browser becomes a known device of the account,
  // which sign-in throttling lets in even while strangers are guessing (auth.server.ts).
  return redirectWithFlash(
    request,
    "/login",
    {
      kind: "success",
      message: "Votre mot de passe a été changé. Connectez-vous avec le nouveau mot de passe.",
    },
    { headers: { "Set-Cookie": await rememberDevice(request, token.userId) } },
  );
}

export default function ResetPasswordPage() {
  const { valid } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "reset-password",
    lastResult: actionData?.result,
    constraint: REQUIRED_FIELDS.newPassword,
  });
  if (!valid) {
    return (
      <div className="mx-auto max-w-md">
        <PageHeader title="Lien expiré" intro="Ce lien a déjà servi ou a expiré." />
        <Link to="/mot-de-passe-oublie" className="btn-primary">
          Demander un nouveau lien
        </Link>
      </div>
    );
  }
  return (
    <div className="mx-auto max-w-md">
      <PageHeader title="Choisir un nouveau mot de passe" />
      <Form method="post" className="card" {...getFormProps(form)}>
        <RequiredFieldsNote />
        <NewPasswordFields
          password={fields.password}
          confirm={fields.confirm}
          label="Nouveau mot de passe"
        />
        <FormSubmit form={form}>Enregistrer</FormSubmit>
      </Form>
    </div>
  );
}
