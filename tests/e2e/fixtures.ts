import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "../utils/app-process";
import { startTestSmtpServer, type TestMailbox } from "../utils/smtp-server";
import { E2E_SMTP_PORT } from "./ports";

export { DEMO_PASSWORD };

export const DEMO = {
  company: "dirigeant@demo.test",
  animator: "animateur@demo.test",
  prefecture: "prefecture@demo.test",
  admin: "admin@demo.test",
} as const;

type WorkerFixtures = { mailbox: TestMailbox };

/** `mailbox`: the real SMTP server the app sends to, for the whole run of the worker. */
const NARROW_WIDTH = 320;

export const test = base.extend<
  { axe: (page: Page) => Promise<void>; cspGuard: void },
  WorkerFixtures
>({
  mailbox: [
    async ({}, use) => {
      const mailbox = await startTestSmtpServer(E2E_SMTP_PORT);
      await use(mailbox);
      await mailbox.stop();
    },
    { scope: "worker", auto: true },
  ],
  // Every journey doubles as a Content-Security-Policy check: a blocked script or style fails it.
  cspGuard: [
    async ({ page }, use) => {
      const violations: string[] = [];
      page.on("console", (message) => {
        if (message.type() === "error" && /Content Security Policy/i.test(message.text())) {
          violations.push(`${page.url()}: ${message.text()}`);
        }
      });
      await use();
      expect(violations, "violations de la Content-Security-Policy").toEqual([]);
    },
    { auto: true },
  ],
  // axe at the journey's width, then at 320 px (the narrowest screen the RGAA asks for; the
  // accessibility statement says both are checked), the width restored afterwards.
  axe: async ({}, use) => {
    await use(async (page: Page) => {
      const viewport = page.viewportSize();
      for (const width of [viewport?.width, NARROW_WIDTH]) {
        if (width === undefined) continue;
        if (width !== viewport?.width) await page.setViewportSize({ width, height: 800 });
        const results = await new AxeBuilder({ page })
          .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
          .analyze();
        const summary = results.violations.map(
          (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`,
        );
        expect(summary, `axe sur ${page.url()} à ${width} px`).toEqual([]);
      }
      if (viewport) await page.setViewportSize(viewport);
    });
  },
});

export { expect };

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByLabel("Mot de passe").fill(password);
  await page.getByRole("button", { name: "Se connecter" }).click();
}

/** The first link of an e-mail's text that starts with the app's address. */
export function linkIn(text: string, pathPrefix: string) {
  const match = text.match(new RegExp(`https?://[^\\s]+${pathPrefix}[^\\s]*`));
  if (!match) throw new Error(`Aucun lien ${pathPrefix} dans : ${text}`);
  return new URL(match[0]);
}
