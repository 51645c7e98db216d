import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import {
  INVALID_UNSUBSCRIBE_LINK,
  UnsubscribePage,
  unsubscribeMeta,
} from "~/components/unsubscribe-page";
import { optOutOfReminders, findUnsubscription } from "~/models/reminder-unsubscribe.server";
import { notFound } from "~/utils/permissions.server";

// The one-click unsubscribe link of every reminder e-mail: a signed token (HMAC of the
// membership id), no sign-in. GET only shows a confirmation (mail scanners follow links);
// the POST of its button opts the company out of the club's reminders.

export const meta: MetaFunction = () => unsubscribeMeta("Se désabonner des relances");

export async function loader({ params }: LoaderFunctionArgs) {
  const found = await findUnsubscription(params.token ?? "");
  if (!found) notFound(INVALID_UNSUBSCRIBE_LINK);
  return {
    companyName: found.company.name,
    clubName: found.club.name,
    alreadyOptedOut: found.remindersOptOut,
  };
}

export async function action({ params }: ActionFunctionArgs) {
  const done = await optOutOfReminders(params.token ?? "");
  if (!done) notFound(INVALID_UNSUBSCRIBE_LINK);
  return { done: true as const, ...done };
}

export default function Unsubscribe() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <UnsubscribePage
      done={Boolean(actionData?.done || d.alreadyOptedOut)}
      title="Se désabonner des relances"
      intro={`Les animateurs de « ${d.clubName} » envoient de temps en temps une relance aux entreprises qui n'ont rien déclaré depuis quelques mois.`}
      question={
        <>
          Voulez-vous que {d.companyName} ne reçoive plus ces relances ? Aucune connexion n&apos;est
          nécessaire.
        </>
      }
      doneTitle="Vous êtes désabonné(e) des relances"
      doneText={
        <>
          <p>
            {d.companyName} ne recevra plus de relances de « {d.clubName} ». Les autres messages du
            club (invitations aux rencontres, par exemple) continuent.
          </p>
          <p className="mt-3 text-sm text-gray-700">
            Pour recevoir à nouveau les relances, demandez-le à l&apos;animateur de votre club.
          </p>
        </>
      }
    />
  );
}
