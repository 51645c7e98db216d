import type { ReactNode } from "react";
import { StatCard, numberFormat } from "./page";
import { formatMonthName } from "~/utils/format";

/** A figure, or a masked cell of the public figures (decision 014). */
type Figure = number | string;

/** How a masked cell of the public figures reads. */
export const MASKED_LABEL = "secret statistique";

/** A masked cell: words, set apart from the numbers (`className` sizes it, e.g. in a card). */
export function Masked({ className = "" }: { className?: string }) {
  return <span className={`font-normal italic text-gray-700 ${className}`}>{MASKED_LABEL}</span>;
}

/** The months the public figures cover ("de janvier à novembre 2026"), from their ISO days. */
export function publicPeriodLabel(period: { from: string; to: string }) {
  const [from, to] = [new Date(period.from), new Date(period.to)];
  const year = to.getUTCFullYear();
  return from.getUTCMonth() === to.getUTCMonth()
    ? `en ${formatMonthName(to)} ${year}`
    : `de ${formatMonthName(from)} à ${formatMonthName(to)} ${year}`;
}

export type KeyFiguresData = {
  companiesEngaged?: Figure;
  activeCommitments: Figure;
  realisations: Figure;
  peopleHired: Figure;
};

const show = (value: Figure) =>
  typeof value === "number" ? numberFormat.format(value) : <Masked className="text-base" />;

const LABELS: Array<[keyof KeyFiguresData, string]> = [
  ["companiesEngaged", "Entreprises engagées"],
  ["activeCommitments", "Engagements en cours ou atteints"],
  ["realisations", "Réalisations déclarées"],
  ["peopleHired", "Personnes recrutées"],
];

/** The headline figures as cards; with `previous`, each says how it moved in a year. */
export function KeyFigures({
  figures,
  previous,
  extra,
  className = "grid gap-4 sm:grid-cols-2 lg:grid-cols-4",
}: {
  figures: KeyFiguresData;
  previous?: KeyFiguresData;
  extra?: ReactNode;
  className?: string;
}) {
  return (
    <div className={className}>
      {LABELS.filter(([key]) => figures[key] !== undefined).map(([key, label]) => (
        <StatCard
          key={key}
          label={label}
          value={show(figures[key]!)}
          hint={
            previous && typeof figures[key] === "number" && typeof previous[key] === "number" ? (
              <Trend now={figures[key]} before={previous[key]} />
            ) : undefined
          }
        />
      ))}
      {extra}
    </div>
  );
}

function Trend({ now, before }: { now: number; before: number }) {
  const diff = now - before;
  const sign = diff > 0 ? "+" : diff < 0 ? "−" : "±";
  return (
    <>
      {sign}
      {numberFormat.format(Math.abs(diff))} par rapport à la même période de l&apos;an dernier (
      {numberFormat.format(before)})
    </>
  );
}
