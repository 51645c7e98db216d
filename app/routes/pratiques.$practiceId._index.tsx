import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ConfirmAction } from "~/components/confirm-action";
import { ErrorList } from "~/components/forms";
import { REQUIRED_FIELDS } from "~/utils/required-field-lists";
import { PersonalDataConfirm } from "~/components/personal-data";
import { MarkdownContent } from "~/components/markdown-content";
import { BackLink, PageHeader, numberFormat, Section } from "~/components/page";
import { formatDate } from "~/utils/format";
import { KudosButton, PracticeTags } from "~/components/practice-ui";
import { CommentList, TextForm } from "~/components/practice-discussion";
import { getPracticePage, practiceRights } from "~/models/practice-feed.server";
import {
  PracticeError,
  commentOn,
  deletePractice,
  moderatePractice,
  reportPractice,
  toggleKudos,
  toggleTried,
  type ModerationAction,
} from "~/models/practice.server";
import { PRACTICE_VISIBILITY_LABELS } from "~/utils/domain";
import { can, forbidden, notFound, requireUser } from "~/utils/permissions.server";
import { QuotaExceeded, refusalStatus } from "~/utils/quotas.server";
import { PERSONAL_DATA_HELP } from "~/utils/personal-data";
import { COMMENT_MAX, commentSchema, reportSchema } from "~/utils/schemas/practice";
import { redirectWithFlash } from "~/utils/session.server";
import { readForm } from "~/utils/forms.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.practice.title ?? "Bonne pratique"} — Engagés` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const practice = await getPracticePage(user, params.practiceId ?? "");
  // Not found and not allowed look the same: a club-only practice is not even confirmed to exist.
  if (!practice) notFound();
  return { practice };
}

const MODERATION: ModerationAction[] = [
  "feature",
  "unfeature",
  "hide",
  "unhide",
  "hide-comment",
  "unhide-comment",
];

export async function action({ request, params }: ActionFunctionArgs) {
  const practiceId = params.practiceId ?? "";
  const user = await requireUser(request);
  if (!(await can(user, { action: "practice:read", practiceId }))) notFound();
  const form = await readForm(request);
  const intent = String(form.get("intent") ?? "");
  const back = `/pratiques/${practiceId}`;

  if (MODERATION.includes(intent as ModerationAction)) {
    const rights = await practiceRights(user, practiceId);
    if (!rights?.canModerate) forbidden();
    try {
      await moderatePractice(
        user.id,
        practiceId,
        intent as ModerationAction,
        String(form.get("commentId") ?? "") || undefined,
      );
    } catch (error) {
      if (error instanceof PracticeError)
        return data({ intent, error: error.message }, { status: 400 });
      throw error;
    }
    return redirectWithFlash(request, back, { kind: "success", message: MODERATED[intent] });
  }

  if (intent === "delete") {
    if (!(await can(user, { action: "practice:edit", practiceId }))) forbidden();
    await deletePractice(user.id, practiceId);
    return redirectWithFlash(request, "/pratiques", {
      kind: "success",
      message: "La pratique est supprimée.",
    });
  }

  if (!(await can(user, { action: "practice:react", practiceId }))) forbidden();
  switch (intent) {
    case "kudos": {
      const given = await toggleKudos(user.id, practiceId);
      return { intent, ok: true as const, given };
    }
    case "tried": {
      const rights = await practiceRights(user, practiceId);
      if (!rights?.triedCompanyId) forbidden();
      await toggleTried(rights.triedCompanyId, practiceId);
      return { intent, ok: true as const };
    }
    case "comment": {
      const submission = parseWithZod(form, { schema: commentSchema });
      if (submission.status !== "success") {
        // The text typed comes back, so that removing a phone number costs no more than that.
        const typed = form.get("body");
        return data(
          {
            intent,
            error: submission.error?.body?.[0] ?? "Commentaire invalide.",
            body: typeof typed === "string" && typed.length <= COMMENT_MAX ? typed : "",
          },
          { status: 400 },
        );
      }
      try {
        await commentOn(user.id, practiceId, submission.value.body);
      } catch (error) {
        if (error instanceof QuotaExceeded)
          return data({ intent, error: error.message }, { status: error.status });
        throw error;
      }
      return redirectWithFlash(request, `${back}#commentaires`, {
        kind: "success",
        message: "Votre commentaire est publié.",
      });
    }
    case "report": {
      const submission = parseWithZod(form, { schema: reportSchema });
      if (submission.status !== "success")
        return data(
          { intent, error: submission.error?.reason?.[0] ?? "Signalement invalide." },
          { status: 400 },
        );
      try {
        await reportPractice(
          user.id,
          practiceId,
          submission.value.reason,
          submission.value.commentId,
        );
      } catch (error) {
        if (error instanceof PracticeError || error instanceof QuotaExceeded)
          return data({ intent, error: error.message }, { status: refusalStatus(error) });
        throw error;
      }
      return redirectWithFlash(request, back, {
        kind: "success",
        message: "Merci : les animateurs du club examineront votre signalement.",
      });
    }
    default:
      return data({ intent, error: "Action inconnue." }, { status: 400 });
  }
}

const MODERATED: Record<string, string> = {
  feature: "La pratique est à la une du fil et des réunions.",
  unfeature: "La pratique n'est plus à la une.",
  hide: "La pratique est masquée : seuls son entreprise et les animateurs la voient.",
  unhide: "La pratique est de nouveau visible.",
  "hide-comment": "Le commentaire est masqué.",
  "unhide-comment": "Le commentaire est de nouveau visible.",
};

export default function PracticePage() {
  const { practice: p } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const errorFor = (intent: string) =>
    actionData && "error" in actionData && actionData.intent === intent ? [actionData.error] : [];
  const busy = navigation.state !== "idle";
  return (
    <>
      <BackLink to="/pratiques">Toutes les bonnes pratiques</BackLink>
      <PageHeader
        title={p.title}
        intro={`${p.company.name} · ${p.club.name}${p.authorName ? ` · partagée par ${p.authorName}` : ""} · ${formatDate(p.createdAt)}`}
        actions={
          p.canEdit ? (
            <>
              <Link to={`/pratiques/${p.id}/modifier`} className="btn-secondary">
                Modifier
              </Link>
              <ConfirmAction
                label="Supprimer"
                title="Supprimer cette pratique ?"
                confirmLabel="Supprimer définitivement"
                fields={{ intent: "delete" }}
              >
                <p>Ses images, « inspirant » et commentaires seront supprimés aussi.</p>
              </ConfirmAction>
            </>
          ) : null
        }
      />
      <div className="mb-4 flex flex-wrap items-center gap-2 text-sm">
        {p.featured ? (
          <span className="rounded bg-amber-100 px-2 py-0.5 font-semibold text-amber-900">
            À la une
          </span>
        ) : null}
        {p.hidden ? (
          <span className="rounded bg-red-100 px-2 py-0.5 font-semibold text-red-900">
            Masquée par les animateurs
          </span>
        ) : null}
        <span className="text-gray-700">
          Visible par :{" "}
          {PRACTICE_VISIBILITY_LABELS[p.visibility as keyof typeof PRACTICE_VISIBILITY_LABELS]}
        </span>
      </div>
      <PracticeTags publics={p.publics} themes={p.themes} />

      <article className="card my-6">
        <MarkdownContent html={p.bodyHtml} />
        {p.imageList.length > 0 ? (
          <ul className="mt-4 grid gap-4 sm:grid-cols-2">
            {p.imageList.map((img) => (
              <li key={img.id}>
                <img
                  src={`/pratiques/${p.id}/images/${img.id}`}
                  alt={img.alt}
                  loading="lazy"
                  className="max-h-96 w-full rounded border border-gray-200 object-contain"
                />
              </li>
            ))}
          </ul>
        ) : null}
        {p.commitment ? (
          <p className="mt-4 text-sm text-gray-700">
            Au service de l&apos;engagement {p.commitment.year} « {p.commitment.theme} » :{" "}
            {p.commitment.ambition}
          </p>
        ) : null}
      </article>

      <Section id="reactions" title="Réactions" className="mb-8" large>
        <div className="flex flex-wrap items-center gap-4">
          <KudosButton
            practiceId={p.id}
            given={p.kudosGiven}
            count={p.kudos}
            disabled={!p.canReact}
          />
          <p className="text-sm text-gray-700">
            {numberFormat.format(p.tried)} entreprise{p.tried > 1 ? "s l'ont" : " l'a"} essayée
            aussi
          </p>
          {p.triedCompany ? (
            <Form method="post">
              <input type="hidden" name="intent" value="tried" />
              <button type="submit" className="btn-secondary" aria-pressed={p.triedCompany.tried}>
                {p.triedCompany.tried ? "Nous l'avons essayée ✓" : "Nous l'avons essayée aussi"}
              </button>
            </Form>
          ) : null}
        </div>
      </Section>

      {p.canModerate ? (
        <Section id="moderation" title="Modération" className="card mb-8" large>
          <div className="flex flex-wrap gap-2">
            {[
              p.featured
                ? { intent: "unfeature", label: "Retirer de la une" }
                : { intent: "feature", label: "Mettre à la une" },
              p.hidden
                ? { intent: "unhide", label: "Rendre visible" }
                : { intent: "hide", label: "Masquer la pratique" },
            ].map(({ intent, label }) => (
              <Form key={intent} method="post">
                <input type="hidden" name="intent" value={intent} />
                <button type="submit" className="btn-secondary" disabled={busy}>
                  {label}
                </button>
              </Form>
            ))}
          </div>
          <ErrorList errors={MODERATION.flatMap(errorFor)} />
        </Section>
      ) : null}

      <section aria-labelledby="commentaires-titre" id="commentaires" className="mb-8">
        <h2 id="commentaires-titre" className="mb-3 text-xl font-bold">
          Commentaires ({numberFormat.format(p.comments.filter((c) => !c.hidden).length)})
        </h2>
        <CommentList comments={p.comments} canModerate={p.canModerate} />
        {p.canReact ? (
          <TextForm
            intent="comment"
            name="body"
            label="Votre commentaire"
            required={REQUIRED_FIELDS.comment.body?.required}
            help={PERSONAL_DATA_HELP}
            defaultValue={
              actionData && "body" in actionData && typeof actionData.body === "string"
                ? actionData.body
                : undefined
            }
            maxLength={COMMENT_MAX}
            errors={errorFor("comment")}
            submitLabel="Publier le commentaire"
            className="card mt-4"
            disabled={busy}
          >
            <PersonalDataConfirm errors={errorFor("comment")} />
          </TextForm>
        ) : null}
      </section>

      {p.canReact && !p.canEdit ? (
        <details className="mb-8">
          <summary className="cursor-pointer text-sm font-semibold">
            Signaler un problème aux animateurs
          </summary>
          <TextForm
            intent="report"
            name="reason"
            label="Ce qui pose problème"
            required={REQUIRED_FIELDS.report.reason?.required}
            maxLength={1000}
            errors={errorFor("report")}
            submitLabel="Envoyer le signalement"
            className="card mt-2"
            disabled={busy}
          />
        </details>
      ) : null}
    </>
  );
}
