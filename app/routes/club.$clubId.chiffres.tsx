import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ClubNav } from "~/components/club-nav";
import { FilterForm, FilterSelect, YearFilter } from "~/components/filter-form";
import { FilterNotices } from "~/components/filter-notices";
import { FigureBreakdowns, FigureTrend, KeyFiguresSection } from "~/components/figures-sections";
import { OutcomeFigures } from "~/components/outcome-figures";
import { PageHeader } from "~/components/page";
import { getClubFigures } from "~/models/club.server";
import { parseFigurePeriod } from "~/models/figures-period.server";
import { zoneOfDepartement } from "~/utils/time/zones";
import { refuseClubPagePost, requireClubPage } from "~/utils/club-route.server";
import { yearChoices } from "~/utils/years";
import { YEAR_PERIOD_CHOICES } from "~/utils/figure-period-request";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Chiffres du club ${data?.club.name ?? ""} — Engagés` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { clubId, club } = await requireClubPage(request, params, "club:manage");
  const now = new Date();
  const period = parseFigurePeriod(
    new URL(request.url),
    now,
    zoneOfDepartement(club.departementCode),
  );
  const figures = await getClubFigures(clubId, period);
  return {
    club,
    years: yearChoices(now),
    period: {
      year: period.year,
      periode: period.periode,
      label: period.label,
      previousLabel: period.previousLabel,
      partial: period.partial,
      notices: period.notices,
    },
    ...figures,
  };
}

export const action = refuseClubPagePost;

export default function ClubFigures() {
  const d = useLoaderData<typeof loader>();
  const query = new URLSearchParams({ annee: String(d.period.year), periode: d.period.periode });
  return (
    <>
      <ClubNav clubId={d.club.id} />
      <PageHeader
        title="Chiffres du club"
        intro={`${d.club.name} — ${d.period.label}. Les mêmes indicateurs que le tableau de bord de la préfecture, pour les seules déclarations du club.`}
        actions={
          <a href={`/club/${d.club.id}/chiffres.xlsx?${query}`} className="btn-secondary" download>
            Télécharger en XLSX
          </a>
        }
      />
      <FilterForm className="card mb-8 flex flex-wrap items-end gap-3">
        <YearFilter year={d.period.year} years={d.years} />
        <FilterSelect
          name="periode"
          label="Période"
          value={d.period.periode}
          options={YEAR_PERIOD_CHOICES}
        />
      </FilterForm>
      <FilterNotices notices={d.period.notices} />

      <KeyFiguresSection period={d.period} figures={d.figures} previous={d.previousFigures} />

      <FigureBreakdowns breakdowns={d.breakdowns} />
      <OutcomeFigures outcomes={d.outcomes} />
      <FigureTrend trend={d.trend} />
    </>
  );
}
