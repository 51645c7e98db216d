// Several app instances on one database (decision 022): what one instance counts or claims, the
// others see. The "other instances" here are rows written as another process would write them.
import { beforeEach, describe, expect, test } from "vitest";
import {
  HEARTBEAT_EVERY_MS,
  INSTANCE_DEAD_AFTER_MS,
  INSTANCE_ID,
  liveInstanceIds,
  registerInstance,
  unregisterInstance,
} from "~/utils/app-instance.server";
import { prisma } from "~/utils/db.server";
import { INTERRUPTED_SEND_ERROR, queueEmail, recoverInterruptedEmails } from "~/utils/email.server";
import { RATE_LIMITS, isThrottled, recordHit, resetRateLimits } from "~/utils/rate-limit.server";

beforeEach(async () => {
  await resetRateLimits();
  await prisma.emailOutbox.deleteMany();
  await prisma.appInstance.deleteMany();
});

describe("throttling counts every instance's hits", () => {
  test("hits recorded by another process count towards the same limit", async () => {
    const { limit } = RATE_LIMITS.badTokenAttempt;
    const now = new Date();
    // Another instance recorded limit - 1 hits for this address a minute ago.
    await prisma.rateLimitHit.createMany({
      data: Array.from({ length: limit - 1 }, () => ({
        bucket: "badTokenAttempt",
        key: "203.0.113.7",
        at: new Date(now.getTime() - 60_000),
      })),
    });
    expect(await isThrottled("badTokenAttempt", "203.0.113.7", now)).toBe(false);
    await recordHit("badTokenAttempt", "203.0.113.7", now);
    expect(await isThrottled("badTokenAttempt", "203.0.113.7", now)).toBe(true);
    // Another address, another bucket and hits past the window do not count.
    expect(await isThrottled("badTokenAttempt", "203.0.113.8", now)).toBe(false);
    expect(await isThrottled("passwordResetRequest", "203.0.113.7", now)).toBe(false);
    const later = new Date(now.getTime() + RATE_LIMITS.badTokenAttempt.windowMs);
    expect(await isThrottled("badTokenAttempt", "203.0.113.7", later)).toBe(false);
  });
});

describe("e-mails claimed by an instance that died", () => {
  const message = (to: string) => ({
    template: "invitation" as const,
    to,
    data: {
      inviterName: "Claire Animatrice",
      roleDescription: "pour représenter l'entreprise Boulangerie Dupont",
      acceptUrl: "http://localhost:3000/invitation/jeton",
      expiresInDays: 7,
    },
  });

  async function claimed(to: string, claimedBy: string | null, claimedAt: Date) {
    const { id } = await queueEmail(prisma, message(to));
    await prisma.emailOutbox.update({
      where: { id },
      data: { status: "SENDING", claimedBy, nextAttemptAt: claimedAt },
    });
    return id;
  }

  test("only the claims of dead or unknown instances are set aside, never sent again", async () => {
    const now = new Date();
    const ago = (ms: number) => new Date(now.getTime() - ms);
    await prisma.appInstance.createMany({
      data: [
        { id: "vivante", seenAt: ago(HEARTBEAT_EVERY_MS) },
        { id: "morte", seenAt: ago(INSTANCE_DEAD_AFTER_MS + 1_000) },
      ],
    });
    const ofLive = await claimed("vivante@example.fr", "vivante", ago(60_000));
    const ofDead = await claimed("morte@example.fr", "morte", ago(60_000));
    const ofUnknown = await claimed("inconnue@example.fr", "disparue", ago(60_000));
    const legacy = await claimed("ancienne@example.fr", null, ago(60_000));
    // Claimed by an instance that started after the live ones were read: left alone.
    const justNow = await claimed(
      "nouvelle@example.fr",
      "toute-neuve",
      new Date(now.getTime() + 5),
    );

    expect(await liveInstanceIds(now)).toEqual(["vivante"]);
    expect(await recoverInterruptedEmails(now)).toBe(3);
    const rows = await prisma.emailOutbox.findMany({
      select: { id: true, status: true, lastError: true },
    });
    const status = Object.fromEntries(rows.map((r) => [r.id, r.status]));
    expect(status).toEqual({
      [ofLive]: "SENDING",
      [ofDead]: "FAILED",
      [ofUnknown]: "FAILED",
      [legacy]: "FAILED",
      [justNow]: "SENDING",
    });
    expect(
      rows
        .filter((r) => r.status === "FAILED")
        .every((r) => r.lastError === INTERRUPTED_SEND_ERROR),
    ).toBe(true);
  });

  test("this instance registers, beats and leaves", async () => {
    await registerInstance();
    expect(await liveInstanceIds()).toContain(INSTANCE_ID);
    await unregisterInstance();
    expect(await prisma.appInstance.count({ where: { id: INSTANCE_ID } })).toBe(0);
  });
});
