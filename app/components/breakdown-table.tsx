import { numberFormat } from "./page";
import { DataTable } from "./data-table";

/** A breakdown (by public, by action type…) as an accessible table. */
export function BreakdownTable({
  caption,
  rows,
  quantityHeader,
  hideEmpty = true,
  previous,
}: {
  caption: string;
  rows: Array<{ code: string; label: string; quantity: number; count: number }>;
  quantityHeader: string;
  hideEmpty?: boolean;
  /** The same breakdown a year earlier: adds a column of its quantities. */
  previous?: Array<{ code: string; quantity: number; count: number }>;
}) {
  const before = (code: string) => previous?.find((p) => p.code === code);
  const shown = hideEmpty
    ? rows.filter((r) => r.count > 0 || (before(r.code)?.count ?? 0) > 0)
    : rows;
  const columns = previous ? 4 : 3;
  return (
    <DataTable
      caption={caption}
      captionClassName="mb-2 text-left text-base font-semibold text-gray-900"
      columns={[
        "Catégorie",
        { label: quantityHeader, className: "text-right" },
        { label: "Déclarations", className: "text-right" },
        ...(previous
          ? [{ label: `${quantityHeader} un an plus tôt`, className: "text-right" }]
          : []),
      ]}
    >
      {shown.length === 0 ? (
        <tr>
          <td colSpan={columns} className="text-gray-600">
            Aucune réalisation sur la période.
          </td>
        </tr>
      ) : (
        shown.map((r) => (
          <tr key={r.code}>
            <th scope="row" className="font-normal">
              {r.label}
            </th>
            <td className="text-right tabular-nums">{numberFormat.format(r.quantity)}</td>
            <td className="text-right tabular-nums">{numberFormat.format(r.count)}</td>
            {previous ? (
              <td className="text-right tabular-nums">
                {numberFormat.format(before(r.code)?.quantity ?? 0)}
              </td>
            ) : null}
          </tr>
        ))
      )}
    </DataTable>
  );
}
