import { numberFormat } from "./page";

/** A breakdown (by public, by action type…) as an accessible table. */
export function BreakdownTable({
  caption,
  rows,
  quantityHeader,
  hideEmpty = true,
}: {
  caption: string;
  rows: Array<{ code: string; label: string; quantity: number; count: number }>;
  quantityHeader: string;
  hideEmpty?: boolean;
}) {
  const shown = hideEmpty ? rows.filter((r) => r.count > 0) : rows;
  return (
    <div className="overflow-x-auto">
      <table className="table-basic">
        <caption className="mb-2 text-left text-base font-semibold text-gray-900">
          {caption}
        </caption>
        <thead>
          <tr>
            <th scope="col">Catégorie</th>
            <th scope="col" className="text-right">
              {quantityHeader}
            </th>
            <th scope="col" className="text-right">
              Déclarations
            </th>
          </tr>
        </thead>
        <tbody>
          {shown.length === 0 ? (
            <tr>
              <td colSpan={3} className="text-gray-600">
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
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
