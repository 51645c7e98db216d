// Web security defaults, seen from outside: headers and CSP nonce, the same-origin check on
// writes, body limits, session rotation at sign-in and sign-out. (Every other journey also fails
// on any CSP violation: the `cspGuard` fixture.)
import { DEMO, DEMO_PASSWORD, expect, signIn, test } from "./fixtures";
import { dbCount } from "./db";

const SESSION_COOKIE = "__engages_session";

test.describe("web security defaults", () => {
  test("every page has a per-response CSP nonce carried by Remix's scripts", async ({
    page,
    request,
  }) => {
    const first = await request.get("/");
    const second = await request.get("/");
    const csp = first.headers()["content-security-policy"];
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(second.headers()["content-security-policy"]).not.toContain(nonce);
    expect(csp).toContain("script-src 'self' 'nonce-");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("unsafe-eval");
    const html = await first.text();
    const inlineScripts = html.match(/<script(?![^>]*\bsrc=)[^>]*>/g) ?? [];
    expect(inlineScripts.length).toBeGreaterThan(0);
    for (const tag of inlineScripts) expect(tag).toContain(`nonce="${nonce}"`);

    const headers = first.headers();
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["x-frame-options"]).toBe("DENY");
    expect(headers["referrer-policy"]).toBe("same-origin");
    expect(headers["cross-origin-opener-policy"]).toBe("same-origin");
    expect(headers["x-powered-by"]).toBeUndefined();

    // The page hydrates under the policy (the cspGuard fixture fails on any violation).
    await signIn(page, DEMO.company);
    await expect(
      page.getByRole("heading", { level: 1, name: "Mon tableau de bord" }),
    ).toBeVisible();
  });

  test("a write from another site is refused in French; signed links stay open", async ({
    request,
  }) => {
    const sessionsBefore = dbCount("SELECT COUNT(*) AS n FROM Session");
    const crossSite: Record<string, string>[] = [
      { Origin: "https://attaquant.example" },
      { Origin: "null" },
      { "Sec-Fetch-Site": "cross-site" },
      { "Sec-Fetch-Site": "same-site" },
    ];
    for (const headers of crossSite) {
      const response = await request.post("/login", {
        headers,
        form: { email: DEMO.company, password: DEMO_PASSWORD },
        maxRedirects: 0,
      });
      expect(response.status()).toBe(403);
      expect(await response.text()).toContain("ne vient pas d'une page d'Engagés");
    }
    expect(dbCount("SELECT COUNT(*) AS n FROM Session")).toBe(sessionsBefore);

    // Unsubscribe and RSVP links are authorised by their signature, not by a cookie: a mail
    // provider's one-click POST reaches the route (here a bad signature: 404, not 403).
    const unsubscribe = await request.post("/desabonnement/jeton-invalide", {
      headers: { Origin: "https://webmail.example" },
    });
    expect(unsubscribe.status()).toBe(404);
  });

  test("oversized and unannounced bodies are refused before the app reads them", async ({
    request,
  }) => {
    const tooBig = await request.post("/mot-de-passe-oublie", {
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      data: `email=${"a".repeat(2 * 1024 * 1024)}`,
    });
    expect(tooBig.status()).toBe(413);
    expect(await tooBig.text()).toContain("trop volumineuses");
    // Actions read forms: any other body is refused before it can make one fail.
    const json = await request.post("/mot-de-passe-oublie", { data: { email: DEMO.company } });
    expect(json.status()).toBe(415);
    expect(await json.text()).toContain("seuls les formulaires");
  });

  test("signing in and out rotates the session; the old cookie is dead", async ({
    page,
    context,
  }) => {
    const sessionCookie = async () =>
      (await context.cookies()).find((c) => c.name === SESSION_COOKIE);
    await signIn(page, DEMO.company);
    await expect(page).toHaveURL(/\/entreprise\//);
    const first = await sessionCookie();
    expect(first?.httpOnly).toBe(true);
    expect(first?.sameSite).toBe("Lax");

    await page.goto("/logout");
    await page.getByRole("button", { name: "Se déconnecter" }).click();
    await expect(page).toHaveURL(/\/$/);

    // Replaying the signed-in cookie after sign-out leads to the sign-in page.
    await context.addCookies([{ name: SESSION_COOKIE, value: first!.value, url: page.url() }]);
    await page.goto("/espace");
    await expect(page).toHaveURL(/\/login\?redirectTo=%2Fespace/);

    // Signing in again gives a new session, never the replayed one.
    await signIn(page, DEMO.company);
    await expect(page).toHaveURL(/\/entreprise\//);
    expect((await sessionCookie())?.value).not.toBe(first!.value);
  });
});
