import { Link } from "@remix-run/react";
import type { ReactNode } from "react";

export function PageHeader({
  title,
  intro,
  actions,
}: {
  title: ReactNode;
  intro?: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <div className="mb-6 flex flex-wrap items-end justify-between gap-4">
      <div>
        <h1 className="text-2xl font-bold text-gray-900 sm:text-3xl">{title}</h1>
        {intro ? <p className="mt-2 max-w-3xl text-gray-700">{intro}</p> : null}
      </div>
      {actions ? <div className="flex flex-wrap gap-2">{actions}</div> : null}
    </div>
  );
}

/** The link back to the page above this one, above its title. */
export function BackLink({ to, children }: { to: string; children: ReactNode }) {
  return (
    <p className="mb-2 text-sm">
      <Link to={to}>← {children}</Link>
    </p>
  );
}

export function StatCard({
  label,
  value,
  hint,
}: {
  label: string;
  value: ReactNode;
  hint?: ReactNode;
}) {
  return (
    <div className="card">
      <p className="text-sm font-medium text-gray-700">{label}</p>
      <p className="mt-1 text-3xl font-bold text-brand-700">{value}</p>
      {hint ? <p className="mt-1 text-sm text-gray-600">{hint}</p> : null}
    </div>
  );
}

/** A section named by its heading (`aria-labelledby`), on a card unless told otherwise. */
export function Section({
  id,
  title,
  className = "card mb-6",
  large = false,
  headingClassName = large ? "mb-3 text-xl font-bold" : "mb-3 text-lg font-bold",
  children,
}: {
  id: string;
  title: ReactNode;
  className?: string;
  /** A heading of the page's main parts (text-xl). */
  large?: boolean;
  headingClassName?: string;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className={className || undefined}>
      <h2 id={id} className={headingClassName}>
        {title}
      </h2>
      {children}
    </section>
  );
}

export { numberFormat } from "~/utils/format";
