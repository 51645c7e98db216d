// The post-logout redirect URI registered at ProConnect (decision 027): back from its end of
// session, the `state` says whether it was the sign-out this browser asked for.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { finishProConnectSignOut } from "~/utils/proconnect-auth.server";

export async function loader({ request }: LoaderFunctionArgs) {
  return finishProConnectSignOut(request);
}
