import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { PageHeader } from "~/components/page";
import { optOutOfReminders, findUnsubscription } from "~/models/reminder-unsubscribe.server";

// The one-click unsubscribe link of every reminder e-mail: a signed token (HMAC of the
// membership id), no sign-in. GET only shows a confirmation (mail scanners follow links);
// the POST of its button opts the company out of the club's reminders.

export const meta: MetaFunction = () => [
  { title: "Se désabonner des relances — Engagés" },
  { name: "robots", content: "noindex" },
];

const INVALID =
  "Ce lien de désabonnement n'est pas valable. Vérifiez qu'il est complet, ou copiez-le à nouveau depuis l'e-mail.";

export async function loader({ params }: LoaderFunctionArgs) {
  const found = await findUnsubscription(params.token ?? "");
  if (!found) throw new Response(INVALID, { status: 404, statusText: "Not Found" });
  return {
    companyName: found.company.name,
    clubName: found.club.name,
    alreadyOptedOut: found.remindersOptOut,
  };
}

export async function action({ params }: ActionFunctionArgs) {
  const done = await optOutOfReminders(params.token ?? "");
  if (!done) throw new Response(INVALID, { status: 404, statusText: "Not Found" });
  return { done: true as const, ...done };
}

export default function Unsubscribe() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  if (actionData?.done || d.alreadyOptedOut) {
    return (
      <div className="mx-auto max-w-2xl">
        <PageHeader title="Vous êtes désabonné(e) des relances" />
        <div role="status" className="card">
          <p>
            {d.companyName} ne recevra plus de relances de « {d.clubName} ». Les autres messages du
            club (invitations aux rencontres, par exemple) continuent.
          </p>
          <p className="mt-3 text-sm text-gray-700">
            Pour recevoir à nouveau les relances, demandez-le à l&apos;animateur de votre club.
          </p>
        </div>
        <p className="mt-6">
          <Link to="/">Revenir à l&apos;accueil</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="mx-auto max-w-2xl">
      <PageHeader
        title="Se désabonner des relances"
        intro={`Les animateurs de « ${d.clubName} » envoient de temps en temps une relance aux entreprises qui n'ont rien déclaré depuis quelques mois.`}
      />
      <div className="card">
        <p className="mb-4">
          Voulez-vous que {d.companyName} ne reçoive plus ces relances ? Aucune connexion n&apos;est
          nécessaire.
        </p>
        <Form method="post">
          <button type="submit" className="btn-primary">
            Confirmer le désabonnement
          </button>
        </Form>
      </div>
    </div>
  );
}
