import type { SubmissionResult } from "@conform-to/react";
import {
  data,
  MaxPartSizeExceededError,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
} from "@remix-run/node";

// Reading an action's form. A body that is not a readable form (none at all, another content
// type, a broken multipart) makes `request.formData()` throw a TypeError, which Remix answers
// with a 500: it is refused here in French instead, before anything is written.

export const UNREADABLE_FORM =
  "Le formulaire envoyé n'a pas pu être lu. Rechargez la page et envoyez-le à nouveau.";

/** The request's form; a 400 Response (thrown) when its body is not one. */
export async function readForm(request: Request): Promise<FormData> {
  try {
    return await request.formData();
  } catch {
    throw new Response(UNREADABLE_FORM, { status: 400, statusText: "Bad Request" });
  }
}

/** Whether the body's declared length already exceeds `maxBytes` (plus room for the form). */
export function declaredTooLarge(request: Request, maxBytes: number) {
  return Number(request.headers.get("Content-Length") ?? "0") > maxBytes + 64 * 1024;
}

/**
 * A multipart upload read in memory, each part `maxBytes` at most: the form, or why it was not
 * read — too large (by its declared length, before reading, or while reading) or unreadable.
 */
export async function readUpload(
  request: Request,
  maxBytes: number,
): Promise<FormData | "too-large" | "unreadable"> {
  if (declaredTooLarge(request, maxBytes)) return "too-large";
  try {
    return await unstable_parseMultipartFormData(
      request,
      unstable_createMemoryUploadHandler({ maxPartSize: maxBytes }),
    );
  } catch (error) {
    return error instanceof MaxPartSizeExceededError ? "too-large" : "unreadable";
  }
}

type Replying = {
  reply: (options: {
    fieldErrors?: Record<string, string[]>;
    formErrors?: string[];
  }) => SubmissionResult<string[]>;
};

/** The Conform reply of a model's refusal: on its field when it names one, else for the whole form. */
export function errorReply(submission: Replying, error: { message: string; field?: string }) {
  return error.field
    ? submission.reply({ fieldErrors: { [error.field]: [error.message] } })
    : submission.reply({ formErrors: [error.message] });
}

/**
 * A model's write for a valid submission, then its answer (a redirect): a refusal of `Refusal`
 * (the model's error class) is the form's 400 reply instead; any other error stays thrown.
 */
export async function saveOrReply<T>(
  submission: Replying,
  Refusal: new (...args: never[]) => { message: string; field?: string },
  save: () => Promise<T>,
) {
  try {
    return await save();
  } catch (error) {
    if (error instanceof Refusal) {
      return data({ result: errorReply(submission, error) }, { status: 400 });
    }
    throw error;
  }
}
