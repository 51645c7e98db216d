// The redirect URI registered at ProConnect (decision 027): its answer is checked against the
// flow this browser started, then the linked account is signed in.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { finishProConnectSignIn } from "~/utils/proconnect-auth.server";

export async function loader({ request }: LoaderFunctionArgs) {
  return finishProConnectSignIn(request);
}
