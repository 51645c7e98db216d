// The annual declaration (issue 15 point 4, decision 030): a company reviews what it declared for
// a year — commitments, realisations, outcomes — and attests it. Its people attest; those who
// may read the company (its club's animators, the prefecture) see the review and the attestation.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { DataTable } from "~/components/data-table";
import { FormErrors } from "~/components/forms";
import { PageHeader, Section } from "~/components/page";
import { attestYear, yearReview } from "~/models/attestations.server";
import { CampaignError, campaignForCompany } from "~/models/declaration-campaigns.server";
import {
  ACTION_TYPES,
  COMMITMENT_STATUS_LABELS,
  THEMES,
  labelOf,
  type CommitmentStatus,
} from "~/utils/domain";
import { countOf, formatDateTime, formatDay, numberFormat, quantityOf } from "~/utils/format";
import { readForm } from "~/utils/forms.server";
import { can, notFound } from "~/utils/permissions.server";
import { redirectWithFlash } from "~/utils/session.server";
import { requireCompanyPage } from "~/utils/company-route.server";
import { BusySubmit } from "~/components/busy-submit";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Déclaration annuelle ${data?.year ?? ""} — Engagés` },
];

async function requireCampaign(companyId: string, year: number) {
  const campaign = await campaignForCompany(companyId, year);
  if (!campaign)
    notFound("Aucune campagne de déclaration ne concerne cette entreprise pour cette année.");
  return campaign;
}

function yearOf(value: string | undefined) {
  const year = Number(value);
  if (!Number.isInteger(year) || year < 2000 || year > 2100) notFound();
  return year;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, companyId } = await requireCompanyPage(request, params, "company:read");
  const year = yearOf(params.year);
  const campaign = await requireCampaign(companyId, year);
  const [review, canAttest] = await Promise.all([
    yearReview(companyId, year),
    can(user, { action: "company:write", companyId }),
  ]);
  return { year, campaign, canAttest, ...review };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, companyId } = await requireCompanyPage(request, params, "company:write");
  const year = yearOf(params.year);
  await requireCampaign(companyId, year);
  const form = await readForm(request);
  if (form.get("confirm") !== "oui") {
    return data(
      { error: "Cochez « J'atteste l'exactitude de ces déclarations » pour attester." },
      { status: 400 },
    );
  }
  try {
    await attestYear(user, companyId, year);
  } catch (error) {
    if (error instanceof CampaignError) return data({ error: error.message }, { status: 400 });
    throw error;
  }
  return redirectWithFlash(request, `/entreprise/${companyId}/declaration/${year}`, {
    kind: "success",
    message: `Merci : l'année ${year} est attestée.`,
  });
}

export default function AnnualDeclaration() {
  const d = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const a = d.attestation;
  return (
    <>
      <PageHeader
        title={`Déclaration annuelle ${d.year}`}
        intro={`Relisez ce que l'entreprise a déclaré pour ${d.year}, corrigez-le si besoin, puis attestez-en l'exactitude. Les services de l'État s'appuient sur ces chiffres attestés.`}
      />
      <div
        className={`mb-6 rounded-md border-l-4 p-4 ${a?.state === "ATTESTED" ? "border-green-700 bg-green-50" : "border-amber-600 bg-amber-50"}`}
      >
        {a === null ? (
          <p className="font-semibold">Cette année n&apos;est pas encore attestée.</p>
        ) : (
          <p className="font-semibold">
            Attestée par {a.attestedByName} le {formatDateTime(a.attestedAt)}.
          </p>
        )}
        {a?.state === "EDITED" ? (
          <p className="text-gray-800">
            Les déclarations de {d.year} ont été modifiées le {formatDateTime(a.editedAt!)}, après
            l&apos;attestation : elles doivent être attestées à nouveau.
          </p>
        ) : null}
        <p className="text-gray-800">
          {d.campaign.closed
            ? `La campagne ${d.year} est close ; une attestation reste possible.`
            : `Campagne ${d.year} ouverte jusqu'au ${formatDay(d.campaign.deadline)}.`}
        </p>
      </div>

      <Section id="engagements" title={<>Engagements {d.year}</>} className="mb-8" large>
        {d.commitments.length === 0 ? (
          <p>Aucun engagement pour {d.year}.</p>
        ) : (
          <DataTable
            caption={`Engagements ${d.year}`}
            columns={["Engagement", "Thème", "Objectif", "État"]}
            className="card p-0"
          >
            {d.commitments.map((c) => (
              <tr key={c.id}>
                <td>
                  <Link to={`../engagements/${c.id}`}>
                    {labelOf(ACTION_TYPES, c.actionTypeCode)}
                  </Link>
                  <span className="block text-sm text-gray-700">{c.ambition}</span>
                </td>
                <td>{labelOf(THEMES, c.themeCode)}</td>
                <td>
                  {c.targetQuantity !== null && c.targetUnit
                    ? quantityOf(c.targetQuantity, c.targetUnit)
                    : "—"}
                </td>
                <td>{COMMITMENT_STATUS_LABELS[c.status as CommitmentStatus] ?? c.status}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </Section>

      <Section id="realisations" title={<>Réalisations {d.year}</>} className="mb-8" large>
        {d.realisations.length === 0 ? (
          <p>Aucune réalisation datée de {d.year}.</p>
        ) : (
          <DataTable
            caption={`Réalisations ${d.year} par type d'action`}
            columns={["Type d'action", "Réalisations", "Total"]}
            className="card p-0"
          >
            {d.realisations.map((r) => (
              <tr key={`${r.actionTypeCode}-${r.unit}`}>
                <td>{labelOf(ACTION_TYPES, r.actionTypeCode)}</td>
                <td>{numberFormat.format(r.count)}</td>
                <td>{quantityOf(r.quantity, r.unit)}</td>
              </tr>
            ))}
          </DataTable>
        )}
        <p className="mt-2">
          <Link to={`../realisations?annee=${d.year}`}>Voir et corriger les réalisations</Link>
        </p>
      </Section>

      <Section id="suivis" title="Devenir des personnes" className="mb-8" large>
        <p>
          {countOf(d.outcomes.followed, "réalisation suivie", "réalisations suivies")} à 6 et 12
          mois, {countOf(d.outcomes.given, "suivi renseigné", "suivis renseignés")}
          {d.outcomes.due > 0 ? `, ${d.outcomes.due} à renseigner` : ""}.
          {d.outcomes.due > 0 && d.canAttest ? (
            <>
              {" "}
              <Link to="../suivi">Renseigner les suivis</Link>
            </>
          ) : null}
        </p>
      </Section>

      {d.canAttest ? (
        <Section
          id="attester"
          title={<>Attester l&apos;année {d.year}</>}
          className="card max-w-2xl"
          large
        >
          <Form method="post">
            <p className="mb-3 flex items-start gap-2">
              <input
                id="confirm"
                type="checkbox"
                name="confirm"
                value="oui"
                required
                className="mt-1"
                aria-describedby={answer?.error ? "attester-erreurs" : undefined}
              />
              <label htmlFor="confirm">
                J&apos;atteste l&apos;exactitude de ces déclarations pour {d.year}.
              </label>
            </p>
            <FormErrors id="attester-erreurs" errors={answer?.error ? [answer.error] : undefined} />
            <BusySubmit className="btn-primary mt-2">
              {a ? `Attester à nouveau l'année ${d.year}` : `Attester l'année ${d.year}`}
            </BusySubmit>
          </Form>
        </Section>
      ) : null}
    </>
  );
}
