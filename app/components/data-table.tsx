import type { ReactNode } from "react";
import { TableScroll } from "./table-scroll";

/** A column heading, with its classes when it has some (e.g. hidden on phones). */
export type Column = string | { label: string; className: string };

/**
 * A table of rows that may scroll sideways: its caption, read by screen readers only unless
 * `captionClassName` shows it, naming the scroll region unless `label` does; its column
 * headings, then the rows given as children.
 */
export function DataTable({
  caption,
  label = caption,
  columns,
  className,
  captionClassName = "sr-only",
  tableClassName = "table-basic",
  children,
}: {
  caption: string;
  /** The scroll region's name, when shorter than the caption. */
  label?: string;
  columns: ReadonlyArray<Column>;
  /** Classes of the scroll box, e.g. "card". */
  className?: string;
  captionClassName?: string;
  tableClassName?: string;
  children: ReactNode;
}) {
  return (
    <TableScroll label={label} className={className}>
      <table className={tableClassName}>
        <caption className={captionClassName}>{caption}</caption>
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
