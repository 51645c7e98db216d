import type { LoaderFunctionArgs } from "@remix-run/node";
import { NavLink, Outlet } from "@remix-run/react";
import { requirePermission } from "~/utils/permissions.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, { action: "admin" });
  return null;
}

const tab = ({ isActive }: { isActive: boolean }) =>
  `rounded-md px-3 py-2 text-sm font-semibold no-underline ${isActive ? "bg-brand-600 text-white hover:text-white" : "text-brand-700 hover:bg-brand-50"}`;

export default function AdminLayout() {
  return (
    <>
      <nav
        aria-label="Administration"
        className="no-print mb-6 flex flex-wrap gap-2 border-b border-gray-200 pb-3"
      >
        <NavLink to="/admin" end className={tab}>
          Vue nationale
        </NavLink>
        <NavLink to="/admin/clubs" className={tab}>
          Clubs
        </NavLink>
        <NavLink to="/admin/catalogue" className={tab}>
          Catalogue annuel
        </NavLink>
        <NavLink to="/admin/invitations" className={tab}>
          Comptes et invitations
        </NavLink>
        <NavLink to="/admin/entreprises" className={tab}>
          Entreprises
        </NavLink>
        <NavLink to="/admin/campagne" className={tab}>
          Campagne de déclaration
        </NavLink>
        <NavLink to="/admin/emails" className={tab}>
          Envois d&apos;e-mails
        </NavLink>
        <NavLink to="/admin/taches" className={tab}>
          Tâches planifiées
        </NavLink>
        <NavLink to="/admin/journal" className={tab}>
          Journal des modifications
        </NavLink>
      </nav>
      <Outlet />
    </>
  );
}
