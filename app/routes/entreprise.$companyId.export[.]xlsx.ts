import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { buildCompanyExport } from "~/models/company-report.server";
import { notFound, requirePermission } from "~/utils/permissions.server";

// GET /entreprise/:companyId/export.xlsx — all of the company's own data as a workbook, for
// whoever may read the company (its members; its club's animators; its prefecture; admins).

export async function loader({ request, params }: LoaderFunctionArgs) {
  const companyId = params.companyId ?? "";
  await requirePermission(request, { action: "company:read", companyId });
  const workbook = await buildCompanyExport(companyId);
  if (!workbook) notFound();
  return new Response(workbook.buffer, {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="${workbook.fileName}"`,
      "Content-Length": String(workbook.buffer.length),
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

/** Nothing to post here: 403 for whoever may not read the company, 405 for the others. */
export async function action({ request, params }: ActionFunctionArgs) {
  await requirePermission(request, { action: "company:read", companyId: params.companyId ?? "" });
  return new Response("Méthode non autorisée : téléchargez le fichier avec GET.", {
    status: 405,
    headers: { Allow: "GET" },
  });
}
