// Redirects after signing in and out (finding 6 of issue 12): whatever `redirectTo` holds, the
// Location header stays on the app's origin, and a hostile value never turns into a 500 once the
// session is created. Every place taking a `redirectTo` goes through safeRedirect.
import { beforeAll, describe, expect, test } from "vitest";
import { insertUser } from "../prisma/factories";
import { action as loginAction } from "~/routes/login";
import { action as logoutAction } from "~/routes/logout";
import { CLIENT_IP_HEADER } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { hashPassword } from "~/utils/password.server";
import { safeRedirect } from "~/utils/safe-redirect.server";
import { TEST_ORIGIN, appRequest, sessionCookieFor } from "./utils/session";

const PASSWORD = "un-mot-de-passe-tres-solide";

/** Values an attacker may put in `?redirectTo=` (already decoded, as the form sends them). */
const HOSTILE = [
  "/\t/evil.example",
  "/\n/evil.example",
  "/\r/evil.example",
  "/\r\n/evil.example",
  "/%09/evil.example",
  "/%0a/x",
  "/%0d%0a/x",
  "//evil.example",
  "///evil.example",
  "/\\evil.example",
  "/\\/evil.example",
  "\\\\evil.example",
  "\\/evil.example",
  "/.//evil.example",
  "/..//evil.example",
  "/./\\evil.example",
  "/%2F/evil.example",
  "/%5C/evil.example",
  "https://evil.example",
  "https:evil.example",
  "http://localhost:3000@evil.example",
  " //evil.example",
  "\t//evil.example",
  "javascript:alert(1)",
  "JaVaScRiPt:alert(1)",
  "/javascript:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "/x\r\nSet-Cookie: piege=1",
  "/\u0000/evil.example",
  "/é/\u202e/evil",
  "/" + "a".repeat(10_000),
];

/** True when a browser, following this Location from the app, stays on the app. */
function staysOnApp(location: string | null) {
  if (!location) return false;
  if (!location.startsWith("/") || location.startsWith("//")) return false;
  return new URL(location, TEST_ORIGIN).origin === TEST_ORIGIN;
}

describe("safeRedirect", () => {
  const request = appRequest("/login");

  test("keeps this site's paths, with their query and fragment", () => {
    expect(safeRedirect("/entreprise/abc?onglet=equipe#x", request)).toBe(
      "/entreprise/abc?onglet=equipe#x",
    );
    expect(safeRedirect("/", request)).toBe("/");
    expect(safeRedirect("/invitation/jeton", request, "/")).toBe("/invitation/jeton");
  });

  test("never leads to another site, whatever the spelling", () => {
    for (const value of HOSTILE) {
      const target = safeRedirect(value, request);
      expect(staysOnApp(target), JSON.stringify(value)).toBe(true);
      // No control character (an invalid header, the 500 of `/%0a/x`) and no backslash.
      expect([...target].some((c) => c <= "\u001f" || c === "\u007f" || c === "\\")).toBe(false);
    }
  });

  test("falls back to the given home without a usable value", () => {
    expect(safeRedirect(null, request)).toBe("/espace");
    expect(safeRedirect(undefined, request, "/")).toBe("/");
    expect(safeRedirect("", request, "/tableau")).toBe("/tableau");
    expect(safeRedirect("https://evil.example", request)).toBe("/espace");
    expect(safeRedirect("/\t/evil.example", request)).toBe("/espace");
  });
});

describe("after signing in and out", () => {
  let email: string;
  beforeAll(async () => {
    email = "redirections@exemple.test";
    await insertUser(prisma, { email, passwordHash: await hashPassword(PASSWORD) });
  });

  test("the sign-in answers a redirect on the app for every hostile redirectTo, never a 500", async () => {
    for (const [i, redirectTo] of HOSTILE.entries()) {
      const response = (await loginAction({
        request: appRequest("/login", {
          method: "POST",
          headers: { [CLIENT_IP_HEADER]: `192.0.2.${i}` },
          body: new URLSearchParams({ email, password: PASSWORD, redirectTo }),
        }),
        params: {},
        context: {},
      })) as Response;
      expect(response.status, JSON.stringify(redirectTo)).toBe(302);
      expect(staysOnApp(response.headers.get("Location")), JSON.stringify(redirectTo)).toBe(true);
    }
  });

  test("a path of the app is honoured (the sign-in page's own use)", async () => {
    const response = (await loginAction({
      request: appRequest("/login", {
        method: "POST",
        body: new URLSearchParams({ email, password: PASSWORD, redirectTo: "/pratiques?q=a b" }),
      }),
      params: {},
      context: {},
    })) as Response;
    expect(response.headers.get("Location")).toBe("/pratiques?q=a%20b");
  });

  test("signing out goes to a checked path, or the home page", async () => {
    const user = await prisma.user.findUniqueOrThrow({ where: { email } });
    for (const redirectTo of [...HOSTILE, "/invitation/jeton"]) {
      const cookie = await sessionCookieFor(user.id);
      const response = (await logoutAction({
        request: appRequest("/logout", {
          method: "POST",
          cookie,
          body: new URLSearchParams({ redirectTo }),
        }),
        params: {},
        context: {},
      })) as Response;
      expect(response.status).toBe(302);
      const location = response.headers.get("Location");
      expect(staysOnApp(location), JSON.stringify(redirectTo)).toBe(true);
      if (redirectTo === "/invitation/jeton") expect(location).toBe("/invitation/jeton");
    }
  });
});
