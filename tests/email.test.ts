// The e-mail outbox against a real SMTP server: messages are written to the outbox, delivered
// by deliverDueEmails, kept and retried with a backoff when SMTP is down, and sent exactly once.
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { startTestSmtpServer, type TestMailbox } from "./utils/smtp-server";

let mailbox: TestMailbox;
let smtpPort: number;
// Imported after SMTP_URL is set: env.server.ts reads the environment once, at import time.
let email: typeof import("~/utils/email.server");
let prisma: (typeof import("~/utils/db.server"))["prisma"];

beforeAll(async () => {
  mailbox = await startTestSmtpServer();
  smtpPort = mailbox.port;
  process.env.SMTP_URL = mailbox.url;
  email = await import("~/utils/email.server");
  ({ prisma } = await import("~/utils/db.server"));
});

afterAll(async () => {
  await mailbox?.stop();
});

beforeEach(() => {
  mailbox.clear();
});

let counter = 0;
function invitationMessage(
  overrides: { to?: string; dedupeKey?: string; inviterName?: string } = {},
) {
  counter++;
  return {
    template: "invitation" as const,
    to: overrides.to ?? `invite-${counter}@exemple.test`,
    dedupeKey: overrides.dedupeKey,
    data: {
      inviterName: overrides.inviterName ?? "Claire Animatrice",
      roleDescription: "pour représenter l'entreprise Boulangerie Dupont",
      acceptUrl: `http://localhost:3000/invitation/jeton-${counter}`,
      expiresInDays: 7,
    },
  };
}

describe("queueEmail", () => {
  test("écrit le message rendu dans la boîte d'envoi, en attente", async () => {
    const message = invitationMessage();
    const { id } = await email.queueEmail(prisma, message);
    const row = await prisma.emailOutbox.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({
      template: "invitation",
      to: message.to,
      subject: "Invitation à rejoindre Engagés",
      status: "PENDING",
      attempts: 0,
      lastError: null,
      sentAt: null,
    });
    expect(row.html).toContain(message.data.acceptUrl);
    expect(row.html).toContain("Claire Animatrice");
    expect(row.text).toContain(message.data.acceptUrl);
    expect(row.nextAttemptAt.getTime()).toBeLessThanOrEqual(Date.now());
  });

  test("écrit dans la transaction de l'appelant : rien n'est envoyé si elle est annulée", async () => {
    const message = invitationMessage();
    await expect(
      prisma.$transaction(async (tx) => {
        await email.queueEmail(tx, message);
        throw new Error("annulée");
      }),
    ).rejects.toThrow("annulée");
    expect(await prisma.emailOutbox.count({ where: { to: message.to } })).toBe(0);
  });

  test("avec une dedupeKey, un second queueEmail ne fait rien", async () => {
    const dedupeKey = `invitation:${Date.now()}:${Math.random()}`;
    const first = invitationMessage({ dedupeKey });
    const a = await email.queueEmail(prisma, first);
    const b = await email.queueEmail(prisma, {
      ...first,
      data: { ...first.data, inviterName: "Quelqu'un d'autre" },
    });
    expect(b.id).toBe(a.id);
    const rows = await prisma.emailOutbox.findMany({ where: { dedupeKey } });
    expect(rows).toHaveLength(1);
    expect(rows[0].html).toContain("Claire Animatrice");
    expect(rows[0].html).not.toContain("Quelqu&#39;un d&#39;autre");

    // Still a no-op once the message has been sent: it is not sent again.
    expect((await email.deliverDueEmails()).sent).toBeGreaterThanOrEqual(1);
    await mailbox.waitForMessage({ to: first.to });
    await email.queueEmail(prisma, first);
    expect(await email.deliverDueEmails()).toEqual({ sent: 0, failed: 0 });
    expect(await prisma.emailOutbox.count({ where: { dedupeKey } })).toBe(1);
    expect(mailbox.messages.filter((m) => m.to.includes(first.to))).toHaveLength(1);
  });
});

describe("deliverDueEmails", () => {
  test("envoie le message par SMTP, en français, en HTML et en texte", async () => {
    const message = invitationMessage({ to: "Nouvelle.Personne@Exemple.test" });
    const { id } = await email.queueEmail(prisma, message);

    const result = await email.deliverDueEmails();
    expect(result.failed).toBe(0);
    expect(result.sent).toBeGreaterThanOrEqual(1);

    const received = await mailbox.waitForMessage(
      { to: "nouvelle.personne@exemple.test", subject: "Invitation à rejoindre Engagés" },
      5_000,
    );
    expect(received.subject).toBe("Invitation à rejoindre Engagés");
    expect(received.html).toContain('<html lang="fr">');
    expect(received.html).toContain(`href="${message.data.acceptUrl}"`);
    expect(received.html).toContain("Accepter l&#39;invitation");
    expect(received.text).toContain(`Accepter l'invitation : ${message.data.acceptUrl}`);
    expect(received.text).toContain("valable 7 jours");
    expect(received.text).not.toContain("<p");
    expect(received.parsed.from?.text).toContain("Engagés");
    expect(received.parsed.messageId).toBe(`<${id}@engages>`);

    const row = await prisma.emailOutbox.findUniqueOrThrow({ where: { id } });
    expect(row.status).toBe("SENT");
    expect(row.attempts).toBe(1);
    expect(row.sentAt).toBeInstanceOf(Date);
    expect(row.lastError).toBeNull();
  });

  test("n'envoie pas deux fois un message déjà envoyé", async () => {
    const message = invitationMessage();
    await email.queueEmail(prisma, message);
    await email.deliverDueEmails();
    await mailbox.waitForMessage({ to: message.to });
    expect(await email.deliverDueEmails()).toEqual({ sent: 0, failed: 0 });
    await new Promise((r) => setTimeout(r, 100));
    expect(mailbox.messages.filter((m) => m.to.includes(message.to))).toHaveLength(1);
  });

  test("quand SMTP est en panne, le message reste en attente et repart une seule fois au retour", async () => {
    await mailbox.stop();
    let restarted = false;
    try {
      const message = invitationMessage();
      const { id } = await email.queueEmail(prisma, message);

      const before = Date.now();
      const failedRound = await email.deliverDueEmails();
      expect(failedRound).toEqual({ sent: 0, failed: 1 });

      const failed = await prisma.emailOutbox.findUniqueOrThrow({ where: { id } });
      expect(failed.status).toBe("PENDING");
      expect(failed.attempts).toBe(1);
      expect(failed.lastError).toBeTruthy();
      expect(failed.sentAt).toBeNull();
      expect(failed.nextAttemptAt.getTime()).toBeGreaterThan(before);
      expect(failed.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());

      // Not due yet: the next round leaves it alone (no second attempt).
      expect(await email.deliverDueEmails()).toEqual({ sent: 0, failed: 0 });
      expect((await prisma.emailOutbox.findUniqueOrThrow({ where: { id } })).attempts).toBe(1);

      // SMTP is back (same address as SMTP_URL), and the backoff is over.
      mailbox = await startTestSmtpServer(smtpPort);
      restarted = true;
      await prisma.emailOutbox.update({
        where: { id },
        data: { nextAttemptAt: new Date(Date.now() - 1_000) },
      });
      const retry = await email.deliverDueEmails();
      expect(retry).toEqual({ sent: 1, failed: 0 });
      const received = await mailbox.waitForMessage(
        { to: message.to, subject: "Invitation" },
        5_000,
      );
      expect(received.text).toContain(message.data.acceptUrl);

      const sent = await prisma.emailOutbox.findUniqueOrThrow({ where: { id } });
      expect(sent.status).toBe("SENT");
      expect(sent.attempts).toBe(2);
      expect(sent.lastError).toBeNull();

      expect(await email.deliverDueEmails()).toEqual({ sent: 0, failed: 0 });
      await new Promise((r) => setTimeout(r, 100));
      expect(mailbox.messages.filter((m) => m.to.includes(message.to))).toHaveLength(1);
    } finally {
      // Leave a running server for the other tests whatever happened.
      if (!restarted) mailbox = await startTestSmtpServer(smtpPort);
    }
  });

  test("un message resté « en cours d'envoi » après un arrêt brutal n'est jamais renvoyé tout seul", async () => {
    // What a SIGKILL between the claim and the SMTP answer leaves: a SENDING row.
    const message = invitationMessage();
    const { id } = await email.queueEmail(prisma, message);
    await prisma.emailOutbox.update({ where: { id }, data: { status: "SENDING" } });

    expect(await email.recoverInterruptedEmails()).toBe(1);
    const row = await prisma.emailOutbox.findUniqueOrThrow({ where: { id } });
    expect(row.status).toBe("FAILED");
    expect(row.lastError).toBe(email.INTERRUPTED_SEND_ERROR);
    expect(row.sentAt).toBeNull();

    expect(await email.deliverDueEmails()).toEqual({ sent: 0, failed: 0 });
    await new Promise((r) => setTimeout(r, 100));
    expect(mailbox.messages.filter((m) => m.to.includes(message.to))).toHaveLength(0);
    // Recovery touches only interrupted sends.
    expect(await email.recoverInterruptedEmails()).toBe(0);
  });

  test("le délai entre deux essais croît, plafonné à 2 heures", () => {
    expect(email.nextAttemptDelay(1)).toBe(30_000);
    expect(email.nextAttemptDelay(2)).toBe(60_000);
    expect(email.nextAttemptDelay(3)).toBe(120_000);
    expect(email.nextAttemptDelay(20)).toBe(2 * 60 * 60_000);
  });
});
