import type { LoaderFunctionArgs } from "@remix-run/node";
import { Outlet, useLoaderData } from "@remix-run/react";
import { CompanyNav } from "~/components/company-nav";
import { prisma } from "~/utils/db.server";
import { can, requirePermission } from "~/utils/permissions.server";

// The frame of a company's space: its tabs. Each child route checks its own permission too
// (layout loaders run beside, not before, their children's).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const companyId = params.companyId ?? "";
  const user = await requirePermission(request, { action: "company:read", companyId });
  const [canEdit, club] = await Promise.all([
    can(user, { action: "company:write", companyId }),
    prisma.clubMembership.findFirst({
      where: { companyId, status: "MEMBER" },
      orderBy: { createdAt: "asc" },
      select: { clubId: true },
    }),
  ]);
  return { companyId, canEdit, clubId: club?.clubId ?? null };
}

export default function CompanySpace() {
  const { companyId, canEdit, clubId } = useLoaderData<typeof loader>();
  return (
    <>
      <CompanyNav companyId={companyId} canEdit={canEdit} clubId={clubId} />
      <Outlet />
    </>
  );
}
