import type { ReactNode } from "react";
import { StatCard, numberFormat } from "./page";

/** A figure, or the masked "< 3" of the public figures (people counts of 1 or 2). */
type Figure = number | string;

export type KeyFiguresData = {
  companiesEngaged?: Figure;
  activeCommitments: Figure;
  realisations: Figure;
  peopleHired: Figure;
};

const show = (value: Figure) => (typeof value === "number" ? numberFormat.format(value) : value);

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
