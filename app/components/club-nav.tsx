import { SpaceTabs, type SpaceTab } from "./space-tabs";

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
] satisfies SpaceTab[];

/**
 * The tabs of an animator's club space. Horizontally scrollable on phones, hidden when printing.
 * A tab stays highlighted on its sub-pages (a meeting is under "Réunions").
 */
export function ClubNav({ clubId }: { clubId: string }) {
  const base = `/club/${clubId}`;
  return (
    <nav aria-label="Espace du club" className="-mx-4 mb-6 overflow-x-auto px-4 print:hidden">
      <ul className="flex min-w-max gap-1 whitespace-nowrap border-b border-gray-300">
        <SpaceTabs base={base} tabs={TABS} />
      </ul>
    </nav>
  );
}
