// One company of a verification sample, as the prefecture sees it: what it declared when drawn,
// its answer and file, and the form that records the result (confirmed, corrected, unanswered).
import { Form } from "@remix-run/react";
import { Field, FormErrors, SelectField, TextAreaField } from "./forms";
import { formatDateTime, numberFormat } from "~/utils/format";
import { formatSiret } from "~/utils/siret";

type Check = {
  id: string;
  clubName: string;
  declaredRealisations: number;
  declaredPeople: number;
  answer: string | null;
  answeredAt: string | Date | null;
  fileName: string | null;
  result: string;
  correctedPeople: number | null;
  resultNote: string;
  company: { name: string; siret: string };
  answeredBy: { name: string } | null;
};

export const CHECK_RESULT_LABELS: Record<string, string> = {
  PENDING: "En attente",
  CONFIRMED: "Confirmée",
  CORRECTED: "Corrigée",
  UNANSWERED: "Sans réponse",
};

export function VerificationCheckCard({
  check: c,
  year,
  fileUrl,
  canManage,
  noteMaxLength,
  error,
}: {
  check: Check;
  year: number;
  fileUrl: string;
  canManage: boolean;
  noteMaxLength: number;
  error?: string;
}) {
  const headingId = `verification-${c.id}`;
  return (
    <li className="card">
      <h3 id={headingId} className="text-lg font-bold">
        {c.company.name}{" "}
        <span className="text-sm font-normal text-gray-700">
          SIRET {formatSiret(c.company.siret)} · {c.clubName}
        </span>
      </h3>
      <p className="mb-2 text-sm text-gray-700">
        Déclaré pour {year} : {numberFormat.format(c.declaredRealisations)} réalisation
        {c.declaredRealisations > 1 ? "s" : ""}, {numberFormat.format(c.declaredPeople)} personne
        {c.declaredPeople > 1 ? "s" : ""} · Résultat :{" "}
        <strong>{CHECK_RESULT_LABELS[c.result] ?? c.result}</strong>
        {c.result === "CORRECTED" && c.correctedPeople !== null
          ? ` (${numberFormat.format(c.correctedPeople)} personnes après correction)`
          : ""}
      </p>
      {c.answeredAt ? (
        <div className="mb-3 rounded-md bg-gray-50 p-3">
          <p className="whitespace-pre-line">{c.answer}</p>
          <p className="mt-1 text-sm text-gray-700">
            Réponse du {formatDateTime(c.answeredAt)}
            {c.answeredBy ? ` (${c.answeredBy.name})` : ""}
            {c.fileName ? (
              <>
                {" · "}
                <a href={fileUrl} download>
                  Télécharger la pièce « {c.fileName} »
                </a>
              </>
            ) : null}
          </p>
        </div>
      ) : (
        <p className="mb-3 text-sm text-gray-700">Pas encore de réponse.</p>
      )}
      {canManage ? (
        <Form
          method="post"
          aria-labelledby={headingId}
          className="grid items-end gap-3 sm:grid-cols-3"
        >
          <input type="hidden" name="checkId" value={c.id} />
          <input type="hidden" name="annee" value={year} />
          <SelectField
            label="Résultat"
            selectProps={{
              id: `${c.id}-result`,
              name: "result",
              defaultValue: c.result === "PENDING" ? "CONFIRMED" : c.result,
            }}
            options={["CONFIRMED", "CORRECTED", "UNANSWERED"].map((value) => ({
              value,
              label: CHECK_RESULT_LABELS[value],
            }))}
          />
          <Field
            label="Personnes après correction"
            help="Si corrigée"
            inputProps={{
              id: `${c.id}-corrected`,
              name: "correctedPeople",
              type: "number",
              inputMode: "numeric",
              min: 0,
              defaultValue: c.correctedPeople ?? "",
            }}
          />
          <TextAreaField
            label="Note"
            className="sm:col-span-3"
            textareaProps={{
              id: `${c.id}-note`,
              name: "note",
              rows: 2,
              maxLength: noteMaxLength,
              defaultValue: c.resultNote,
            }}
          />
          <div className="sm:col-span-3">
            <FormErrors errors={error ? [error] : undefined} />
            <button type="submit" className="btn-secondary">
              Enregistrer le résultat
            </button>
          </div>
        </Form>
      ) : null}
    </li>
  );
}
