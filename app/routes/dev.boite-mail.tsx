import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { PageHeader } from "~/components/page";
import { formatDateTime } from "~/utils/format";
import { getDevMailboxEmail, listDevMailboxEmails } from "~/models/email-outbox.server";
import { env } from "~/utils/env.server";
import { notFound, requirePermission } from "~/utils/permissions.server";

export const meta: MetaFunction = () => [{ title: "Boîte mail de développement — Engagés" }];

// Development only: without SMTP_URL, e-mails stay in the outbox and can be read here. The
// messages carry sign-in, reset and invitation links: national admins only, even in development.
export async function loader({ request }: LoaderFunctionArgs) {
  if (env.NODE_ENV === "production" || env.SMTP_URL) notFound();
  await requirePermission(request, { action: "admin" });
  const selectedId = new URL(request.url).searchParams.get("id");
  const [messages, selected] = await Promise.all([
    listDevMailboxEmails(),
    selectedId ? getDevMailboxEmail(selectedId) : null,
  ]);
  return { messages, selected };
}

export default function DevMailbox() {
  const { messages, selected } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  return (
    <>
      <PageHeader
        title="Boîte mail de développement"
        intro="Sans SMTP_URL, les e-mails ne partent pas : ils restent dans la file d'envoi et se lisent ici. Réservée aux administrateurs ; cette page n'existe pas en production."
      />
      <div className="grid gap-6 lg:grid-cols-[1fr_2fr]">
        <ul className="card divide-y divide-gray-200 p-0">
          {messages.length === 0 ? <li className="p-4">Aucun e-mail.</li> : null}
          {messages.map((m) => (
            <li key={m.id}>
              <Link
                to={`?id=${m.id}`}
                aria-current={params.get("id") === m.id ? "true" : undefined}
                className="block p-3 no-underline hover:bg-brand-50 aria-[current=true]:bg-brand-50"
              >
                <span className="block font-semibold">{m.subject}</span>
                <span className="block text-sm text-gray-700">
                  À {m.to} · {formatDateTime(m.createdAt)}
                </span>
              </Link>
            </li>
          ))}
        </ul>
        {selected ? (
          <article className="card">
            <h2 className="text-lg font-bold">{selected.subject}</h2>
            <p className="mb-4 text-sm text-gray-700">À {selected.to}</p>
            <iframe
              title={`Contenu de l'e-mail « ${selected.subject} »`}
              sandbox=""
              srcDoc={selected.html}
              className="h-[32rem] w-full rounded border border-gray-200"
            />
            <details className="mt-4">
              <summary className="cursor-pointer font-semibold">Version texte</summary>
              <pre className="mt-2 whitespace-pre-wrap text-sm">{selected.text}</pre>
            </details>
          </article>
        ) : null}
      </div>
    </>
  );
}
