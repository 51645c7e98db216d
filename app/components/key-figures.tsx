import type { ReactNode } from "react";
import { StatCard, numberFormat } from "./page";

export type KeyFiguresData = {
  companiesEngaged?: number;
  activeCommitments: number;
  realisations: number;
  peopleHired: number;
};

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
          value={numberFormat.format(figures[key]!)}
          hint={previous ? <Trend now={figures[key]!} before={previous[key] ?? 0} /> : undefined}
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
