import { getFormProps, getInputProps, useForm } from "~/components/use-form";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { z } from "zod";
import { Field, FormErrors, RequiredFieldsNote } from "~/components/forms";
import { FormSubmit } from "~/components/form-submit";
import { REQUIRED_FIELDS } from "~/utils/required-field-lists";
import { NewPasswordFields } from "~/components/new-password-fields";
import { PageHeader } from "~/components/page";
import { InvitationError, acceptInvitation, findOpenInvitation } from "~/models/invitation.server";
import { clientIp, createUserSession, getSignedInUser, getUserId } from "~/utils/auth.server";
import { TOO_MANY_ATTEMPTS, isThrottled, recordHit } from "~/utils/rate-limit.server";
import { withNewPassword } from "~/utils/validation";
import { ROLE_LABELS, type Role } from "~/utils/domain";
import { readForm } from "~/utils/forms.server";
import { isProConnectEnabled } from "~/utils/proconnect.server";
import {
  AGENTS_USE_PROCONNECT,
  AGENT_ROLES,
  isProConnectRequiredForAgents,
} from "~/models/agent-sign-in.server";
import { ProConnectButton } from "~/components/proconnect-button";

export const meta: MetaFunction = () => [{ title: "Accepter une invitation — Engagés" }];

const newAccountSchema = /* @__PURE__ */ (() =>
  withNewPassword({
    name: z
      .string({ error: "Indiquez vos nom et prénom." })
      .trim()
      .min(2, "Indiquez vos nom et prénom.")
      .max(100, "100 caractères au plus."),
  }))();

/**
 * The e-mail of the account signed in on this browser when it is not the invitee's, or null.
 * Accepting then would either be refused (the invitee's account) or silently swap the session
 * for a new account: the person is asked to sign out first.
 */
async function otherSignedInAccount(request: Request, invitee: { existingUserId: string | null }) {
  const user = await getSignedInUser(request);
  if (!user || user.id === invitee.existingUserId) return null;
  return user.email;
}

/** When prefecture agents must use ProConnect, their invitation creates no password. */
const passwordRefusedFor = async (role: string) =>
  (AGENT_ROLES as readonly string[]).includes(role) && (await isProConnectRequiredForAgents());

const signOutFirst = (email: string) =>
  `Vous êtes connecté(e) en tant que ${email} ; déconnectez-vous pour accepter cette invitation.`;

export async function loader({ params, request }: LoaderFunctionArgs) {
  const invitation = await findOpenInvitation(params.token ?? "");
  if (!invitation) return { invitation: null };
  const signedInUserId = await getUserId(request);
  const otherAccount = await otherSignedInAccount(request, invitation);
  return {
    invitation: {
      email: invitation.email,
      name: invitation.name,
      role: ROLE_LABELS[invitation.role as Role],
      scope:
        invitation.company?.name ??
        invitation.club?.name ??
        (invitation.departement
          ? `${invitation.departement.name} (${invitation.departementCode})`
          : "National"),
      invitedBy: invitation.invitedBy?.name ?? "L'équipe Engagés",
      existingAccount: invitation.existingUserId !== null,
      signedInAsInvitee: signedInUserId !== null && signedInUserId === invitation.existingUserId,
      signOutFirst: otherAccount ? signOutFirst(otherAccount) : null,
      // Accepting with ProConnect (decision 027) signs the invitee in: offered when nobody is.
      proConnectHref:
        isProConnectEnabled() && signedInUserId === null
          ? `/proconnect/connexion?${new URLSearchParams({ invitation: params.token ?? "" })}`
          : null,
      passwordRefused: await passwordRefusedFor(invitation.role),
    },
  };
}

export async function action({ params, request }: ActionFunctionArgs) {
  const token = params.token ?? "";
  const ip = clientIp(request);
  if (await isThrottled("badTokenAttempt", ip)) {
    return data({ result: null, error: TOO_MANY_ATTEMPTS }, { status: 429 });
  }
  const invitation = await findOpenInvitation(token);
  if (!invitation) {
    await recordHit("badTokenAttempt", ip);
    return data({ result: null, error: "Cette invitation n'est plus valable." }, { status: 400 });
  }
  const otherAccount = await otherSignedInAccount(request, invitation);
  if (otherAccount)
    return data({ result: null, error: signOutFirst(otherAccount) }, { status: 403 });
  const formData = await readForm(request);
  try {
    if (invitation.existingUserId) {
      // An existing account accepts while signed in as itself.
      const userId = await getUserId(request);
      if (userId !== invitation.existingUserId) {
        return data(
          {
            result: null,
            error: "Connectez-vous avec le compte de l'adresse invitée pour accepter.",
          },
          { status: 403 },
        );
      }
      await acceptInvitation(token, { existingUserId: userId });
      return createUserSession(request, userId, "/espace");
    }
    if (await passwordRefusedFor(invitation.role)) {
      return data({ result: null, error: AGENTS_USE_PROCONNECT }, { status: 403 });
    }
    const submission = parseWithZod(formData, { schema: newAccountSchema });
    if (submission.status !== "success") {
      return data(
        { result: submission.reply({ hideFields: ["password", "confirm"] }), error: null },
        { status: 400 },
      );
    }
    const userId = await acceptInvitation(token, submission.value);
    return createUserSession(request, userId, "/espace");
  } catch (error) {
    if (error instanceof InvitationError) {
      return data({ result: null, error: error.message }, { status: 400 });
    }
    throw error;
  }
}

export default function AcceptInvitationPage() {
  const { invitation } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const location = useLocation();
  const [form, fields] = useForm({
    id: "accept-invitation",
    lastResult: actionData?.result,
    defaultValue: { name: invitation?.name ?? "" },
    constraint: REQUIRED_FIELDS.newAccount,
  });

  if (!invitation) {
    return (
      <div className="mx-auto max-w-xl">
        <PageHeader
          title="Invitation expirée ou déjà utilisée"
          intro="Ce lien d'invitation n'est plus valable : il a expiré, a déjà servi, ou la personne qui l'a envoyé ne peut plus vous donner cet accès (par exemple parce que l'entreprise a désormais son équipe). Demandez une nouvelle invitation à l'équipe de l'entreprise ou à la personne qui vous a invité(e)."
        />
        <Link to="/login" className="btn-primary">
          Se connecter
        </Link>
      </div>
    );
  }

  return (
    <div className="mx-auto max-w-xl">
      <PageHeader
        title="Rejoindre Engagés"
        intro={`${invitation.invitedBy} vous invite : ${invitation.role} — ${invitation.scope}.`}
      />
      <div className="card">
        {actionData?.error && actionData.error !== invitation.signOutFirst ? (
          <FormErrors errors={[actionData.error]} />
        ) : null}
        {invitation.signOutFirst ? (
          <Form method="post" action="/logout">
            <p className="mb-4">{invitation.signOutFirst}</p>
            <input type="hidden" name="redirectTo" value={location.pathname} />
            <button type="submit" className="btn-primary">
              Se déconnecter
            </button>
          </Form>
        ) : invitation.existingAccount ? (
          invitation.signedInAsInvitee ? (
            <Form method="post">
              <p className="mb-4">Votre compte {invitation.email} recevra ce nouvel accès.</p>
              <button type="submit" className="btn-primary">
                Accepter l&apos;invitation
              </button>
            </Form>
          ) : (
            <>
              <p className="mb-4">
                Un compte existe déjà pour {invitation.email}. Connectez-vous avec ce compte, puis
                revenez sur ce lien pour accepter.
              </p>
              <Link
                to={`/login?${new URLSearchParams({ redirectTo: location.pathname })}`}
                className="btn-primary"
              >
                Se connecter
              </Link>
            </>
          )
        ) : invitation.passwordRefused ? (
          <p>{AGENTS_USE_PROCONNECT}</p>
        ) : (
          <Form method="post" {...getFormProps(form)}>
            <RequiredFieldsNote />
            <p className="mb-4">
              Adresse e-mail du compte : <strong>{invitation.email}</strong>
            </p>
            <Field
              label="Nom et prénom"
              errors={fields.name.errors}
              inputProps={{ ...getInputProps(fields.name, { type: "text" }), autoComplete: "name" }}
            />
            <NewPasswordFields password={fields.password} confirm={fields.confirm} />
            <FormSubmit form={form}>Créer mon compte</FormSubmit>
          </Form>
        )}
      </div>
      {invitation.proConnectHref ? (
        <ProConnectButton
          href={invitation.proConnectHref}
          intro="Agent de l'État ou d'une collectivité ? Acceptez l'invitation avec votre compte professionnel, sans mot de passe à créer."
        />
      ) : null}
    </div>
  );
}
