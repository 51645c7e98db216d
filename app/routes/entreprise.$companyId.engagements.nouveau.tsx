import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { CommitmentForm } from "~/components/commitment-form";
import { BackLink, PageHeader } from "~/components/page";
import { cataloguesOf, chooseDeclarableYear, declarableYears } from "~/models/catalogue.server";
import { CommitmentError, createCommitment } from "~/models/commitment.server";
import { commitmentSchema } from "~/utils/schemas/commitment";
import { redirectWithFlash } from "~/utils/session.server";
import { readForm, saveOrReply } from "~/utils/forms.server";
import { requireCompanyPage } from "~/utils/company-route.server";

export const meta: MetaFunction = () => [{ title: "Déclarer un engagement — Engagés" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { companyId } = await requireCompanyPage(request, params, "company:write");
  // The years offered are those with a catalogue: exactly what the server accepts.
  const years = await declarableYears();
  const year = chooseDeclarableYear(years, new URL(request.url).searchParams.get("annee"));
  return { companyId, year, years, catalogues: await cataloguesOf(years) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, companyId } = await requireCompanyPage(request, params, "company:write");
  const submission = parseWithZod(await readForm(request), { schema: commitmentSchema });
  if (submission.status !== "success") {
    return data({ result: submission.reply() }, { status: 400 });
  }
  return saveOrReply(submission, CommitmentError, async () => {
    const id = await createCommitment(user.id, companyId, submission.value);
    return redirectWithFlash(request, `/entreprise/${companyId}/engagements/${id}`, {
      kind: "success",
      message: "Votre engagement est déclaré. Merci ! Vous pourrez y rattacher vos réalisations.",
    });
  });
}

export default function NewCommitmentPage() {
  const { companyId, year, years, catalogues } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <BackLink to={`/entreprise/${companyId}/engagements`}>Mes engagements</BackLink>
      <PageHeader
        title="Déclarer un engagement"
        intro="Un engagement est volontaire : vous choisissez l'action, les publics et, si vous le souhaitez, un objectif chiffré. Vous pourrez le modifier à tout moment."
      />
      <CommitmentForm
        defaults={{
          year,
          themeCode: "INCLUSION",
          actionTypeCode: "HIRE",
          publics: [],
          otherPublicLabel: "",
          ambition: "",
          targetQuantity: "",
          targetUnit: "",
          startDate: `${year}-01-01`,
          endDate: `${year}-12-31`,
          status: "ACTIVE",
          visibility: "CLUB",
        }}
        catalogues={catalogues}
        years={years}
        lastResult={actionData?.result}
        submitLabel="Déclarer l'engagement"
        showStatus={false}
      />
    </>
  );
}
