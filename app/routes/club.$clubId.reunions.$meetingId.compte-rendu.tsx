import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { MarkdownContent } from "~/components/markdown-content";
import { TextAreaField } from "~/components/forms";
import { MeetingPageTop } from "~/components/meeting-ui";
import { PageHeader, Section } from "~/components/page";
import { PersonalDataConfirm } from "~/components/personal-data";
import { MeetingError } from "~/models/meeting.server";
import { saveMinutes } from "~/models/meeting-minutes.server";
import { renderMarkdown } from "~/utils/markdown.server";
import { PERSONAL_DATA_HELP } from "~/utils/personal-data";
import { minutesTextSchema } from "~/utils/schemas/meeting";
import {
  CONFIRM_FIELD,
  personalDataConfirmation,
  refinePersonalData,
} from "~/utils/schemas/personal-data";
import { redirectWithFlash } from "~/utils/session.server";
import { readForm } from "~/utils/forms.server";
import { requireClubMeetingPage } from "~/utils/club-route.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Compte rendu — ${data?.meeting.title ?? "réunion"} — Engagés` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { clubId, meeting, heading } = await requireClubMeetingPage(request, params, "club:manage");
  return {
    clubId,
    meeting: {
      ...heading,
      minutes: meeting.minutes ?? "",
      published: meeting.minutesPublishedAt !== null,
      previewHtml: meeting.minutes ? renderMarkdown(meeting.minutes, { headingLevel: 3 }) : "",
    },
  };
}

const formSchema = /* @__PURE__ */ (() =>
  z.object({
    intent: z.enum(["save", "publish", "unpublish"]),
    minutes: minutesTextSchema,
    envoyerQuandMeme: personalDataConfirmation,
  }))();
const checkedFormSchema = /* @__PURE__ */ (() =>
  formSchema.superRefine(...refinePersonalData(["minutes"])))();

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, clubId, meetingId, meeting } = await requireClubMeetingPage(
    request,
    params,
    "club:manage",
  );
  const form = await readForm(request);
  const fields = {
    intent: form.get("intent"),
    minutes: form.get("minutes") ?? undefined,
    envoyerQuandMeme: form.get(CONFIRM_FIELD) ?? undefined,
  };
  // Withdrawing minutes is never blocked: written before decision 019, they may hold what it
  // refuses; unchanged, they are not checked again (any change is).
  const withdrawsAsIs =
    fields.intent === "unpublish" &&
    typeof fields.minutes === "string" &&
    fields.minutes.trim() === (meeting.minutes ?? "");
  const parsed = (withdrawsAsIs ? formSchema : checkedFormSchema).safeParse(fields);
  if (!parsed.success) {
    // The text typed stays in the form (a refused nesting must not cost the animator their notes).
    const typed = form.get("minutes");
    return data(
      {
        error: parsed.error.issues[0]?.message ?? "Demande invalide.",
        minutes: typeof typed === "string" && typed.length <= 50_000 ? typed : null,
      },
      { status: 400 },
    );
  }
  const { intent, minutes } = parsed.data;
  try {
    const { published } = await saveMinutes(user, clubId, meetingId, minutes, intent);
    return redirectWithFlash(
      request,
      intent === "save"
        ? `/club/${clubId}/reunions/${meetingId}/compte-rendu`
        : `/club/${clubId}/reunions/${meetingId}`,
      {
        kind: "success",
        message:
          intent === "publish"
            ? "Compte rendu publié : les membres du club peuvent le lire."
            : intent === "unpublish"
              ? "Compte rendu retiré : les membres ne le voient plus."
              : published
                ? "Compte rendu enregistré (il reste publié)."
                : "Brouillon enregistré : il n'est pas encore visible des membres.",
      },
    );
  } catch (error) {
    if (error instanceof MeetingError) {
      return data({ error: error.message, minutes }, { status: 400 });
    }
    throw error;
  }
}

export default function MinutesPage() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const m = d.meeting;
  return (
    <>
      <MeetingPageTop clubId={d.clubId} meeting={m} />
      <PageHeader title="Compte rendu" intro={`${m.title} — ${m.when}`} />
      {m.cancelled ? (
        <p className="card font-semibold text-red-800">Cette réunion a été annulée.</p>
      ) : !m.started ? (
        <p className="card">Le compte rendu s&apos;écrit à partir du début de la réunion.</p>
      ) : (
        <div className="grid gap-6 lg:grid-cols-2">
          <Form method="post" className="card">
            <p className="mb-3 text-sm">
              État :{" "}
              <strong>
                {m.published ? "publié aux membres du club" : "brouillon, non publié"}
              </strong>
            </p>
            <TextAreaField
              label="Compte rendu (Markdown)"
              help={`Titres avec ##, listes avec -, gras avec **texte**, liens avec [texte](https://…). ${PERSONAL_DATA_HELP}`}
              errors={actionData?.error ? [actionData.error] : null}
              textareaProps={{
                name: "minutes",
                id: "minutes",
                rows: 16,
                defaultValue: actionData?.minutes ?? m.minutes,
                className: "font-mono text-sm",
              }}
            />
            <PersonalDataConfirm errors={actionData?.error ? [actionData.error] : null} />
            <div className="flex flex-wrap gap-2">
              <button type="submit" name="intent" value="publish" className="btn-primary">
                {m.published ? "Enregistrer (publié)" : "Publier aux membres"}
              </button>
              {!m.published ? (
                <button type="submit" name="intent" value="save" className="btn-secondary">
                  Enregistrer le brouillon
                </button>
              ) : (
                <button type="submit" name="intent" value="unpublish" className="btn-secondary">
                  Retirer la publication
                </button>
              )}
            </div>
          </Form>
          <Section id="apercu" title="Aperçu de la version enregistrée" className="card">
            {m.previewHtml ? (
              <MarkdownContent html={m.previewHtml} />
            ) : (
              <p className="text-gray-700">Rien d&apos;enregistré pour le moment.</p>
            )}
          </Section>
        </div>
      )}
    </>
  );
}
