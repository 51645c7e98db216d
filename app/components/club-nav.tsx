import { NavLink } from "@remix-run/react";

const TABS = [
  { path: "", label: "Accueil", end: true },
  { path: "/membres", label: "Membres" },
  { path: "/reunions", label: "Réunions" },
  { path: "/relances", label: "Relances" },
  { path: "/attestations", label: "Attestations" },
  { path: "/chiffres", label: "Chiffres" },
  { path: "/invitations", label: "Invitations" },
  { path: "/pratiques", label: "Bonnes pratiques" },
  { path: "/passerelles", label: "Passerelles" },
] as const;

const tabClass = ({ isActive }: { isActive: boolean }) =>
  `-mb-px inline-block border-b-4 px-3 py-2 text-sm font-semibold no-underline ${
    isActive
      ? "border-brand-700 text-brand-800 hover:text-brand-800"
      : "border-transparent text-gray-700 hover:border-gray-400 hover:text-gray-900"
  }`;

/**
 * The tabs of an animator's club space. Horizontally scrollable on phones, hidden when printing.
 * A tab stays highlighted on its sub-pages (a meeting is under "Réunions").
 */
export function ClubNav({ clubId }: { clubId: string }) {
  const base = `/club/${clubId}`;
  return (
    <nav aria-label="Espace du club" className="-mx-4 mb-6 overflow-x-auto px-4 print:hidden">
      <ul className="flex min-w-max gap-1 whitespace-nowrap border-b border-gray-300">
        {TABS.map((tab) => (
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
      </ul>
    </nav>
  );
}
