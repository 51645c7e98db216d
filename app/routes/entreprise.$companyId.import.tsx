import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { z } from "zod";
import { ImportUploadForm } from "~/components/import-upload-form";
import { Preview } from "~/components/import-preview";
import { BackLink, PageHeader, numberFormat, Section } from "~/components/page";
import { getCompanyHeader } from "~/models/company.server";
import { confirmImport, getImportPreview } from "~/models/realisation-import.server";
import {
  IMPORT_COLUMNS,
  IMPORT_LIMITS,
  ImportConfirmError,
} from "~/models/realisation-import-columns.server";
import { OUTCOME_IMPORT_COLUMNS } from "~/models/realisation-import-outcomes.server";
import { receiveImportUpload } from "~/utils/realisation-upload.server";
import { notFound } from "~/utils/permissions.server";
import { redirectWithFlash } from "~/utils/session.server";
import { requireCompanyPage } from "~/utils/company-route.server";
import { DataTable } from "~/components/data-table";

export const meta: MetaFunction = () => [{ title: "Importer des réalisations — Engagés" }];

const confirmSchema = /* @__PURE__ */ (() =>
  z.object({
    intent: z.literal("confirmer", { error: "Action inconnue." }),
    brouillon: z.string({ error: "Aperçu manquant." }).trim().min(1).max(64),
    importerQuandMeme: z.boolean().optional(),
  }))();

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { companyId } = await requireCompanyPage(request, params, "company:write");
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
      columns: [
        ...IMPORT_COLUMNS.map(({ label, required, help }) => ({ label, required, help })),
        ...OUTCOME_IMPORT_COLUMNS.map(({ label, help }) => ({ label, required: false, help })),
      ],
    },
    { status: draftMissing ? 404 : 200 },
  );
}

type ActionData = { uploadError: string | null; confirmError: string | null };

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, companyId } = await requireCompanyPage(request, params, "company:write");

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
      <BackLink to={`/entreprise/${company.id}`}>Mon tableau de bord</BackLink>
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
      <Section id="etapes" title="Comment faire">
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
      </Section>
      <Section id="colonnes" title="Colonnes du fichier" className="card">
        <p className="mb-3 text-sm text-gray-700">
          Les titres sont reconnus sans tenir compte des majuscules ni des accents ; les colonnes
          peuvent être dans n&apos;importe quel ordre. Pour les listes, le libellé ou le code est
          accepté. Séparateur du CSV : point-virgule ou virgule, encodage UTF-8.
        </p>
        <DataTable
          caption="Colonnes attendues dans le fichier"
          label="Tableau des colonnes du fichier (défilement horizontal)"
          columns={["Colonne", "Obligatoire", "Contenu"]}
        >
          {columns.map((c) => (
            <tr key={c.label}>
              <th scope="row" className="font-semibold">
                {c.label}
              </th>
              <td>{c.required ? "Oui" : "Non"}</td>
              <td>{c.help}</td>
            </tr>
          ))}
        </DataTable>
      </Section>
    </>
  );
}
