import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { PageHeader } from "~/components/page";
import { findDigestSubscription, optOutOfDigest } from "~/models/practice-emails.server";

// The one-click unsubscribe of the weekly digest: a signed token (HMAC of the user id), no
// sign-in. GET only shows a confirmation (mail scanners follow links); any POST opts out —
// the page's button, or the mail client's RFC 8058 "List-Unsubscribe=One-Click" post.
// Separate from the reminders' unsubscribe (/desabonnement/:token), which is per membership.

export const meta: MetaFunction = () => [
  { title: "Se désabonner de la lettre hebdomadaire — Engagés" },
  { name: "robots", content: "noindex" },
];

const INVALID =
  "Ce lien de désabonnement n'est pas valable. Vérifiez qu'il est complet, ou copiez-le à nouveau depuis l'e-mail.";

export async function loader({ params }: LoaderFunctionArgs) {
  const found = await findDigestSubscription(params.token ?? "");
  if (!found) throw new Response(INVALID, { status: 404, statusText: "Not Found" });
  return { email: found.email, alreadyOptedOut: found.digestOptOut };
}

export async function action({ params }: ActionFunctionArgs) {
  const done = await optOutOfDigest(params.token ?? "");
  if (!done) throw new Response(INVALID, { status: 404, statusText: "Not Found" });
  return { done: true as const };
}

export default function DigestUnsubscribe() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  if (actionData?.done || d.alreadyOptedOut) {
    return (
      <div className="mx-auto max-w-2xl">
        <PageHeader title="Vous êtes désabonné(e) de la lettre hebdomadaire" />
        <div role="status" className="card">
          <p>
            {d.email} ne recevra plus la lettre hebdomadaire des bonnes pratiques, ni les nouvelles
            des pratiques qu&apos;il ou elle a partagées. Les invitations aux réunions et les autres
            messages du club continuent.
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
        title="Se désabonner de la lettre hebdomadaire"
        intro="Chaque semaine, la lettre du club présente les bonnes pratiques à la une et les plus appréciées, la prochaine réunion et les progrès du club. Le même lien arrête aussi les nouvelles de vos pratiques partagées (« inspirant », commentaires)."
      />
      <div className="card">
        <p className="mb-4">
          Voulez-vous que {d.email} ne la reçoive plus ? Aucune connexion n&apos;est nécessaire.
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
