// The upload of a verification answer over HTTP (decision 032): the multipart body read in
// memory with the size limit, into the message and the optional file. Every problem is a French
// message, never an exception.
import { readUpload } from "./forms.server";
import { ANSWER_MAX_LENGTH } from "~/models/verification.server";
import { personalDataError } from "./personal-data";
import { EVIDENCE_MAX_BYTES } from "./evidence-file.server";

export type EvidenceUpload =
  | { ok: true; answer: string; file: { name: string; bytes: Uint8Array } | null }
  | { ok: false; error: string; field: "answer" | "file" };

const TOO_LARGE = `Le fichier dépasse ${EVIDENCE_MAX_BYTES / 1024 / 1024} Mo : envoyez un récapitulatif plus léger.`;

export async function readEvidenceUpload(request: Request): Promise<EvidenceUpload> {
  const form = await readUpload(request, EVIDENCE_MAX_BYTES);
  if (form === "too-large") return { ok: false, error: TOO_LARGE, field: "file" };
  if (form === "unreadable") {
    return {
      ok: false,
      error: "L'envoi n'a pas pu être lu : envoyez votre réponse à nouveau.",
      field: "answer",
    };
  }
  const answer = String(form.get("answer") ?? "").trim();
  if (answer.length < 10) {
    return { ok: false, error: "Écrivez votre réponse (10 caractères au moins).", field: "answer" };
  }
  if (answer.length > ANSWER_MAX_LENGTH) {
    return {
      ok: false,
      error: `La réponse doit compter ${ANSWER_MAX_LENGTH} caractères au plus.`,
      field: "answer",
    };
  }
  // Refused data (phone numbers, birth dates…) only: the answer may name its professional contact.
  const personal = personalDataError(answer, { confirmed: true });
  if (personal) return { ok: false, error: personal, field: "answer" };
  const file = form.get("piece");
  if (!(file instanceof File) || (file.size === 0 && !file.name))
    return { ok: true, answer, file: null };
  if (file.size === 0) return { ok: false, error: "Le fichier est vide.", field: "file" };
  return {
    ok: true,
    answer,
    file: { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) },
  };
}
