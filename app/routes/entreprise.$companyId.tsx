import type { LoaderFunctionArgs } from "@remix-run/node";
import { Outlet, useLoaderData } from "@remix-run/react";
import { CompanyNav } from "~/components/company-nav";
import { firstMemberClubId, getCompanyName } from "~/models/company.server";
import { can, notFound } from "~/utils/permissions.server";
import { requireCompanyPage } from "~/utils/company-route.server";

// The frame of a company's space: its tabs. Each child route checks its own permission too
// (layout loaders run beside, not before, their children's).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, companyId } = await requireCompanyPage(request, params, "company:read");
  const [company, canEdit, clubId] = await Promise.all([
    getCompanyName(companyId),
    can(user, { action: "company:write", companyId }),
    firstMemberClubId(companyId),
  ]);
  if (!company) notFound();
  return { companyId, companyName: company.name, canEdit, clubId };
}

export default function CompanySpace() {
  const { companyId, companyName, canEdit, clubId } = useLoaderData<typeof loader>();
  return (
    <>
      <CompanyNav
        companyId={companyId}
        companyName={companyName}
        canEdit={canEdit}
        clubId={clubId}
      />
      <Outlet />
    </>
  );
}
