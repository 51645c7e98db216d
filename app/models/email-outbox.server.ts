// What the administration reads of the outbox (its writes live in app/utils/email.server.ts).

import { prisma } from "~/utils/db.server";

/** The 100 newest messages, without their bodies, for /admin/emails. */
export function listLatestEmails() {
  return prisma.emailOutbox.findMany({
    orderBy: { createdAt: "desc" },
    take: 100,
    select: {
      id: true,
      to: true,
      subject: true,
      status: true,
      attempts: true,
      lastError: true,
      createdAt: true,
      sentAt: true,
      nextAttemptAt: true,
    },
  });
}

/** How many messages are in each status (PENDING, SENDING, SENT, FAILED). */
export async function countEmailsByStatus(): Promise<Record<string, number>> {
  const groups = await prisma.emailOutbox.groupBy({ by: ["status"], _count: { _all: true } });
  return Object.fromEntries(groups.map((o) => [o.status, o._count._all]));
}

/** How many messages the outbox holds, whatever their status. */
export function countOutboxEmails() {
  return prisma.emailOutbox.count();
}

/** The 50 newest messages' headings, for the development mailbox. */
export function listDevMailboxEmails() {
  return prisma.emailOutbox.findMany({
    orderBy: { createdAt: "desc" },
    take: 50,
    select: { id: true, to: true, subject: true, createdAt: true },
  });
}

/** One message with its bodies, for the development mailbox; null when unknown. */
export function getDevMailboxEmail(id: string) {
  return prisma.emailOutbox.findUnique({
    where: { id },
    select: { id: true, to: true, subject: true, html: true, text: true, createdAt: true },
  });
}
