// The Express security layer (server/security.mjs): its policy, its same-origin rule, its body
// rules and its log masking. The journeys (tests/e2e/security.spec.ts) check it over HTTP.
import { describe, expect, test } from "vitest";
import {
  contentSecurityPolicy,
  crossSiteRejection,
  isFormBody,
  maskUrlForLogs,
  securityHeaders,
} from "../server/security.mjs";

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
