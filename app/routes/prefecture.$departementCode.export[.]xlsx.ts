import type { LoaderFunctionArgs } from "@remix-run/node";
import { buildDepartementWorkbook } from "~/models/prefecture-export.server";
import { requireDepartementExport } from "~/utils/departement-export-route.server";
import { xlsxResponse } from "~/utils/downloads.server";

// GET /prefecture/:departementCode/export.xlsx — what the filtered dashboard shows (same query
// parameters): a sheet of filters and extraction date, key figures, one sheet per breakdown,
// the monthly trend and the member companies.
export async function loader(args: LoaderFunctionArgs) {
  const { data, now } = await requireDepartementExport(args);
  const workbook = buildDepartementWorkbook(data, now);
  return xlsxResponse(workbook.stream, workbook.fileName);
}
