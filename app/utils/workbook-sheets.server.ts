// The sheet every XLSX download of the app starts its tables with: one header row naming the
// columns, in bold and frozen, so that the headers stay in view while the rows scroll.

import type ExcelJS from "exceljs";

type Workbook = ExcelJS.Workbook | ExcelJS.stream.xlsx.WorkbookWriter;

/** A new sheet of `workbook` whose first row holds the headers of `columns`. */
export function addHeaderedSheet(
  workbook: Workbook,
  name: string,
  columns: Array<Partial<ExcelJS.Column>>,
) {
  const sheet = workbook.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = columns;
  sheet.getRow(1).font = { bold: true };
  return sheet;
}
