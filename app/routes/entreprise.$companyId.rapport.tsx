import { quantityOf, formatDateTime } from "~/utils/format";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { numberFormat } from "~/components/page";
import { UncountedNote } from "~/components/commitment-progress";
import { getAnnualReport, type ReportRow } from "~/models/company-report.server";
import { notFound, requirePermission } from "~/utils/permissions.server";
import { parseYear, yearChoices } from "~/utils/years";

import { YearSelector } from "~/components/year-selector";
import { TableScroll } from "~/components/table-scroll";
import { requireCompanyPage } from "~/utils/company-route.server";
import { DataTable } from "~/components/data-table";
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data
      ? `Rapport annuel ${data.report.year} — ${data.report.company.name} — Engagés`
      : "Rapport annuel — Engagés",
  },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { companyId } = await requireCompanyPage(request, params, "company:read");
  const year = parseYear(new URL(request.url).searchParams.get("annee"));
  const report = await getAnnualReport(companyId, year);
  if (!report) notFound();
  return {
    report,
    years: yearChoices(),
    generatedAt: new Date().toISOString(),
  };
}

/** Nothing to post here: 403 for whoever may not read the company, 405 for the others. */
export async function action({ request, params }: ActionFunctionArgs) {
  await requirePermission(request, { action: "company:read", companyId: params.companyId ?? "" });
  throw new Response("Cette page ne reçoit pas de formulaire.", { status: 405 });
}

const n = (value: number) => numberFormat.format(value);

/** Hides the columns of units nobody declared in (euros, hours) to keep tables readable. */
function unitColumns(rows: ReportRow[]) {
  return {
    euros: rows.some((r) => r.euros > 0),
    hours: rows.some((r) => r.hours > 0),
  };
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section
      aria-labelledby={id}
      className="card mb-6 break-inside-avoid print:mb-4 print:border-0 print:p-0 print:shadow-none"
    >
      <h2 id={id} className="mb-3 text-xl font-bold">
        {title}
      </h2>
      {children}
    </section>
  );
}

const TABLE_CLASS = "table-basic [&_td]:px-2 [&_th]:px-2 sm:[&_td]:px-3 sm:[&_th]:px-3";

/** A breakdown table: one row per category, declarations and quantities per unit, a total. */
function BreakdownTable({
  caption,
  firstHeader,
  rows,
  peopleHeader = "Personnes",
  onlyPeople = false,
  hideEmpty = true,
}: {
  caption: string;
  firstHeader: string;
  rows: ReportRow[];
  peopleHeader?: string;
  onlyPeople?: boolean;
  hideEmpty?: boolean;
}) {
  const shown = hideEmpty ? rows.filter((r) => r.count > 0) : rows;
  const units = onlyPeople ? { euros: false, hours: false } : unitColumns(rows);
  const total = rows.reduce(
    (sum, r) => ({
      count: sum.count + r.count,
      people: sum.people + r.people,
      euros: sum.euros + r.euros,
      hours: sum.hours + r.hours,
    }),
    { count: 0, people: 0, euros: 0, hours: 0 },
  );
  const columns = 3 + (units.euros ? 1 : 0) + (units.hours ? 1 : 0);
  return (
    <TableScroll label={caption}>
      <table className={TABLE_CLASS}>
        <caption className="mb-2 text-left text-base font-semibold text-gray-900">
          {caption}
        </caption>
        <thead>
          <tr>
            <th scope="col">{firstHeader}</th>
            <th scope="col" className="text-right">
              Déclarations
            </th>
            <th scope="col" className="text-right">
              {peopleHeader}
            </th>
            {units.euros ? (
              <th scope="col" className="text-right">
                Euros
              </th>
            ) : null}
            {units.hours ? (
              <th scope="col" className="text-right">
                Heures
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {shown.length === 0 ? (
            <tr>
              <td colSpan={columns} className="text-gray-700">
                Aucune réalisation sur l&apos;année.
              </td>
            </tr>
          ) : (
            shown.map((r) => (
              <tr key={r.code}>
                <th scope="row">{r.label}</th>
                <td className="text-right tabular-nums">{n(r.count)}</td>
                <td className="text-right tabular-nums">{n(r.people)}</td>
                {units.euros ? <td className="text-right tabular-nums">{n(r.euros)}</td> : null}
                {units.hours ? <td className="text-right tabular-nums">{n(r.hours)}</td> : null}
              </tr>
            ))
          )}
        </tbody>
        {shown.length > 0 ? (
          <tfoot>
            <tr className="font-semibold">
              <th scope="row" className="border-t-2 border-gray-400 px-3 py-2">
                Total
              </th>
              <td className="border-t-2 border-gray-400 text-right tabular-nums">
                {n(total.count)}
              </td>
              <td className="border-t-2 border-gray-400 text-right tabular-nums">
                {n(total.people)}
              </td>
              {units.euros ? (
                <td className="border-t-2 border-gray-400 text-right tabular-nums">
                  {n(total.euros)}
                </td>
              ) : null}
              {units.hours ? (
                <td className="border-t-2 border-gray-400 text-right tabular-nums">
                  {n(total.hours)}
                </td>
              ) : null}
            </tr>
          </tfoot>
        ) : null}
      </table>
    </TableScroll>
  );
}

export default function AnnualReportPage() {
  const { report, years, generatedAt } = useLoaderData<typeof loader>();
  const { company, year, total } = report;
  const identity: Array<[string, string]> = [
    ["SIRET", company.siret],
    [
      "Activité (NAF / APE)",
      company.nafCode ? `${company.nafCode} — ${company.nafLabel ?? ""}` : "Non renseignée",
    ],
    ["Effectif", company.headcountLabel ?? "Non renseigné"],
    [
      "Commune",
      company.commune
        ? `${company.commune.name} (${company.commune.postcodes.split(",")[0] ?? company.commune.departementCode})`
        : "Non renseignée",
    ],
    ["Club", company.clubs || "Aucun"],
  ];
  if (company.headOffice) identity.push(["Siège", company.headOffice.name]);

  return (
    <>
      <div className="mb-6 flex flex-wrap items-end justify-between gap-4">
        <div>
          <p className="text-sm font-semibold uppercase tracking-wide text-brand-700">
            Les entreprises s&apos;engagent
          </p>
          <h1 className="text-2xl font-bold text-gray-900 sm:text-3xl">
            Rapport annuel {year} — {company.name}
          </h1>
          <p className="mt-1 text-sm text-gray-700">
            Édité le {formatDateTime(generatedAt)} à partir des déclarations de l&apos;entreprise
            sur Engagés.
          </p>
        </div>
        <div className="flex flex-wrap items-end gap-2 print:hidden">
          <YearSelector year={year} years={years} />
          <button type="button" className="btn-primary" onClick={() => window.print()}>
            Imprimer
          </button>
          <a href={`/entreprise/${company.id}/export.xlsx`} download className="btn-secondary">
            Toutes nos données (XLSX)
          </a>
        </div>
      </div>

      <Section id="identite" title="L'entreprise">
        <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
          {identity.map(([term, value]) => (
            <div key={term} className="contents">
              <dt className="font-semibold text-gray-800">{term}</dt>
              <dd className="break-words">{value}</dd>
            </div>
          ))}
        </dl>
      </Section>

      <Section id="en-bref" title={`L'année ${year} en bref`}>
        <dl className="grid grid-cols-2 gap-4 md:grid-cols-4">
          {[
            ["Déclarations", total.count],
            ["Personnes accompagnées", total.people],
            ["Achats inclusifs (€)", total.euros],
            ["Heures de bénévolat", total.hours],
          ].map(([label, value]) => (
            <div key={label} className="rounded-md border border-gray-200 p-3">
              <dt className="text-sm font-medium text-gray-700">{label}</dt>
              <dd className="text-2xl font-bold tabular-nums text-brand-700">
                {n(value as number)}
              </dd>
            </div>
          ))}
        </dl>
      </Section>

      <Section id="engagements" title={`Engagements ${year}`}>
        {report.commitments.length === 0 ? (
          <p className="text-gray-700">Aucun engagement déclaré pour {year}.</p>
        ) : (
          <DataTable
            caption="Engagements de l'année, avec leur objectif et ce qui a été réalisé"
            label="Engagements de l'année"
            captionClassName="mb-2 text-left text-base font-semibold text-gray-900"
            tableClassName={TABLE_CLASS}
            columns={[
              "Engagement",
              "Publics",
              "Statut",
              { label: "Objectif", className: "text-right" },
              { label: "Réalisé", className: "text-right" },
              { label: "Avancement", className: "text-right" },
            ]}
          >
            {report.commitments.map((c) => (
              <tr key={c.id} className="break-inside-avoid">
                <th scope="row" className="min-w-[14rem]">
                  <span className="block font-semibold">{c.ambition}</span>
                  <span className="block text-xs text-gray-700">
                    {c.theme} · {c.actionType}
                  </span>
                </th>
                <td className="min-w-[10rem] text-sm">{c.publics.join(", ")}</td>
                <td>{c.statusLabel}</td>
                <td className="whitespace-nowrap text-right tabular-nums">
                  {c.targetQuantity ? quantityOf(c.targetQuantity, c.unit) : "—"}
                </td>
                <td className="whitespace-nowrap text-right tabular-nums">
                  {c.targetQuantity ? quantityOf(c.realised, c.unit) : n(c.realised)}
                </td>
                <td className="whitespace-nowrap text-right tabular-nums">
                  {c.percent === null ? "—" : `${n(c.percent)} %`}
                </td>
              </tr>
            ))}
          </DataTable>
        )}
        {report.commitments
          .filter((c) => c.excluded.length > 0)
          .map((c) => (
            <div key={c.id} className="mt-3">
              <p className="text-sm font-semibold">{c.ambition}</p>
              <UncountedNote excluded={c.excluded} unit={c.unit} />
            </div>
          ))}
      </Section>

      <Section id="par-public" title="Réalisations par public">
        <BreakdownTable
          caption={`Réalisations ${year} par public éloigné de l'emploi`}
          firstHeader="Public"
          rows={report.byPublic}
        />
      </Section>

      <Section id="par-action" title="Réalisations par type d'action">
        <DataTable
          caption={`Réalisations ${year} par type d'action`}
          captionClassName="mb-2 text-left text-base font-semibold text-gray-900"
          tableClassName={TABLE_CLASS}
          columns={[
            "Type d'action",
            { label: "Déclarations", className: "text-right" },
            { label: "Quantité", className: "text-right" },
            "Unité",
          ]}
        >
          {report.byActionType.filter((r) => r.count > 0).length === 0 ? (
            <tr>
              <td colSpan={4} className="text-gray-700">
                Aucune réalisation sur l&apos;année.
              </td>
            </tr>
          ) : (
            report.byActionType
              .filter((r) => r.count > 0)
              .map((r) => (
                <tr key={r.code}>
                  <th scope="row">{r.label}</th>
                  <td className="text-right tabular-nums">{n(r.count)}</td>
                  <td className="text-right tabular-nums">{n(r.people + r.euros + r.hours)}</td>
                  <td>{r.unitLabel}</td>
                </tr>
              ))
          )}
        </DataTable>
      </Section>

      <div className="grid gap-x-6 lg:grid-cols-2 print:block">
        <Section id="par-contrat" title="Recrutements par type de contrat">
          <BreakdownTable
            caption={`Recrutements ${year} (embauches et alternance) par type de contrat`}
            firstHeader="Type de contrat"
            rows={report.byContract}
            peopleHeader="Personnes recrutées"
            onlyPeople
          />
        </Section>
        <Section id="par-qpv" title="Résidents des quartiers prioritaires">
          <BreakdownTable
            caption={`Réalisations ${year} selon que la personne réside en QPV`}
            firstHeader="Réside en QPV"
            rows={report.byQpv}
          />
        </Section>
      </div>

      <Section id="par-mois" title="Mois par mois">
        <BreakdownTable
          caption={`Réalisations ${year} mois par mois`}
          firstHeader="Mois"
          rows={report.byMonth}
          hideEmpty={false}
        />
      </Section>

      <p className="text-sm text-gray-700">
        Comptages seulement : Engagés n&apos;enregistre aucune donnée personnelle sur les personnes
        recrutées ou accompagnées. « Personnes » additionne les réalisations comptées en personnes ;
        les achats sont en euros, le bénévolat en heures.
      </p>
    </>
  );
}
