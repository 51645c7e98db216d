import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { BreakdownTable } from "~/components/breakdown-table";
import {
  ClubFilter,
  FilterForm,
  FilterSelect,
  filterOptions,
  MonthFilter,
  YearFilter,
} from "~/components/filter-form";
import { FilterNotices } from "~/components/filter-notices";
import { FigureBreakdowns, FigureTrend, KeyFiguresSection } from "~/components/figures-sections";
import { OutcomeFigures } from "~/components/outcome-figures";
import { AttestedShare } from "~/components/attested-share";
import { PageHeader, numberFormat, Section } from "~/components/page";
import {
  describeFilters,
  filtersQuery,
  getDepartementFigures,
  parseDashboardFilters,
} from "~/models/prefecture.server";
import { getDepartementWithRegion } from "~/models/departements.server";
import { attestedShare } from "~/models/attestations.server";
import { ACTION_TYPES, PUBLIC_CATEGORIES } from "~/utils/domain";
import { notFound, requirePermission } from "~/utils/permissions.server";
import { yearChoices } from "~/utils/years";
import { YEAR_PERIOD_CHOICES } from "~/utils/figure-period-request";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Tableau de bord ${data?.departement.name ?? ""} — Engagés` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const departementCode = params.departementCode ?? "";
  await requirePermission(request, { action: "departement:read", departementCode });
  const departement = await getDepartementWithRegion(departementCode);
  if (!departement) notFound();
  const now = new Date();
  const { clubs, ...filters } = await parseDashboardFilters(
    new URL(request.url),
    departementCode,
    now,
  );
  const p = filters.period;
  const [figures, attested] = await Promise.all([
    getDepartementFigures(departementCode, filters),
    attestedShare(departementCode, p.year),
  ]);
  return {
    departement,
    clubs,
    years: yearChoices(now),
    filters: {
      annee: p.year,
      periode: p.periode,
      du: p.fromMonth,
      au: p.toMonth,
      club: filters.clubId ?? "",
      public: filters.publicCategoryCode ?? "",
      action: filters.actionTypeCode ?? "",
      attestees: filters.attestedOnly ? "1" : "",
    },
    period: { label: p.label, previousLabel: p.previousLabel, partial: p.partial },
    description: describeFilters(filters, clubs),
    notices: filters.notices,
    query: filtersQuery(filters),
    attested,
    ...figures,
  };
}

/** The filters on the declarations themselves: their public, their action, attested or not. */
const DECLARATION_FILTERS = [
  {
    name: "public",
    label: "Public",
    options: filterOptions("Tous les publics", PUBLIC_CATEGORIES),
  },
  {
    name: "action",
    label: "Type d'action",
    options: filterOptions("Tous les types", ACTION_TYPES),
  },
  {
    name: "attestees",
    label: "Déclarations",
    options: [
      { value: "", label: "Toutes" },
      { value: "1", label: "Attestées seulement" },
    ],
  },
] as const;

const PERIOD_CHOICES = [
  ...YEAR_PERIOD_CHOICES,
  { value: "mois", label: "De mois à mois (ci-contre)" },
];

export default function PrefectureDashboard() {
  const d = useLoaderData<typeof loader>();
  const base = `/prefecture/${d.departement.code}`;
  const peopleByPublic = d.breakdowns.find((b) => b.key === "publics")!.rows;
  const people = peopleByPublic.reduce((s, r) => s + r.quantity, 0);
  const previousPeople = d.previousByPublic.reduce((s, r) => s + r.quantity, 0);
  return (
    <>
      <PageHeader
        title={`${d.departement.name} (${d.departement.code})`}
        intro={`${d.period.label}. Chiffres déclarés par les entreprises des clubs du département. Lecture seule.`}
        actions={
          <div className="flex flex-wrap gap-2">
            <Link to={`${base}/campagne`} className="btn-secondary">
              Campagne de déclaration
            </Link>
            <Link to={`${base}/verification`} className="btn-secondary">
              Vérification
            </Link>
            <a href={`${base}/export.xlsx?${d.query}`} className="btn-secondary" download>
              Exporter en XLSX
            </a>
            <a href={`${base}/export.csv?${d.query}`} className="btn-secondary" download>
              Exporter en CSV
            </a>
          </div>
        }
      />
      <AttestedShare
        share={d.attested}
        year={d.filters.annee}
        campaignPath={`${base}/campagne?annee=${d.filters.annee}`}
        className="mb-4"
      />
      <FilterForm
        className="card mb-8 grid gap-3 sm:grid-cols-2 lg:grid-cols-4"
        submitLabel="Appliquer les filtres"
        reset={{ to: base, label: "Réinitialiser" }}
      >
        <YearFilter year={d.filters.annee} years={d.years} className="w-full" />
        <FilterSelect
          name="periode"
          label="Période"
          value={d.filters.periode}
          options={PERIOD_CHOICES}
          className="w-full"
        />
        <MonthFilter
          name="du"
          label="Du mois (si « de mois à mois »)"
          value={d.filters.periode === "mois" ? d.filters.du : ""}
        />
        <MonthFilter
          name="au"
          label="Au mois (inclus)"
          value={d.filters.periode === "mois" ? d.filters.au : ""}
        />
        <ClubFilter clubs={d.clubs} value={d.filters.club} className="w-full" />
        {DECLARATION_FILTERS.map(({ name, label, options }) => (
          <FilterSelect
            key={name}
            name={name}
            label={label}
            value={d.filters[name]}
            options={options}
            className="w-full"
          />
        ))}
      </FilterForm>
      <FilterNotices notices={d.notices} />

      <KeyFiguresSection
        period={d.period}
        figures={d.figures}
        previous={d.previousFigures}
        filters={d.description.map((f) => `${f.name.toLowerCase()} : ${f.value}`).join(" ; ")}
      >
        <div className="card mt-4">
          <p className="mb-2 font-semibold">
            Personnes accompagnées : {numberFormat.format(people)} (un an plus tôt :{" "}
            {numberFormat.format(previousPeople)})
          </p>
          <BreakdownTable
            caption="Personnes accompagnées par public, comparées à l'an dernier"
            rows={peopleByPublic}
            quantityHeader="Personnes"
            previous={d.previousByPublic}
          />
        </div>
      </KeyFiguresSection>

      <FigureBreakdowns breakdowns={d.breakdowns} />
      <OutcomeFigures outcomes={d.outcomes} />
      <FigureTrend trend={d.trend} />

      <Section id="clubs" title="Clubs du département" className="card" large>
        <ul className="list-disc pl-6">
          {d.clubs.map((c) => (
            <li key={c.id}>
              <Link to={`${base}/clubs/${c.id}?${d.query}`}>{c.name}</Link> : entreprises membres,
              engagements et réalisations
            </li>
          ))}
        </ul>
      </Section>
    </>
  );
}
