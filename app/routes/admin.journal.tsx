import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { Field, FormErrors, SelectField } from "~/components/forms";
import { PageHeader, numberFormat } from "~/components/page";
import { formatDateTime } from "~/utils/format";
import {
  journalClubs,
  listJournal,
  readJournalFilters,
  type JournalFilters,
} from "~/models/audit-journal.server";
import { AUDIT_ACTION_LABELS, AUDIT_ENTITY_LABELS } from "~/utils/audit-labels";
import { requirePermission } from "~/utils/permissions.server";
import { DataTable } from "~/components/data-table";

export const meta: MetaFunction = () => [{ title: "Journal des modifications — Engagés" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, { action: "admin" });
  const { filters, errors } = readJournalFilters(new URL(request.url));
  const [journal, clubs] = await Promise.all([listJournal(filters), journalClubs()]);
  return { filters, errors, clubs, ...journal };
}

/** The address of another page of the same selection. */
function pageHref(filters: JournalFilters, page: number) {
  const params = new URLSearchParams();
  const named: Array<[string, string]> = [
    ["du", filters.from],
    ["au", filters.to],
    ["auteur", filters.actor],
    ["objet", filters.entityType],
    ["club", filters.clubId],
    ["entreprise", filters.company],
  ];
  for (const [name, value] of named) if (value) params.set(name, value);
  if (page > 1) params.set("page", String(page));
  const query = params.toString();
  return query ? `?${query}` : ".";
}

export default function AdminJournal() {
  const d = useLoaderData<typeof loader>();
  const f = d.filters;
  return (
    <>
      <PageHeader
        title="Journal des modifications"
        intro="Chaque modification des déclarations, des adhésions, des rôles et des réglages : qui l'a faite, quand, et ce qui a changé."
      />
      <Form method="get" className="card mb-6" aria-label="Filtrer le journal">
        <FormErrors errors={d.errors} />
        <div className="grid gap-x-4 sm:grid-cols-2 lg:grid-cols-3">
          <Field label="Du" inputProps={{ name: "du", type: "date", defaultValue: f.from }} />
          <Field label="Au" inputProps={{ name: "au", type: "date", defaultValue: f.to }} />
          <Field
            label="Auteur"
            help="Une partie du nom ou de l'adresse e-mail."
            inputProps={{ name: "auteur", type: "search", defaultValue: f.actor }}
          />
          <SelectField
            label="Type d'objet"
            selectProps={{ name: "objet", defaultValue: f.entityType }}
            options={[
              { value: "", label: "Tous" },
              ...Object.entries(AUDIT_ENTITY_LABELS).map(([value, label]) => ({ value, label })),
            ]}
          />
          <SelectField
            label="Club"
            selectProps={{ name: "club", defaultValue: f.clubId }}
            options={[
              { value: "", label: "Tous" },
              ...d.clubs.map((c) => ({ value: c.id, label: `${c.name} (${c.departementCode})` })),
            ]}
          />
          <Field
            label="Entreprise"
            help="Une partie du nom, ou le SIRET."
            inputProps={{ name: "entreprise", type: "search", defaultValue: f.company }}
          />
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <button type="submit" className="btn-primary">
            Filtrer
          </button>
          <Link to=".">Effacer les filtres</Link>
        </div>
      </Form>

      <p className="mb-3 text-gray-700" role="status">
        {d.total === 0
          ? "Aucune modification ne correspond à ces filtres."
          : `${numberFormat.format(d.total)} modification${d.total > 1 ? "s" : ""}, les plus récentes d'abord — page ${d.page} sur ${d.pageCount}.`}
      </p>

      {d.entries.length > 0 ? (
        <ol className="space-y-3">
          {d.entries.map((e) => (
            <li key={e.id} className="card">
              <p className="font-semibold text-gray-900">
                {AUDIT_ACTION_LABELS[e.action] ?? e.action} —{" "}
                {AUDIT_ENTITY_LABELS[e.entityType] ?? e.entityType}
              </p>
              <p className="text-sm text-gray-700">
                <time dateTime={new Date(e.createdAt).toISOString()}>
                  {formatDateTime(e.createdAt)}
                </time>{" "}
                par{" "}
                {e.actor
                  ? `${e.actor.name} (${e.actor.email})`
                  : "le système ou un lien sans connexion"}
                {e.company ? ` · entreprise : ${e.company}` : ""}
                {e.club ? ` · club : ${e.club}` : ""}
              </p>
              {e.changes.length > 0 ? (
                <DataTable
                  caption="Ce qui a changé"
                  className="mt-2"
                  tableClassName="table-basic table-fixed"
                  columns={[{ label: "Champ", className: "w-1/3" }, "Avant", "Après"]}
                >
                  {e.changes.map((c) => (
                    <tr key={c.field}>
                      <th scope="row" className="break-words font-medium">
                        {c.field}
                      </th>
                      <td className="break-words">{c.before}</td>
                      <td className="break-words">{c.after}</td>
                    </tr>
                  ))}
                </DataTable>
              ) : null}
            </li>
          ))}
        </ol>
      ) : null}

      {d.pageCount > 1 ? (
        <nav aria-label="Pages du journal" className="mt-6 flex flex-wrap items-center gap-4">
          {d.page > 1 ? (
            <Link to={pageHref(f, d.page - 1)} rel="prev">
              ← Page précédente
            </Link>
          ) : null}
          <span>
            Page {d.page} sur {d.pageCount}
          </span>
          {d.page < d.pageCount ? (
            <Link to={pageHref(f, d.page + 1)} rel="next">
              Page suivante →
            </Link>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}
