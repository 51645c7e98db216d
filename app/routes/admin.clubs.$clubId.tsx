import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ClubForm } from "~/components/club-form";
import { FormErrors } from "~/components/forms";
import { PendingInvitations } from "~/components/invitation-list";
import { InviteForm } from "~/components/invite-form";
import { BackLink, PageHeader, Section } from "~/components/page";
import { formatDate, agreed, countOf } from "~/utils/format";
import {
  ClubAdminError,
  closeClub,
  countClubCommitments,
  getClubForAdmin,
  reopenClub,
  updateClub,
} from "~/models/clubs-admin.server";
import { listPendingInvitations } from "~/models/invitation.server";
import { inviteAndRedirect } from "~/utils/invitation-form.server";
import { listDepartements } from "~/models/departements.server";
import { errorReply, readForm } from "~/utils/forms.server";
import { notFound, requirePermission } from "~/utils/permissions.server";
import { clubSchema } from "~/utils/schemas/club";
import { redirectWithFlash } from "~/utils/session.server";
import { inviteBaseSchema } from "~/utils/validation";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.club.name ?? "Club"} — Administration — Engagés` },
];

const closeSchema = /* @__PURE__ */ (() =>
  z.object({
    confirm: z.literal("oui", { error: "Cochez la case pour confirmer la fermeture du club." }),
  }))();

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, { action: "admin" });
  const club = await getClubForAdmin(params.clubId ?? "");
  if (!club) notFound("Ce club n'existe pas.");
  const [departements, invitations, declarations] = await Promise.all([
    listDepartements(),
    listPendingInvitations({ clubId: club.id, roles: ["ANIMATOR"] }),
    countClubCommitments(club.id),
  ]);
  return { club, departements, invitations, departementLocked: declarations > 0 };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, { action: "admin" });
  const club = await getClubForAdmin(params.clubId ?? "");
  if (!club) notFound("Ce club n'existe pas.");
  const formData = await readForm(request);
  const intent = formData.get("intent");
  const here = `/admin/clubs/${club.id}`;

  if (intent === "invite") {
    const submission = parseWithZod(formData, { schema: inviteBaseSchema });
    if (submission.status !== "success") {
      return data({ intent, result: submission.reply() }, { status: 400 });
    }
    const input = { ...submission.value, role: "ANIMATOR" as const, clubId: club.id };
    return inviteAndRedirect(request, user, submission, input, here);
  }

  if (intent === "close" || intent === "reopen") {
    const submission = parseWithZod(formData, {
      schema: intent === "close" ? closeSchema : z.object({}),
    });
    if (submission.status !== "success") {
      return data({ intent, result: submission.reply() }, { status: 400 });
    }
    try {
      if (intent === "close") {
        const withdrawn = await closeClub(user.id, club.id);
        return redirectWithFlash(request, here, {
          kind: "success",
          message: `Le club est fermé.${withdrawn > 0 ? ` ${countOf(withdrawn, "invitation")} en attente ${agreed(withdrawn, "retirée")}.` : ""}`,
        });
      }
      await reopenClub(user.id, club.id);
      return redirectWithFlash(request, here, { kind: "success", message: "Le club est rouvert." });
    } catch (error) {
      if (error instanceof ClubAdminError) {
        return data(
          { intent, result: submission.reply({ formErrors: [error.message] }) },
          { status: error.status },
        );
      }
      throw error;
    }
  }

  const submission = parseWithZod(formData, { schema: clubSchema });
  if (intent !== "save" || submission.status !== "success") {
    const reply =
      intent === "save"
        ? submission.reply()
        : submission.reply({ formErrors: ["Action inconnue : rechargez la page."] });
    return data({ intent: "save", result: reply }, { status: 400 });
  }
  try {
    const changed = await updateClub(user.id, club.id, submission.value);
    return redirectWithFlash(request, here, {
      kind: "success",
      message: changed ? "Le club est modifié." : "Rien n'a changé.",
    });
  } catch (error) {
    if (error instanceof ClubAdminError) {
      return data({ intent, result: errorReply(submission, error) }, { status: error.status });
    }
    throw error;
  }
}

export default function AdminClub() {
  const { club, departements, invitations, departementLocked } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const resultFor = (intent: string) =>
    actionData && "intent" in actionData && actionData.intent === intent
      ? actionData.result
      : undefined;
  const closed = club.closedAt !== null;
  return (
    <>
      <BackLink to="/admin/clubs">Tous les clubs</BackLink>
      <PageHeader
        title={club.name}
        intro={`${club.departementName} (${club.departementCode}) · ${countOf(club.memberCount, "membre")} · ${closed ? `fermé le ${formatDate(club.closedAt!)}` : "ouvert"}`}
        actions={
          <Link to={`/club/${club.id}`} className="btn-secondary no-underline">
            Voir l&apos;espace du club
          </Link>
        }
      />
      <Section id="animateurs" title="Animateurs">
        {club.animators.length === 0 ? (
          <p className="mb-4">Ce club n&apos;a pas encore d&apos;animateur.</p>
        ) : (
          <ul className="mb-4 list-disc pl-6">
            {club.animators.map((a) => (
              <li key={a.email}>
                {a.name} ({a.email})
              </li>
            ))}
          </ul>
        )}
        {closed ? (
          <p>Un club fermé n&apos;accueille plus de nouvel animateur.</p>
        ) : (
          <>
            <h3 className="mb-2 font-bold">Inviter un animateur</h3>
            <InviteForm lastResult={resultFor("invite")} submitLabel="Inviter l'animateur" />
          </>
        )}
        <h3 className="mb-2 mt-6 font-bold">Invitations en attente</h3>
        <PendingInvitations invitations={invitations} />
      </Section>
      <Section id="modifier" title="Modifier le club">
        <ClubForm
          id="edit-club"
          departements={departements}
          defaults={{
            departementCode: club.departementCode,
            name: club.name,
            description: club.description,
          }}
          lastResult={resultFor("save")}
          submitLabel="Enregistrer"
          departementLocked={
            departementLocked
              ? "Ce club a déjà des déclarations : son département ne peut plus changer."
              : undefined
          }
        />
      </Section>
      <Section
        id="fermeture"
        title={closed ? "Rouvrir le club" : "Fermer le club"}
        className="card"
      >
        <Form method="post">
          {closed ? (
            <>
              <p className="mb-4">
                Rouvert, le club accueille à nouveau membres, réunions, relances et invitations.
              </p>
              <input type="hidden" name="intent" value="reopen" />
              <FormErrors errors={resultFor("reopen")?.error?.[""]} />
              <button type="submit" className="btn-secondary">
                Rouvrir le club
              </button>
            </>
          ) : (
            <>
              <p className="mb-4">
                Un club fermé garde son historique et ses chiffres, consultables par tous ceux qui y
                ont accès. Il n&apos;accueille plus de nouveaux membres, réunions, relances ni
                invitations ; ses invitations en attente sont retirées.
              </p>
              <input type="hidden" name="intent" value="close" />
              <div className="mb-4 flex items-start gap-2">
                <input
                  type="checkbox"
                  id="confirm-close"
                  name="confirm"
                  value="oui"
                  required
                  className="mt-1"
                  aria-describedby={resultFor("close")?.error ? "confirm-close-error" : undefined}
                />
                <label htmlFor="confirm-close">
                  Je confirme la fermeture du club « {club.name} »
                </label>
              </div>
              <FormErrors
                id="confirm-close-error"
                errors={[
                  ...(resultFor("close")?.error?.confirm ?? []),
                  ...(resultFor("close")?.error?.[""] ?? []),
                ]}
              />
              <button type="submit" className="btn-danger">
                Fermer le club
              </button>
            </>
          )}
        </Form>
      </Section>
    </>
  );
}
