// The end of every invitation form's action over HTTP: the refusal for the form or the redirect
// with its flash. The rule itself is the model's (inviteUser in models/invitation.server.ts).
import type { SubmissionResult } from "@conform-to/react";
import { data } from "@remix-run/node";
import { InvitationError, inviteUser, type InvitationInput } from "~/models/invitation.server";
import type { CurrentUser } from "~/utils/permissions.server";
import { QuotaExceeded, refusalStatus } from "~/utils/quotas.server";
import { redirectWithFlash } from "~/utils/session.server";

/**
 * The end of every invitation form's action: invite, then a redirect with a flash message, or
 * the form again with the refusal as a French form error (400).
 */
export async function inviteAndRedirect(
  request: Request,
  inviter: CurrentUser,
  submission: { reply: (options?: { formErrors?: string[] }) => SubmissionResult<string[]> },
  input: InvitationInput,
  redirectTo: string,
) {
  try {
    await inviteUser(inviter, input);
  } catch (error) {
    if (error instanceof InvitationError || error instanceof QuotaExceeded) {
      return data(
        { result: submission.reply({ formErrors: [error.message] }) },
        { status: refusalStatus(error) },
      );
    }
    throw error;
  }
  return redirectWithFlash(request, redirectTo, {
    kind: "success",
    message: `Invitation envoyée à ${input.email.trim().toLowerCase()}.`,
  });
}
