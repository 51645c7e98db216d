import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { CommitmentForm } from "~/components/commitment-form";
import { PageHeader } from "~/components/page";
import { CommitmentError, catalogueOf, createCommitment } from "~/models/commitment.server";
import { requirePermission } from "~/utils/permissions.server";
import { commitmentSchema } from "~/utils/schemas/commitment";
import { redirectWithFlash } from "~/utils/session.server";
import { parseYear, yearChoices } from "~/utils/years";
import { readForm } from "~/utils/forms.server";

export const meta: MetaFunction = () => [{ title: "Déclarer un engagement — Engagés" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const companyId = params.companyId ?? "";
  await requirePermission(request, { action: "company:write", companyId });
  const year = parseYear(new URL(request.url).searchParams.get("annee"));
  const years = yearChoices();
  const catalogues = Object.fromEntries(
    await Promise.all(years.map(async (y) => [y, await catalogueOf(y)])),
  );
  return { companyId, year, years, catalogue: catalogues[year] ?? {} };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const companyId = params.companyId ?? "";
  const user = await requirePermission(request, { action: "company:write", companyId });
  const submission = parseWithZod(await readForm(request), { schema: commitmentSchema });
  if (submission.status !== "success") {
    return data({ result: submission.reply() }, { status: 400 });
  }
  try {
    const id = await createCommitment(user.id, companyId, submission.value);
    return redirectWithFlash(request, `/entreprise/${companyId}/engagements/${id}`, {
      kind: "success",
      message: "Votre engagement est déclaré. Merci ! Vous pourrez y rattacher vos réalisations.",
    });
  } catch (error) {
    if (error instanceof CommitmentError) {
      const reply = error.field
        ? submission.reply({ fieldErrors: { [error.field]: [error.message] } })
        : submission.reply({ formErrors: [error.message] });
      return data({ result: reply }, { status: 400 });
    }
    throw error;
  }
}

export default function NewCommitmentPage() {
  const { companyId, year, years, catalogue } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <p className="mb-2 text-sm">
        <Link to={`/entreprise/${companyId}/engagements`}>← Mes engagements</Link>
      </p>
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
        catalogue={catalogue}
        years={years}
        lastResult={actionData?.result}
        submitLabel="Déclarer l'engagement"
        showStatus={false}
      />
    </>
  );
}
