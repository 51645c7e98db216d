import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { PageHeader } from "~/components/page";
import { formatDateTime } from "~/utils/format";
import { listLatestEmails } from "~/models/email-outbox.server";
import { retryFailedEmails } from "~/utils/email.server";
import { requirePermission } from "~/utils/permissions.server";
import { redirectWithFlash } from "~/utils/session.server";
import { DataTable } from "~/components/data-table";

export const meta: MetaFunction = () => [{ title: "Envois d'e-mails — Engagés" }];

const STATUS_LABELS: Record<string, string> = {
  PENDING: "En attente",
  SENDING: "En cours d'envoi",
  SENT: "Envoyé",
  FAILED: "En échec",
};

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, { action: "admin" });
  const messages = await listLatestEmails();
  return { messages };
}

/** Puts failed messages back in the queue, to be tried at once. */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, { action: "admin" });
  const count = await retryFailedEmails();
  console.info(`Relance de ${count} e-mail(s) en échec par ${user.email}`);
  return redirectWithFlash(request, "/admin/emails", {
    kind: "success",
    message: `${count} e-mail(s) en échec remis dans la file d'envoi.`,
  });
}

export default function AdminEmails() {
  const { messages } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader
        title="Envois d'e-mails"
        intro="Chaque e-mail passe par une file d'envoi : s'il ne part pas (serveur SMTP indisponible), il est réessayé automatiquement, de plus en plus espacé."
        actions={
          <Form method="post">
            <button type="submit" className="btn-secondary">
              Réessayer les envois en échec
            </button>
          </Form>
        }
      />
      <DataTable
        caption="Les 100 derniers e-mails"
        className="card"
        columns={["Créé le", "Destinataire", "Objet", "État", "Tentatives", "Dernière erreur"]}
      >
        {messages.map((m) => (
          <tr key={m.id}>
            <td>{formatDateTime(m.createdAt)}</td>
            <td>{m.to}</td>
            <td>{m.subject}</td>
            <td>
              {STATUS_LABELS[m.status] ?? m.status}
              {m.status === "PENDING" && m.attempts > 0
                ? ` (prochain essai ${formatDateTime(m.nextAttemptAt)})`
                : ""}
            </td>
            <td className="tabular-nums">{m.attempts}</td>
            <td className="max-w-xs truncate">{m.lastError ?? ""}</td>
          </tr>
        ))}
      </DataTable>
    </>
  );
}
