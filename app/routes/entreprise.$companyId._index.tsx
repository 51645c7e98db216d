import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { BarChart } from "~/components/bar-chart";
import { BreakdownTable } from "~/components/breakdown-table";
import { KeyFigures } from "~/components/key-figures";
import { YearSelector } from "~/components/year-selector";
import { PageHeader, StatCard, Section } from "~/components/page";
import { countOf, formatDate, formatDay } from "~/utils/format";
import { CommitmentProgressView } from "~/components/commitment-progress";
import {
  getCompanyHeader,
  lastDeclaration,
  listCommitmentsWithProgress,
} from "~/models/company.server";
import { companyMilestones } from "~/models/emulation.server";
import { yearPeriod } from "~/models/figures.server";
import { keyFigures } from "~/models/figures-key.server";
import { peopleByPublic, realisationsByActionType } from "~/models/figures-breakdowns.server";
import { COMMITMENT_STATUS_LABELS, type CommitmentStatus } from "~/utils/domain";
import { listPendingJoinRequests } from "~/models/join-request.server";
import { countOutcomesToGive } from "~/models/outcomes.server";
import { attestationsToGive } from "~/models/attestations.server";
import { checksToAnswer } from "~/models/verification.server";
import { can, notFound } from "~/utils/permissions.server";
import { formatSiret } from "~/utils/siret";
import { parseYear, yearChoices } from "~/utils/years";
import { requireCompanyPage } from "~/utils/company-route.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data?.canEdit
      ? `${data.company.name} — Mon tableau de bord — Engagés`
      : `Tableau de bord de ${data?.company.name ?? "l'entreprise"} — Engagés`,
  },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, companyId } = await requireCompanyPage(request, params, "company:read");
  const company = await getCompanyHeader(companyId);
  if (!company) notFound();
  const year = parseYear(new URL(request.url).searchParams.get("annee"));
  const period = yearPeriod(year);
  const [commitments, figures, byPublic, byActionType, last, canEdit, milestones] =
    await Promise.all([
      listCommitmentsWithProgress(companyId, year),
      keyFigures({ companyId }, period),
      peopleByPublic({ companyId }, period),
      realisationsByActionType({ companyId }, period),
      lastDeclaration(companyId),
      can(user, { action: "company:write", companyId }),
      companyMilestones(companyId),
    ]);
  const quarterStart = new Date();
  quarterStart.setUTCMonth(Math.floor(quarterStart.getUTCMonth() / 3) * 3, 1);
  quarterStart.setUTCHours(0, 0, 0, 0);
  const [joinRequests, outcomes, attestations, checks] = canEdit
    ? await Promise.all([
        listPendingJoinRequests(companyId),
        countOutcomesToGive(companyId),
        attestationsToGive(companyId),
        checksToAnswer(companyId),
      ])
    : [[], { due: 0, late: 0 }, [], []];
  return {
    company,
    // Without a club (an establishment its head office entered): the number to give a club.
    clubless: company.memberships.length === 0 ? formatSiret(company.siret) : null,
    joinRequests: joinRequests.map((r) => r.club.name),
    outcomes,
    attestations,
    checks: checks.map((c) => ({ id: c.id, year: c.sample.year })),
    year,
    years: yearChoices(),
    commitments,
    figures,
    byPublic,
    byActionType,
    canEdit,
    milestones,
    lastDeclaration: last,
    nothingThisQuarter: !last || last.at < quarterStart,
  };
}

export default function CompanyDashboard() {
  const d = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader
        title={d.canEdit ? "Mon tableau de bord" : `Tableau de bord de ${d.company.name}`}
        intro={`${d.company.name}${d.company.commune ? ` — ${d.company.commune.name}` : ""}${
          d.company.memberships.length
            ? ` · ${d.company.memberships.map((m) => m.club.name).join(", ")}`
            : ""
        }`}
        actions={
          <>
            {d.canEdit ? (
              <>
                <Link to="engagements/nouveau" className="btn-primary">
                  Déclarer un engagement
                </Link>
                <Link to="realisations/nouvelle" className="btn-secondary">
                  Enregistrer une réalisation
                </Link>
              </>
            ) : null}
            <YearSelector year={d.year} years={d.years} />
          </>
        }
      />

      {d.joinRequests.length > 0 ? (
        <div className="mb-6 rounded-md border-l-4 border-amber-600 bg-amber-50 p-4">
          <p className="font-semibold">
            {d.joinRequests.length === 1
              ? `Le club « ${d.joinRequests[0]} » demande à compter ${d.company.name} parmi ses membres.`
              : `${d.joinRequests.length} clubs demandent à compter ${d.company.name} parmi leurs membres.`}
          </p>
          <p className="text-gray-800">
            Rien ne change sans votre accord.{" "}
            <Link to="equipe#adhesions">Accepter ou refuser la demande</Link>
          </p>
        </div>
      ) : null}

      {d.clubless && d.joinRequests.length === 0 ? (
        <div className="mb-6 rounded-md border-l-4 border-amber-600 bg-amber-50 p-4">
          <p className="font-semibold">{d.company.name} n&apos;est membre d&apos;aucun club.</p>
          <p className="text-gray-800">
            Pour déclarer, donnez votre SIRET ({d.clubless}) à l&apos;animateur du club de votre
            territoire : il vous ajoutera, et vous accepterez sa demande ici.
          </p>
        </div>
      ) : null}

      {d.checks.map((c) => (
        <div key={c.id} className="mb-6 rounded-md border-l-4 border-amber-600 bg-amber-50 p-4">
          <p className="font-semibold">
            La préfecture vérifie vos déclarations {c.year} : votre entreprise a été tirée au sort.
          </p>
          <p className="text-gray-800">
            Transmettez de quoi étayer vos chiffres.{" "}
            <Link to={`verification/${c.id}`}>Répondre à la préfecture</Link>
          </p>
        </div>
      ))}

      {d.attestations.map((a) => (
        <div key={a.year} className="mb-6 rounded-md border-l-4 border-amber-600 bg-amber-50 p-4">
          <p className="font-semibold">
            {a.state === "EDITED"
              ? `Vos déclarations ${a.year} ont changé depuis leur attestation.`
              : `Déclaration annuelle ${a.year} : à attester avant le ${formatDay(a.deadline)}.`}
          </p>
          <p className="text-gray-800">
            Relisez l&apos;année et attestez-en l&apos;exactitude.{" "}
            <Link to={`declaration/${a.year}`}>Relire et attester {a.year}</Link>
          </p>
        </div>
      ))}

      {d.outcomes.due > 0 ? (
        <div className="mb-6 rounded-md border-l-4 border-brand-600 bg-brand-50 p-4">
          <p className="font-semibold">
            À suivre : {countOf(d.outcomes.due, "suivi à renseigner", "suivis à renseigner")}
            {d.outcomes.late > 0 ? `, dont ${d.outcomes.late} en retard` : ""}.
          </p>
          <p className="text-gray-800">
            Que sont devenues les personnes recrutées, formées ou accueillies il y a 6 ou 12 mois ?
            Des nombres suffisent. <Link to="suivi">Renseigner les suivis</Link>
          </p>
        </div>
      ) : null}

      {d.nothingThisQuarter && !d.clubless ? (
        <div className="mb-6 rounded-md border-l-4 border-brand-600 bg-brand-50 p-4">
          <p className="font-semibold">Rien n&apos;a été déclaré ce trimestre.</p>
          {d.canEdit ? (
            <p className="text-gray-800">
              Quelques minutes suffisent pour déclarer vos recrutements, stages ou immersions :
              votre club compte sur vos chiffres.
            </p>
          ) : null}
          {d.canEdit ? (
            <p className="mt-3 flex flex-wrap gap-2">
              <Link to="realisations/nouvelle" className="btn-primary">
                Enregistrer une réalisation
              </Link>
              <Link to="import" className="btn-secondary">
                Importer un fichier
              </Link>
            </p>
          ) : null}
        </div>
      ) : null}

      <Section id="etapes" title={d.canEdit ? "Mes étapes" : "Étapes"} className="mb-8" large>
        <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          {d.milestones.map((m) => (
            <li key={m.key} className={`card ${m.reachedAt ? "border-green-300 bg-green-50" : ""}`}>
              <p className="font-semibold">
                {m.reachedAt ? (
                  <span aria-hidden="true" className="mr-1 text-green-800">
                    ✓
                  </span>
                ) : null}
                {m.label}
              </p>
              <p className="text-sm text-gray-700">
                {m.reachedAt
                  ? m.key === "regular-year"
                    ? d.canEdit
                      ? "Franchie : merci pour votre régularité !"
                      : "Franchie"
                    : `Franchie le ${formatDate(m.reachedAt)}`
                  : `Prochaine étape : ${m.hint}`}
              </p>
            </li>
          ))}
        </ul>
      </Section>

      <Section
        id="chiffres"
        title={`${d.canEdit ? "Mes chiffres" : "Chiffres"} ${d.year}`}
        className="mb-8"
        large
      >
        <KeyFigures
          figures={{ ...d.figures, companiesEngaged: undefined }}
          extra={
            <StatCard
              label="Dernière déclaration"
              value={
                <span className="text-xl">
                  {d.lastDeclaration ? formatDate(d.lastDeclaration.at) : "Aucune"}
                </span>
              }
              hint={d.lastDeclaration?.what}
            />
          }
        />
      </Section>

      <Section
        id="engagements"
        title={`${d.canEdit ? "Mes engagements" : "Engagements"} ${d.year}`}
        className="mb-8"
        large
      >
        {d.commitments.length === 0 ? (
          <p className="card">Aucun engagement déclaré pour {d.year}.</p>
        ) : (
          <ul className="grid gap-4 md:grid-cols-2">
            {d.commitments.map((c) => (
              <li key={c.id} className="card">
                <p className="text-sm text-gray-700">
                  {c.theme.label} · {c.actionType.label} ·{" "}
                  <span className="font-semibold">
                    {COMMITMENT_STATUS_LABELS[c.status as CommitmentStatus]}
                  </span>
                </p>
                <h3 className="mt-1 font-semibold">
                  <Link to={`engagements/${c.id}`}>{c.ambition}</Link>
                </h3>
                <p className="mt-1 text-sm text-gray-700">Publics : {c.publics.join(", ")}</p>
                <div className="mt-3">
                  <CommitmentProgressView
                    progress={c.progress}
                    targetQuantity={c.targetQuantity}
                    endDate={c.endDate}
                    ambition={c.ambition}
                    textClassName="text-sm"
                  />
                </div>
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section
        id="repartition"
        title={
          <>
            {d.canEdit ? "Mes réalisations" : "Réalisations"} {d.year} par public et par action
          </>
        }
        className="mb-8"
        headingClassName="mb-3 text-xl font-bold"
      >
        <div className="grid gap-6 lg:grid-cols-2">
          <div className="card">
            <BarChart
              seriesLabel="Personnes"
              rows={d.byPublic
                .filter((r) => r.count > 0)
                .map((r) => ({ label: r.label, value: r.quantity }))}
            />
            <BreakdownTable
              caption="Personnes accompagnées par public"
              rows={d.byPublic}
              quantityHeader="Personnes"
            />
          </div>
          <div className="card">
            <BarChart
              seriesLabel="Déclarations"
              color="#0f6b4f"
              rows={d.byActionType
                .filter((r) => r.count > 0)
                .map((r) => ({ label: r.label, value: r.count }))}
            />
            <BreakdownTable
              caption="Réalisations par type d'action"
              rows={d.byActionType}
              quantityHeader="Quantité"
            />
          </div>
        </div>
      </Section>

      <p>
        <Link to="equipe">
          {d.canEdit ? "Mon équipe et mes invitations" : `Équipe de ${d.company.name}`}
        </Link>
      </p>
    </>
  );
}
