// This process among the app instances sharing one database (decision 022). Each instance has an
// id, a row in AppInstance and a heartbeat; what one instance claims (an e-mail being sent) is
// tied to its id, so that the others can tell a claim of a live instance from one left by an
// instance that died (SIGKILL, lost machine) without waiting for a timeout on the work itself.

import { randomUUID } from "node:crypto";
import { prisma } from "./db.server";

/** This process's id, fixed for its lifetime. */
export const INSTANCE_ID = randomUUID();

export const HEARTBEAT_EVERY_MS = 5_000;
/** An instance that has not beaten for this long is taken for dead. */
export const INSTANCE_DEAD_AFTER_MS = 30_000;

let heartbeat: NodeJS.Timeout | undefined;
let registered: Promise<void> | undefined;

/** Records this instance and keeps its heartbeat going (once per process). */
export function registerInstance(): Promise<void> {
  registered ??= (async () => {
    const now = new Date();
    await prisma.appInstance.upsert({
      where: { id: INSTANCE_ID },
      create: { id: INSTANCE_ID, startedAt: now, seenAt: now },
      update: { seenAt: now },
    });
    heartbeat = setInterval(() => {
      prisma.appInstance
        .upsert({
          where: { id: INSTANCE_ID },
          create: { id: INSTANCE_ID, seenAt: new Date() },
          update: { seenAt: new Date() },
        })
        .catch((error) => console.error("Signal de vie de l'instance : erreur", error));
    }, HEARTBEAT_EVERY_MS);
    heartbeat.unref();
  })();
  return registered;
}

/** Stops the heartbeat and removes this instance's row (graceful shutdown). */
export async function unregisterInstance() {
  clearInterval(heartbeat);
  heartbeat = undefined;
  if (!registered) return;
  await prisma.appInstance.deleteMany({ where: { id: INSTANCE_ID } });
}

/** The ids of the instances seen alive at `now`; the rows of long-dead ones are dropped. */
export async function liveInstanceIds(now = new Date()): Promise<string[]> {
  const cutoff = new Date(now.getTime() - INSTANCE_DEAD_AFTER_MS);
  await prisma.appInstance.deleteMany({
    where: { seenAt: { lt: new Date(now.getTime() - 24 * 3600_000) } },
  });
  const rows = await prisma.appInstance.findMany({
    where: { seenAt: { gte: cutoff } },
    select: { id: true },
  });
  return rows.map((r) => r.id);
}
