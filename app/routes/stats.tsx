import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { FilterForm, FilterSelect } from "~/components/filter-form";
import { MASKED_LABEL, Masked, publicPeriodLabel } from "~/components/key-figures";
import { DataTable } from "~/components/data-table";
import { PageHeader, StatCard, numberFormat } from "~/components/page";
import { findDepartement, publicStats } from "~/models/public-stats.server";
import { OutcomeFigures } from "~/components/outcome-figures";
import { listDepartements } from "~/models/departements.server";

export const meta: MetaFunction = () => [{ title: "Chiffres publics — Engagés" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const requested = new URL(request.url).searchParams.get("departement") || null;
  const departement = requested ? await findDepartement(requested) : null;
  const [stats, departements] = await Promise.all([
    publicStats(departement?.code ?? null),
    listDepartements(),
  ]);
  return { stats, departement, departements, unknown: requested !== null && !departement };
}

const UNIT_LABELS = { PEOPLE: "pers.", EUROS: "€", HOURS: "h" } as const;

/** A published figure: a number, or a masked cell (decision 014), smaller in a card. */
function show(value: number | string, inCard = false) {
  if (typeof value === "number") return numberFormat.format(value);
  return <Masked className={inCard ? "text-base" : ""} />;
}

export default function PublicStatsPage() {
  const { stats, departement, departements, unknown } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader
        title={`Chiffres publics ${stats.year}${departement ? ` — ${departement.name} (${departement.code})` : " — France entière"}`}
        intro={`Ce que les entreprises des clubs « Les entreprises s'engagent » ont déclaré ${publicPeriodLabel(stats.period)}. Chiffres agrégés, mis à jour au début de chaque mois : aucune entreprise ni personne n'est nommée.`}
      />
      <FilterForm className="mb-6 flex flex-wrap items-end gap-2" submitClassName="btn-secondary">
        <FilterSelect
          name="departement"
          label="Département"
          value={departement?.code ?? ""}
          options={[
            { value: "", label: "France entière" },
            ...departements.map((d) => ({ value: d.code, label: `${d.code} — ${d.name}` })),
          ]}
        />
      </FilterForm>
      {unknown ? (
        <p role="alert" className="mb-6 font-semibold text-red-700">
          Ce département n&apos;existe pas : les chiffres de la France entière sont affichés.
        </p>
      ) : null}
      <div className="mb-8 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <StatCard label="Entreprises engagées" value={show(stats.companiesEngaged, true)} />
        <StatCard label="Engagements en cours ou atteints" value={show(stats.commitments, true)} />
        <StatCard label="Réalisations déclarées" value={show(stats.realisations, true)} />
        <StatCard label="Personnes recrutées" value={show(stats.peopleHired, true)} />
      </div>
      <p className="mb-6 text-sm text-gray-700">
        Pour protéger les personnes, un nombre de personnes égal à 1 ou 2 n&apos;est pas publié, ni
        son nombre de réalisations, ni les autres cases qui permettraient de le retrouver par
        différence (un total, un autre département…) : elles indiquent « {MASKED_LABEL} ».
      </p>
      <div className="grid gap-6 lg:grid-cols-2">
        <DataTable
          caption="Personnes accompagnées par public"
          className="card"
          captionClassName="mb-2 text-left text-base font-semibold"
          columns={["Public", { label: "Personnes", className: "text-right" }]}
        >
          {stats.byPublicCategory.map((r) => (
            <tr key={r.code}>
              <th scope="row" className="font-normal">
                {r.label}
              </th>
              <td className="text-right tabular-nums">{show(r.people)}</td>
            </tr>
          ))}
        </DataTable>
        <DataTable
          caption="Réalisations par type d'action"
          className="card"
          captionClassName="mb-2 text-left text-base font-semibold"
          columns={[
            "Type d'action",
            { label: "Quantité", className: "text-right" },
            { label: "Réalisations", className: "text-right" },
          ]}
        >
          {stats.byActionType.map((r) => (
            <tr key={r.code}>
              <th scope="row" className="font-normal">
                {r.label}
              </th>
              <td className="text-right tabular-nums">
                {show(r.quantity)}
                {typeof r.quantity === "number"
                  ? ` ${UNIT_LABELS[r.unit as keyof typeof UNIT_LABELS] ?? ""}`
                  : null}
              </td>
              <td className="text-right tabular-nums">{show(r.realisations)}</td>
            </tr>
          ))}
        </DataTable>
      </div>
      {stats.outcomes ? <OutcomeFigures outcomes={stats.outcomes} /> : null}
    </>
  );
}
