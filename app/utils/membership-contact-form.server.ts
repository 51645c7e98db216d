// The "contact" intent of the animator's pages (members, meeting invitations) over HTTP: the
// form posted, the flash or the refusal answered. The rule itself is the model's
// (updateMembershipContact in models/club-members.server.ts).
import { data } from "@remix-run/node";
import type { ContactFormErrors } from "~/components/contact-form";
import { MembershipError, updateMembershipContact } from "~/models/club-members.server";
import { redirectWithFlash } from "~/utils/session.server";

/**
 * The "contact" intent of the animator's pages (members, meeting invitations): saves the contact,
 * then a redirect to `redirectTo` with a flash message; or the refusal for the form, with the
 * membership it concerns (400, or 404 for a membership of another club).
 */
export async function saveContactFromForm(
  request: Request,
  actorId: string,
  clubId: string,
  form: FormData,
  redirectTo: string,
) {
  const membershipId = String(form.get("membershipId") ?? "").slice(0, 64);
  try {
    const saved = await updateMembershipContact(actorId, clubId, membershipId, {
      contactEmail: form.get("contactEmail") ?? undefined,
      contactName: form.get("contactName") ?? undefined,
    });
    return redirectWithFlash(request, redirectTo, {
      kind: "success",
      message: saved.changed
        ? `Contact de ${saved.companyName} enregistré : ${saved.email}.`
        : `Le contact de ${saved.companyName} était déjà ${saved.email}.`,
    });
  } catch (error) {
    if (!(error instanceof MembershipError)) throw error;
    const field =
      error.field === "contactEmail" || error.field === "contactName" ? error.field : "form";
    return data(
      {
        intent: "contact" as const,
        membershipId,
        contactErrors: { [field]: [error.message] } as ContactFormErrors,
      },
      { status: error.status },
    );
  }
}
