// « S'identifier avec ProConnect » (decision 027): a link, so the browser leaves with a GET (no
// form to post to another site). `?redirectTo=` as on /login, or `?invitation=` from an invitation.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireAnonymous } from "~/utils/auth.server";
import { startProConnectSignIn } from "~/utils/proconnect-auth.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  return startProConnectSignIn(request);
}
