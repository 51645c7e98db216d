// The département's annual declaration campaigns (issue 15 point 4): its prefecture opens year N
// with a deadline, follows who has attested club by club, and closes it.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { CampaignSections } from "~/components/declaration-campaigns";
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
      <CampaignSections
        data={d}
        scope={d.departement.code}
        groupLabel={"Club"}
        linkOf={(clubId) => `/prefecture/${d.departement.code}/clubs/${clubId}`}
        empty="Aucune campagne n'a encore été ouverte."
        answer={answer}
      />
    </>
  );
}
