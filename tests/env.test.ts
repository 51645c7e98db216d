// The server's settings (app/utils/env.server.ts): production refuses to start without the
// settings it cannot guess, with a French message naming each (issue 12, finding 8: without
// APP_URL, e-mailed links pointed at http://localhost:3000).
import { describe, expect, test } from "vitest";
import { parseEnv } from "~/utils/env.server";
import { proConnectSettings } from "~/utils/proconnect.server";

const SECRET = "un-secret-de-session-d-au-moins-32-caracteres";

describe("settings", () => {
  test("production requires APP_URL, naming it", () => {
    expect(() => parseEnv({ NODE_ENV: "production", SESSION_SECRET: SECRET })).toThrow(
      /APP_URL: obligatoire en production/,
    );
  });

  test("production names every missing setting at once", () => {
    let message = "";
    try {
      parseEnv({ NODE_ENV: "production" });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain("SESSION_SECRET: obligatoire en production");
    expect(message).toContain("APP_URL: obligatoire en production");
  });

  test("production with its public address starts; links have no double slash", () => {
    const env = parseEnv({
      NODE_ENV: "production",
      SESSION_SECRET: SECRET,
      APP_URL: "https://engages.example.fr/",
    });
    expect(env.APP_URL).toBe("https://engages.example.fr");
  });

  test("an address that is not a URL is refused in French", () => {
    expect(() => parseEnv({ NODE_ENV: "development", APP_URL: "engages.example.fr" })).toThrow(
      /APP_URL doit être une adresse complète/,
    );
  });

  test("outside production, the local address is the default", () => {
    expect(parseEnv({ NODE_ENV: "development" }).APP_URL).toBe("http://localhost:3000");
    expect(parseEnv({}).APP_URL).toBe("http://localhost:3000");
  });

  test("outside production, the default address follows PORT (e-mailed links reach this server)", () => {
    expect(parseEnv({ NODE_ENV: "development", PORT: "3212" }).APP_URL).toBe(
      "http://localhost:3212",
    );
    // An explicit address still wins.
    expect(
      parseEnv({ NODE_ENV: "development", PORT: "3212", APP_URL: "http://127.0.0.1:4000" }).APP_URL,
    ).toBe("http://127.0.0.1:4000");
  });

  test("the operator's contact address defaults to the site's domain; a bad one is refused", () => {
    expect(
      parseEnv({
        NODE_ENV: "production",
        SESSION_SECRET: SECRET,
        APP_URL: "https://engages.example.fr",
      }).CONTACT_EMAIL,
    ).toBe("contact@engages.example.fr");
    expect(parseEnv({ CONTACT_EMAIL: "accessibilite@operateur.fr" }).CONTACT_EMAIL).toBe(
      "accessibilite@operateur.fr",
    );
    expect(() => parseEnv({ CONTACT_EMAIL: "pas une adresse" })).toThrow(
      /CONTACT_EMAIL doit être une adresse e-mail/,
    );
  });

  test("ProConnect: its three settings together, or none; a partial set names what is missing", () => {
    expect(parseEnv({}).PROCONNECT_DISCOVERY_URL).toBeUndefined();
    const discovery = "https://auth.agentconnect.gouv.fr/api/v2/.well-known/openid-configuration";
    expect(() => parseEnv({ PROCONNECT_DISCOVERY_URL: discovery })).toThrow(
      /PROCONNECT_CLIENT_ID: obligatoire avec PROCONNECT_DISCOVERY_URL/,
    );
    const full = parseEnv({
      PROCONNECT_DISCOVERY_URL: discovery,
      PROCONNECT_CLIENT_ID: "client",
      PROCONNECT_CLIENT_SECRET: "secret",
    });
    expect(full.PROCONNECT_SIGNING_ALG).toBe("RS256");
    // The issuer is checked against the discovery document: the URL without its suffix.
    expect(proConnectSettings(full)).toEqual({
      issuer: new URL("https://auth.agentconnect.gouv.fr/api/v2"),
      clientId: "client",
      clientSecret: "secret",
      signingAlg: "RS256",
      redirectUri: "http://localhost:3000/proconnect/retour",
      postLogoutRedirectUri: "http://localhost:3000/proconnect/deconnexion",
    });
    expect(proConnectSettings(parseEnv({}))).toBeNull();
    expect(() => parseEnv({ PROCONNECT_SIGNING_ALG: "HS256" })).toThrow(/PROCONNECT_SIGNING_ALG/);
  });
});
