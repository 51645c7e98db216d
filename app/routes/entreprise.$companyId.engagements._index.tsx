import { quantityOf, formatDay } from "~/utils/format";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { PageHeader } from "~/components/page";
import { spaceTitle, useCompanySpace } from "~/components/company-nav";
import { listCommitments } from "~/models/commitment.server";
import { COMMITMENT_STATUS_LABELS, type CommitmentStatus } from "~/utils/domain";
import { can } from "~/utils/permissions.server";
import { DataTable } from "~/components/data-table";
import { requireCompanyPage } from "~/utils/company-route.server";

export const meta: MetaFunction = ({ matches }) => [
  { title: `${spaceTitle(matches, "Mes engagements", "Engagements")} — Engagés` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, companyId } = await requireCompanyPage(request, params, "company:read");
  const [commitments, canEdit] = await Promise.all([
    listCommitments(companyId),
    can(user, { action: "company:write", companyId }),
  ]);
  return { companyId, commitments, canEdit };
}

export default function CommitmentsPage() {
  const { companyId, commitments, canEdit } = useLoaderData<typeof loader>();
  const { companyName, own } = useCompanySpace();
  const years = [...new Set(commitments.map((c) => c.year))];
  return (
    <>
      <PageHeader
        title={own ? "Mes engagements" : `Engagements de ${companyName}`}
        intro={`${own ? "Vos" : "Ses"} engagements volontaires, année par année.`}
        actions={
          canEdit ? (
            <Link to={`/entreprise/${companyId}/engagements/nouveau`} className="btn-primary">
              Déclarer un engagement
            </Link>
          ) : null
        }
      />
      {commitments.length === 0 ? (
        <p className="card">Aucun engagement déclaré pour le moment.</p>
      ) : null}
      {years.map((year) => (
        <section key={year} aria-labelledby={`annee-${year}`} className="card mb-6">
          <h2 id={`annee-${year}`} className="mb-3 text-lg font-bold">
            {year}
          </h2>
          <DataTable
            caption={`Engagements ${year}`}
            columns={["Engagement", "Thème · action", "Objectif", "Fin", "État"]}
          >
            {commitments
              .filter((c) => c.year === year)
              .map((c) => (
                <tr key={c.id}>
                  <th scope="row">
                    <Link to={`/entreprise/${companyId}/engagements/${c.id}`}>{c.ambition}</Link>
                  </th>
                  <td>
                    {c.theme.label} · {c.actionType.label}
                  </td>
                  <td>
                    {c.targetQuantity
                      ? quantityOf(c.targetQuantity, c.targetUnit ?? "PEOPLE")
                      : "—"}
                  </td>
                  <td>{formatDay(c.endDate)}</td>
                  <td>{COMMITMENT_STATUS_LABELS[c.status as CommitmentStatus]}</td>
                </tr>
              ))}
          </DataTable>
        </section>
      ))}
    </>
  );
}
