import { Form, Link, useNavigation } from "@remix-run/react";
import type { ReactNode } from "react";
import { numberFormat, Section } from "~/components/page";
import type { getImportPreview } from "~/models/realisation-import.server";
import { formatDateTime } from "~/utils/format";
import {
  ACTION_TYPES,
  CONTRACT_TYPE_LABELS,
  PUBLIC_CATEGORIES,
  QPV_LABELS,
  UNIT_LABELS,
  labelOf,
  type ContractType,
} from "~/utils/domain";
import { unitOf, type RealisationInput } from "~/utils/schemas/realisation";
import { DataTable } from "./data-table";

// The preview of an import (entreprise.$companyId.import): each line of the file as it will be
// saved, or its errors, then the confirmation (all or nothing).

const plural = (n: number, one: string, many: string) =>
  `${numberFormat.format(n)} ${n > 1 ? many : one}`;

function frenchDate(iso: string) {
  const [y, m, d] = iso.split("-");
  return `${d}/${m}/${y}`;
}

type PreviewData = NonNullable<Awaited<ReturnType<typeof getImportPreview>>>;

export function Preview({
  preview,
  base,
  confirmError,
  children,
}: {
  preview: PreviewData;
  base: string;
  confirmError: string | null;
  children: ReactNode;
}) {
  const navigation = useNavigation();
  const confirming = navigation.state !== "idle" && navigation.formMethod?.toLowerCase() === "post";
  const hidden =
    preview.readyCount - preview.readyShown + (preview.errorCount - preview.errorsShown);
  return (
    <>
      <Section id="resume" title="Résumé">
        <p className="mb-3 text-lg font-semibold">
          {plural(preview.readyCount, "ligne prête", "lignes prêtes")},{" "}
          <span className={preview.errorCount > 0 ? "text-red-700" : undefined}>
            {plural(preview.errorCount, "ligne en erreur", "lignes en erreur")}
          </span>
        </p>
        {preview.previous ? (
          <div
            id="deja-importe"
            className="mb-4 rounded-md border-l-4 border-amber-600 bg-amber-50 p-3 text-amber-950"
          >
            <p className="font-semibold">
              {preview.previous.sameFile
                ? "Ce fichier a déjà été importé le "
                : `Les mêmes lignes ont déjà été importées, depuis le fichier « ${preview.previous.fileName} », le `}
              {formatDateTime(preview.previous.createdAt)}
              {preview.previous.byName ? ` par ${preview.previous.byName}` : ""} (
              {plural(preview.previous.rowCount, "ligne", "lignes")}).
            </p>
            <p>
              Les importer encore enregistrerait ces réalisations une deuxième fois. Si c&apos;est
              bien voulu, cochez « Importer quand même ».
            </p>
          </div>
        ) : null}
        {preview.alreadyImportedLines.length > 0 ? (
          <div className="mb-4 rounded-md border-l-4 border-amber-600 bg-amber-50 p-3 text-amber-950">
            <p className="font-semibold">
              {preview.alreadyImportedLines.length > 1
                ? `${numberFormat.format(preview.alreadyImportedLines.length)} lignes de ce fichier sont identiques à des réalisations déjà importées`
                : "Une ligne de ce fichier est identique à une réalisation déjà importée"}{" "}
              ({preview.alreadyImportedLines.length > 1 ? "lignes" : "ligne"}{" "}
              {preview.alreadyImportedLines.slice(0, 20).join(", ")}
              {preview.alreadyImportedLines.length > 20 ? "…" : ""}).
            </p>
            <p>
              Si votre fichier reprend un import précédent, retirez ces lignes avant de
              l&apos;envoyer : elles seraient comptées deux fois.
            </p>
          </div>
        ) : null}
        {preview.errorCount > 0 ? (
          <>
            <div
              role="alert"
              className="mb-4 rounded-md border border-red-300 bg-red-50 p-3 font-medium text-red-800"
            >
              Ce fichier ne peut pas être importé tant qu&apos;une ligne est en erreur. Corrigez les
              lignes signalées ci-dessous dans votre fichier, puis envoyez-le à nouveau. Rien
              n&apos;a été enregistré.
            </div>
            {children}
          </>
        ) : (
          <Form method="post" action={`${base}?brouillon=${preview.id}`}>
            <input type="hidden" name="intent" value="confirmer" />
            <input type="hidden" name="brouillon" value={preview.id} />
            {confirmError ? (
              <div
                role="alert"
                className="mb-4 rounded-md border border-red-300 bg-red-50 p-3 font-medium text-red-800"
              >
                {confirmError}
              </div>
            ) : null}
            {preview.previous ? (
              <div className="mb-4 flex items-center gap-2">
                <input
                  id="importerQuandMeme"
                  name="importerQuandMeme"
                  type="checkbox"
                  required
                  aria-describedby="deja-importe"
                  className="h-5 w-5"
                />
                <label htmlFor="importerQuandMeme" className="font-semibold">
                  Importer quand même
                </label>
              </div>
            ) : null}
            <div className="flex flex-wrap items-center gap-3">
              <button type="submit" className="btn-primary" disabled={confirming}>
                {confirming
                  ? "Import en cours…"
                  : `Confirmer l'import de ${plural(preview.readyCount, "ligne", "lignes")}`}
              </button>
              <Link to={base}>Annuler et choisir un autre fichier</Link>
            </div>
            <p className="mt-2 text-sm text-gray-600">
              Cet aperçu reste valable jusqu&apos;au {formatDateTime(preview.expiresAt)}.
            </p>
          </Form>
        )}
      </Section>
      <Section id="lignes" title="Lignes du fichier" className="card">
        {hidden > 0 ? (
          <p className="mb-3 text-sm text-gray-700">
            Seules les {numberFormat.format(preview.readyShown)} premières lignes prêtes et les{" "}
            {numberFormat.format(preview.errorsShown)} premières lignes en erreur sont affichées ;
            toutes sont comptées dans le résumé.
          </p>
        ) : null}
        {preview.errorsShown > 0 ? <ErrorList lines={preview.lines} /> : null}
        <DataTable
          caption="Chaque ligne du fichier telle qu'elle sera enregistrée, ou ses erreurs"
          label="Tableau des lignes du fichier (défilement horizontal)"
          columns={[
            "Ligne",
            "Statut",
            "Date",
            "Type d'action",
            "Public",
            "Type de contrat",
            "Nombre",
            "QPV",
            "Note",
            "Engagement",
          ]}
        >
          {preview.lines.map((row) =>
            row.input ? (
              <ReadyRow
                key={row.line}
                line={row.line}
                input={row.input as RealisationInput}
                commitments={preview.commitments}
              />
            ) : (
              <ErrorRow key={row.line} line={row.line} raw={row.raw} errors={row.errors} />
            ),
          )}
        </DataTable>
      </Section>
    </>
  );
}

function ReadyRow({
  line,
  input,
  commitments,
}: {
  line: number;
  input: RealisationInput;
  commitments: Record<string, string>;
}) {
  const publicLabel = labelOf(PUBLIC_CATEGORIES, input.publicCategoryCode);
  return (
    <tr>
      <th scope="row">{line}</th>
      <td className="whitespace-nowrap font-semibold text-green-800">Prête</td>
      <td className="whitespace-nowrap">{frenchDate(input.date)}</td>
      <td>{labelOf(ACTION_TYPES, input.actionTypeCode)}</td>
      <td>
        {input.publicCategoryCode === "OTHER" && input.otherPublicLabel
          ? `${publicLabel} : ${input.otherPublicLabel}`
          : publicLabel}
      </td>
      <td>{input.contractType ? CONTRACT_TYPE_LABELS[input.contractType as ContractType] : "—"}</td>
      <td className="whitespace-nowrap">
        {numberFormat.format(input.quantity)}{" "}
        {input.quantity === 1 && unitOf(input.actionTypeCode) === "PEOPLE"
          ? "personne"
          : UNIT_LABELS[unitOf(input.actionTypeCode)]}
      </td>
      <td className="whitespace-nowrap">{QPV_LABELS[input.qpv]}</td>
      <td className="max-w-xs break-words">{input.note || "—"}</td>
      <td className="max-w-xs break-words">
        {input.commitmentId ? (commitments[input.commitmentId] ?? input.commitmentId) : "—"}
      </td>
    </tr>
  );
}

function ErrorRow({
  line,
  raw,
  errors,
}: {
  line: number;
  raw: Record<string, string>;
  errors: string[];
}) {
  const cell = (label: string) => raw[label] || "—";
  const publicText = raw["Précision du public"]
    ? `${cell("Public")} : ${raw["Précision du public"]}`
    : cell("Public");
  return (
    <tr className="bg-red-50 align-top">
      <th scope="row">{line}</th>
      <td className="min-w-48 max-w-sm">
        <p className="font-semibold text-red-800">En erreur</p>
        <ul className="list-disc space-y-1 pl-4 text-sm text-red-800">
          {errors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      </td>
      <td className="whitespace-nowrap">{cell("Date")}</td>
      <td>{cell("Type d'action")}</td>
      <td>{publicText}</td>
      <td>{cell("Type de contrat")}</td>
      <td>{cell("Nombre")}</td>
      <td className="whitespace-nowrap">{cell("QPV")}</td>
      <td className="max-w-xs break-words">{cell("Note")}</td>
      <td className="max-w-xs break-words">{cell("Engagement")}</td>
    </tr>
  );
}

/** The errors by line, above the table: readable at any width, without scrolling sideways. */
function ErrorList({ lines }: { lines: PreviewData["lines"] }) {
  const withErrors = lines.filter((l) => l.errors.length > 0);
  return (
    <section aria-labelledby="erreurs" className="mb-4">
      <h3 id="erreurs" className="mb-2 font-bold text-red-800">
        Erreurs à corriger dans le fichier
      </h3>
      <ul className="space-y-2">
        {withErrors.map((l) => (
          <li key={l.line} className="rounded-md border border-red-300 bg-red-50 p-2 text-red-900">
            <span className="font-semibold">Ligne {l.line} :</span>{" "}
            {l.errors.length === 1 ? (
              l.errors[0]
            ) : (
              <ul className="list-disc pl-5">
                {l.errors.map((e) => (
                  <li key={e}>{e}</li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
