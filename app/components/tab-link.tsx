import { NavLink } from "@remix-run/react";
import type { ReactNode } from "react";

const tabClass = ({ isActive }: { isActive: boolean }) =>
  `-mb-px inline-block border-b-4 px-3 py-2 text-sm font-semibold no-underline ${
    isActive
      ? "border-brand-700 text-brand-800 hover:text-brand-800"
      : "border-transparent text-gray-700 hover:border-gray-400 hover:text-gray-900"
  }`;

/** One tab of a space's tab bar (club, company): underlined while its page or a sub-page is shown. */
export function TabLink({ to, end, children }: { to: string; end?: boolean; children: ReactNode }) {
  return (
    <li>
      <NavLink to={to} end={end} className={tabClass}>
        {children}
      </NavLink>
    </li>
  );
}
