// The département's annual declaration campaigns (issue 15 point 4): its prefecture opens year N
// with a deadline, follows who has attested club by club, and closes it.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import {
  AttestationTable,
  CampaignList,
  OpenCampaignForm,
} from "~/components/declaration-campaigns";
import { PageHeader } from "~/components/page";
import { getDepartementWithRegion } from "~/models/departements.server";
import { campaignAction, campaignPageData } from "~/utils/campaign-route.server";
import { notFound, requirePermission } from "~/utils/permissions.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Campagne de déclaration — ${data?.departement.name ?? ""} — Engagés` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const departementCode = params.departementCode ?? "";
  const user = await requirePermission(request, { action: "departement:read", departementCode });
  const departement = await getDepartementWithRegion(departementCode);
  if (!departement) notFound();
  return { departement, ...(await campaignPageData(request, user, departementCode)) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const departementCode = params.departementCode ?? "";
  return campaignAction(request, departementCode, `/prefecture/${departementCode}/campagne`);
}

export default function DepartementCampaign() {
  const d = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  return (
    <>
      <PageHeader
        title="Campagne de déclaration annuelle"
        intro={`${d.departement.name} : chaque entreprise membre d'un club relit ses engagements, réalisations et suivis de l'année, puis en atteste l'exactitude.`}
      />
      {d.campaigns.length > 0 ? (
        <CampaignList
          campaigns={d.campaigns}
          scope={d.departement.code}
          canManage={d.canManage}
          selectedYear={d.selectedYear}
        />
      ) : (
        <p className="card mb-6">Aucune campagne n&apos;a encore été ouverte.</p>
      )}
      {d.counts && d.people && d.selectedYear ? (
        <section aria-labelledby="attestations" className="mb-8">
          <h2 id="attestations" className="mb-3 text-xl font-bold">
            Attestations {d.selectedYear}
          </h2>
          <AttestationTable
            year={d.selectedYear}
            groupLabel="Club"
            groups={d.counts.groups}
            total={d.counts.total}
            people={d.people}
            linkOf={(clubId) => `/prefecture/${d.departement.code}/clubs/${clubId}`}
          />
        </section>
      ) : null}
      {d.canManage && d.years.length > 0 ? (
        <OpenCampaignForm
          years={d.years}
          defaultYear={d.defaultYear}
          errors={answer?.errors}
          values={answer?.values}
        />
      ) : null}
    </>
  );
}
