// The upload of the import form when JavaScript runs (XMLHttpRequest, to show its progress):
// the same work as the import page's plain post, answered in JSON — `{ location }` of the
// preview, or `{ error }` in French with a 4xx status.
import type { ActionFunctionArgs } from "@remix-run/node";
import { receiveImportUpload } from "~/utils/realisation-upload.server";
import { requireCompanyPage } from "~/utils/company-route.server";

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, companyId } = await requireCompanyPage(request, params, "company:write");
  if (request.method !== "POST") {
    return Response.json({ error: "Méthode non acceptée." }, { status: 405 });
  }
  const result = await receiveImportUpload(request, companyId, user.id);
  if (!result.ok) return Response.json({ error: result.error }, { status: result.status });
  return Response.json({ location: `/entreprise/${companyId}/import?brouillon=${result.draftId}` });
}
