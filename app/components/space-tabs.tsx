import { NavLink } from "@remix-run/react";

/** The look of a space's tab (club, company): underlined when it is the page's. */
export const tabClass = ({ isActive }: { isActive: boolean }) =>
  `-mb-px inline-block border-b-4 px-3 py-2 text-sm font-semibold no-underline ${
    isActive
      ? "border-brand-700 text-brand-800 hover:text-brand-800"
      : "border-transparent text-gray-700 hover:border-gray-400 hover:text-gray-900"
  }`;

export type SpaceTab = { path: string; label: string; end?: boolean };

/** A space's tabs under `base`, as list items; `end` tabs are highlighted on their own page only. */
export function SpaceTabs({ base, tabs }: { base: string; tabs: ReadonlyArray<SpaceTab> }) {
  return tabs.map((tab) => (
    <li key={tab.path}>
      <NavLink to={`${base}${tab.path}`} end={tab.end ?? false} className={tabClass}>
        {tab.label}
      </NavLink>
    </li>
  ));
}
