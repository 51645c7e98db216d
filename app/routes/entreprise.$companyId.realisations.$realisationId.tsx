import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ConfirmAction } from "~/components/confirm-action";
import { HistoryList } from "~/components/history-list";
import { BackLink, PageHeader, Section } from "~/components/page";
import { RealisationForm } from "~/components/realisation-form";
import { commitmentChoices } from "~/models/realisation-list.server";
import {
  RealisationError,
  deleteRealisation,
  updateRealisation,
} from "~/models/realisation.server";
import { historyOf } from "~/utils/audit.server";
import { realisationSchema } from "~/utils/schemas/realisation";
import { redirectWithFlash } from "~/utils/session.server";
import { readForm } from "~/utils/forms.server";
import { isoDay } from "~/utils/time/wall-clock";
import { requireCompanyRealisation } from "~/utils/company-route.server";

export const meta: MetaFunction = () => [{ title: "Réalisation — Engagés" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { companyId, realisation } = await requireCompanyRealisation(
    request,
    params,
    "company:write",
  );
  const [commitments, history] = await Promise.all([
    commitmentChoices(companyId),
    historyOf("Realisation", realisation.id),
  ]);
  return { companyId, realisation, day: isoDay(realisation.date), commitments, history };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, companyId, realisationId } = await requireCompanyRealisation(
    request,
    params,
    "company:write",
  );
  const formData = await readForm(request);
  try {
    if (formData.get("intent") === "delete") {
      await deleteRealisation(user.id, companyId, realisationId);
      return redirectWithFlash(request, `/entreprise/${companyId}/realisations`, {
        kind: "success",
        message:
          "Réalisation supprimée. La suppression est gardée dans l'historique de l'entreprise.",
      });
    }
    const submission = parseWithZod(formData, { schema: realisationSchema });
    if (submission.status !== "success") {
      return data({ result: submission.reply() }, { status: 400 });
    }
    await updateRealisation(user.id, companyId, realisationId, submission.value);
  } catch (error) {
    if (error instanceof RealisationError) {
      return data(
        // On its field when it has one (a commitment in another unit), else on the form.
        { result: { status: "error" as const, error: { [error.field ?? ""]: [error.message] } } },
        { status: 400 },
      );
    }
    throw error;
  }
  return redirectWithFlash(request, `/entreprise/${companyId}/realisations`, {
    kind: "success",
    message: "Réalisation modifiée.",
  });
}

export default function RealisationPage() {
  const { companyId, realisation: r, day, commitments, history } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <BackLink to={`/entreprise/${companyId}/realisations`}>Mes réalisations</BackLink>
      <PageHeader
        title="Modifier une réalisation"
        intro="Chaque modification est datée et gardée dans l'historique."
      />
      <RealisationForm
        defaults={{
          date: day,
          actionTypeCode: r.actionTypeCode,
          publicCategoryCode: r.publicCategoryCode,
          otherPublicLabel: r.otherPublicLabel ?? "",
          contractType: r.contractType ?? "",
          quantity: String(r.quantity),
          qpv: r.qpv,
          note: r.note,
          commitmentId: r.commitmentId ?? "",
        }}
        commitments={commitments}
        lastResult={actionData?.result}
        submitLabel="Enregistrer les modifications"
      />
      <Section
        id="supprimer"
        title="Supprimer"
        className="card mt-6"
        headingClassName="mb-2 text-lg font-bold"
      >
        <p className="mb-3 text-sm text-gray-700">
          Une réalisation déclarée par erreur peut être supprimée.
        </p>
        <ConfirmAction
          label="Supprimer cette réalisation"
          title="Supprimer cette réalisation ?"
          confirmLabel="Supprimer définitivement"
          fields={{ intent: "delete" }}
        >
          <p>Elle ne comptera plus dans les chiffres de l&apos;entreprise ni du club.</p>
        </ConfirmAction>
      </Section>
      <Section id="historique" title="Historique" className="card mt-6">
        <HistoryList entries={history} />
      </Section>
    </>
  );
}
