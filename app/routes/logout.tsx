import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form } from "@remix-run/react";
import { PageHeader } from "~/components/page";
import { redirect } from "@remix-run/node";
import { endSession, requireUserId } from "~/utils/auth.server";
import { endProConnectSession } from "~/utils/proconnect-auth.server";
import { safeRedirect } from "~/utils/safe-redirect.server";

export const meta: MetaFunction = () => [{ title: "Se déconnecter — Engagés" }];

// Signing out changes state, so it is a POST; the GET page only asks for confirmation.
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserId(request);
  return null;
}

// A page may send `redirectTo` (the invitation page: sign out, then come back to accept it).
// Signing out never fails: without a readable form, it goes to the home page.
// After a ProConnect sign-in, the ProConnect session is ended too (its end-of-session page).
export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData().catch(() => null);
  const to = safeRedirect(form?.get("redirectTo"), request, "/");
  const { proConnectIdToken, setCookie } = await endSession(request);
  if (proConnectIdToken) return endProConnectSession(proConnectIdToken, setCookie);
  return redirect(to, { headers: { "Set-Cookie": setCookie } });
}

export default function LogoutPage() {
  return (
    <div className="mx-auto max-w-md">
      <PageHeader
        title="Se déconnecter"
        intro="Vous allez quitter votre session sur cet appareil."
      />
      <Form method="post">
        <button type="submit" className="btn-primary">
          Se déconnecter
        </button>
      </Form>
    </div>
  );
}
