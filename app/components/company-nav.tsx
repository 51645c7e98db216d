import { NavLink, useRouteLoaderData } from "@remix-run/react";
import { SpaceTabs, tabClass, type SpaceTab } from "./space-tabs";

const TABS = [
  { path: "", label: "Tableau de bord", end: true },
  { path: "/engagements", label: "Engagements" },
  { path: "/realisations", label: "Réalisations" },
  { path: "/suivi", label: "À suivre", writeOnly: true },
  { path: "/import", label: "Importer", writeOnly: true },
  { path: "/profil", label: "Profil" },
  { path: "/equipe", label: "Équipe" },
  { path: "/rapport", label: "Rapport annuel" },
  { path: "/annuaire", label: "Annuaire", writeOnly: true },
  { path: "/passerelles", label: "Passerelles", writeOnly: true },
] satisfies Array<SpaceTab & { writeOnly?: true }>;

const SPACE_ROUTE = "routes/entreprise.$companyId";
type SpaceData = { companyName: string; canEdit: boolean };

/**
 * Whose space this is, for the pages inside it: the company's own people read "Mon tableau de
 * bord", anyone else (animator, prefecture, admin) the company's name.
 */
export function useCompanySpace() {
  const space = useRouteLoaderData<SpaceData>(SPACE_ROUTE);
  return { companyName: space?.companyName ?? "l'entreprise", own: space?.canEdit ?? false };
}

/** A page title in the company's space, from the layout's data (for `meta`). */
export function spaceTitle(
  matches: ReadonlyArray<{ id: string; data?: unknown }>,
  own: string,
  other: string,
) {
  const space = matches.find((m) => m.id === SPACE_ROUTE)?.data as SpaceData | undefined;
  return space && !space.canEdit ? `${other} de ${space.companyName}` : own;
}

/**
 * The tabs of a company's space. Horizontally scrollable on phones, wrapped on wide screens, hidden when printing.
 * `canEdit: false` (animators, prefecture) leaves out the tabs that only write, and the
 * members' network (directory, Passerelles), which is the company's own people's.
 */
export function CompanyNav({
  companyId,
  companyName,
  canEdit = true,
  clubId = null,
}: {
  companyId: string;
  companyName: string;
  canEdit?: boolean;
  /** The company's club: its meetings are one tab away. */
  clubId?: string | null;
}) {
  const base = `/entreprise/${companyId}`;
  return (
    <nav
      aria-label={canEdit ? "Espace entreprise" : `Espace de ${companyName}`}
      className="-mx-4 mb-6 overflow-x-auto px-4 print:hidden"
    >
      {canEdit ? null : (
        <p className="mb-2 text-sm text-gray-700">
          Vous consultez l&apos;espace de <strong className="text-gray-900">{companyName}</strong>{" "}
          (lecture seule).
        </p>
      )}
      <ul className="flex min-w-max gap-1 whitespace-nowrap border-b border-gray-300 lg:min-w-0 lg:flex-wrap">
        <SpaceTabs
          base={base}
          tabs={TABS.filter((tab) => canEdit || !("writeOnly" in tab))}
        />
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
