import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { ClubNav } from "~/components/club-nav";
import { BarChart } from "~/components/bar-chart";
import { BreakdownTable } from "~/components/breakdown-table";
import { KeyFigures } from "~/components/key-figures";
import { LineChart } from "~/components/line-chart";
import { PageHeader, numberFormat } from "~/components/page";
import { getClub, getClubFigures, parseFigurePeriod } from "~/models/club.server";
import { notFound, requirePermission } from "~/utils/permissions.server";
import { yearChoices } from "~/utils/years";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Chiffres du club ${data?.club.name ?? ""} — Engagés` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const clubId = params.clubId ?? "";
  await requirePermission(request, { action: "club:manage", clubId });
  const club = await getClub(clubId);
  if (!club) notFound();
  const now = new Date();
  const period = parseFigurePeriod(new URL(request.url), now);
  const figures = await getClubFigures(clubId, period);
  return {
    club,
    years: yearChoices(now),
    period: {
      year: period.year,
      periode: period.periode,
      label: period.label,
      previousLabel: period.previousLabel,
      partial: period.partial,
    },
    ...figures,
  };
}

/** Nothing to post here: 403 for whoever may not run the club, 405 for its animators. */
export async function action({ request, params }: ActionFunctionArgs) {
  await requirePermission(request, { action: "club:manage", clubId: params.clubId ?? "" });
  return new Response("Méthode non autorisée.", { status: 405, headers: { Allow: "GET" } });
}

const PERIOD_CHOICES = [
  { value: "annee", label: "Toute l'année" },
  { value: "T1", label: "1er trimestre (janvier à mars)" },
  { value: "T2", label: "2e trimestre (avril à juin)" },
  { value: "T3", label: "3e trimestre (juillet à septembre)" },
  { value: "T4", label: "4e trimestre (octobre à décembre)" },
] as const;

/** Chart labels stay short enough to be read beside the bars; the table has the full ones. */
function shortLabel(label: string, max = 26) {
  return label.length > max ? `${label.slice(0, max - 1).trimEnd()}…` : label;
}

const COLORS = ["#1f4e8c", "#0f6b4f", "#7a3e9d", "#9a4d00", "#1f4e8c"];

export default function ClubFigures() {
  const d = useLoaderData<typeof loader>();
  const query = new URLSearchParams({ annee: String(d.period.year), periode: d.period.periode });
  const trendTotal = d.trend.reduce((s, m) => s + m.count, 0);
  return (
    <>
      <ClubNav clubId={d.club.id} />
      <PageHeader
        title="Chiffres du club"
        intro={`${d.club.name} — ${d.period.label}. Les mêmes indicateurs que le tableau de bord de la préfecture, pour les seules déclarations du club.`}
        actions={
          <a href={`/club/${d.club.id}/chiffres.xlsx?${query}`} className="btn-secondary" download>
            Télécharger en XLSX
          </a>
        }
      />
      <Form method="get" className="card mb-8 flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="annee" className="label">
            Année
          </label>
          <select id="annee" name="annee" defaultValue={d.period.year} className="input">
            {d.years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="periode" className="label">
            Période
          </label>
          <select id="periode" name="periode" defaultValue={d.period.periode} className="input">
            {PERIOD_CHOICES.map((p) => (
              <option key={p.value} value={p.value}>
                {p.label}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="btn-primary">
          Afficher
        </button>
      </Form>

      <section aria-labelledby="chiffres-cles" className="mb-8">
        <h2 id="chiffres-cles" className="mb-1 text-xl font-bold">
          Chiffres clés
        </h2>
        <p className="mb-3 text-sm text-gray-700">
          Comparés à la même période un an plus tôt ({d.period.previousLabel})
          {d.period.partial ? ", la période en cours étant arrêtée à aujourd'hui" : ""}.
        </p>
        <KeyFigures figures={d.figures} previous={d.previousFigures} />
      </section>

      <section aria-labelledby="repartitions" className="mb-8">
        <h2 id="repartitions" className="mb-3 text-xl font-bold">
          Répartitions
        </h2>
        <div className="grid gap-6 lg:grid-cols-2">
          {d.breakdowns.map((b, i) => {
            const shown = b.rows.filter((r) => r.count > 0);
            return (
              <div key={b.key} className="card px-2 sm:p-5">
                <h3 className="mb-1 text-lg font-bold">{b.title}</h3>
                <p className="mb-3 text-sm text-gray-700">{b.note}</p>
                <BarChart
                  seriesLabel={b.chartValue === "quantity" ? b.quantityHeader : "Déclarations"}
                  color={COLORS[i % COLORS.length]}
                  rows={shown.map((r) => ({
                    label: shortLabel(r.label),
                    value: b.chartValue === "quantity" ? r.quantity : r.count,
                  }))}
                />
                <div className="mt-3">
                  <BreakdownTable
                    caption={`Chiffres : ${b.title}`}
                    rows={b.rows}
                    quantityHeader={b.quantityHeader}
                  />
                </div>
              </div>
            );
          })}
        </div>
      </section>

      <section aria-labelledby="tendance" className="card px-2 sm:p-5">
        <h2 id="tendance" className="mb-1 text-xl font-bold">
          Tendance sur 24 mois
        </h2>
        <p className="mb-3 text-sm text-gray-700">
          Personnes accompagnées (réalisations comptées en personnes) et déclarations, mois par
          mois, de {d.trend[0]?.label} à {d.trend[d.trend.length - 1]?.label}.
        </p>
        {trendTotal > 0 ? (
          <LineChart
            labels={d.trend.map((m) => m.label)}
            series={[
              { label: "Personnes", values: d.trend.map((m) => m.people), color: "#1f4e8c" },
              { label: "Déclarations", values: d.trend.map((m) => m.count), color: "#0f6b4f" },
            ]}
          />
        ) : null}
        <details className="mt-4" open>
          <summary className="cursor-pointer font-semibold">Le tableau mois par mois</summary>
          <div className="mt-2 max-w-2xl overflow-x-auto">
            <table className="table-basic">
              <caption className="sr-only">Tendance mensuelle sur 24 mois</caption>
              <thead>
                <tr>
                  <th scope="col">Mois</th>
                  <th scope="col" className="text-right">
                    Personnes
                  </th>
                  <th scope="col" className="text-right">
                    Déclarations
                  </th>
                </tr>
              </thead>
              <tbody>
                {d.trend.map((m) => (
                  <tr key={m.month}>
                    <th scope="row">{m.label}</th>
                    <td className="text-right tabular-nums">{numberFormat.format(m.people)}</td>
                    <td className="text-right tabular-nums">{numberFormat.format(m.count)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      </section>
    </>
  );
}
