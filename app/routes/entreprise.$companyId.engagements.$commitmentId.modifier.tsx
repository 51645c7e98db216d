import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { CommitmentForm } from "~/components/commitment-form";
import { BackLink, PageHeader } from "~/components/page";
import { cataloguesOf, declarableYears } from "~/models/catalogue.server";
import { CommitmentError, updateCommitment } from "~/models/commitment.server";
import { commitmentSchema } from "~/utils/schemas/commitment";
import { redirectWithFlash } from "~/utils/session.server";
import { readForm, saveOrReply } from "~/utils/forms.server";
import { isoDay } from "~/utils/time/wall-clock";
import { requireCompanyCommitment } from "~/utils/company-route.server";

export const meta: MetaFunction = () => [{ title: "Modifier un engagement — Engagés" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { companyId, commitment } = await requireCompanyCommitment(
    request,
    params,
    "company:write",
  );
  const years = [...new Set([...(await declarableYears()), commitment.year])].sort((a, b) => b - a);
  return {
    companyId,
    commitment,
    period: { startDate: isoDay(commitment.startDate), endDate: isoDay(commitment.endDate) },
    years,
    catalogues: await cataloguesOf(years),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, companyId, commitmentId } = await requireCompanyCommitment(
    request,
    params,
    "company:write",
  );
  const submission = parseWithZod(await readForm(request), { schema: commitmentSchema });
  if (submission.status !== "success") {
    return data({ result: submission.reply() }, { status: 400 });
  }
  return saveOrReply(submission, CommitmentError, async () => {
    await updateCommitment(user.id, companyId, commitmentId, submission.value);
    return redirectWithFlash(request, `/entreprise/${companyId}/engagements/${commitmentId}`, {
      kind: "success",
      message: "Engagement modifié.",
    });
  });
}

export default function EditCommitmentPage() {
  const { companyId, commitment: c, period, years, catalogues } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <BackLink to={`/entreprise/${companyId}/engagements/${c.id}`}>
        Retour à l&apos;engagement
      </BackLink>
      <PageHeader
        title="Modifier l'engagement"
        intro="Chaque modification est datée et gardée dans l'historique."
      />
      <CommitmentForm
        defaults={{
          year: c.year,
          themeCode: c.themeCode,
          actionTypeCode: c.actionTypeCode,
          publics: c.publics.map((p) => p.publicCategoryCode),
          otherPublicLabel: c.otherPublicLabel ?? "",
          ambition: c.ambition,
          targetQuantity: c.targetQuantity ? String(c.targetQuantity) : "",
          targetUnit: c.targetUnit ?? "",
          ...period,
          status: c.status,
          visibility: c.visibility,
        }}
        catalogues={catalogues}
        years={years}
        lastResult={actionData?.result}
        submitLabel="Enregistrer les modifications"
        showStatus
      />
    </>
  );
}
