import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { buildCompanyExport } from "~/models/company-export.server";
import { getOnly, xlsxResponse } from "~/utils/downloads.server";
import { notFound, requirePermission } from "~/utils/permissions.server";
import { requireCompanyPage } from "~/utils/company-route.server";

// GET /entreprise/:companyId/export.xlsx — all of the company's own data as a workbook, for
// whoever may read the company (its members; its club's animators; its prefecture; admins).

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { companyId } = await requireCompanyPage(request, params, "company:read");
  const workbook = await buildCompanyExport(companyId);
  if (!workbook) notFound();
  return xlsxResponse(workbook.buffer, workbook.fileName);
}

/** Nothing to post here: 403 for whoever may not read the company, 405 for the others. */
export async function action({ request, params }: ActionFunctionArgs) {
  await requirePermission(request, { action: "company:read", companyId: params.companyId ?? "" });
  return getOnly();
}
