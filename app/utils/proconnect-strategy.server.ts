// The remix-auth strategy of ProConnect (decision 027), on openid-client: authorization code flow
// with state, nonce and PKCE kept on the server (proconnect-flow.server.ts), the ID token checked
// (signature, issuer, audience, expiry, nonce) and the userinfo answer required as a JWT signed
// by the provider. Linking the identity to an account is the verify function's job.
import { redirect } from "@remix-run/node";
import * as oidc from "openid-client";
import { Strategy } from "remix-auth/strategy";
import {
  PROCONNECT_MESSAGES,
  PROCONNECT_SCOPES,
  ProConnectError,
  type ProConnectSettings,
  describe,
  proConnectConfiguration,
} from "./proconnect.server";
import { type StoredFlow, saveFlow, takeFlow } from "./proconnect-flow.server";

/** Who ProConnect says the person is: its signed userinfo, read. */
export type ProConnectProfile = {
  sub: string;
  email: string;
  /** False only when the provider says so (ProConnect's addresses are verified by the FI). */
  emailVerified: boolean;
  givenName: string;
  usualName: string;
  uid: string | null;
  siret: string | null;
  idpId: string | null;
  acr: string | null;
};

export type ProConnectVerifyParams = {
  profile: ProConnectProfile;
  idToken: string;
  flow: NonNullable<StoredFlow>;
};

/** What the sign-in start keeps with the flow: where to go after, and the invitation, if any. */
export type FlowContext = {
  redirectTo: string | null;
  invitationTokenHash: string | null;
  /** The page a failure is told on. */
  back: string;
};

const text = (value: unknown) => (typeof value === "string" && value.trim() ? value.trim() : null);

function readProfile(claims: oidc.UserInfoResponse, acr: unknown): ProConnectProfile {
  const email = text(claims.email);
  if (!email) throw new ProConnectError(PROCONNECT_MESSAGES.unverified, "userinfo_without_email");
  return {
    sub: claims.sub,
    email: email.toLowerCase(),
    emailVerified: claims.email_verified !== false,
    givenName: text(claims.given_name) ?? "",
    usualName: text(claims.usual_name) ?? text(claims.family_name) ?? "",
    uid: text(claims.uid),
    siret: text(claims.siret),
    idpId: text(claims.idp_id),
    acr: text(acr),
  };
}

/** The French message and audit reason of a failed callback. */
function refusalOf(error: unknown): ProConnectError {
  if (error instanceof ProConnectError) return error;
  const detail = describe(error);
  if (error instanceof oidc.AuthorizationResponseError) {
    const cancelled = error.error === "access_denied" || error.error === "login_required";
    return new ProConnectError(
      cancelled ? PROCONNECT_MESSAGES.cancelled : PROCONNECT_MESSAGES.unverified,
      `authorization_error: ${detail}`,
    );
  }
  if (error instanceof oidc.ResponseBodyError && error.error === "invalid_grant") {
    return new ProConnectError(PROCONNECT_MESSAGES.expired, `code_refused: ${detail}`);
  }
  const code = (error as { code?: string }).code;
  if (code === "OAUTH_INVALID_RESPONSE" && /state/i.test(detail)) {
    return new ProConnectError(PROCONNECT_MESSAGES.mismatch, `state_mismatch: ${detail}`);
  }
  if (error instanceof TypeError || (error as Error).name === "TimeoutError") {
    return new ProConnectError(PROCONNECT_MESSAGES.unavailable, `provider_unavailable: ${detail}`);
  }
  return new ProConnectError(PROCONNECT_MESSAGES.unverified, `token_refused: ${detail}`);
}

export class ProConnectStrategy<User> extends Strategy<User, ProConnectVerifyParams> {
  name = "proconnect";

  constructor(
    private readonly options: {
      settings: () => ProConnectSettings | null;
      context: (request: Request) => Promise<FlowContext>;
    },
    verify: Strategy.VerifyFunction<User, ProConnectVerifyParams>,
  ) {
    super(verify);
  }

  /**
   * On the redirect URI: finishes the sign-in and returns the verify function's user. Anywhere
   * else: starts it, throwing the redirect to the provider (with the flow's cookie).
   */
  async authenticate(request: Request): Promise<User> {
    const settings = this.options.settings();
    if (!settings) throw new Response("ProConnect n'est pas configuré.", { status: 404 });
    const url = new URL(request.url);
    if (url.pathname === new URL(settings.redirectUri).pathname) {
      return this.finish(request, settings);
    }
    throw await this.start(request, settings);
  }

  private async start(request: Request, settings: ProConnectSettings) {
    const config = await proConnectConfiguration(settings, true);
    const codeVerifier = oidc.randomPKCECodeVerifier();
    // ProConnect asks for 32 characters at least: 43 here.
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const { back, ...context } = await this.options.context(request);
    const cookie = await saveFlow({ kind: "LOGIN", state, nonce, codeVerifier, ...context }, back);
    const authorizationUrl = oidc.buildAuthorizationUrl(config, {
      redirect_uri: settings.redirectUri,
      scope: PROCONNECT_SCOPES,
      state,
      nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: "S256",
    });
    return redirect(authorizationUrl.href, { headers: { "Set-Cookie": cookie } });
  }

  private async finish(request: Request, settings: ProConnectSettings) {
    const flow = await takeFlow(request, "LOGIN");
    if (!flow?.nonce || !flow.codeVerifier) {
      throw new ProConnectError(PROCONNECT_MESSAGES.expired, "flow_missing_or_expired");
    }
    let params: ProConnectVerifyParams;
    try {
      const config = await proConnectConfiguration(settings);
      // The registered redirect URI with the provider's answer: the server may see another host.
      const currentUrl = new URL(settings.redirectUri);
      currentUrl.search = new URL(request.url).search;
      const tokens = await oidc.authorizationCodeGrant(config, currentUrl, {
        pkceCodeVerifier: flow.codeVerifier,
        expectedState: flow.state,
        expectedNonce: flow.nonce,
        idTokenExpected: true,
      });
      const idClaims = tokens.claims();
      if (!idClaims || !tokens.id_token) {
        throw new ProConnectError(PROCONNECT_MESSAGES.unverified, "no_id_token");
      }
      const userinfo = await oidc.fetchUserInfo(config, tokens.access_token, idClaims.sub);
      params = { profile: readProfile(userinfo, idClaims.acr), idToken: tokens.id_token, flow };
    } catch (error) {
      throw refusalOf(error);
    }
    return this.verify(params);
  }
}
