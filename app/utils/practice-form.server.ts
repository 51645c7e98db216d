// The posted form of a practice over HTTP: the multipart body read within its limits, the images
// checked by their bytes, the fields validated. The writes are the model's (models/practice.server.ts).
import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { unstable_parseMultipartFormData, type UploadHandler } from "@remix-run/node";
import type { NewImage } from "~/models/practice.server";
import { sniffImageType } from "~/utils/images.server";
import {
  PRACTICE_IMAGES_MAX,
  PRACTICE_IMAGE_MAX_BYTES,
  practiceSchema,
} from "~/utils/schemas/practice";

const ALT_MAX = 200;

/**
 * Keeps each part in memory up to `maxBytes`: text fields, and the image slots (any other file
 * part is read and dropped). A bigger part is read to its end and dropped too, and reported in
 * `oversized`: refusing it mid-body (as Remix's memory handler does) left the rest of the upload
 * unread on a kept-alive connection, and the browser's next request on it hung.
 */
function boundedMemoryHandler(maxBytes: number) {
  const result = { oversized: false };
  const handler: UploadHandler = async ({ name, filename, contentType, data }) => {
    const chunks: Uint8Array<ArrayBuffer>[] = [];
    let size = 0;
    for await (const chunk of data) {
      size += chunk.byteLength;
      if (size <= maxBytes) chunks.push(new Uint8Array(chunk));
    }
    if (size > maxBytes) result.oversized = true;
    if (size > maxBytes || (filename && !/^image[1-9]$/.test(name))) return undefined;
    const blob = new Blob(chunks, { type: contentType });
    return typeof filename === "string"
      ? new File([blob], filename, { type: contentType })
      : blob.text();
  };
  return { handler, result };
}

/** The form of a practice, with its image slots (image1…, alt1…) read and checked by their bytes. */
export async function readPracticeUpload(
  request: Request,
): Promise<
  | { ok: true; form: FormData; images: NewImage[]; removeImageIds: string[] }
  | { ok: false; error: string }
> {
  let form: FormData;
  const upload = boundedMemoryHandler(PRACTICE_IMAGE_MAX_BYTES);
  try {
    form = await unstable_parseMultipartFormData(request, upload.handler);
  } catch {
    return { ok: false, error: "L'envoi n'a pas pu être lu : envoyez le formulaire à nouveau." };
  }
  if (upload.result.oversized) {
    return {
      ok: false,
      error: "Une image (ou un champ) dépasse 2 Mo : choisissez une image plus légère.",
    };
  }
  const images: NewImage[] = [];
  for (let slot = 1; slot <= PRACTICE_IMAGES_MAX; slot++) {
    const file = form.get(`image${slot}`);
    if (!(file instanceof File) || file.size === 0) continue;
    const bytes = new Uint8Array(await file.arrayBuffer());
    const mimeType = sniffImageType(bytes);
    if (!mimeType)
      return {
        ok: false,
        error: `Image ${slot} : seules les images PNG, JPEG ou WebP sont acceptées.`,
      };
    const alt = String(form.get(`alt${slot}`) ?? "").trim();
    if (alt.length < 3 || alt.length > ALT_MAX)
      return {
        ok: false,
        error: `Image ${slot} : décrivez ce qu'elle montre en quelques mots (3 à ${ALT_MAX} caractères), pour les personnes qui ne la voient pas.`,
      };
    images.push({ bytes, mimeType, alt });
  }
  const removeImageIds = form.getAll("removeImage").map(String);
  return { ok: true, form, images, removeImageIds };
}

/**
 * The posted form of a practice, validated: text fields by practiceSchema, images by
 * readPracticeUpload. On error, a Conform result ready to send back.
 */
export async function receivePracticeForm(request: Request) {
  const upload = await readPracticeUpload(request);
  if (!upload.ok) {
    const result: SubmissionResult<string[]> = { status: "error", error: { "": [upload.error] } };
    return { ok: false as const, result };
  }
  const submission = parseWithZod(upload.form, { schema: practiceSchema });
  if (submission.status !== "success") return { ok: false as const, result: submission.reply() };
  return {
    ok: true as const,
    submission,
    values: submission.value,
    images: upload.images,
    removeImageIds: upload.removeImageIds,
  };
}
