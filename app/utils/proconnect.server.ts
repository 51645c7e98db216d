// ProConnect, the State's identity federation for agents (decision 027): its settings, the
// OpenID Connect client configuration discovered from the provider, and the French messages of
// its failures. The flow itself is the remix-auth strategy in proconnect-strategy.server.ts.
import * as oidc from "openid-client";
import { env } from "./env.server";

/**
 * ProConnect's mandatory claims (`given_name`, `usual_name`, `email`, `uid`, `siret`) plus
 * `idp_id`, which names the identity provider the person used. Each claim is its own scope.
 */
export const PROCONNECT_SCOPES = "openid email given_name usual_name uid siret idp_id";

/** How long a started sign-in or sign-out may take before its state is forgotten. */
export const PROCONNECT_FLOW_TTL_MS = 10 * 60 * 1000;

/** Discovery, token and userinfo requests to the provider are abandoned after this. */
const PROVIDER_TIMEOUT_S = 5;

const WELL_KNOWN = "/.well-known/openid-configuration";

export type ProConnectSettings = {
  /** The issuer, the discovery URL without its well-known suffix (checked against the document). */
  issuer: URL;
  clientId: string;
  clientSecret: string;
  signingAlg: "RS256" | "ES256";
  redirectUri: string;
  postLogoutRedirectUri: string;
};

/** ProConnect's settings, or null when it is not configured (the button is then not shown). */
export function proConnectSettings(source = env): ProConnectSettings | null {
  const { PROCONNECT_DISCOVERY_URL: discoveryUrl, PROCONNECT_CLIENT_ID: clientId } = source;
  const clientSecret = source.PROCONNECT_CLIENT_SECRET;
  if (!discoveryUrl || !clientId || !clientSecret) return null;
  const issuer = new URL(discoveryUrl);
  if (issuer.pathname.endsWith(WELL_KNOWN)) {
    issuer.pathname = issuer.pathname.slice(0, -WELL_KNOWN.length);
  }
  return {
    issuer,
    clientId,
    clientSecret,
    signingAlg: source.PROCONNECT_SIGNING_ALG,
    redirectUri: source.PROCONNECT_REDIRECT_URI ?? `${source.APP_URL}/proconnect/retour`,
    postLogoutRedirectUri:
      source.PROCONNECT_POST_LOGOUT_REDIRECT_URI ?? `${source.APP_URL}/proconnect/deconnexion`,
  };
}

export const isProConnectEnabled = () => proConnectSettings() !== null;

/** A refused ProConnect sign-in: a message for the person, a reason for the audit log. */
export class ProConnectError extends Error {
  constructor(
    message: string,
    readonly reason: string,
  ) {
    super(message);
  }
}

export const PROCONNECT_MESSAGES = {
  unavailable:
    "ProConnect ne répond pas pour le moment. Réessayez dans quelques minutes, ou connectez-vous avec votre adresse e-mail et votre mot de passe.",
  expired:
    "Cette connexion ProConnect a expiré ou a déjà servi. Cliquez de nouveau sur « S'identifier avec ProConnect ».",
  mismatch:
    "La réponse de ProConnect ne correspond pas à la connexion demandée depuis ce navigateur. Cliquez de nouveau sur « S'identifier avec ProConnect ».",
  unverified:
    "La réponse de ProConnect n'a pas pu être vérifiée : vous n'êtes pas connecté(e). Réessayez, ou connectez-vous avec votre adresse e-mail et votre mot de passe.",
  cancelled: "La connexion avec ProConnect a été annulée.",
} as const;

const isLoopback = (url: URL) => ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);

// One discovery per sign-in start (a provider that is down is told at once, before the browser
// leaves); the callback reuses the last one of this process, or discovers again.
let lastConfiguration: { key: string; config: oidc.Configuration } | null = null;

/** The client configuration from the provider's discovery document (fresh: fetch it again). */
export async function proConnectConfiguration(settings: ProConnectSettings, fresh = false) {
  const key = `${settings.issuer.href} ${settings.clientId} ${settings.signingAlg}`;
  if (!fresh && lastConfiguration?.key === key) return lastConfiguration.config;
  let config: oidc.Configuration;
  try {
    config = await oidc.discovery(
      settings.issuer,
      settings.clientId,
      {
        client_secret: settings.clientSecret,
        id_token_signed_response_alg: settings.signingAlg,
        // ProConnect answers userinfo as a JWT signed with this algorithm: anything else is refused.
        userinfo_signed_response_alg: settings.signingAlg,
      },
      oidc.ClientSecretPost(settings.clientSecret),
      {
        timeout: PROVIDER_TIMEOUT_S,
        execute: [
          // Signatures of the ID token and of the userinfo JWT are checked against the provider's
          // keys (openid-client trusts the TLS channel for them unless told otherwise).
          oidc.enableNonRepudiationChecks,
          // Plain HTTP only for a provider on this machine (the tests' local provider).
          ...(isLoopback(settings.issuer) ? [oidc.allowInsecureRequests] : []),
        ],
      },
    );
  } catch (error) {
    throw new ProConnectError(
      PROCONNECT_MESSAGES.unavailable,
      `provider_unavailable: ${describe(error)}`,
    );
  }
  if (!config.serverMetadata().end_session_endpoint) {
    throw new ProConnectError(PROCONNECT_MESSAGES.unavailable, "provider_without_end_session");
  }
  lastConfiguration = { key, config };
  return config;
}

/**
 * A short technical description of an error, for the audit log: openid-client's code and message,
 * the messages of its causes, and the claim that failed a check (nonce, exp…).
 */
export function describe(error: unknown) {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current; depth++) {
    if (current instanceof Error) {
      const { code, error: oauthError } = current as { code?: string; error?: string };
      parts.push(...[code, oauthError, current.message].filter((p): p is string => Boolean(p)));
      current = current.cause;
    } else {
      const claim = (current as { claim?: unknown }).claim;
      if (typeof claim === "string") parts.push(`claim ${claim}`);
      break;
    }
  }
  return [...new Set(parts)].join(" | ").slice(0, 400);
}
