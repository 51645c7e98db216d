import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { BackLink, PageHeader } from "~/components/page";
import { PracticeForm } from "~/components/practice-form";
import {
  PracticeError,
  postingChoices,
  practiceForEdit,
  updatePractice,
} from "~/models/practice.server";
import { saveOrReply } from "~/utils/forms.server";
import { receivePracticeForm } from "~/utils/practice-form.server";
import { notFound, requirePermission } from "~/utils/permissions.server";
import { redirectWithFlash } from "~/utils/session.server";

export const meta: MetaFunction = () => [{ title: "Modifier une bonne pratique — Engagés" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const practiceId = params.practiceId ?? "";
  await requirePermission(request, { action: "practice:edit", practiceId });
  const practice = await practiceForEdit(practiceId);
  if (!practice) notFound();
  const { commitments } = await postingChoices([practice.companyId]);
  return {
    practice,
    commitments: commitments.map((c) => ({
      value: c.id,
      label: `${c.year} · ${c.theme.label} · ${c.ambition.slice(0, 80)}`,
    })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const practiceId = params.practiceId ?? "";
  const user = await requirePermission(request, { action: "practice:edit", practiceId });
  const received = await receivePracticeForm(request);
  if (!received.ok) return data({ result: received.result }, { status: 400 });
  const { submission, values, images, removeImageIds } = received;
  return saveOrReply(submission, PracticeError, async () => {
    // The club of a practice does not change on edit: updatePractice keeps the stored one.
    await updatePractice(user.id, practiceId, values, images, removeImageIds);
    return redirectWithFlash(request, `/pratiques/${practiceId}`, {
      kind: "success",
      message: "La pratique est mise à jour.",
    });
  });
}

export default function EditPracticePage() {
  const { practice, commitments } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <BackLink to={`/pratiques/${practice.id}`}>Retour à la pratique</BackLink>
      <PageHeader title="Modifier la pratique" />
      <PracticeForm
        defaults={{
          clubId: practice.clubId,
          title: practice.title,
          body: practice.body,
          visibility: practice.visibility,
          publics: practice.publics,
          themes: practice.themes,
          commitmentId: practice.commitmentId ?? "",
        }}
        clubs={[]}
        commitments={commitments}
        images={practice.images.map((img) => ({
          ...img,
          url: `/pratiques/${practice.id}/images/${img.id}`,
        }))}
        lastResult={actionData?.result}
        submitLabel="Enregistrer les modifications"
      />
    </>
  );
}
