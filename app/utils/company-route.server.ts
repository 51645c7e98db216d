// The head the company's pages (`/entreprise/:companyId/…`) start with: the permission on the
// company of the URL, as `requireClubPage` does for a club's; then the commitment or the
// realisation of the URL, which must be this company's (a 404 otherwise).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getCommitment } from "~/models/commitment.server";
import { getRealisation } from "~/models/realisation-list.server";
import { notFound, requirePermission } from "./permissions.server";

type CompanyAction = "company:read" | "company:write" | "company:group" | "network:use";

/** The signed-in user holding `action` on the company of the URL, and that company's id. */
export async function requireCompanyPage(
  request: Request,
  params: LoaderFunctionArgs["params"],
  action: CompanyAction,
) {
  const companyId = params.companyId ?? "";
  const user = await requirePermission(request, { action, companyId });
  return { user, companyId };
}

/**
 * The signed-in user holding `action` on the company of the URL, and that company's commitment
 * of the URL: an id from another company is unknown here, whatever the form holds.
 */
export async function requireCompanyCommitment(
  request: Request,
  params: LoaderFunctionArgs["params"],
  action: "company:read" | "company:write",
) {
  const { user, companyId } = await requireCompanyPage(request, params, action);
  const commitmentId = params.commitmentId ?? "";
  const commitment = await getCommitment(companyId, commitmentId);
  if (!commitment) notFound("Cet engagement n'existe pas.");
  return { user, companyId, commitmentId, commitment };
}

/**
 * The signed-in user holding `action` on the company of the URL, and that company's realisation
 * of the URL: an id from another company is unknown here, whatever the form holds.
 */
export async function requireCompanyRealisation(
  request: Request,
  params: LoaderFunctionArgs["params"],
  action: "company:write",
) {
  const { user, companyId } = await requireCompanyPage(request, params, action);
  const realisationId = params.realisationId ?? "";
  const realisation = await getRealisation(companyId, realisationId);
  if (!realisation) notFound("Cette réalisation n'existe pas.");
  return { user, companyId, realisationId, realisation };
}
