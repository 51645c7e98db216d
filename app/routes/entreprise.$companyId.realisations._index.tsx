import { countOf, quantityOf, formatDay } from "~/utils/format";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { YearSelector } from "~/components/year-selector";
import { PageHeader } from "~/components/page";
import { spaceTitle, useCompanySpace } from "~/components/company-nav";
import { listRealisations } from "~/models/realisation-list.server";
import { CONTRACT_TYPE_LABELS, QPV_LABELS, type ContractType } from "~/utils/domain";
import { can } from "~/utils/permissions.server";
import { parseYear, yearChoices } from "~/utils/years";
import { DataTable } from "~/components/data-table";
import { requireCompanyPage } from "~/utils/company-route.server";

export const meta: MetaFunction = ({ matches }) => [
  { title: `${spaceTitle(matches, "Mes réalisations", "Réalisations")} — Engagés` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, companyId } = await requireCompanyPage(request, params, "company:read");
  const year = parseYear(new URL(request.url).searchParams.get("annee"));
  const [realisations, canEdit] = await Promise.all([
    listRealisations(companyId, year),
    can(user, { action: "company:write", companyId }),
  ]);
  return { companyId, year, years: yearChoices(), realisations, canEdit };
}

export default function RealisationsPage() {
  const { companyId, year, years, realisations, canEdit } = useLoaderData<typeof loader>();
  const { companyName, own } = useCompanySpace();
  return (
    <>
      <PageHeader
        title={own ? "Mes réalisations" : `Réalisations de ${companyName}`}
        intro={`Ce que ${own ? "votre entreprise" : companyName} a fait : recrutements, stages, immersions, achats, heures de bénévolat…`}
        actions={
          canEdit ? (
            <>
              <Link to={`/entreprise/${companyId}/realisations/nouvelle`} className="btn-primary">
                Enregistrer une réalisation
              </Link>
              <Link to={`/entreprise/${companyId}/import`} className="btn-secondary">
                Importer un fichier
              </Link>
            </>
          ) : null
        }
      />
      <YearSelector year={year} years={years} className="mb-4 flex items-end gap-2" />
      <DataTable
        caption={`${countOf(realisations.length, "réalisation")} en ${year}`}
        className="card"
        captionClassName="mb-2 text-left font-semibold"
        columns={[
          "Date",
          "Action",
          "Public",
          "Contrat",
          { label: "Nombre", className: "text-right" },
          "QPV",
          "Engagement",
        ]}
      >
        {realisations.map((r) => (
          <tr key={r.id}>
            <th scope="row">
              {canEdit ? (
                <Link
                  to={`/entreprise/${companyId}/realisations/${r.id}`}
                  aria-label={`Modifier la réalisation du ${formatDay(r.date)}`}
                >
                  {formatDay(r.date)}
                </Link>
              ) : (
                formatDay(r.date)
              )}
            </th>
            <td>{r.actionType.label}</td>
            <td>{r.publicCategory.label}</td>
            <td>{r.contractType ? CONTRACT_TYPE_LABELS[r.contractType as ContractType] : "—"}</td>
            <td className="text-right tabular-nums">{quantityOf(r.quantity, r.unit)}</td>
            <td>{QPV_LABELS[r.qpv as keyof typeof QPV_LABELS]}</td>
            <td>
              {r.commitment ? (
                <Link to={`/entreprise/${companyId}/engagements/${r.commitment.id}`}>
                  {r.commitment.ambition.slice(0, 40)}
                  {r.commitment.ambition.length > 40 ? "…" : ""}
                </Link>
              ) : (
                "—"
              )}
            </td>
          </tr>
        ))}
      </DataTable>
    </>
  );
}
