// Web security defaults, seen from outside: headers and CSP nonce, the same-origin check on
// writes, body limits, session rotation at sign-in and sign-out. (Every other journey also fails
// on any CSP violation: the `cspGuard` fixture.)
import http from "node:http";
import { DEMO, DEMO_PASSWORD, expect, signIn, test } from "./fixtures";
import { dbCount, dbRow } from "./db";
import { E2E_PORT } from "./ports";

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

/**
 * A request sent with node:http, which writes the path exactly as given (Playwright and browsers
 * normalise it first). A large body is sent only until the server answers.
 */
function rawRequest(path: string, headers: Record<string, string>, body = "") {
  return new Promise<{ status: number; text: string }>((resolve, reject) => {
    const request = http.request(
      { host: "127.0.0.1", port: E2E_PORT, method: "POST", path, headers },
      (response) => {
        let text = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (text += chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, text }));
      },
    );
    // The server may answer and close before the whole body is written.
    request.on("error", (error) => (request.writableEnded ? undefined : reject(error)));
    request.end(body);
  });
}

test.describe("one path for the security layer and the router (issue 12, finding 5)", () => {
  test("a backslash, %5C or dot segment cannot borrow another path's body limit or same-origin exemption", async () => {
    const companyId = dbRow<{ id: string }>(`SELECT id FROM "Company" ORDER BY id LIMIT 1`).id;
    const practiceId = dbRow<{ id: string }>(`SELECT id FROM "Practice" ORDER BY id LIMIT 1`).id;
    const form = { "Content-Type": "application/x-www-form-urlencoded" };

    // 2 Mo to a Passerelles post (1 Mo cap), spelled as the import (own 10 Mo limit) to Express.
    const big = `x=${"a".repeat(2 * 1024 * 1024)}`;
    const length = { ...form, "Content-Length": String(big.length) };
    expect(
      (await rawRequest(`/entreprise/${companyId}/passerelles/import`, length, big)).status,
    ).toBe(413);
    for (const path of [
      `/entreprise/${companyId}\\passerelles/import`,
      `/entreprise/${companyId}%5Cpasserelles/import`,
      `/entreprise/${companyId}/passerelles/x/../import`,
    ]) {
      const answer = await rawRequest(path, length, big);
      expect(answer.status, path).toBe(400);
      expect(answer.text, path).toContain("cette adresse n'est pas valide");
    }

    // A cross-site post to a practice, spelled as a signed RSVP link (exempt) to Express.
    const crossSite = { ...form, Origin: "https://attaquant.example", "Content-Length": "6" };
    expect((await rawRequest(`/pratiques/${practiceId}`, crossSite, "kudos=")).status).toBe(403);
    for (const path of [
      `/reunion/reponse/..\\..\\pratiques\\${practiceId}`,
      `/reunion/reponse/%2e%2e\\%2E%2E\\pratiques\\${practiceId}`,
      `/reunion/reponse/x/%2e%2e/%2e%2e/pratiques/${practiceId}`,
    ]) {
      const answer = await rawRequest(path, crossSite, "kudos=");
      expect(answer.status, path).toBe(400);
    }
  });
});

test.describe("edges of the forms (issue 12, findings 6 and 8)", () => {
  test("a hostile redirectTo after sign-in stays on the app, never a 500", async ({ request }) => {
    for (const redirectTo of [
      "/\t/evil.example",
      "/\n/x",
      "//evil.example",
      "/\\evil.example",
      "/.//evil.example",
      "https://evil.example",
      "javascript:alert(1)",
    ]) {
      const response = await request.post("/login", {
        form: { email: DEMO.company, password: DEMO_PASSWORD, redirectTo },
        maxRedirects: 0,
      });
      expect(response.status(), JSON.stringify(redirectTo)).toBe(302);
      const location = response.headers()["location"];
      expect(location, JSON.stringify(redirectTo)).toMatch(/^\/(?![/\\])/);
      expect(new URL(location, `http://localhost:${E2E_PORT}`).host).toBe(`localhost:${E2E_PORT}`);
    }
  });

  test("a POST with no body is refused in French, not a 500", async ({ request }) => {
    for (const path of ["/login", "/mot-de-passe-oublie", "/reinitialiser-mot-de-passe/x"]) {
      const response = await request.post(path, { maxRedirects: 0 });
      expect(response.status(), path).toBe(400);
      expect(await response.text(), path).toContain("Demande incorrecte");
    }
  });

  test("inherited keys as a sort do not break the national table", async ({ page }) => {
    await signIn(page, DEMO.admin);
    await expect(page).toHaveURL(/\/admin/);
    for (const tri of ["__proto__", "constructor", "toString"]) {
      const response = await page.goto(`/admin?tri=${tri}`);
      expect(response?.status(), tri).toBe(200);
    }
  });
});

// A real PNG signature followed by padding: sniffed as PNG, of the size wanted.
const pngOf = (bytes: number) => {
  const png = Buffer.alloc(bytes);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(png);
  return png;
};

test("practice images: the announced 2 Mo each is what the server accepts", async ({ page }) => {
  await signIn(page, DEMO.company);
  await expect(page).not.toHaveURL(/\/login/);
  await page.goto("/pratiques/nouvelle");
  await expect(page.getByText("2 Mo chacune")).toBeVisible();
  const title = `Trois photos de l'atelier ${Date.now()}`;
  const fill = async () => {
    await page.getByLabel("Titre").fill(title);
    await page
      .getByLabel(/Ce que vous faites/)
      .fill("Nous accueillons les stagiaires à l'atelier.");
    await page.getByLabel("Qui peut la lire ?").selectOption("CLUB");
    await page.getByLabel("Demandeurs d'emploi de longue durée").check();
    await page.getByLabel("Inclusion et recrutement").check();
  };

  // Over 2 Mo: refused with the announced limit, in French; nothing written.
  const before = dbCount(`SELECT COUNT(*) AS n FROM "Practice"`);
  await fill();
  await page
    .getByLabel("Image 1", { exact: true })
    .setInputFiles({ name: "grande.png", mimeType: "image/png", buffer: pngOf(2.5 * 1024 * 1024) });
  await page.getByLabel("Description de l'image 1").fill("L'atelier vu de l'entrée");
  await page.getByRole("button", { name: "Partager la pratique" }).click();
  await expect(page.getByRole("alert")).toContainText("dépasse 2 Mo");
  expect(dbCount(`SELECT COUNT(*) AS n FROM "Practice"`)).toBe(before);

  // Three images of 1.5 Mo (4.5 Mo in all, over the 1 Mo of other forms): accepted.
  await fill();
  for (const slot of [1, 2, 3]) {
    await page.getByLabel(`Image ${slot}`, { exact: true }).setInputFiles({
      name: `atelier-${slot}.png`,
      mimeType: "image/png",
      buffer: pngOf(1.5 * 1024 * 1024),
    });
    await page.getByLabel(`Description de l'image ${slot}`).fill(`L'atelier, photo ${slot}`);
  }
  await page.getByRole("button", { name: "Partager la pratique" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  expect(
    dbCount(
      `SELECT COUNT(*) AS n FROM "PracticeImage" i JOIN "Practice" p ON p.id = i."practiceId" WHERE p.title = ?`,
      title,
    ),
  ).toBe(3);
});
