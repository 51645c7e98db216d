// ProConnect sign-in (issue 16, points 1 and 2; decision 027) against a real OpenID provider
// started here (tests/utils/proconnect-provider.ts): the routes' loaders are called as Remix
// would, the provider over HTTP, cookies kept on both sides as a browser would.
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { grantRole, insertClub, insertUser } from "../prisma/factories";
import { recordInvitation } from "~/models/invitation.server";
import * as login from "~/routes/login";
import * as logoutRoute from "~/routes/logout";
import * as start from "~/routes/proconnect.connexion";
import * as signOutReturn from "~/routes/proconnect.deconnexion";
import * as signInReturn from "~/routes/proconnect.retour";
import { getUserId } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { hashPassword } from "~/utils/password.server";
import { PROCONNECT_MESSAGES } from "~/utils/proconnect.server";
import { SIGNED_OUT_OF_BOTH } from "~/utils/proconnect-auth.server";
import { PROCONNECT_LINK_MESSAGES } from "~/models/proconnect.server";
import { readFlash } from "~/utils/session.server";
import { startTestProConnect, type TestProConnect } from "./utils/proconnect-provider";
import { TEST_ORIGIN, callAs, routeOutcome } from "./utils/session";
import * as adminInvitations from "~/routes/admin.invitations";
import * as invitationRoute from "~/routes/invitation.$token";
import { AGENTS_USE_PROCONNECT } from "~/models/agent-sign-in.server";

let provider: TestProConnect;
const SIRET = "13002526500013";

beforeAll(async () => {
  provider = await startTestProConnect({ appUrl: env.APP_URL });
  configure(provider.discoveryUrl);
});
afterAll(() => provider.close());
beforeEach(() => {
  provider.tamper.idToken = null;
  provider.tamper.userinfo = null;
});

function configure(discoveryUrl: string | undefined) {
  Object.assign(env, {
    PROCONNECT_DISCOVERY_URL: discoveryUrl,
    PROCONNECT_CLIENT_ID: discoveryUrl ? provider.clientId : undefined,
    PROCONNECT_CLIENT_SECRET: discoveryUrl ? provider.clientSecret : undefined,
  });
}

/** One browser: cookies of the app and of the provider, redirects followed by hand. */
class Browser {
  app = new Map<string, string>();
  op = new Map<string, string>();

  private keep(jar: Map<string, string>, setCookies: string[]) {
    for (const line of setCookies) {
      const [pair] = line.split(";");
      const at = pair.indexOf("=");
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(line) || value === "") jar.delete(name);
      else jar.set(name, value);
    }
  }

  private header(jar: Map<string, string>) {
    return [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  /** A GET or POST to the app, through the route's loader or action. */
  async toApp(url: string, form?: Record<string, string>) {
    const path = new URL(url, TEST_ORIGIN).pathname;
    const routes: Record<string, { loader?: unknown; action?: unknown }> = {
      "/proconnect/connexion": start,
      "/proconnect/retour": signInReturn,
      "/proconnect/deconnexion": signOutReturn,
      "/logout": logoutRoute,
      "/login": login,
    };
    const route = path.startsWith("/invitation/") ? invitationRoute : routes[path];
    if (!route) throw new Error(`Route inattendue : ${path}`);
    const headers = new Headers({ Cookie: this.header(this.app) });
    if (form) headers.set("Content-Type", "application/x-www-form-urlencoded");
    const request = new Request(new URL(url, TEST_ORIGIN), {
      method: form ? "POST" : "GET",
      headers,
      body: form ? new URLSearchParams(form).toString() : undefined,
    });
    const fn = (form ? route.action : route.loader) as Parameters<typeof routeOutcome>[0];
    const token = path.startsWith("/invitation/") ? path.split("/")[2] : undefined;
    const outcome = await routeOutcome(fn, request, token ? { token } : {});
    if (outcome.response) this.keep(this.app, outcome.response.headers.getSetCookie());
    return outcome;
  }

  /** A request to the provider, cookies kept. */
  async toProvider(url: string, form?: URLSearchParams) {
    const response = await fetch(url, {
      method: form ? "POST" : "GET",
      headers: {
        cookie: this.header(this.op),
        ...(form ? { "content-type": "application/x-www-form-urlencoded" } : {}),
      },
      body: form,
      redirect: "manual",
    });
    this.keep(this.op, response.headers.getSetCookie());
    return response;
  }

  /** At the provider, signs in as `email`: returns the app URL it sends the browser back to. */
  async atProvider(authorizeUrl: string, email: string) {
    let url = authorizeUrl;
    for (let hop = 0; hop < 10; hop++) {
      if (url.startsWith(env.APP_URL)) return url;
      const response = await this.toProvider(url);
      if (response.status === 200) {
        const page = await response.text();
        const action = /<form method="post" action="([^"]+)"/.exec(page)?.[1];
        if (!action) throw new Error(`Page inattendue du fournisseur :\n${page}`);
        const posted = await this.toProvider(
          new URL(action, url).href,
          new URLSearchParams({ email }),
        );
        url = new URL(posted.headers.get("location")!, url).href;
        continue;
      }
      const location = response.headers.get("location");
      if (!location) throw new Error(`Réponse ${response.status} du fournisseur sans redirection`);
      url = new URL(location, url).href;
    }
    throw new Error("Trop de redirections chez le fournisseur");
  }

  /** From the app's start link to the provider's answer (not yet given to the app). */
  async signInAt(startPath: string, email: string) {
    const started = await this.toApp(startPath);
    expect(started.status).toBe(302);
    const location = started.response!.headers.get("location")!;
    expect(location.startsWith(provider.issuer)).toBe(true);
    return this.atProvider(location, email);
  }

  async userId() {
    return getUserId(new Request(TEST_ORIGIN, { headers: { Cookie: this.header(this.app) } }));
  }

  async flash() {
    const request = new Request(TEST_ORIGIN, { headers: { Cookie: this.header(this.app) } });
    return (await readFlash(request)).flash;
  }
}

let sequence = 0;
function identity(overrides: Partial<Parameters<TestProConnect["identities"]["set"]>[1]> = {}) {
  sequence++;
  const person = {
    sub: `sub-${sequence}-${Math.random().toString(36).slice(2)}`,
    email: `agent-${sequence}@prefecture.gouv.test`,
    given_name: "Camille",
    usual_name: "Durand",
    siret: SIRET,
    ...overrides,
  };
  provider.identities.set(person.sub, person);
  return person;
}

async function admin() {
  const user = await insertUser(prisma, { email: `admin-${++sequence}@exemple.test` });
  await grantRole(prisma, user.id, { role: "ADMIN" });
  return user;
}

async function invitePrefectureAgent(email: string) {
  const inviter = await admin();
  const { acceptUrl } = await prisma.$transaction((tx) =>
    recordInvitation(
      tx,
      { email, name: "Camille Durand", role: "PREFECTURE", departementCode: "62" },
      { inviterId: inviter.id, actorId: inviter.id },
    ),
  );
  return acceptUrl.split("/invitation/")[1];
}

/** What a refused sign-in must not have written. */
async function writes() {
  const [users, identities, roles, sessions] = await Promise.all([
    prisma.user.count(),
    prisma.proConnectIdentity.count(),
    prisma.roleAssignment.count(),
    prisma.session.count(),
  ]);
  return { users, identities, roles, sessions };
}

const refusalsSince = (since: Date) =>
  prisma.auditLog.findMany({
    where: { action: "PROCONNECT_REFUSED", createdAt: { gte: since } },
    select: { after: true },
  });

describe("ProConnect: invitation, then sign-ins, then sign-out of both", () => {
  test("a person invited as a prefecture agent links ProConnect, signs in again, and signs out of both", async () => {
    const person = identity();
    const token = await invitePrefectureAgent(person.email);

    // First link, from the invitation link.
    const browser = new Browser();
    const back = await browser.signInAt(`/proconnect/connexion?invitation=${token}`, person.email);
    const done = await browser.toApp(back);
    expect(done.status).toBe(302);
    expect(done.response!.headers.get("location")).toBe("/espace");
    const userId = await browser.userId();
    expect(userId).not.toBeNull();

    const user = await prisma.user.findUniqueOrThrow({
      where: { id: userId! },
      include: { roles: true, proConnect: true },
    });
    expect(user.email).toBe(person.email);
    expect(user.name).toBe("Camille Durand");
    expect(user.passwordHash).toBeNull();
    expect(user.roles).toEqual([
      expect.objectContaining({ role: "PREFECTURE", departementCode: "62" }),
    ]);
    expect(user.proConnect).toMatchObject({ sub: person.sub, siret: SIRET, idpId: "fi-test" });
    const linked = await prisma.auditLog.findFirstOrThrow({
      where: { action: "PROCONNECT_LINK", entityId: userId! },
    });
    expect(JSON.parse(linked.after!)).toMatchObject({ sub: person.sub, via: "invitation" });
    const invitation = await prisma.invitation.findFirstOrThrow({ where: { email: person.email } });
    expect(invitation.acceptedAt).not.toBeNull();

    // The session remembers the ID token, for the sign-out.
    const session = await prisma.session.findFirstOrThrow({ where: { userId: userId! } });
    expect(session.proConnectIdToken).toMatch(/^ey/);

    // Sign-out of both: Engagés's session ends, then ProConnect's end-of-session page.
    const out = await browser.toApp("/logout", {});
    expect(out.status).toBe(302);
    const endSession = new URL(out.response!.headers.get("location")!);
    expect(endSession.origin).toBe(provider.issuer);
    expect(endSession.searchParams.get("id_token_hint")).toBe(session.proConnectIdToken);
    expect(endSession.searchParams.get("post_logout_redirect_uri")).toBe(
      `${env.APP_URL}/proconnect/deconnexion`,
    );
    expect(endSession.searchParams.get("state")!.length).toBeGreaterThanOrEqual(32);
    expect(await browser.userId()).toBeNull();
    expect(await prisma.session.count({ where: { userId: userId! } })).toBe(0);

    const logoutPage = await browser.toProvider(endSession.href);
    const html = await logoutPage.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(html)![1];
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(html)![1];
    const confirmed = await browser.toProvider(
      new URL(action, provider.issuer).href,
      new URLSearchParams({ xsrf, logout: "yes" }),
    );
    const backHome = new URL(confirmed.headers.get("location")!);
    expect(backHome.pathname).toBe("/proconnect/deconnexion");
    expect(backHome.searchParams.get("state")).toBe(endSession.searchParams.get("state"));
    const home = await browser.toApp(backHome.href);
    expect(home.response!.headers.get("location")).toBe("/");
    expect(await browser.flash()).toEqual({ kind: "success", message: SIGNED_OUT_OF_BOTH });

    // A later sign-in from the sign-in page: the same account, its role untouched.
    const later = new Browser();
    const again = await later.signInAt(
      "/proconnect/connexion?redirectTo=/prefecture/62",
      person.email,
    );
    const signedIn = await later.toApp(again);
    expect(signedIn.response!.headers.get("location")).toBe("/prefecture/62");
    expect(await later.userId()).toBe(userId);
    expect(await prisma.roleAssignment.count({ where: { userId: userId! } })).toBe(1);
    expect(
      await prisma.auditLog.count({ where: { action: "PROCONNECT_SIGN_IN", entityId: userId! } }),
    ).toBe(1);
  });

  test("an existing account is linked by the exact address ProConnect verified, without any new role", async () => {
    const person = identity();
    const user = await insertUser(prisma, {
      email: person.email,
      passwordHash: await hashPassword("un-mot-de-passe-tres-solide"),
    });
    await grantRole(prisma, user.id, { role: "PREFECTURE", departementCode: "62" });
    const browser = new Browser();
    await browser.toApp(await browser.signInAt("/proconnect/connexion", person.email));
    expect(await browser.userId()).toBe(user.id);
    const link = await prisma.auditLog.findFirstOrThrow({
      where: { action: "PROCONNECT_LINK", entityId: user.id },
    });
    expect(JSON.parse(link.after!)).toMatchObject({ via: "email", siret: SIRET });
    expect(await prisma.roleAssignment.count({ where: { userId: user.id } })).toBe(1);
  });
});

describe("ProConnect refusals: a clear French message, nothing written but the audit entry", () => {
  async function expectRefused(
    browser: Browser,
    callbackUrl: string,
    message: string,
    reason: RegExp,
    back = "/login",
  ) {
    const since = new Date();
    const before = await writes();
    const outcome = await browser.toApp(callbackUrl);
    expect(outcome.status).toBe(302);
    expect(outcome.response!.headers.get("location")).toBe(back);
    expect(await browser.flash()).toEqual({ kind: "error", message });
    expect(await writes()).toEqual(before);
    expect(await browser.userId()).toBeNull();
    const refusals = await refusalsSince(since);
    expect(refusals).toHaveLength(1);
    expect(JSON.parse(refusals[0].after!).reason).toMatch(reason);
  }

  test("an unknown address gets no account: access is by invitation", async () => {
    const person = identity();
    const browser = new Browser();
    const back = await browser.signInAt("/proconnect/connexion", person.email);
    await expectRefused(
      browser,
      back,
      PROCONNECT_LINK_MESSAGES.noAccount(person.email),
      /no_account_for_email/,
    );
  });

  test("an address the provider says is unverified links nothing", async () => {
    const person = identity({ email_verified: false });
    await insertUser(prisma, { email: person.email, passwordHash: "x" });
    const browser = new Browser();
    const back = await browser.signInAt("/proconnect/connexion", person.email);
    await expectRefused(
      browser,
      back,
      PROCONNECT_LINK_MESSAGES.unverifiedEmail(person.email),
      /email_not_verified/,
    );
  });

  test("a wrong state is refused", async () => {
    const person = identity();
    const browser = new Browser();
    const back = new URL(await browser.signInAt("/proconnect/connexion", person.email));
    back.searchParams.set("state", "x".repeat(43));
    await expectRefused(browser, back.href, PROCONNECT_MESSAGES.mismatch, /state/);
  });

  test("a sign-in cancelled at the provider is said so", async () => {
    const browser = new Browser();
    const started = await browser.toApp("/proconnect/connexion");
    const state = new URL(started.response!.headers.get("location")!).searchParams.get("state")!;
    const cancelled = new URL(`${env.APP_URL}/proconnect/retour`);
    cancelled.search = new URLSearchParams({
      error: "access_denied",
      state,
      iss: provider.issuer,
    }).toString();
    await expectRefused(browser, cancelled.href, PROCONNECT_MESSAGES.cancelled, /access_denied/);
  });

  test("an answer without this browser's flow (another browser, or none) is refused", async () => {
    const person = identity();
    const back = await new Browser().signInAt("/proconnect/connexion", person.email);
    // Given to a browser that started a flow of its own: not its state, refused and audited.
    const other = new Browser();
    await other.toApp("/proconnect/connexion");
    await expectRefused(other, back, PROCONNECT_MESSAGES.mismatch, /state/);
    // No flow cookie at all: refused, and not even an audit row (anyone could send these).
    const stranger = new Browser();
    const since = new Date();
    const before = await writes();
    const outcome = await stranger.toApp(back);
    expect(outcome.response!.headers.get("location")).toBe("/login");
    expect(await stranger.flash()).toEqual({ kind: "error", message: PROCONNECT_MESSAGES.expired });
    expect(await writes()).toEqual(before);
    expect(await refusalsSince(since)).toEqual([]);
  });

  test("a replayed code is refused, by the app and by the provider", async () => {
    const person = identity();
    const user = await insertUser(prisma, { email: person.email, passwordHash: "x" });
    const browser = new Browser();
    const back = await browser.signInAt("/proconnect/connexion", person.email);
    const flowCookie = new Map(browser.app);
    await browser.toApp(back);
    expect(await browser.userId()).toBe(user.id);

    // The same answer again, with the cookie of its flow: the flow was used.
    const attacker = new Browser();
    attacker.app = flowCookie;
    await expectRefused(attacker, back, PROCONNECT_MESSAGES.expired, /flow_missing/);

    // The code with a fresh flow's state: the provider refuses the used code.
    const replay = new Browser();
    const fresh = new URL(await replay.signInAt("/proconnect/connexion", person.email));
    const old = new URL(back);
    fresh.searchParams.set("code", old.searchParams.get("code")!);
    await expectRefused(replay, fresh.href, PROCONNECT_MESSAGES.expired, /code_refused/);
  });

  test("an ID token with another nonce is refused", async () => {
    const person = identity();
    await insertUser(prisma, { email: person.email, passwordHash: "x" });
    provider.tamper.idToken = "other-nonce";
    const browser = new Browser();
    const back = await browser.signInAt("/proconnect/connexion", person.email);
    await expectRefused(browser, back, PROCONNECT_MESSAGES.unverified, /claim nonce/);
  });

  test("an expired ID token is refused", async () => {
    const person = identity();
    await insertUser(prisma, { email: person.email, passwordHash: "x" });
    provider.tamper.idToken = "expired";
    const browser = new Browser();
    const back = await browser.signInAt("/proconnect/connexion", person.email);
    await expectRefused(browser, back, PROCONNECT_MESSAGES.unverified, /claim exp/);
  });

  test("an ID token signed with a foreign key is refused", async () => {
    const person = identity();
    await insertUser(prisma, { email: person.email, passwordHash: "x" });
    provider.tamper.idToken = "foreign-key";
    const browser = new Browser();
    const back = await browser.signInAt("/proconnect/connexion", person.email);
    await expectRefused(
      browser,
      back,
      PROCONNECT_MESSAGES.unverified,
      /signature verification failed/,
    );
  });

  test("a userinfo signed with a foreign key, or not signed, is refused", async () => {
    const person = identity();
    await insertUser(prisma, { email: person.email, passwordHash: "x" });
    const reasons = {
      "foreign-key": /signature verification failed/,
      unsigned: /OAUTH_JWT_USERINFO_EXPECTED/,
    };
    for (const how of ["foreign-key", "unsigned"] as const) {
      provider.tamper.userinfo = how;
      const browser = new Browser();
      const back = await browser.signInAt("/proconnect/connexion", person.email);
      await expectRefused(browser, back, PROCONNECT_MESSAGES.unverified, reasons[how]);
    }
  });

  test("an invitation link that is no longer valid is refused after ProConnect", async () => {
    const person = identity();
    const browser = new Browser();
    const back = await browser.signInAt(
      `/proconnect/connexion?invitation=nimporte-quoi`,
      person.email,
    );
    await expectRefused(
      browser,
      back,
      "Cette invitation n'est plus valable.",
      /invitation_refused/,
      "/invitation/nimporte-quoi",
    );
  });

  test("a provider that is down: a French message on the sign-in page, password still offered", async () => {
    configure("http://localhost:9/.well-known/openid-configuration");
    try {
      const browser = new Browser();
      const before = await writes();
      const outcome = await browser.toApp("/proconnect/connexion");
      expect(outcome.response!.headers.get("location")).toBe("/login");
      expect(await browser.flash()).toEqual({
        kind: "error",
        message: PROCONNECT_MESSAGES.unavailable,
      });
      expect(await writes()).toEqual(before);
      const page = await browser.toApp("/login");
      expect(page.status).toBe(200);
    } finally {
      configure(provider.discoveryUrl);
    }
  });
});

describe("without configuration", () => {
  test("the start link is not found and the sign-in page offers no ProConnect button", async () => {
    configure(undefined);
    try {
      const browser = new Browser();
      const outcome = await browser.toApp("/proconnect/connexion");
      expect(outcome.status).toBe(404);
      const page = await browser.toApp("/login");
      expect(page.body).toEqual({ proConnect: false });
    } finally {
      configure(provider.discoveryUrl);
    }
  });
});

describe("the administrator may require ProConnect for prefecture agents", () => {
  const PASSWORD = "un-mot-de-passe-tres-solide";

  test("then an agent's password is refused (nothing written), ProConnect still signs in, others keep their password", async () => {
    const passwordHash = await hashPassword(PASSWORD);
    const person = identity();
    const agent = await insertUser(prisma, { email: person.email, passwordHash });
    await grantRole(prisma, agent.id, { role: "PREFECTURE", departementCode: "62" });
    const animator = await insertUser(prisma, {
      email: `anim-${++sequence}@exemple.test`,
      passwordHash,
    });
    const club = await insertClub(prisma, { departementCode: "62" });
    await grantRole(prisma, animator.id, { role: "ANIMATOR", clubId: club.id });
    const signInWithPassword = (email: string) =>
      new Browser().toApp("/login", { email, password: PASSWORD });

    expect((await signInWithPassword(agent.email)).status).toBe(302);

    const operator = await admin();
    const set = await callAs(
      adminInvitations.action,
      "/admin/invitations",
      operator.id,
      {},
      {
        intent: "proconnect",
        required: "on",
      },
    );
    expect(set.status).toBe(302);
    const entry = await prisma.auditLog.findFirstOrThrow({
      where: { entityType: "AppSetting", actorId: operator.id },
    });
    expect(JSON.parse(entry.after!)).toEqual({ proConnectRequiredForAgents: true });

    const before = await writes();
    const refused = await signInWithPassword(agent.email);
    expect(refused.status).toBe(403);
    expect(JSON.stringify(refused.body)).toContain(AGENTS_USE_PROCONNECT);
    expect(await writes()).toEqual(before);
    expect((await signInWithPassword(animator.email)).status).toBe(302);

    const browser = new Browser();
    await browser.toApp(await browser.signInAt("/proconnect/connexion", person.email));
    expect(await browser.userId()).toBe(agent.id);

    // A prefecture invitation no longer creates a password.
    const token = await invitePrefectureAgent(`nouvel-agent-${++sequence}@prefecture.gouv.test`);
    const invitationBefore = await writes();
    const accepted = await new Browser().toApp(`/invitation/${token}`, {
      name: "Nouvel Agent",
      password: PASSWORD,
      confirm: PASSWORD,
    });
    expect(accepted.status).toBe(403);
    expect(await writes()).toEqual(invitationBefore);

    // Without ProConnect configured the requirement cannot lock agents out.
    configure(undefined);
    try {
      expect((await signInWithPassword(agent.email)).status).toBe(302);
    } finally {
      configure(provider.discoveryUrl);
      await callAs(
        adminInvitations.action,
        "/admin/invitations",
        operator.id,
        {},
        {
          intent: "proconnect",
        },
      );
    }
    expect((await signInWithPassword(agent.email)).status).toBe(302);
  });
});
