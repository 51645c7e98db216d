import { getFormProps, getInputProps, useForm } from "~/components/use-form";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { Field, FormErrors, RequiredFieldsNote } from "~/components/forms";
import { REQUIRED_FIELDS } from "~/utils/required-field-lists";
import { PageHeader } from "~/components/page";
import {
  LoginError,
  authenticator,
  createUserSession,
  requireAnonymous,
} from "~/utils/auth.server";
import { readForm } from "~/utils/forms.server";
import { safeRedirect } from "~/utils/safe-redirect.server";
import { loginSchema } from "~/utils/validation";
import { isProConnectEnabled } from "~/utils/proconnect.server";
import { AGENTS_USE_PROCONNECT, mustUseProConnect } from "~/models/agent-sign-in.server";
import { ProConnectButton } from "~/components/proconnect-button";
import { BusySubmit } from "~/components/busy-submit";

export const meta: MetaFunction = () => [{ title: "Se connecter — Engagés" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  return { proConnect: isProConnectEnabled() };
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request.clone());
  const submission = parseWithZod(form, { schema: loginSchema });
  if (submission.status !== "success") {
    return data({ result: submission.reply({ hideFields: ["password"] }) }, { status: 400 });
  }
  try {
    const userId = await authenticator.authenticate("form", request);
    if (await mustUseProConnect(userId)) {
      return data(
        {
          result: submission.reply({
            formErrors: [AGENTS_USE_PROCONNECT],
            hideFields: ["password"],
          }),
        },
        { status: 403 },
      );
    }
    return createUserSession(request, userId, safeRedirect(form.get("redirectTo"), request));
  } catch (error) {
    if (error instanceof LoginError) {
      return data(
        { result: submission.reply({ formErrors: [error.message], hideFields: ["password"] }) },
        { status: error.status },
      );
    }
    throw error;
  }
}

const redirectQuery = (redirectTo: string | null) =>
  redirectTo ? `?${new URLSearchParams({ redirectTo })}` : "";

export default function LoginPage() {
  const { proConnect } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const [form, fields] = useForm({
    id: "login",
    lastResult: actionData?.result,
    constraint: REQUIRED_FIELDS.login,
  });

  return (
    <div className="mx-auto max-w-md">
      <PageHeader
        title="Se connecter"
        intro="Accédez à l'espace de votre entreprise, de votre club ou de votre préfecture."
      />
      <div className="card">
        <Form method="post" action="/login" {...getFormProps(form)}>
          <RequiredFieldsNote />
          <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? ""} />
          <Field
            label="Adresse e-mail"
            errors={fields.email.errors}
            inputProps={{
              ...getInputProps(fields.email, { type: "email" }),
              autoComplete: "email",
              autoFocus: true,
            }}
          />
          <Field
            label="Mot de passe"
            errors={fields.password.errors}
            inputProps={{
              ...getInputProps(fields.password, { type: "password" }),
              autoComplete: "current-password",
            }}
          />
          <FormErrors id={form.errorId} errors={form.errors} />
          <BusySubmit className="btn-primary w-full">Se connecter</BusySubmit>
        </Form>
        <p className="mt-4 text-sm">
          <Link to="/mot-de-passe-oublie">Mot de passe oublié ?</Link>
        </p>
      </div>
      {proConnect ? (
        <ProConnectButton
          href={`/proconnect/connexion${redirectQuery(searchParams.get("redirectTo"))}`}
          intro="Agent de l'État ou d'une collectivité ? Identifiez-vous avec votre compte professionnel."
        />
      ) : null}
      <p className="mt-6 text-sm text-gray-700">
        Pas encore de compte ? L&apos;accès se fait sur invitation : demandez-la à l&apos;animateur
        de votre club d&apos;entreprises.
      </p>
    </div>
  );
}
