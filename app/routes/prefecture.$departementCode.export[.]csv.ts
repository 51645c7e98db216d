import type { LoaderFunctionArgs } from "@remix-run/node";
import { buildDepartementCsv, loadDepartementExport } from "~/models/prefecture-export.server";
import { csvResponse } from "~/utils/downloads.server";
import { notFound, requirePermission } from "~/utils/permissions.server";

// GET /prefecture/:departementCode/export.csv — the filtered dashboard's breakdowns and trend as
// one CSV file (`;` separator, UTF-8 with BOM for spreadsheet software), after lines describing
// the filters and the extraction date.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const departementCode = params.departementCode ?? "";
  await requirePermission(request, { action: "departement:read", departementCode });
  const now = new Date();
  const data = await loadDepartementExport(departementCode, new URL(request.url), now);
  if (!data) notFound();
  const csv = buildDepartementCsv(data, now);
  return csvResponse(csv.body, csv.fileName);
}
