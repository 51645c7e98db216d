import { NavLink } from "@remix-run/react";

const TABS = [
  { path: "", label: "Tableau de bord", end: true },
  { path: "/engagements", label: "Engagements" },
  { path: "/realisations", label: "Réalisations" },
  { path: "/import", label: "Importer", writeOnly: true },
  { path: "/profil", label: "Profil" },
  { path: "/equipe", label: "Équipe" },
  { path: "/rapport", label: "Rapport annuel" },
  { path: "/annuaire", label: "Annuaire", writeOnly: true },
  { path: "/passerelles", label: "Passerelles", writeOnly: true },
] as const;

const tabClass = ({ isActive }: { isActive: boolean }) =>
  `-mb-px inline-block border-b-4 px-3 py-2 text-sm font-semibold no-underline ${
    isActive
      ? "border-brand-700 text-brand-800 hover:text-brand-800"
      : "border-transparent text-gray-700 hover:border-gray-400 hover:text-gray-900"
  }`;

/**
 * The tabs of a company's space. Horizontally scrollable on phones, wrapped on wide screens, hidden when printing.
 * `canEdit: false` (animators, prefecture) leaves out the tabs that only write, and the
 * members' network (directory, Passerelles), which is the company's own people's.
 */
export function CompanyNav({
  companyId,
  canEdit = true,
  clubId = null,
}: {
  companyId: string;
  canEdit?: boolean;
  /** The company's club: its meetings are one tab away. */
  clubId?: string | null;
}) {
  const base = `/entreprise/${companyId}`;
  return (
    <nav aria-label="Espace entreprise" className="-mx-4 mb-6 overflow-x-auto px-4 print:hidden">
      <ul className="flex min-w-max gap-1 whitespace-nowrap border-b border-gray-300 lg:min-w-0 lg:flex-wrap">
        {TABS.filter((tab) => canEdit || !("writeOnly" in tab)).map((tab) => (
          <li key={tab.path}>
            <NavLink
              to={`${base}${tab.path}`}
              end={"end" in tab ? tab.end : false}
              className={tabClass}
            >
              {tab.label}
            </NavLink>
          </li>
        ))}
        {clubId ? (
          <li>
            <NavLink to={`/club/${clubId}/reunions`} className={tabClass}>
              Réunions du club
            </NavLink>
          </li>
        ) : null}
        <li>
          <NavLink to="/pratiques" className={tabClass}>
            Bonnes pratiques
          </NavLink>
        </li>
      </ul>
    </nav>
  );
}
