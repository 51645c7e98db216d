import type { LoaderFunctionArgs } from "@remix-run/node";
import { buildDepartementWorkbook, loadDepartementExport } from "~/models/prefecture-export.server";
import { xlsxResponse } from "~/utils/downloads.server";
import { notFound, requirePermission } from "~/utils/permissions.server";

// GET /prefecture/:departementCode/export.xlsx — what the filtered dashboard shows (same query
// parameters): a sheet of filters and extraction date, key figures, one sheet per breakdown,
// the monthly trend and the member companies.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const departementCode = params.departementCode ?? "";
  await requirePermission(request, { action: "departement:read", departementCode });
  const now = new Date();
  const data = await loadDepartementExport(departementCode, new URL(request.url), now);
  if (!data) notFound();
  const workbook = buildDepartementWorkbook(data, now);
  return xlsxResponse(workbook.stream, workbook.fileName);
}
