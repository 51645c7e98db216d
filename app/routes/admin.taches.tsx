import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData, useNavigation } from "@remix-run/react";
import { PageHeader } from "~/components/page";
import { formatDateTime } from "~/utils/format";
import { countOutboxEmails } from "~/models/email-outbox.server";
import { requirePermission } from "~/utils/permissions.server";
import { HIDDEN_COMMENTS_KEPT_DAYS } from "~/utils/retention";
import { listLatestJobRuns, runDueJobs } from "~/utils/scheduler.server";
import { redirectWithFlash } from "~/utils/session.server";
import { DataTable } from "~/components/data-table";

// The scheduler's periodic work as the operator sees it: the last runs (JobRun) and a button to
// run what is due now — after a restart, or to check a digest — without waiting for the timers.
// Every job is idempotent for its period, so running it again sends nothing twice.

export const meta: MetaFunction = () => [{ title: "Tâches planifiées — Engagés" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, { action: "admin" });
  const runs = await listLatestJobRuns();
  return { runs };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, { action: "admin" });
  const before = await countOutboxEmails();
  await runDueJobs(new Date());
  const queued = (await countOutboxEmails()) - before;
  console.info(`Tâches planifiées lancées à la main par ${user.email} : ${queued} e-mail(s)`);
  return redirectWithFlash(request, "/admin/taches", {
    kind: "success",
    message: `Tâches dues lancées : ${queued} e-mail(s) mis dans la file d'envoi.`,
  });
}

export default function AdminJobs() {
  const { runs } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  return (
    <>
      <PageHeader
        title="Tâches planifiées"
        intro={`Lettre hebdomadaire des clubs, nouvelles des auteurs de pratiques, relances trimestrielles, rappels de réunion, suppression des commentaires masqués depuis ${HIDDEN_COMMENTS_KEPT_DAYS} jours, nettoyage : le serveur les lance lui-même. Chaque tâche ne fait qu'une fois le travail d'une période.`}
      />
      <Form method="post" className="mb-6">
        <button type="submit" className="btn-primary" disabled={navigation.state !== "idle"}>
          Lancer les tâches dues maintenant
        </button>
      </Form>
      <DataTable
        caption="Dernières exécutions"
        className="card"
        columns={["Tâche et période", "Début", "Fin"]}
      >
        {runs.length === 0 ? (
          <tr>
            <td colSpan={3}>Aucune exécution enregistrée.</td>
          </tr>
        ) : (
          runs.map((run) => (
            <tr key={run.key}>
              <td className="font-mono text-sm">{run.key}</td>
              <td>{formatDateTime(run.startedAt)}</td>
              <td>{run.finishedAt ? formatDateTime(run.finishedAt) : "en cours"}</td>
            </tr>
          ))
        )}
      </DataTable>
    </>
  );
}
