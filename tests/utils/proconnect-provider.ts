// A real OpenID provider (oidc-provider) with ProConnect's shapes, for the tests of the ProConnect
// sign-in (decision 027): discovery, authorization code flow with PKCE, client_secret_post, ID
// token and userinfo signed RS256 (userinfo as a JWT), ProConnect's claims (given_name,
// usual_name, uid, siret, idp_id) each behind its own scope, `acr`, and an end_session_endpoint
// taking id_token_hint, state and post_logout_redirect_uri. Its login page asks for an e-mail
// among the accounts the test gave it. `tamper` makes it answer as a faulty or forged provider.
import http from "node:http";
import type { AddressInfo } from "node:net";
import * as jose from "jose";
import Provider, { type KoaContextWithOIDC } from "oidc-provider";

export type TestIdentity = {
  sub: string;
  email: string;
  given_name: string;
  usual_name: string;
  siret: string;
  uid?: string;
  idp_id?: string;
  /** ProConnect's federated providers vouch for the address; a test may say otherwise. */
  email_verified?: boolean;
};

export type Tamper = {
  /** The ID token: expired, signed with a key that is not the provider's, or another nonce. */
  idToken: null | "expired" | "foreign-key" | "other-nonce";
  /** The userinfo answer: signed with a foreign key, or plain JSON instead of a signed JWT. */
  userinfo: null | "foreign-key" | "unsigned";
};

export type TestProConnect = {
  issuer: string;
  discoveryUrl: string;
  clientId: string;
  clientSecret: string;
  identities: Map<string, TestIdentity>;
  tamper: Tamper;
  close: () => Promise<void>;
};

const KID = "proconnect-test";

const page = (title: string, body: string) => `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>${title}</title></head>
<body><main><h1>${title}</h1>${body}</main></body></html>`;

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

async function readForm(req: http.IncomingMessage) {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
}

/** Starts the provider on `port` (0: any free port) for a client of the app at `appUrl`. */
export async function startTestProConnect(options: {
  appUrl: string;
  port?: number;
}): Promise<TestProConnect> {
  const clientId = "engages-test";
  const clientSecret = "un-secret-de-client-proconnect-de-test";
  const { privateKey } = await jose.generateKeyPair("RS256", { extractable: true });
  const signingJwk = { ...(await jose.exportJWK(privateKey)), kid: KID, alg: "RS256", use: "sig" };
  // A key the provider does not publish: what a forger would sign with.
  const foreign = (await jose.generateKeyPair("RS256", { extractable: true })).privateKey;
  const identities = new Map<string, TestIdentity>();
  const tamper: Tamper = { idToken: null, userinfo: null };

  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const issuer = `http://localhost:${(server.address() as AddressInfo).port}`;

  const provider: Provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [`${options.appUrl}/proconnect/retour`],
        post_logout_redirect_uris: [`${options.appUrl}/proconnect/deconnexion`],
        token_endpoint_auth_method: "client_secret_post",
        id_token_signed_response_alg: "RS256",
        userinfo_signed_response_alg: "RS256",
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    jwks: { keys: [signingJwk] },
    // Each of ProConnect's claims is requested by a scope of its name.
    claims: {
      openid: ["sub"],
      email: ["email", "email_verified"],
      given_name: ["given_name"],
      usual_name: ["usual_name"],
      uid: ["uid"],
      siret: ["siret"],
      idp_id: ["idp_id"],
    },
    acrValues: ["eidas1"],
    // ProConnect's lifetimes: a code for 30 s, an access token for 60 s, a session for 12 h.
    ttl: {
      AuthorizationCode: 30,
      AccessToken: 60,
      IdToken: 3600,
      Interaction: 600,
      Grant: 43_200,
      Session: 43_200,
    },
    pkce: { required: () => true },
    features: {
      devInteractions: { enabled: false },
      jwtUserinfo: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        // ProConnect ends its session without asking: the form posts itself.
        logoutSource: async (ctx: KoaContextWithOIDC, form: string) => {
          ctx.body = page(
            "Déconnexion de ProConnect",
            `${form.replace("</form>", '<input type="hidden" name="logout" value="yes"></form>')}
            <button type="submit" form="op.logoutForm">Se déconnecter de ProConnect</button>
            <script>document.getElementById("op.logoutForm").submit()</script>`,
          );
        },
      },
    },
    cookies: { keys: ["cle-des-cookies-du-fournisseur-de-test"] },
    findAccount: async (_ctx, sub) => {
      const identity = identities.get(sub);
      if (!identity) return undefined;
      return {
        accountId: sub,
        claims: async () => ({
          uid: sub,
          idp_id: "fi-test",
          email_verified: true,
          ...identity,
        }),
      };
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    // No consent screen: the client may have every scope it asks for.
    loadExistingGrant: async (ctx) => {
      const { client, session, params } = ctx.oidc;
      if (!client || !session?.accountId) return undefined;
      const grant = new ctx.oidc.provider.Grant({
        clientId: client.clientId,
        accountId: session.accountId,
      });
      grant.addOIDCScope(String(params?.scope ?? "openid"));
      await grant.save();
      return grant;
    },
  });

  // The login page, and the tampering of answers on their way out.
  provider.use(async (ctx, next) => {
    const interaction = /^\/interaction\/([\w-]+)$/.exec(ctx.path);
    if (interaction && ctx.method === "GET") {
      await provider.interactionDetails(ctx.req, ctx.res);
      ctx.type = "html";
      ctx.body = page(
        "ProConnect (fournisseur de test)",
        `<form method="post" action="${ctx.path}">
          <label for="email">Adresse e-mail professionnelle</label>
          <input id="email" name="email" type="email" autocomplete="email" required>
          <button type="submit">Continuer</button>
        </form>`,
      );
      return;
    }
    if (interaction && ctx.method === "POST") {
      await provider.interactionDetails(ctx.req, ctx.res);
      const email = (await readForm(ctx.req)).get("email") ?? "";
      const identity = [...identities.values()].find((i) => i.email === email);
      if (!identity) {
        ctx.type = "html";
        ctx.status = 400;
        ctx.body = page("Identifiant inconnu", `<p>${escapeHtml(email)} n'a pas de compte.</p>`);
        return;
      }
      const to = await provider.interactionResult(ctx.req, ctx.res, {
        login: { accountId: identity.sub, acr: "eidas1", amr: ["pwd"] },
      });
      ctx.redirect(to);
      return;
    }
    await next();
    if (ctx.path === "/token" && tamper.idToken && ctx.body && typeof ctx.body === "object") {
      const body = ctx.body as { id_token?: string };
      if (body.id_token) body.id_token = await forge(body.id_token, tamper.idToken);
    }
    if (ctx.path === "/me" && tamper.userinfo && typeof ctx.body === "string") {
      const claims = jose.decodeJwt(ctx.body);
      if (tamper.userinfo === "unsigned") {
        ctx.type = "application/json";
        ctx.body = JSON.stringify(claims);
      } else {
        ctx.body = await sign(claims, foreign);
      }
    }
  });

  const sign = (claims: jose.JWTPayload, key: CryptoKey) =>
    new jose.SignJWT(claims).setProtectedHeader({ alg: "RS256", kid: KID }).sign(key);

  async function forge(idToken: string, how: NonNullable<Tamper["idToken"]>) {
    const claims = jose.decodeJwt(idToken);
    const now = Math.floor(Date.now() / 1000);
    if (how === "expired") return sign({ ...claims, iat: now - 7200, exp: now - 3600 }, privateKey);
    if (how === "other-nonce") return sign({ ...claims, nonce: "un-autre-nonce" }, privateKey);
    return sign(claims, foreign);
  }

  server.on("request", provider.callback());
  return {
    issuer,
    discoveryUrl: `${issuer}/.well-known/openid-configuration`,
    clientId,
    clientSecret,
    identities,
    tamper,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
