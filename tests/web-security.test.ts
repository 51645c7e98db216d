// The Express security layer (server/security.mjs): its policy, its same-origin rule, its body
// rules, its one reading of the path and its log masking. The journeys
// (tests/e2e/security.spec.ts) check it over HTTP against the built app.
import http from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  MAX_BODY_BYTES,
  PRACTICE_FORM_MAX_BYTES,
  bodyLimitOf,
  contentSecurityPolicy,
  crossSiteRejection,
  isFormBody,
  maskUrlForLogs,
  securityHeaders,
  securityMiddleware,
  proConnectOrigin,
} from "../server/security.mjs";
import { PRACTICE_IMAGES_MAX, PRACTICE_IMAGE_MAX_BYTES } from "~/utils/schemas/practice";

const allowedOrigins = ["https://engages.example"];
const post = (path: string, headers: { origin?: string; secFetchSite?: string }) =>
  crossSiteRejection({ method: "POST", path, allowedOrigins, ...headers });

describe("content security policy", () => {
  test("scripts only from the app or with the response's nonce; no framing, no plugins", () => {
    const csp = contentSecurityPolicy("abc123");
    expect(csp).toContain("script-src 'self' 'nonce-abc123'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    expect(csp).toContain("style-src 'self' 'nonce-abc123'");
    expect(csp).toContain("style-src-attr 'unsafe-inline'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("form-action 'self'");
  });

  test("signing out may lead to ProConnect's origin only when it is configured (decision 027)", () => {
    const discovery = "https://auth.agentconnect.gouv.fr/api/v2/.well-known/openid-configuration";
    expect(proConnectOrigin(discovery)).toBe("https://auth.agentconnect.gouv.fr");
    expect(proConnectOrigin(undefined)).toBeNull();
    const csp = contentSecurityPolicy("n", { formActionOrigins: [proConnectOrigin(discovery)!] });
    expect(csp).toContain("form-action 'self' https://auth.agentconnect.gouv.fr;");
  });

  test("HSTS only over HTTPS", () => {
    expect(securityHeaders({ nonce: "n", https: true })).toHaveProperty(
      "Strict-Transport-Security",
    );
    expect(securityHeaders({ nonce: "n", https: false })).not.toHaveProperty(
      "Strict-Transport-Security",
    );
  });
});

describe("same-origin check on writes", () => {
  test("reads are never refused", () => {
    for (const method of ["GET", "HEAD", "OPTIONS"]) {
      expect(
        crossSiteRejection({ method, path: "/", origin: "https://x.example", allowedOrigins }),
      ).toBeNull();
    }
  });

  test("a browser's same-origin post passes; cross-site and same-site ones are refused", () => {
    expect(
      post("/login", { origin: "https://engages.example", secFetchSite: "same-origin" }),
    ).toBeNull();
    expect(post("/login", { secFetchSite: "none" })).toBeNull();
    expect(post("/login", { secFetchSite: "cross-site" })).toMatch(/Sec-Fetch-Site/);
    expect(post("/login", { secFetchSite: "same-site" })).toMatch(/Sec-Fetch-Site/);
    expect(post("/login", { origin: "https://attaquant.example" })).toMatch(/Origin/);
    expect(post("/login", { origin: "null" })).toMatch(/Origin/);
    expect(post("/login", { origin: "http://engages.example" })).toMatch(/Origin/);
  });

  test("programs without Origin or Sec-Fetch-Site pass (they carry no victim's cookie)", () => {
    expect(post("/login", {})).toBeNull();
  });

  test("signed no-sign-in links accept posts from elsewhere (mail providers, webmails)", () => {
    expect(
      post("/desabonnement/abc.def", {
        origin: "https://mail.example",
        secFetchSite: "cross-site",
      }),
    ).toBeNull();
    expect(post("/reunion/reponse/abc.oui.1.sig", { origin: "https://mail.example" })).toBeNull();
    expect(post("/lettre/desabonnement/abc.def", { origin: "https://mail.example" })).toBeNull();
    // …but only those exact paths.
    expect(post("/desabonnement/abc/autre", { origin: "https://mail.example" })).not.toBeNull();
  });
});

describe("request bodies", () => {
  test("only forms, or nothing, may be posted", () => {
    expect(isFormBody("application/x-www-form-urlencoded", "12")).toBe(true);
    expect(isFormBody("multipart/form-data; boundary=x", "120")).toBe(true);
    expect(isFormBody(undefined, undefined)).toBe(true);
    expect(isFormBody(undefined, "0")).toBe(true);
    expect(isFormBody(undefined, "12")).toBe(false);
    expect(isFormBody("application/json", "2")).toBe(false);
    expect(isFormBody("text/plain", "2")).toBe(false);
  });
});

describe("logs", () => {
  test("tokens of e-mailed and signed links are masked", () => {
    expect(maskUrlForLogs("/invitation/s3cr3t")).toBe("/invitation/[jeton]");
    expect(maskUrlForLogs("/reinitialiser-mot-de-passe/s3cr3t?x=1")).toBe(
      "/reinitialiser-mot-de-passe/[jeton]?x=1",
    );
    expect(maskUrlForLogs("/desabonnement/id.sig")).toBe("/desabonnement/[jeton]");
    expect(maskUrlForLogs("/reunion/reponse/id.oui.1.sig")).toBe("/reunion/reponse/[jeton]");
    expect(maskUrlForLogs("/lettre/desabonnement/id.sig")).toBe("/lettre/desabonnement/[jeton]");
    expect(maskUrlForLogs("/club/c1/calendrier/tok.ics")).toBe("/club/c1/calendrier/[jeton]");
    expect(maskUrlForLogs("/entreprise/c1/engagements")).toBe("/entreprise/c1/engagements");
  });
});

describe("body limits", () => {
  test("a practice's form takes its announced images (3 × 2 Mo) and its text; other forms 1 Mo", () => {
    expect(PRACTICE_FORM_MAX_BYTES).toBe(
      PRACTICE_IMAGES_MAX * PRACTICE_IMAGE_MAX_BYTES + MAX_BODY_BYTES,
    );
    expect(bodyLimitOf("/pratiques/nouvelle")).toBe(PRACTICE_FORM_MAX_BYTES);
    expect(bodyLimitOf("/pratiques/p1/modifier")).toBe(PRACTICE_FORM_MAX_BYTES);
    // A browser with JavaScript posts to the page's path followed by `.data` (single fetch).
    expect(bodyLimitOf("/pratiques/nouvelle.data")).toBe(PRACTICE_FORM_MAX_BYTES);
    expect(bodyLimitOf("/pratiques/p1/modifier.data")).toBe(PRACTICE_FORM_MAX_BYTES);
    expect(bodyLimitOf("/pratiques/p1")).toBe(MAX_BODY_BYTES);
    expect(bodyLimitOf("/entreprise/c1/import")).toBeNull();
    expect(bodyLimitOf("/entreprise/c1/passerelles/nouvelle")).toBe(MAX_BODY_BYTES);
  });
});

// The middleware in an Express app of its own, in front of a handler that answers with the path
// Remix would route on (built from `req.originalUrl` as @remix-run/express does) and the one the
// access log would show. Requests go out through node:http, which sends the path as written.
describe("one path for the checks, the routing and the log", () => {
  let server: http.Server;
  let port: number;
  beforeAll(async () => {
    const app = express();
    app.use(securityMiddleware({ appUrl: undefined, https: false, development: false }));
    app.all("*", (req, res) => {
      res.json({
        checked: req.path,
        routed: new URL(`${req.protocol}://${req.get("host")}${req.originalUrl}`).pathname,
        logged: maskUrlForLogs(req.originalUrl).split("?")[0],
      });
    });
    server = app.listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  /** A raw request: status and body; a large body is sent only until the answer comes. */
  function raw(method: string, path: string, headers: Record<string, string> = {}, body = "") {
    return new Promise<{ status: number; text: string }>((resolve, reject) => {
      const request = http.request({ host: "127.0.0.1", port, method, path, headers }, (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (text += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
      });
      request.on("error", reject);
      request.end(body);
    });
  }

  const HOSTILE_PATHS = [
    "/entreprise/c1\\passerelles/import",
    "/entreprise/c1%5Cpasserelles/import",
    "/entreprise/c1%5cpasserelles/import",
    "/reunion/reponse/..\\..\\pratiques\\p1",
    "/reunion/reponse/%2e%2e\\%2E%2e\\pratiques\\p1",
    "/reunion/reponse/x/../../pratiques/p1",
    "/reunion/reponse/x/%2e%2e/%2e%2e/pratiques/p1",
    "/reunion/reponse/.%2E/.%2e/pratiques/p1",
    "/entreprise/c1/./import",
    "/entreprise/c1/%2e/import",
  ];

  test("a path that Express and Remix would read differently is refused in French, unread", async () => {
    for (const path of HOSTILE_PATHS) {
      const response = await raw("POST", path, {
        Origin: "https://attaquant.example",
        "Content-Type": "application/x-www-form-urlencoded",
      });
      expect(response.status, path).toBe(400);
      expect(response.text, path).toContain("cette adresse n'est pas valide");
    }
  });

  test("the body cap holds whatever the spelling of the path (the import's exemption is not borrowed)", async () => {
    const body = "x=" + "a".repeat(MAX_BODY_BYTES + 10);
    for (const path of ["/entreprise/c1/passerelles/p1", ...HOSTILE_PATHS.slice(0, 3)]) {
      const response = await raw(
        "POST",
        path,
        {
          "Content-Type": "application/x-www-form-urlencoded",
          "Content-Length": String(body.length),
        },
        body,
      );
      expect(response.status, path).toBeGreaterThanOrEqual(400);
      expect(response.status, path).not.toBe(200);
    }
  });

  test("the same-origin exemption of signed links holds only for the signed link itself", async () => {
    const crossSite = { Origin: "https://attaquant.example" };
    expect((await raw("POST", "/reunion/reponse/abc.oui.1.sig", crossSite)).status).toBe(200);
    expect((await raw("POST", "/pratiques/p1", crossSite)).status).toBe(403);
    for (const path of HOSTILE_PATHS.filter((p) => p.startsWith("/reunion"))) {
      expect((await raw("POST", path, crossSite)).status, path).not.toBe(200);
    }
  });

  test("what passes is checked, routed and logged as one path", async () => {
    for (const path of [
      "/pratiques/p1",
      "/entreprise/c1/passerelles/p1?x=..\\..",
      "/entreprise/c1/realisations%2Fautre",
      "/pratiques?q=%2e%2e%2F",
      "//double/slash",
    ]) {
      const response = await raw("GET", path);
      expect(response.status, path).toBe(200);
      const seen = JSON.parse(response.text) as Record<string, string>;
      expect(seen.routed, path).toBe(seen.checked);
      expect(seen.logged, path).toBe(seen.routed);
    }
  });
});
