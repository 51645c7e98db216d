// Everything a figures page shows for a scope (a club, a département or the country) and a
// period: the key figures against a year earlier, the breakdowns and the trend; each figure
// comes from figures.server.ts.

import type { FigurePeriod } from "~/models/figures-period.server";
import {
  hiresByContractType,
  monthlyTrend,
  peopleByPublic,
  realisationsByActionType,
  realisationsByClub,
  realisationsByCompanySize,
  realisationsBySector,
} from "~/models/figures-breakdowns.server";
import { type Breakdown, type FigureScope } from "~/models/figures.server";
import { keyFigures } from "~/models/figures-key.server";
import { outcomeFigures } from "~/models/figures-outcomes.server";
import { ACTION_TYPES } from "~/utils/domain";

/**
 * Everything a figures page (club, département, country) shows for a scope and a period: key
 * figures against the same period a year earlier, the breakdowns and the 24-month trend.
 */
export async function getFigures(scope: FigureScope, period: FigurePeriod) {
  const byDepartement = Boolean(scope.departementCode && !scope.clubId);
  const [
    figures,
    previousFigures,
    byPublic,
    byActionType,
    byContract,
    bySize,
    bySector,
    trend,
    previousByPublic,
    byClub,
    outcomes,
  ] = await Promise.all([
    keyFigures(scope, period.current),
    keyFigures(scope, period.previous),
    peopleByPublic(scope, period.current),
    realisationsByActionType(scope, period.current),
    hiresByContractType(scope, period.current),
    realisationsByCompanySize(scope, period.current),
    realisationsBySector(scope, period.current),
    monthlyTrend(scope, period.trend),
    peopleByPublic(scope, period.previous),
    byDepartement ? realisationsByClub(scope, period.current) : Promise.resolve(null),
    outcomeFigures(scope, period.current),
  ]);
  const breakdowns: FigureBreakdown[] = [
    {
      key: "publics",
      sheet: "Par public",
      title: "Personnes accompagnées par public",
      quantityHeader: "Personnes",
      chartValue: "quantity",
      rows: byPublic,
      note: "Réalisations comptées en personnes.",
    },
    {
      key: "actions",
      sheet: "Par type d'action",
      title: "Réalisations par type d'action",
      quantityHeader: "Quantité",
      chartValue: "count",
      rows: byActionType.map((r) => ({
        ...r,
        label: `${r.label} (${unitLabelOf(r.code)})`,
      })),
      note: "Quantité dans l'unité du type d'action ; le graphique compte les déclarations.",
    },
    {
      key: "contrats",
      sheet: "Par type de contrat",
      title: "Recrutements par type de contrat",
      quantityHeader: "Personnes recrutées",
      chartValue: "quantity",
      rows: byContract,
      note: "Recrutements et contrats en alternance, comptés en personnes.",
    },
    {
      key: "tailles",
      sheet: "Par taille d'entreprise",
      title: "Réalisations par taille d'entreprise",
      quantityHeader: "Personnes",
      chartValue: "count",
      rows: bySize,
      note: "Tranche d'effectif de l'entreprise qui déclare ; personnes : réalisations comptées en personnes.",
    },
    {
      key: "secteurs",
      sheet: "Par secteur",
      title: "Réalisations par secteur d'activité (section NAF)",
      quantityHeader: "Personnes",
      chartValue: "count",
      rows: bySector,
      note: "Section NAF de l'entreprise qui déclare ; personnes : réalisations comptées en personnes.",
    },
  ];
  if (byClub) {
    breakdowns.splice(3, 0, {
      key: "clubs",
      sheet: "Par club",
      title: "Réalisations par club",
      quantityHeader: "Personnes",
      chartValue: "count",
      rows: byClub,
      note: "Club de l'entreprise qui déclare ; personnes : réalisations comptées en personnes.",
    });
  }
  return {
    figures,
    previousFigures,
    /** People by public category, the same months a year earlier (key figure comparison). */
    previousByPublic,
    breakdowns,
    trend,
    /** What became of the people whose 6- or 12-month milestone fell due in the period. */
    outcomes,
  };
}

export type FigureBreakdown = {
  key: string;
  sheet: string;
  title: string;
  quantityHeader: string;
  chartValue: "quantity" | "count";
  rows: Breakdown;
  note: string;
};

const UNIT_SHORT = { PEOPLE: "personnes", EUROS: "€", HOURS: "heures" } as const;
function unitLabelOf(actionTypeCode: string) {
  const unit = ACTION_TYPES.find((a) => a.code === actionTypeCode)?.defaultUnit ?? "PEOPLE";
  return UNIT_SHORT[unit];
}

export type ScopeFigures = Awaited<ReturnType<typeof getFigures>>;
