import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import {
  INVALID_UNSUBSCRIBE_LINK,
  UnsubscribePage,
  unsubscribeMeta,
} from "~/components/unsubscribe-page";
import { findDigestSubscription, optOutOfDigest } from "~/models/practice-emails.server";
import { notFound } from "~/utils/permissions.server";

// The one-click unsubscribe of the weekly digest: a signed token (HMAC of the user id), no
// sign-in. GET only shows a confirmation (mail scanners follow links); any POST opts out —
// the page's button, or the mail client's RFC 8058 "List-Unsubscribe=One-Click" post.
// Separate from the reminders' unsubscribe (/desabonnement/:token), which is per membership.

export const meta: MetaFunction = () => unsubscribeMeta("Se désabonner de la lettre hebdomadaire");

export async function loader({ params }: LoaderFunctionArgs) {
  const found = await findDigestSubscription(params.token ?? "");
  if (!found) notFound(INVALID_UNSUBSCRIBE_LINK);
  return { email: found.email, alreadyOptedOut: found.digestOptOut };
}

export async function action({ params }: ActionFunctionArgs) {
  const done = await optOutOfDigest(params.token ?? "");
  if (!done) notFound(INVALID_UNSUBSCRIBE_LINK);
  return { done: true as const };
}

export default function DigestUnsubscribe() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <UnsubscribePage
      done={Boolean(actionData?.done || d.alreadyOptedOut)}
      title="Se désabonner de la lettre hebdomadaire"
      intro="Chaque semaine, la lettre du club présente les bonnes pratiques à la une et les plus appréciées, la prochaine réunion et les progrès du club. Le même lien arrête aussi les nouvelles de vos pratiques partagées (« inspirant », commentaires)."
      question={
        <>Voulez-vous que {d.email} ne la reçoive plus ? Aucune connexion n&apos;est nécessaire.</>
      }
      doneTitle="Vous êtes désabonné(e) de la lettre hebdomadaire"
      doneText={
        <p>
          {d.email} ne recevra plus la lettre hebdomadaire des bonnes pratiques, ni les nouvelles
          des pratiques qu&apos;il ou elle a partagées. Les invitations aux réunions et les autres
          messages du club continuent.
        </p>
      }
    />
  );
}
