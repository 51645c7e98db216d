// What became of the people (issue 15, decision 029): the outcome rates of a figures page, overall
// and by public, action type and contract type, each with the people it rests on and the share
// not reported yet. Plain tables: no client code.
import { DataTable } from "~/components/data-table";
import { numberFormat, Section } from "~/components/page";
import { OUTCOME_RATES, type OutcomeRateKey } from "~/utils/outcome-rates";

/** What a cell shows: the dashboards' rates, or the public ones (no `due`, maybe masked). */
type Rate = {
  rate: number | null;
  people: number;
  notReported: number | null;
  due?: number;
  masked?: boolean;
};
type Row = { code: string; label: string } & Record<OutcomeRateKey, Rate>;
type Props = {
  outcomes: { total: Row; breakdowns: Array<{ key: string; title: string; rows: Row[] }> };
};

const percent = (share: number) => `${Math.round(share * 100)} %`;

function RateCell({ rate }: { rate: Rate }) {
  // Public figures: a rate resting on few people is masked (decision 014).
  if (rate.masked) return <td className="text-right">secret</td>;
  if (rate.rate === null && !rate.due) return <td className="text-right text-gray-600">—</td>;
  return (
    <td className="text-right tabular-nums">
      {rate.rate === null ? "—" : percent(rate.rate)}
      <span className="block text-xs text-gray-700">
        sur {numberFormat.format(rate.people)} pers.
        {rate.notReported ? ` · ${percent(rate.notReported)} non renseigné` : ""}
      </span>
    </td>
  );
}

const shown = (row: Row) =>
  OUTCOME_RATES.some(
    ({ key }) => row[key].masked || row[key].people > 0 || (row[key].due ?? 0) > 0,
  );

function RatesTable({ caption, rows }: { caption: string; rows: Row[] }) {
  const lines = rows.filter(shown);
  return (
    <DataTable
      caption={caption}
      className="mt-2"
      columns={[
        "Catégorie",
        ...OUTCOME_RATES.map((r) => ({ label: r.label, className: "text-right" })),
      ]}
    >
      {lines.length === 0 ? (
        <tr>
          <td colSpan={OUTCOME_RATES.length + 1} className="text-gray-600">
            Aucun suivi échu sur la période.
          </td>
        </tr>
      ) : (
        lines.map((row) => (
          <tr key={row.code || "none"}>
            <th scope="row">{row.label}</th>
            {OUTCOME_RATES.map(({ key }) => (
              <RateCell key={key} rate={row[key]} />
            ))}
          </tr>
        ))
      )}
    </DataTable>
  );
}

/** The outcome rates of a scope: the total, then one table per breakdown. */
export function OutcomeFigures({ outcomes }: Props) {
  return (
    <Section
      id="devenir"
      title="Devenir des personnes"
      className="card mb-8 px-2 sm:p-5"
      headingClassName="mb-1 text-xl font-bold"
    >
      <p className="mb-3 text-sm text-gray-700">
        Suivis à 6 et 12 mois échus pendant la période. En emploi : dans l&apos;entreprise ou
        ailleurs, parmi les personnes recrutées (recrutements, alternances, prêts). Accès à
        l&apos;emploi : parmi les personnes en immersion ou en formation. Chaque taux indique le
        nombre de personnes sur lequel il repose et la part des suivis non encore renseignés.
      </p>
      <RatesTable caption="Devenir des personnes : ensemble" rows={[outcomes.total]} />
      {outcomes.breakdowns.map((b) => (
        <details key={b.key} className="mt-4">
          <summary className="cursor-pointer font-semibold">{b.title}</summary>
          <RatesTable caption={`Devenir des personnes : ${b.title.toLowerCase()}`} rows={b.rows} />
        </details>
      ))}
    </Section>
  );
}
