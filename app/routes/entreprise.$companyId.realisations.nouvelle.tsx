import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { BackLink, PageHeader } from "~/components/page";
import { RealisationForm } from "~/components/realisation-form";
import { commitmentChoices } from "~/models/realisation-list.server";
import { RealisationError, companyToday, createRealisation } from "~/models/realisation.server";
import { realisationSchema } from "~/utils/schemas/realisation";
import { redirectWithFlash } from "~/utils/session.server";
import { readForm, saveOrReply } from "~/utils/forms.server";
import { requireCompanyPage } from "~/utils/company-route.server";

export const meta: MetaFunction = () => [{ title: "Enregistrer une réalisation — Engagés" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { companyId } = await requireCompanyPage(request, params, "company:write");
  const commitments = await commitmentChoices(companyId);
  // Prefilled from the commitment it is recorded from (?engagement=…), if it is the company's.
  const from = commitments.find(
    (c) => c.id === new URL(request.url).searchParams.get("engagement"),
  );
  return { companyId, commitments, from: from ?? null, today: await companyToday(companyId) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, companyId } = await requireCompanyPage(request, params, "company:write");
  const formData = await readForm(request);
  const submission = parseWithZod(formData, { schema: realisationSchema });
  if (submission.status !== "success") {
    return data({ result: submission.reply() }, { status: 400 });
  }
  return saveOrReply(submission, RealisationError, async () => {
    await createRealisation(user.id, companyId, submission.value);
    const commitmentId = submission.value.commitmentId;
    return redirectWithFlash(
      request,
      commitmentId
        ? `/entreprise/${companyId}/engagements/${commitmentId}`
        : `/entreprise/${companyId}/realisations`,
      { kind: "success", message: "Réalisation enregistrée. Merci !" },
    );
  });
}

export default function NewRealisationPage() {
  const { companyId, commitments, from, today } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <BackLink to={`/entreprise/${companyId}/realisations`}>Mes réalisations</BackLink>
      <PageHeader
        title="Enregistrer une réalisation"
        intro="Un recrutement, un stage, une immersion, un achat… Indiquez des nombres : aucune donnée personnelle n'est demandée."
        actions={
          <Link to={`/entreprise/${companyId}/import`} className="btn-secondary">
            Importer un fichier
          </Link>
        }
      />
      <RealisationForm
        defaults={{
          date: today,
          actionTypeCode: from?.actionTypeCode ?? "HIRE",
          publicCategoryCode: from?.firstPublic ?? "DELD",
          otherPublicLabel: "",
          contractType: "",
          quantity: "1",
          qpv: "UNKNOWN",
          note: "",
          commitmentId: from?.id ?? "",
        }}
        commitments={commitments}
        lastResult={actionData?.result}
        submitLabel="Enregistrer"
      />
    </>
  );
}
