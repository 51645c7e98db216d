// The national annual declaration campaign (issue 15 point 4): an administrator opens year N for
// every département with a deadline, and follows who has attested, département by département.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { CampaignSections } from "~/components/declaration-campaigns";
import { PageHeader } from "~/components/page";
import { NATIONAL } from "~/models/declaration-campaigns.server";
import { campaignAction, campaignPageData } from "~/utils/campaign-route.server";
import { requirePermission } from "~/utils/permissions.server";

export const meta: MetaFunction = () => [{ title: "Campagne nationale de déclaration — Engagés" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, { action: "admin" });
  return campaignPageData(request, user, NATIONAL);
}

export async function action({ request }: ActionFunctionArgs) {
  return campaignAction(request, NATIONAL, "/admin/campagne");
}

export default function NationalCampaign() {
  const d = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  return (
    <>
      <PageHeader
        title="Campagne nationale de déclaration"
        intro="Ouverte pour tous les départements : chaque entreprise membre d'un club relit son année et en atteste l'exactitude. Une préfecture peut aussi ouvrir la campagne de son seul département."
      />
      <CampaignSections
        data={d}
        scope={NATIONAL}
        groupLabel={"Département"}
        linkOf={(code, year) => `/prefecture/${code}/campagne?annee=${year}`}
        empty="Aucune campagne nationale n'a encore été ouverte."
        answer={answer}
      />
    </>
  );
}
