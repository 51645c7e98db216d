// The e-mail sent when outcomes fall due (issue 15), through the outbox to a real SMTP server:
// once per set of outcomes due, at most once per cap period, held back by a recent reminder,
// never to a member who opted out, left, or has nobody who signs in.
import { afterAll, beforeAll, expect, test } from "vitest";
import {
  addMembership,
  grantRole,
  insertClub,
  insertCompany,
  insertRealisation,
  insertUser,
} from "../prisma/factories";
import { startTestSmtpServer, type TestMailbox } from "./utils/smtp-server";

let mailbox: TestMailbox;
// Imported after SMTP_URL is set: env.server.ts reads the environment once, at import time.
let email: typeof import("~/utils/email.server");
let prisma: (typeof import("~/utils/db.server"))["prisma"];
let jobs: typeof import("~/models/outcome-reminders.server");

const NOW = new Date("2026-12-01T07:00:00Z");
const day = (d: string) => new Date(`${d}T00:00:00Z`);
const companies: Record<string, string> = {};

beforeAll(async () => {
  mailbox = await startTestSmtpServer();
  process.env.SMTP_URL = mailbox.url;
  email = await import("~/utils/email.server");
  ({ prisma } = await import("~/utils/db.server"));
  jobs = await import("~/models/outcome-reminders.server");
  const club = await insertClub(prisma, { departementCode: "62" });
  await prisma.club.update({ where: { id: club.id }, data: { reminderCapDays: 30 } });
  for (const name of ["due", "optedOut", "reminded", "noAccount", "notDue"]) {
    const company = await insertCompany(prisma, {
      communeCode: "62041",
      name: `Entreprise ${name}`,
    });
    companies[name] = company.id;
    const m = await addMembership(prisma, { companyId: company.id, clubId: club.id });
    if (name === "optedOut")
      await prisma.clubMembership.update({ where: { id: m.id }, data: { remindersOptOut: true } });
    if (name !== "noAccount") {
      const user = await insertUser(prisma, {
        name: `Dirigeant ${name}`,
        email: `${name}@suivi.test`,
      });
      await grantRole(prisma, user.id, { role: "COMPANY", companyId: company.id });
    }
    if (name === "reminded")
      await prisma.reminder.create({
        data: { clubId: club.id, companyId: company.id, createdAt: day("2026-11-20") },
      });
    await insertRealisation(prisma, {
      companyId: company.id,
      date: day(name === "notDue" ? "2026-08-01" : "2026-05-15"),
      quantity: 2,
    });
  }
});

afterAll(async () => {
  await mailbox?.stop();
});

test("the company whose outcomes fell due gets one e-mail, once; the others none", async () => {
  expect(await jobs.sendOutcomeEmails(NOW)).toBe(1);
  // Queued at NOW (the outbox stamps the real clock).
  await prisma.emailOutbox.updateMany({
    where: { template: "outcomes-due" },
    data: { createdAt: NOW },
  });
  expect((await email.deliverDueEmails()).sent).toBe(1);
  const message = await mailbox.waitForMessage({ to: "due@suivi.test" });
  expect(message.subject).toBe("Entreprise due : 1 suivi à renseigner");
  expect(message.text).toContain(`/entreprise/${companies.due}/suivi`);
  expect(message.text).toContain("/desabonnement/");
  expect(mailbox.messages).toHaveLength(1);

  // The next day, and the one after: the same outcome due is not told again.
  expect(await jobs.sendOutcomeEmails(new Date("2026-12-02T07:00:00Z"))).toBe(0);
  expect(await jobs.sendOutcomeEmails(NOW)).toBe(0);
  const outbox = await prisma.emailOutbox.findMany({ where: { template: "outcomes-due" } });
  expect(outbox.map((e) => e.dedupeKey)).toEqual([`outcomes-due:${companies.due}:2026-11-15`]);
  // It is no relance: the animators may still remind the company.
  expect(await prisma.reminder.count({ where: { companyId: companies.due } })).toBe(0);
});

test("a new outcome due after the cap is told; within the cap it waits", async () => {
  // An older hire: its 12-month outcome falls due on 2026-12-10, within the 30-day cap (its
  // 6-month one, due in June, is late).
  await insertRealisation(prisma, {
    companyId: companies.due,
    date: day("2025-12-10"),
    quantity: 1,
  });
  expect(await jobs.sendOutcomeEmails(new Date("2026-12-10T07:00:00Z"))).toBe(0);
  // After the cap, it goes — and so does the one reminded on 20 November, its cap over too.
  expect(await jobs.sendOutcomeEmails(new Date("2027-01-02T07:00:00Z"))).toBe(2);
  expect((await email.deliverDueEmails()).sent).toBe(2);
  await mailbox.waitForMessage({ to: "reminded@suivi.test" });
  expect(mailbox.messages.map((m) => m.to[0]).sort()).toEqual([
    "due@suivi.test",
    "due@suivi.test",
    "reminded@suivi.test",
  ]);
  const second = await mailbox.waitForMessage({
    to: "due@suivi.test",
    subject: /3 suivis à renseigner/,
  });
  expect(second.text).toContain("dont 1 en retard");
});
