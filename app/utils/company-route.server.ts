// The head the company's pages (`/entreprise/:companyId/…`) start with: the permission on the
// company of the URL, as `requireClubPage` does for a club's.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "./permissions.server";

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
