import { Link } from "@remix-run/react";

/** Previous and next pages of a long table, as plain links (no JavaScript needed). */
export function Pager({
  page,
  pages,
  href,
  label,
}: {
  page: number;
  pages: number;
  /** The URL of page n. */
  href: (n: number) => string;
  /** What the pages are of, for screen readers ("Pages des membres"). */
  label: string;
}) {
  if (pages <= 1) return null;
  return (
    <nav aria-label={label} className="mt-3 flex items-center gap-4 text-sm">
      {page > 1 ? (
        <Link to={href(page - 1)} preventScrollReset>
          ← Page précédente
        </Link>
      ) : null}
      <span aria-current="page">
        Page {page} sur {pages}
      </span>
      {page < pages ? (
        <Link to={href(page + 1)} preventScrollReset>
          Page suivante →
        </Link>
      ) : null}
    </nav>
  );
}
