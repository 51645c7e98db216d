// Unknown addresses while signed in (issue 18, point 8): a French 404 page inside the layout,
// with its own title, and no console error — no hydration warning (the CSP nonce's meta), no
// script error — other than the browser's own note of the page's HTTP status. Every page links
// the favicon, which loads; /favicon.ico leads to it instead of a 404.
import type { ConsoleMessage, Page } from "@playwright/test";
import { DEMO, expect, signIn, test } from "./fixtures";

/** Console errors and page errors, except the browser's line about the document's own status. */
function watchConsole(page: Page) {
  const errors: string[] = [];
  page.on("console", (message: ConsoleMessage) => {
    if (message.type() !== "error") return;
    const own =
      /^Failed to load resource: the server responded with a status of 40[34]/.test(
        message.text(),
      ) && message.location().url === page.url();
    if (!own) errors.push(`${page.url()}: ${message.text()}`);
  });
  page.on("pageerror", (error) => errors.push(`${page.url()}: ${error.message}`));
  return errors;
}

test("signed in, an unknown address shows the French 404 page without console errors", async ({
  page,
  axe,
}) => {
  const errors = watchConsole(page);
  await signIn(page, DEMO.company);
  await expect(page).not.toHaveURL(/\/login/);
  for (const path of ["/nimporte-quoi", "/entreprise/unknown/pas-une-page", "/pratiques/x/y/z"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page).toHaveTitle("Page introuvable — Engagés");
    await expect(page.getByRole("heading", { level: 1, name: "Page introuvable" })).toBeVisible();
    // Inside the layout: the signed-in person's menu and the footer are there.
    await expect(page.locator("summary", { hasText: "▾" })).toBeVisible();
    await expect(page.getByRole("contentinfo")).toBeVisible();
    // Hydrated: the client-side link works.
    await page.getByRole("link", { name: "Revenir à l'accueil" }).click();
    await expect(page).toHaveURL(/\/$/);
  }
  await page.goto("/nimporte-quoi");
  await axe(page);
  expect(errors, "erreurs de la console").toEqual([]);
});

test("every page links the favicon, which loads; /favicon.ico leads to it", async ({
  page,
  request,
}) => {
  for (const path of ["/", "/login", "/stats", "/accessibilite", "/nimporte-quoi"]) {
    await page.goto(path);
    await expect(page.locator('head link[rel="icon"]'), path).toHaveAttribute(
      "href",
      "/favicon.svg",
    );
  }
  const svg = await request.get("/favicon.svg");
  expect(svg.status()).toBe(200);
  expect(svg.headers()["content-type"]).toContain("image/svg+xml");
  const ico = await request.get("/favicon.ico", { maxRedirects: 0 });
  expect(ico.status()).toBe(301);
  expect(ico.headers()["location"]).toBe("/favicon.svg");
  const followed = await request.get("/favicon.ico");
  expect(followed.status()).toBe(200);
  expect(followed.headers()["content-type"]).toContain("image/svg+xml");
});
