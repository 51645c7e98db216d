import { Form, Link, NavLink, useLocation } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { ROLE_LABELS, type Role } from "~/utils/domain";

export type HeaderUser = {
  name: string;
  email: string;
  spaces: Array<{ href: string; role: Role; scopeName: string }>;
  isAdmin: boolean;
};

const navLinkClass = ({ isActive }: { isActive: boolean }) =>
  `rounded-md px-3 py-2 text-sm font-semibold no-underline ${
    isActive
      ? "bg-brand-700 text-white hover:text-white"
      : "text-white hover:bg-brand-700 hover:text-white"
  }`;

export function SiteHeader({ user }: { user: HeaderUser | null }) {
  return (
    <header className="site-header bg-brand-800 text-white print:hidden">
      <a
        href="#contenu"
        className="sr-only bg-white p-2 text-brand-800 focus:not-sr-only focus:absolute focus:left-2 focus:top-2"
      >
        Aller au contenu
      </a>
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <Link to="/" className="text-white no-underline hover:text-white">
          <span className="block text-lg font-bold">Engagés</span>
          <span className="block text-xs text-brand-100">
            Les entreprises s&apos;engagent — clubs départementaux
          </span>
        </Link>
        <nav aria-label="Navigation principale" className="flex flex-wrap items-center gap-1">
          <NavLink to="/stats" className={navLinkClass}>
            Chiffres publics
          </NavLink>
          {user ? (
            <>
              {user.spaces.length > 0 ? (
                <NavLink to="/pratiques" className={navLinkClass}>
                  Bonnes pratiques
                </NavLink>
              ) : null}
              {user.spaces.map((space) => (
                <NavLink key={space.href} to={space.href} className={navLinkClass}>
                  {user.spaces.length > 1
                    ? `${ROLE_LABELS[space.role]} · ${space.scopeName}`
                    : spaceLabel(space.role)}
                </NavLink>
              ))}
              <UserMenu user={user} />
            </>
          ) : (
            <NavLink to="/login" className={navLinkClass}>
              Se connecter
            </NavLink>
          )}
        </nav>
      </div>
    </header>
  );
}

function spaceLabel(role: Role) {
  switch (role) {
    case "COMPANY":
      return "Mon tableau de bord";
    case "ANIMATOR":
      return "Mon club";
    case "PREFECTURE":
      return "Tableau de bord départemental";
    case "ADMIN":
      return "Administration";
  }
}

/**
 * The account menu: a native disclosure (no script needed, keyboard and screen readers know it),
 * closed by Escape, by leaving it (a click or Tab elsewhere) and by a navigation once the page is
 * hydrated.
 */
function UserMenu({ user }: { user: HeaderUser }) {
  const ref = useRef<HTMLDetailsElement>(null);
  const { pathname } = useLocation();
  useEffect(() => {
    if (ref.current) ref.current.open = false;
  }, [pathname]);
  const itemClass =
    "block rounded px-3 py-2 text-sm text-gray-900 no-underline hover:bg-brand-700 hover:text-white focus:bg-brand-700 focus:text-white focus:outline-none";
  return (
    <details
      ref={ref}
      className="relative"
      onKeyDown={(e) => {
        if (e.key === "Escape" && e.currentTarget.open) {
          e.currentTarget.open = false;
          e.currentTarget.querySelector("summary")?.focus();
        }
      }}
      onBlur={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) e.currentTarget.open = false;
      }}
    >
      <summary
        aria-label={`Compte de ${user.name}`}
        className="cursor-pointer list-none rounded-md border border-brand-100 px-3 py-2 text-sm font-semibold text-white hover:bg-brand-700 focus-visible:outline focus-visible:outline-2 focus-visible:outline-white [&::-webkit-details-marker]:hidden"
      >
        {user.name} ▾
      </summary>
      <div className="absolute right-0 z-50 mt-1 min-w-56 rounded-md border border-gray-200 bg-white p-1 shadow-lg">
        <ul aria-label="Mon compte">
          <li>
            <Link to="/espace" className={itemClass}>
              Mes espaces
            </Link>
          </li>
          <li>
            <Link to="/logout" className={itemClass}>
              Se déconnecter
            </Link>
          </li>
        </ul>
      </div>
    </details>
  );
}

/** A plain sign-out form, for pages that offer it inline (no JavaScript needed). */
export function LogoutForm() {
  return (
    <Form method="post" action="/logout">
      <button type="submit" className="btn-secondary">
        Se déconnecter
      </button>
    </Form>
  );
}
