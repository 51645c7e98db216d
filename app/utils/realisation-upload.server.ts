// The upload of an import file over HTTP: size and rate limits, the multipart body read, then the
// draft made by the model (createImportDraft in models/realisation-import.server.ts).
import { declaredTooLarge, readUpload } from "~/utils/forms.server";
import { createImportDraft } from "~/models/realisation-import.server";
import { IMPORT_LIMITS, ImportFileError } from "~/models/realisation-import-columns.server";
import { RATE_LIMITS, isThrottled, recordHit } from "~/utils/rate-limit.server";

export type UploadResult =
  { ok: true; draftId: string } | { ok: false; status: number; error: string };

const TOO_LARGE = "Le fichier dépasse 10 Mo : découpez-le en plusieurs fichiers.";
const TOO_MANY_UPLOADS = `Cette entreprise a déjà envoyé ${RATE_LIMITS.importUpload.limit} fichiers dans l'heure : patientez un peu avant d'en envoyer un autre.`;

/**
 * Reads the multipart upload (field `fichier`, kept in memory, 10 MB at most) and makes the
 * draft. Every problem is a French message with a 4xx status, never an exception.
 */
export async function receiveImportUpload(
  request: Request,
  companyId: string,
  userId: string,
): Promise<UploadResult> {
  if (declaredTooLarge(request, IMPORT_LIMITS.maxBytes)) {
    return { ok: false, status: 400, error: TOO_LARGE };
  }
  // Per company, whoever sends: every file read costs a worker, whatever it turns out to hold.
  if (await isThrottled("importUpload", companyId)) {
    return { ok: false, status: 429, error: TOO_MANY_UPLOADS };
  }
  await recordHit("importUpload", companyId);
  const form = await readUpload(request, IMPORT_LIMITS.maxBytes);
  if (form === "too-large") return { ok: false, status: 400, error: TOO_LARGE };
  if (form === "unreadable") {
    return {
      ok: false,
      status: 400,
      error: "L'envoi n'a pas pu être lu : choisissez le fichier et envoyez-le à nouveau.",
    };
  }
  const file = form.get("fichier");
  if (!(file instanceof File) || (file.size === 0 && !file.name)) {
    return { ok: false, status: 400, error: "Choisissez un fichier .csv ou .xlsx." };
  }
  try {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const { draftId } = await createImportDraft({ companyId, userId, fileName: file.name, bytes });
    return { ok: true, draftId };
  } catch (error) {
    if (error instanceof ImportFileError) return { ok: false, status: 400, error: error.message };
    throw error;
  }
}
