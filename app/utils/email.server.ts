// E-mail goes through the outbox table: queueEmail() writes the rendered message (inside the
// caller's transaction when there is one), and the worker delivers it over SMTP with retries.
// Without SMTP_URL the messages stay in the outbox, readable on the development mailbox page.

import nodemailer, { type Transporter } from "nodemailer";
import { emailTemplates, type EmailTemplateData, type EmailTemplateName } from "../../emails";
import { INSTANCE_ID, liveInstanceIds, registerInstance } from "./app-instance.server";
import { prisma, type Tx } from "./db.server";
import { env } from "./env.server";

export type EmailAttachment = {
  filename: string;
  contentType: string;
  content: string; /* base64 */
};

export const MAX_ATTEMPTS = 8;
const BASE_BACKOFF_MS = 30_000;
/** Why a message left SENDING by a stopped process is not sent again on its own (decision 011). */
export const INTERRUPTED_SEND_ERROR =
  "Envoi interrompu par un arrêt du serveur : le message a peut-être été reçu. Vérifiez avant de le renvoyer.";

export async function queueEmail<T extends EmailTemplateName>(
  db: Tx | typeof prisma,
  message: {
    template: T;
    to: string;
    data: EmailTemplateData<T>;
    attachments?: EmailAttachment[];
    /** Extra headers, e.g. List-Unsubscribe and List-Unsubscribe-Post (RFC 8058). */
    headers?: Record<string, string>;
    /** A key that makes the send idempotent: a second queueEmail with it does nothing. */
    dedupeKey?: string;
    /** Where answers go (a member writing to another company through the app). */
    replyTo?: string;
  },
) {
  const render = emailTemplates[message.template] as (data: EmailTemplateData<T>) => {
    subject: string;
    html: string;
    text: string;
  };
  const rendered = render(message.data);
  const data = {
    template: message.template,
    to: message.to,
    subject: rendered.subject,
    html: rendered.html,
    text: rendered.text,
    attachments: JSON.stringify(message.attachments ?? []),
    headers: JSON.stringify(message.headers ?? {}),
    dedupeKey: message.dedupeKey ?? null,
    replyTo: message.replyTo ?? null,
  };
  if (message.dedupeKey) {
    return db.emailOutbox.upsert({
      where: { dedupeKey: message.dedupeKey },
      create: data,
      update: {},
      select: { id: true },
    });
  }
  return db.emailOutbox.create({ data, select: { id: true } });
}

let transporter: Transporter | null = null;
function getTransporter(): Transporter | null {
  if (!env.SMTP_URL) return null;
  transporter ??= nodemailer.createTransport(env.SMTP_URL);
  return transporter;
}

/** Exponential backoff: 30 s, 1 min, 2 min… capped at 2 h. */
export function nextAttemptDelay(attempts: number) {
  return Math.min(BASE_BACKOFF_MS * 2 ** Math.max(0, attempts - 1), 2 * 60 * 60_000);
}

/**
 * Delivers the messages that are due. Each message is claimed (PENDING → SENDING, by this
 * instance) in one conditional statement before it is sent, so two workers, in this process or
 * another, never send the same message. Stops early when the worker is asked to stop. Returns how
 * many were sent.
 */
export async function deliverDueEmails(limit = 20): Promise<{ sent: number; failed: number }> {
  const transport = getTransporter();
  if (!transport) return { sent: 0, failed: 0 };
  const now = new Date();
  const due = await prisma.emailOutbox.findMany({
    where: { status: "PENDING", nextAttemptAt: { lte: now } },
    orderBy: { createdAt: "asc" },
    take: limit,
    select: { id: true },
  });
  let sent = 0;
  let failed = 0;
  for (const { id } of due) {
    if (worker.stopping) break;
    const claimed = await prisma.emailOutbox.updateMany({
      where: { id, status: "PENDING" },
      data: { status: "SENDING", nextAttemptAt: new Date(), claimedBy: INSTANCE_ID },
    });
    if (claimed.count === 0) continue;
    const message = await prisma.emailOutbox.findUniqueOrThrow({ where: { id } });
    try {
      const attachments = JSON.parse(message.attachments) as EmailAttachment[];
      await transport.sendMail({
        from: env.MAIL_FROM,
        to: message.to,
        replyTo: message.replyTo ?? undefined,
        subject: message.subject,
        html: message.html,
        text: message.text,
        messageId: `<${message.id}@engages>`,
        headers: JSON.parse(message.headers) as Record<string, string>,
        attachments: attachments.map((a) => ({
          filename: a.filename,
          contentType: a.contentType,
          content: Buffer.from(a.content, "base64"),
        })),
      });
      await prisma.emailOutbox.update({
        where: { id },
        data: { status: "SENT", sentAt: new Date(), attempts: { increment: 1 }, lastError: null },
      });
      sent++;
    } catch (error) {
      const attempts = message.attempts + 1;
      const giveUp = attempts >= MAX_ATTEMPTS;
      await prisma.emailOutbox.update({
        where: { id },
        data: {
          status: giveUp ? "FAILED" : "PENDING",
          attempts,
          lastError: error instanceof Error ? error.message.slice(0, 500) : String(error),
          nextAttemptAt: new Date(Date.now() + nextAttemptDelay(attempts)),
        },
      });
      failed++;
      // A dead SMTP server fails every message alike: stop this round and wait for the backoff.
      break;
    }
  }
  return { sent, failed };
}

/**
 * A message still SENDING whose claimant is no longer alive (its instance stopped by a crash,
 * SIGKILL or power cut between claiming it and recording the SMTP server's answer) may or may not
 * have been delivered. Sending it again could deliver it twice; it is marked FAILED with an
 * explicit error instead, for an administrator to check and retry at /admin/emails (at most once,
 * decision 011). The claims of live instances, this one included, are left alone; so are claims
 * made after the live instances were read (an instance that started meanwhile). Returns how many.
 */
export async function recoverInterruptedEmails(now = new Date()): Promise<number> {
  const live = await liveInstanceIds(now);
  const { count } = await prisma.emailOutbox.updateMany({
    where: {
      status: "SENDING",
      OR: [{ claimedBy: null }, { claimedBy: { notIn: live }, nextAttemptAt: { lt: now } }],
    },
    data: { status: "FAILED", lastError: INTERRUPTED_SEND_ERROR },
  });
  if (count > 0)
    console.warn(`${count} e-mail(s) interrompu(s) par un arrêt : à vérifier sur /admin/emails`);
  return count;
}

/** Puts failed messages back in the queue, to be tried at once (/admin/emails). Returns how many. */
export async function retryFailedEmails(now = new Date()): Promise<number> {
  const result = await prisma.emailOutbox.updateMany({
    where: { status: "FAILED" },
    data: { status: "PENDING", attempts: 0, nextAttemptAt: now },
  });
  return result.count;
}

const WORKER_INTERVAL_MS = 2_000;
/** How often the worker looks for messages left by dead instances (cheap, but not every tick). */
const RECOVERY_EVERY_MS = 10_000;

type Worker = { timer?: NodeJS.Timeout; stopping: boolean; round: Promise<void> };
// On globalThis: in development the build is re-imported after each change, and one worker
// must survive it.
const state = globalThis as typeof globalThis & { __engagesOutboxWorker?: Worker };
const worker = (state.__engagesOutboxWorker ??= { stopping: false, round: Promise.resolve() });

/** Starts the in-process outbox worker once per process. */
export function startOutboxWorker() {
  if (worker.timer || env.OUTBOX_WORKER === "false" || !env.SMTP_URL) return;
  // Registered before the first claim, so that other instances see the claims as alive.
  const ready = registerInstance()
    .then(() => recoverInterruptedEmails())
    .catch((error) => console.error("Reprise des e-mails interrompus : erreur inattendue", error));
  let running = false;
  let lastRecovery = Date.now();
  worker.timer = setInterval(() => {
    if (running || worker.stopping) return;
    running = true;
    worker.round = ready
      .then(async () => {
        if (Date.now() - lastRecovery >= RECOVERY_EVERY_MS) {
          lastRecovery = Date.now();
          await recoverInterruptedEmails();
        }
        await deliverDueEmails();
      })
      .catch((error) => console.error("Envoi des e-mails : erreur inattendue", error))
      .finally(() => {
        running = false;
      });
  }, WORKER_INTERVAL_MS);
  worker.timer.unref();
}

/**
 * Graceful shutdown: claims no more messages and waits for the message being sent to get its
 * answer, so that nothing this instance claimed is left SENDING.
 */
export async function stopOutboxWorker() {
  worker.stopping = true;
  clearInterval(worker.timer);
  await worker.round;
}
