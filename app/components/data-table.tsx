import type { ReactNode } from "react";
import { TableScroll } from "./table-scroll";

/** A column heading, with its classes when it has some (e.g. hidden on phones). */
export type Column = string | { label: string; className: string };

/**
 * A table of rows that may scroll sideways: its caption, read by screen readers and naming the
 * scroll region, its column headings, then the rows given as children.
 */
export function DataTable({
  caption,
  columns,
  className,
  children,
}: {
  caption: string;
  columns: ReadonlyArray<Column>;
  /** Classes of the scroll box, e.g. "card". */
  className?: string;
  children: ReactNode;
}) {
  return (
    <TableScroll label={caption} className={className}>
      <table className="table-basic">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) =>
              typeof column === "string" ? (
                <th key={column} scope="col">
                  {column}
                </th>
              ) : (
                <th key={column.label} scope="col" className={column.className}>
                  {column.label}
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </TableScroll>
  );
}
