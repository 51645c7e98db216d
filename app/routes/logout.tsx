import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form } from "@remix-run/react";
import { PageHeader } from "~/components/page";
import { logout, requireUserId } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Se déconnecter — Engagés" }];

// Signing out changes state, so it is a POST; the GET page only asks for confirmation.
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserId(request);
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  return logout(request);
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
