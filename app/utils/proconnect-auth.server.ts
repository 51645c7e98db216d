// The HTTP side of ProConnect (decision 027): the routes' answers for starting and finishing a
// sign-in, and for signing out of both Engagés and ProConnect. Refusals go back to the page the
// person came from (sign-in form or invitation) with a French message; the password form stays.
import { redirect } from "@remix-run/node";
import * as oidc from "openid-client";
import { Authenticator } from "remix-auth";
import { recordProConnectRefusal, signInWithProConnect } from "~/models/proconnect.server";
import { createUserSession } from "./auth.server";
import {
  PROCONNECT_MESSAGES,
  ProConnectError,
  proConnectConfiguration,
  proConnectSettings,
} from "./proconnect.server";
import {
  clearFlowCookie,
  flowReturnPath,
  hasFlowCookie,
  saveFlow,
  takeFlow,
} from "./proconnect-flow.server";
import { type FlowContext, ProConnectStrategy } from "./proconnect-strategy.server";
import { freshFlashCookie, redirectWithFlash } from "./session.server";
import { safeRedirect } from "./safe-redirect.server";
import { hashToken } from "./tokens.server";

type ProConnectSignIn = { userId: string; idToken: string; redirectTo: string | null };

/** Where the sign-in was asked from: an invitation link (`?invitation=`) or the sign-in form. */
function flowContextOf(request: Request): FlowContext {
  const url = new URL(request.url);
  const invitation = url.searchParams.get("invitation");
  if (invitation) {
    return {
      redirectTo: "/espace",
      invitationTokenHash: hashToken(invitation),
      back: `/invitation/${encodeURIComponent(invitation)}`,
    };
  }
  const asked = url.searchParams.get("redirectTo");
  const redirectTo = safeRedirect(asked, request);
  return {
    redirectTo,
    invitationTokenHash: null,
    back: asked ? `/login?${new URLSearchParams({ redirectTo })}` : "/login",
  };
}

const authenticator = new Authenticator<ProConnectSignIn>();
authenticator.use(
  new ProConnectStrategy<ProConnectSignIn>(
    { settings: () => proConnectSettings(), context: async (request) => flowContextOf(request) },
    async ({ profile, idToken, flow }) => {
      try {
        const userId = await signInWithProConnect(profile, flow.invitationTokenHash);
        return { userId, idToken, redirectTo: flow.redirectTo };
      } catch (error) {
        if (error instanceof ProConnectError) await recordProConnectRefusal(error.reason, profile);
        throw error;
      }
    },
  ),
  "proconnect",
);

const refusal = async (request: Request, to: string, message: string) =>
  redirectWithFlash(
    request,
    to,
    { kind: "error", message },
    {
      headers: { "Set-Cookie": await clearFlowCookie() },
    },
  );

/** GET /proconnect/connexion: off to the provider, or back with a message if it is down. */
export async function startProConnectSignIn(request: Request): Promise<Response> {
  try {
    await authenticator.authenticate("proconnect", request);
  } catch (error) {
    if (error instanceof Response) return error;
    if (error instanceof ProConnectError) {
      return redirectWithFlash(request, flowContextOf(request).back, {
        kind: "error",
        message: error.message,
      });
    }
    throw error;
  }
  throw new Error("Le départ vers ProConnect n'a pas redirigé.");
}

/** GET /proconnect/retour: the provider's answer, checked, then the account's session. */
export async function finishProConnectSignIn(request: Request): Promise<Response> {
  const back = await flowReturnPath(request);
  let signIn: ProConnectSignIn;
  try {
    signIn = await authenticator.authenticate("proconnect", request);
  } catch (error) {
    if (error instanceof Response) return error;
    if (!(error instanceof ProConnectError)) throw error;
    // Refusals of a known identity were recorded with it by the verify function; a request
    // without any flow cookie of ours is no sign-in of this browser: not worth an audit row
    // (anyone could fill the log with them).
    if (!isLinkRefusal(error) && (await hasFlowCookie(request))) {
      await recordProConnectRefusal(error.reason);
    }
    return refusal(request, back, error.message);
  }
  const response = await createUserSession(request, signIn.userId, signIn.redirectTo ?? "/espace", {
    proConnectIdToken: signIn.idToken,
  });
  response.headers.append("Set-Cookie", await clearFlowCookie());
  return response;
}

const LINK_REASONS = [
  "email_not_verified",
  "no_account_for_email",
  "account_has_other_identity",
  "identity_linked_elsewhere",
  "invitation_refused",
];
const isLinkRefusal = (error: ProConnectError) => LINK_REASONS.includes(error.reason);

/**
 * After the Engagés session has ended (`setCookie` ends it in the browser): to ProConnect's
 * end-of-session page with the ID token, which ends the ProConnect session and comes back to
 * /proconnect/deconnexion. When ProConnect is down, the person is told that only Engagés's
 * session ended.
 */
export async function endProConnectSession(idToken: string, setCookie: string): Promise<Response> {
  const settings = proConnectSettings();
  const headers = new Headers({ "Set-Cookie": setCookie });
  try {
    if (!settings) throw new ProConnectError(PROCONNECT_MESSAGES.unavailable, "not_configured");
    const config = await proConnectConfiguration(settings);
    const state = oidc.randomState();
    headers.append("Set-Cookie", await saveFlow({ kind: "LOGOUT", state }, "/"));
    const url = oidc.buildEndSessionUrl(config, {
      id_token_hint: idToken,
      state,
      post_logout_redirect_uri: settings.postLogoutRedirectUri,
    });
    return redirect(url.href, { headers });
  } catch (error) {
    if (!(error instanceof ProConnectError)) throw error;
    headers.append(
      "Set-Cookie",
      await freshFlashCookie({ kind: "info", message: SIGNED_OUT_OF_ENGAGES_ONLY }),
    );
    return redirect("/", { headers });
  }
}

export const SIGNED_OUT_OF_BOTH = "Vous êtes déconnecté(e) d'Engagés et de ProConnect.";
export const SIGNED_OUT_OF_ENGAGES_ONLY =
  "Vous êtes déconnecté(e) d'Engagés. ProConnect n'a pas pu être joint : fermez votre navigateur pour terminer aussi votre session ProConnect.";

/** GET /proconnect/deconnexion: back from ProConnect's end of session. */
export async function finishProConnectSignOut(request: Request): Promise<Response> {
  const flow = await takeFlow(request, "LOGOUT");
  const state = new URL(request.url).searchParams.get("state");
  const both = flow !== null && state === flow.state;
  return redirectWithFlash(
    request,
    "/",
    {
      kind: both ? "success" : "info",
      message: both ? SIGNED_OUT_OF_BOTH : "Vous êtes déconnecté(e) d'Engagés.",
    },
    { headers: { "Set-Cookie": await clearFlowCookie() } },
  );
}
