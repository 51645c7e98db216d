import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form } from "@remix-run/react";
import { PageHeader } from "~/components/page";
import { logout, requireUserId } from "~/utils/auth.server";
import { safeRedirect } from "~/utils/safe-redirect.server";

export const meta: MetaFunction = () => [{ title: "Se déconnecter — Engagés" }];

// Signing out changes state, so it is a POST; the GET page only asks for confirmation.
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserId(request);
  return null;
}

// A page may send `redirectTo` (the invitation page: sign out, then come back to accept it).
// Signing out never fails: without a readable form, it goes to the home page.
export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData().catch(() => null);
  return logout(request, safeRedirect(form?.get("redirectTo"), request, "/"));
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
