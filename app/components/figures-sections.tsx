import type { ReactNode } from "react";
import { BarChart } from "./bar-chart";
import { BreakdownTable } from "./breakdown-table";
import { KeyFigures, type KeyFiguresData } from "./key-figures";
import { LineChart } from "./line-chart";
import { numberFormat, Section } from "./page";
import { DataTable } from "~/components/data-table";

type Row = { code: string; label: string; quantity: number; count: number };
type Breakdown = {
  key: string;
  title: string;
  quantityHeader: string;
  chartValue: "quantity" | "count";
  rows: Row[];
  note: string;
};
type Month = { month: string; label: string; people: number; count: number };

/** Chart labels stay short enough to be read beside the bars; the table has the full ones. */
function shortLabel(label: string, max = 26) {
  return label.length > max ? `${label.slice(0, max - 1).trimEnd()}…` : label;
}

const COLORS = ["#1f4e8c", "#0f6b4f", "#7a3e9d", "#9a4d00", "#1f4e8c", "#0f6b4f"];

/**
 * The key figures of a figures page, against the same period a year earlier; `filters` says which
 * filters apply, `children` follow the figures.
 */
export function KeyFiguresSection({
  period,
  figures,
  previous,
  filters,
  children,
}: {
  period: { previousLabel: string; partial: boolean };
  figures: KeyFiguresData;
  previous: KeyFiguresData;
  filters?: string;
  children?: ReactNode;
}) {
  return (
    <Section
      id="chiffres-cles"
      title="Chiffres clés"
      className="mb-8"
      headingClassName="mb-1 text-xl font-bold"
    >
      <p className="mb-3 text-sm text-gray-700">
        {filters ? `Filtres : ${filters}. ` : null}
        Comparés à la même période un an plus tôt ({period.previousLabel})
        {period.partial ? ", la période en cours étant arrêtée à aujourd'hui" : ""}.
      </p>
      <KeyFigures figures={figures} previous={previous} />
      {children}
    </Section>
  );
}

/** The breakdowns of a figures page: a bar chart and the same numbers in a table, each. */
export function FigureBreakdowns({ breakdowns }: { breakdowns: Breakdown[] }) {
  return (
    <Section id="repartitions" title="Répartitions" className="mb-8" large>
      <div className="grid gap-6 lg:grid-cols-2">
        {breakdowns.map((b, i) => {
          const shown = b.rows.filter((r) => r.count > 0);
          return (
            <div key={b.key} className="card min-w-0 px-2 sm:p-5">
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
    </Section>
  );
}

/** The 24-month trend: a line chart and the month-by-month table. */
export function FigureTrend({ trend }: { trend: Month[] }) {
  const total = trend.reduce((s, m) => s + m.count, 0);
  return (
    <Section
      id="tendance"
      title="Tendance sur 24 mois"
      className="card mb-8 px-2 sm:p-5"
      headingClassName="mb-1 text-xl font-bold"
    >
      <p className="mb-3 text-sm text-gray-700">
        Personnes accompagnées (réalisations comptées en personnes) et déclarations, mois par mois,
        de {trend[0]?.label} à {trend[trend.length - 1]?.label}.
      </p>
      {total > 0 ? (
        <LineChart
          labels={trend.map((m) => m.label)}
          series={[
            { label: "Personnes", values: trend.map((m) => m.people), color: "#1f4e8c" },
            { label: "Déclarations", values: trend.map((m) => m.count), color: "#0f6b4f" },
          ]}
        />
      ) : null}
      <details className="mt-4" open>
        <summary className="cursor-pointer font-semibold">Le tableau mois par mois</summary>
        <DataTable
          caption="Tendance mensuelle sur 24 mois"
          className="mt-2 max-w-2xl"
          columns={[
            "Mois",
            { label: "Personnes", className: "text-right" },
            { label: "Déclarations", className: "text-right" },
          ]}
        >
          {trend.map((m) => (
            <tr key={m.month}>
              <th scope="row">{m.label}</th>
              <td className="text-right tabular-nums">{numberFormat.format(m.people)}</td>
              <td className="text-right tabular-nums">{numberFormat.format(m.count)}</td>
            </tr>
          ))}
        </DataTable>
      </details>
    </Section>
  );
}
