import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import type { ReactNode } from "react";
import { z } from "zod";
import { ImportUploadForm } from "~/components/import-upload-form";
import { PageHeader, numberFormat } from "~/components/page";
import { formatDateTime } from "~/utils/format";
import { getCompanyHeader } from "~/models/company.server";
import { confirmImport, getImportPreview } from "~/models/realisation-import.server";
import {
  IMPORT_COLUMNS,
  IMPORT_LIMITS,
  ImportConfirmError,
} from "~/models/realisation-import-columns.server";
import { receiveImportUpload } from "~/utils/realisation-upload.server";
import {
  ACTION_TYPES,
  CONTRACT_TYPE_LABELS,
  PUBLIC_CATEGORIES,
  QPV_LABELS,
  UNIT_LABELS,
  labelOf,
  type ContractType,
} from "~/utils/domain";
import { notFound, requirePermission } from "~/utils/permissions.server";
import { unitOf, type RealisationInput } from "~/utils/schemas/realisation";
import { redirectWithFlash } from "~/utils/session.server";

export const meta: MetaFunction = () => [{ title: "Importer des réalisations — Engagés" }];

const confirmSchema = /* @__PURE__ */ (() =>
  z.object({
    intent: z.literal("confirmer", { error: "Action inconnue." }),
    brouillon: z.string({ error: "Aperçu manquant." }).trim().min(1).max(64),
    importerQuandMeme: z.boolean().optional(),
  }))();

export async function loader({ request, params }: LoaderFunctionArgs) {
  const companyId = params.companyId ?? "";
  await requirePermission(request, { action: "company:write", companyId });
  const company = await getCompanyHeader(companyId);
  if (!company) notFound();
  const draftId = new URL(request.url).searchParams.get("brouillon");
  const preview = draftId ? await getImportPreview(companyId, draftId.slice(0, 64)) : null;
  const draftMissing = Boolean(draftId) && !preview;
  return data(
    {
      company: { id: company.id, name: company.name },
      preview,
      draftMissing,
      maxBytes: IMPORT_LIMITS.maxBytes,
      columns: IMPORT_COLUMNS.map(({ label, required, help }) => ({ label, required, help })),
    },
    { status: draftMissing ? 404 : 200 },
  );
}

type ActionData = { uploadError: string | null; confirmError: string | null };

export async function action({ request, params }: ActionFunctionArgs) {
  const companyId = params.companyId ?? "";
  const user = await requirePermission(request, { action: "company:write", companyId });

  if ((request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data")) {
    const result = await receiveImportUpload(request, companyId, user.id);
    if (!result.ok) {
      return data<ActionData>(
        { uploadError: result.error, confirmError: null },
        { status: result.status },
      );
    }
    return redirect(`/entreprise/${companyId}/import?brouillon=${result.draftId}`);
  }

  let formData: FormData;
  try {
    formData = await request.formData();
  } catch {
    return data<ActionData>(
      { uploadError: null, confirmError: "Le formulaire envoyé n'a pas pu être lu." },
      { status: 400 },
    );
  }
  const submission = parseWithZod(formData, { schema: confirmSchema });
  if (submission.status !== "success") {
    return data<ActionData>(
      {
        uploadError: null,
        confirmError: "Cet aperçu n'est pas valable : envoyez le fichier à nouveau.",
      },
      { status: 400 },
    );
  }
  try {
    const { count, fileName } = await confirmImport({
      companyId,
      actorId: user.id,
      draftId: submission.value.brouillon,
      acceptDuplicate: submission.value.importerQuandMeme === true,
    });
    return redirectWithFlash(request, `/entreprise/${companyId}`, {
      kind: "success",
      message: `${numberFormat.format(count)} ${count > 1 ? "réalisations importées" : "réalisation importée"} depuis « ${fileName} ».`,
    });
  } catch (error) {
    if (error instanceof ImportConfirmError) {
      return data<ActionData>(
        { uploadError: null, confirmError: error.message },
        { status: error.status },
      );
    }
    throw error;
  }
}

const plural = (n: number, one: string, many: string) =>
  `${numberFormat.format(n)} ${n > 1 ? many : one}`;

function frenchDate(iso: string) {
  const [y, m, d] = iso.split("-");
  return `${d}/${m}/${y}`;
}

export default function ImportPage() {
  const { company, preview, draftMissing, maxBytes, columns } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  const base = `/entreprise/${company.id}/import`;
  const upload = (
    <ImportUploadForm
      key={preview?.id ?? "nouveau"}
      action={base}
      uploadUrl={`${base}/envoi`}
      maxBytes={maxBytes}
      serverError={actionData?.uploadError}
      label={preview ? "Fichier corrigé" : "Fichier à importer"}
    />
  );
  return (
    <>
      <p className="mb-2 text-sm">
        <Link to={`/entreprise/${company.id}`}>← Mon tableau de bord</Link>
      </p>
      <PageHeader
        title={preview ? "Aperçu de l'import" : "Importer des réalisations"}
        intro={
          preview
            ? `Vérifiez les lignes du fichier « ${preview.fileName} » avant de les enregistrer pour ${company.name}. Rien n'est enregistré avant votre confirmation.`
            : `Enregistrez en une fois les réalisations de ${company.name} depuis un fichier CSV ou Excel (.xlsx).`
        }
      />
      {draftMissing ? (
        <div
          role="alert"
          className="mb-6 rounded-md border border-red-300 bg-red-50 p-3 font-medium text-red-800"
        >
          Cet aperçu n&apos;existe plus (il a expiré ou a déjà été importé) : envoyez le fichier à
          nouveau.
        </div>
      ) : null}
      {preview ? (
        <Preview preview={preview} base={base} confirmError={actionData?.confirmError ?? null}>
          {upload}
        </Preview>
      ) : (
        <UploadSection base={base} columns={columns}>
          {upload}
        </UploadSection>
      )}
    </>
  );
}

function UploadSection({
  base,
  columns,
  children,
}: {
  base: string;
  columns: Array<{ label: string; required: boolean; help: string }>;
  children: ReactNode;
}) {
  return (
    <>
      <section aria-labelledby="etapes" className="card mb-6">
        <h2 id="etapes" className="mb-3 text-lg font-bold">
          Comment faire
        </h2>
        <ol className="mb-4 list-decimal space-y-1 pl-6">
          <li>
            Téléchargez le modèle :{" "}
            <a href={`${base}/modele.xlsx`} download>
              modèle Excel (.xlsx)
            </a>{" "}
            ou{" "}
            <a href={`${base}/modele.csv`} download>
              modèle CSV (séparateur point-virgule)
            </a>
            .
          </li>
          <li>
            Remplissez une ligne par réalisation, sous la ligne des titres (dans le modèle Excel,
            l&apos;onglet « Exemples » montre comment ; dans le modèle CSV, supprimez les deux
            lignes marquées « EXEMPLE »). Comptez des personnes, jamais de noms.
          </li>
          <li>
            Envoyez le fichier : un aperçu montre chaque ligne telle qu&apos;elle sera enregistrée,
            et les erreurs à corriger. Rien n&apos;est enregistré avant votre confirmation, et le
            fichier est importé en entier ou pas du tout.
          </li>
        </ol>
        {children}
      </section>
      <section aria-labelledby="colonnes" className="card">
        <h2 id="colonnes" className="mb-3 text-lg font-bold">
          Colonnes du fichier
        </h2>
        <p className="mb-3 text-sm text-gray-700">
          Les titres sont reconnus sans tenir compte des majuscules ni des accents ; les colonnes
          peuvent être dans n&apos;importe quel ordre. Pour les listes, le libellé ou le code est
          accepté. Séparateur du CSV : point-virgule ou virgule, encodage UTF-8.
        </p>
        <div
          className="overflow-x-auto"
          role="region"
          aria-label="Tableau des colonnes du fichier (défilement horizontal)"
          tabIndex={0}
        >
          <table className="table-basic">
            <caption className="sr-only">Colonnes attendues dans le fichier</caption>
            <thead>
              <tr>
                <th scope="col">Colonne</th>
                <th scope="col">Obligatoire</th>
                <th scope="col">Contenu</th>
              </tr>
            </thead>
            <tbody>
              {columns.map((c) => (
                <tr key={c.label}>
                  <th scope="row" className="font-semibold">
                    {c.label}
                  </th>
                  <td>{c.required ? "Oui" : "Non"}</td>
                  <td>{c.help}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}

type PreviewData = NonNullable<ReturnType<typeof useLoaderData<typeof loader>>["preview"]>;

function Preview({
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
      <section aria-labelledby="resume" className="card mb-6">
        <h2 id="resume" className="mb-3 text-lg font-bold">
          Résumé
        </h2>
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
      </section>
      <section aria-labelledby="lignes" className="card">
        <h2 id="lignes" className="mb-3 text-lg font-bold">
          Lignes du fichier
        </h2>
        {hidden > 0 ? (
          <p className="mb-3 text-sm text-gray-700">
            Seules les {numberFormat.format(preview.readyShown)} premières lignes prêtes et les{" "}
            {numberFormat.format(preview.errorsShown)} premières lignes en erreur sont affichées ;
            toutes sont comptées dans le résumé.
          </p>
        ) : null}
        {preview.errorsShown > 0 ? <ErrorList lines={preview.lines} /> : null}
        <div
          className="overflow-x-auto"
          role="region"
          aria-label="Tableau des lignes du fichier (défilement horizontal)"
          tabIndex={0}
        >
          <table className="table-basic">
            <caption className="sr-only">
              Chaque ligne du fichier telle qu&apos;elle sera enregistrée, ou ses erreurs
            </caption>
            <thead>
              <tr>
                <th scope="col">Ligne</th>
                <th scope="col">Statut</th>
                <th scope="col">Date</th>
                <th scope="col">Type d&apos;action</th>
                <th scope="col">Public</th>
                <th scope="col">Type de contrat</th>
                <th scope="col">Nombre</th>
                <th scope="col">QPV</th>
                <th scope="col">Note</th>
                <th scope="col">Engagement</th>
              </tr>
            </thead>
            <tbody>
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
            </tbody>
          </table>
        </div>
      </section>
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
