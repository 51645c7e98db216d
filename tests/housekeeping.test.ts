import { expect, test } from "vitest";
import { insertUser } from "../prisma/factories";
import { purgeExpiredRows } from "~/models/housekeeping.server";
import { prisma } from "~/utils/db.server";

test("expired sessions, old attempts and spent tokens go; live ones stay", async () => {
  const now = new Date("2026-11-23T12:00:00Z");
  const user = await insertUser(prisma, {});
  const day = 24 * 3600_000;
  const live = await prisma.session.create({
    data: { userId: user.id, expiresAt: new Date(now.getTime() + day) },
  });
  await prisma.session.create({
    data: { userId: user.id, expiresAt: new Date(now.getTime() - 1) },
  });
  await prisma.loginAttempt.create({
    data: {
      email: "a@b.fr",
      ip: "x",
      success: false,
      createdAt: new Date(now.getTime() - 40 * day),
    },
  });
  const recent = await prisma.loginAttempt.create({
    data: { email: "a@b.fr", ip: "x", success: false, createdAt: now },
  });
  await prisma.passwordResetToken.create({
    data: {
      userId: user.id,
      tokenHash: "used",
      expiresAt: new Date(now.getTime() + day),
      usedAt: now,
    },
  });
  const usable = await prisma.passwordResetToken.create({
    data: { userId: user.id, tokenHash: "usable", expiresAt: new Date(now.getTime() + day) },
  });

  await prisma.rateLimitHit.create({
    data: { bucket: "badTokenAttempt", key: "x", at: new Date(now.getTime() - 2 * 3600_000) },
  });
  const hit = await prisma.rateLimitHit.create({
    data: { bucket: "badTokenAttempt", key: "x", at: new Date(now.getTime() - 60_000) },
  });

  const flow = { kind: "LOGIN", state: "s" };
  await prisma.proConnectFlow.create({ data: { ...flow, expiresAt: new Date(now.getTime() - 1) } });
  const pending = await prisma.proConnectFlow.create({
    data: { ...flow, expiresAt: new Date(now.getTime() + 60_000) },
  });

  expect(await purgeExpiredRows(now)).toEqual({
    sessions: 1,
    loginAttempts: 1,
    resetTokens: 1,
    importDrafts: 0,
    rateLimitHits: 1,
    proConnectFlows: 1,
  });
  expect((await prisma.proConnectFlow.findMany()).map((f) => f.id)).toEqual([pending.id]);
  expect((await prisma.rateLimitHit.findMany()).map((h) => h.id)).toEqual([hit.id]);
  expect((await prisma.session.findMany({ where: { userId: user.id } })).map((s) => s.id)).toEqual([
    live.id,
  ]);
  expect(await prisma.loginAttempt.findUnique({ where: { id: recent.id } })).not.toBeNull();
  expect(
    (await prisma.passwordResetToken.findMany({ where: { userId: user.id } })).map((t) => t.id),
  ).toEqual([usable.id]);
});
