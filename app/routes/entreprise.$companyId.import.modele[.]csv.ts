// The CSV template of the realisation import: UTF-8 with a BOM, `;` as separator (Excel in French).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { buildTemplateCsv } from "~/models/realisation-import.server";
import { requirePermission } from "~/utils/permissions.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const companyId = params.companyId ?? "";
  await requirePermission(request, { action: "company:read", companyId });
  return new Response(buildTemplateCsv(), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="modele-realisations.csv"',
      "Cache-Control": "private, no-store",
    },
  });
}
