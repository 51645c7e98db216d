// A verification asked of the company (issue 15 point 5, decision 032): the prefecture drew it
// in its sample of attested declarations; its people answer with a message and, if they wish, a
// PDF, XLSX or CSV file. Once the prefecture has recorded its result, the answer is closed.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorList, FormErrors, TextAreaField } from "~/components/forms";
import { PageHeader, Section } from "~/components/page";
import {
  ANSWER_MAX_LENGTH,
  VerificationError,
  answerCheck,
  companyCheck,
} from "~/models/verification.server";
import { EVIDENCE_MAX_BYTES } from "~/utils/evidence-file.server";
import { readEvidenceUpload } from "~/utils/evidence-upload.server";
import { formatDateTime, numberFormat } from "~/utils/format";
import { notFound } from "~/utils/permissions.server";
import { redirectWithFlash } from "~/utils/session.server";
import { requireCompanyPage } from "~/utils/company-route.server";
import { BusySubmit } from "~/components/busy-submit";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Vérification des déclarations ${data?.check.sample.year ?? ""} — Engagés` },
];

async function requireCheck(companyId: string, checkId: string) {
  const check = await companyCheck(companyId, checkId);
  if (!check) notFound("Cette demande de vérification n'existe pas.");
  return check;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { companyId } = await requireCompanyPage(request, params, "company:write");
  const check = await requireCheck(companyId, params.checkId ?? "");
  return { check, maxLength: ANSWER_MAX_LENGTH, maxMegabytes: EVIDENCE_MAX_BYTES / 1024 / 1024 };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, companyId } = await requireCompanyPage(request, params, "company:write");
  const check = await requireCheck(companyId, params.checkId ?? "");
  const upload = await readEvidenceUpload(request);
  if (!upload.ok) return data({ field: upload.field, error: upload.error }, { status: 400 });
  try {
    await answerCheck(user.id, companyId, check.id, upload);
  } catch (error) {
    if (error instanceof VerificationError) {
      return data({ field: "form", error: error.message }, { status: 400 });
    }
    throw error;
  }
  return redirectWithFlash(request, `/entreprise/${companyId}/verification/${check.id}`, {
    kind: "success",
    message: "Réponse envoyée à la préfecture, merci.",
  });
}

const RESULT_LABELS: Record<string, string> = {
  CONFIRMED: "Vos chiffres sont confirmés.",
  CORRECTED: "Vos chiffres ont été corrigés par la préfecture.",
  UNANSWERED: "La vérification a été close sans réponse.",
};

/** The look of the page's two parts, the request and the answer. */
const PART = { className: "card mb-6 max-w-3xl", headingClassName: "mb-2 text-xl font-bold" };

export default function CompanyVerification() {
  const { check, maxLength, maxMegabytes } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const closed = check.result !== "PENDING";
  return (
    <>
      <PageHeader
        title={`Vérification des déclarations ${check.sample.year}`}
        intro="La préfecture vérifie chaque année un échantillon d'entreprises tirées au sort parmi celles qui ont attesté leurs déclarations."
      />
      <Section id="demande" title="La demande" {...PART}>
        <p className="mb-3 whitespace-pre-line">{check.message}</p>
        <p className="text-sm text-gray-700">
          Chiffres déclarés au tirage : {numberFormat.format(check.declaredRealisations)}{" "}
          réalisation{check.declaredRealisations > 1 ? "s" : ""}, dont{" "}
          {numberFormat.format(check.declaredPeople)} personne
          {check.declaredPeople > 1 ? "s" : ""}.
        </p>
      </Section>
      {check.answeredAt ? (
        <Section id="reponse" title="Votre réponse" {...PART}>
          <p className="mb-2 whitespace-pre-line">{check.answer}</p>
          <p className="text-sm text-gray-700">
            Envoyée le {formatDateTime(check.answeredAt)}
            {check.answeredBy ? ` par ${check.answeredBy.name}` : ""}
            {check.fileName ? ` · pièce jointe : ${check.fileName}` : ""}.
          </p>
        </Section>
      ) : null}
      {closed ? (
        <p className="card max-w-3xl font-semibold">
          {RESULT_LABELS[check.result]}
          {check.resultNote ? ` ${check.resultNote}` : ""}
        </p>
      ) : (
        <Form method="post" encType="multipart/form-data" className="card max-w-3xl" noValidate>
          <h2 className="mb-3 text-xl font-bold">
            {check.answeredAt ? "Compléter votre réponse" : "Répondre"}
          </h2>
          <TextAreaField
            label="Votre réponse"
            help="Aucun nom ni donnée personnelle des personnes concernées : des nombres et des catégories."
            errors={answer?.field === "answer" ? [answer.error] : undefined}
            textareaProps={{
              id: "answer",
              name: "answer",
              rows: 6,
              required: true,
              maxLength,
              defaultValue: check.answer ?? "",
            }}
          />
          <div className="mb-4">
            <label htmlFor="piece" className="label">
              Pièce justificative (facultative)
            </label>
            <p id="piece-aide" className="mb-1 text-sm text-gray-600">
              Un fichier PDF, XLSX ou CSV de {maxMegabytes} Mo au plus.
            </p>
            <input
              id="piece"
              name="piece"
              type="file"
              accept=".pdf,.xlsx,.csv,application/pdf,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              aria-describedby={`piece-aide${answer?.field === "file" ? " piece-erreur" : ""}`}
              aria-invalid={answer?.field === "file" ? true : undefined}
            />
            <ErrorList
              id="piece-erreur"
              errors={answer?.field === "file" ? [answer.error] : undefined}
            />
          </div>
          <FormErrors errors={answer?.field === "form" ? [answer.error] : undefined} />
          <BusySubmit>Envoyer à la préfecture</BusySubmit>
        </Form>
      )}
    </>
  );
}
