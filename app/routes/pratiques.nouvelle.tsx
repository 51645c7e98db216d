import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { BackLink, PageHeader } from "~/components/page";
import { PracticeForm } from "~/components/practice-form";
import { PracticeError, createPracticeFor, postingChoices } from "~/models/practice.server";
import { saveOrReply } from "~/utils/forms.server";
import { receivePracticeForm } from "~/utils/practice-form.server";
import { can, forbidden, requireUser } from "~/utils/permissions.server";
import { redirectWithFlash } from "~/utils/session.server";

export const meta: MetaFunction = () => [{ title: "Partager une bonne pratique — Engagés" }];

async function choicesFor(request: Request) {
  const user = await requireUser(request);
  const companyIds = user.roles.filter((r) => r.role === "COMPANY").map((r) => r.companyId!);
  const choices = await postingChoices(companyIds);
  // Only member companies post: a prospect or a company that left reads, it does not post.
  if (choices.memberships.length === 0)
    forbidden("Seules les entreprises membres d'un club partagent des pratiques.");
  return { user, ...choices };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { memberships, commitments } = await choicesFor(request);
  return {
    clubs: memberships.map((m) => ({
      value: m.clubId,
      label: memberships.length > 1 ? `${m.club.name} (${m.company.name})` : m.club.name,
    })),
    commitments: commitments.map((c) => ({
      value: c.id,
      label: `${c.year} · ${c.theme.label} · ${c.ambition.slice(0, 80)}`,
    })),
    defaultClubId: memberships[0].clubId,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, memberships } = await choicesFor(request);
  const received = await receivePracticeForm(request);
  if (!received.ok) return data({ result: received.result }, { status: 400 });
  const { submission, values, images } = received;
  const membership = memberships.find((m) => m.clubId === values.clubId);
  if (
    !membership ||
    !(await can(user, {
      action: "practice:write",
      companyId: membership.companyId,
      clubId: values.clubId,
    }))
  ) {
    return data(
      { result: submission.reply({ fieldErrors: { clubId: ["Choisissez un de vos clubs."] } }) },
      { status: 400 },
    );
  }
  return saveOrReply(submission, PracticeError, async () => {
    const id = await createPracticeFor(user.id, membership.companyId, values, images);
    return redirectWithFlash(request, `/pratiques/${id}`, {
      kind: "success",
      message: "Merci ! Votre pratique est partagée.",
    });
  });
}

export default function NewPracticePage() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <BackLink to="/pratiques">Toutes les bonnes pratiques</BackLink>
      <PageHeader
        title="Partager une bonne pratique"
        intro="Ce qui marche chez vous peut aider une autre entreprise à se lancer : racontez simplement ce que vous faites. Ne citez personne : ni nom, ni détail qui permettrait de reconnaître une personne recrutée."
      />
      <PracticeForm
        defaults={{
          clubId: d.defaultClubId,
          title: "",
          body: "",
          visibility: "CLUB",
          publics: [],
          themes: [],
          commitmentId: "",
        }}
        clubs={d.clubs}
        commitments={d.commitments}
        images={[]}
        lastResult={actionData?.result}
        submitLabel="Partager la pratique"
      />
    </>
  );
}
