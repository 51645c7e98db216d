import type { LoaderFunctionArgs } from "@remix-run/node";
import { buildDepartementCsv } from "~/models/prefecture-export.server";
import { requireDepartementExport } from "~/utils/departement-export-route.server";
import { csvResponse } from "~/utils/downloads.server";

// GET /prefecture/:departementCode/export.csv — the filtered dashboard's breakdowns and trend as
// one CSV file (`;` separator, UTF-8 with BOM for spreadsheet software), after lines describing
// the filters and the extraction date.
export async function loader(args: LoaderFunctionArgs) {
  const { data, now } = await requireDepartementExport(args);
  const csv = buildDepartementCsv(data, now);
  return csvResponse(csv.body, csv.fileName);
}
