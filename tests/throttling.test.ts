// Throttling of the no-sign-in forms per client address: password-reset requests, and invitation
// or reset links that do not exist. The 429 answers in French and writes nothing.
import { beforeEach, describe, expect, test } from "vitest";
import { createUser } from "../prisma/factories";
import { action as acceptInvitation } from "~/routes/invitation.$token";
import { action as requestReset } from "~/routes/mot-de-passe-oublie";
import { action as resetPassword } from "~/routes/reinitialiser-mot-de-passe.$token";
import { CLIENT_IP_HEADER } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { RATE_LIMITS, TOO_MANY_ATTEMPTS, resetRateLimits } from "~/utils/rate-limit.server";
import { appRequest } from "./utils/session";

beforeEach(() => resetRateLimits());

function post(path: string, ip: string, fields: Record<string, string>) {
  return appRequest(path, {
    method: "POST",
    headers: { [CLIENT_IP_HEADER]: ip },
    body: new URLSearchParams(fields),
  });
}

/** Status and body of an action's result (`data(…, { status })` or a Response). */
async function outcome(result: unknown) {
  if (result instanceof Response) return { status: result.status, body: await result.text() };
  const { data, init } = result as { data: unknown; init?: { status?: number } };
  return { status: init?.status ?? 200, body: JSON.stringify(data) };
}

describe("password-reset requests", () => {
  test(`after ${RATE_LIMITS.passwordResetRequest.limit} requests from one IP the next is refused (429); another IP is not`, async () => {
    await createUser(prisma, { email: "marie@exemple.fr", password: "un-mot-de-passe-long" });
    for (let i = 0; i < RATE_LIMITS.passwordResetRequest.limit; i++) {
      const r = await outcome(
        await requestReset({
          request: post("/mot-de-passe-oublie", "203.0.113.7", { email: `x${i}@exemple.fr` }),
          params: {},
          context: {},
        }),
      );
      expect(r.status).toBe(302);
    }
    const tokensBefore = await prisma.passwordResetToken.count();
    const refused = await outcome(
      await requestReset({
        request: post("/mot-de-passe-oublie", "203.0.113.7", { email: "marie@exemple.fr" }),
        params: {},
        context: {},
      }),
    );
    expect(refused.status).toBe(429);
    expect(refused.body).toContain(TOO_MANY_ATTEMPTS);
    expect(await prisma.passwordResetToken.count()).toBe(tokensBefore);

    const otherAddress = await outcome(
      await requestReset({
        request: post("/mot-de-passe-oublie", "198.51.100.1", { email: "marie@exemple.fr" }),
        params: {},
        context: {},
      }),
    );
    expect(otherAddress.status).toBe(302);
    expect(await prisma.passwordResetToken.count()).toBe(tokensBefore + 1);
  });
});

describe("invitation and reset links", () => {
  test("guessing invitation tokens is cut off after the limit, even for a real one next", async () => {
    const ip = "203.0.113.8";
    for (let i = 0; i < RATE_LIMITS.badTokenAttempt.limit; i++) {
      const r = await outcome(
        await acceptInvitation({
          request: post(`/invitation/devine-${i}`, ip, { name: "Jean Test" }),
          params: { token: `devine-${i}` },
          context: {},
        }),
      );
      expect(r.status).toBe(400);
    }
    const usersBefore = await prisma.user.count();
    const refused = await outcome(
      await acceptInvitation({
        request: post("/invitation/encore", ip, {
          name: "Jean Test",
          password: "un-mot-de-passe-long",
          confirm: "un-mot-de-passe-long",
        }),
        params: { token: "encore" },
        context: {},
      }),
    );
    expect(refused.status).toBe(429);
    expect(refused.body).toContain(TOO_MANY_ATTEMPTS);
    expect(await prisma.user.count()).toBe(usersBefore);
  });

  test("guessing reset tokens shares the same limit", async () => {
    const ip = "203.0.113.9";
    const fields = { password: "un-mot-de-passe-long", confirm: "un-mot-de-passe-long" };
    for (let i = 0; i < RATE_LIMITS.badTokenAttempt.limit; i++) {
      const r = await outcome(
        await resetPassword({
          request: post(`/reinitialiser-mot-de-passe/devine-${i}`, ip, fields),
          params: { token: `devine-${i}` },
          context: {},
        }),
      );
      expect(r.status).toBe(400);
    }
    const refused = await outcome(
      await resetPassword({
        request: post("/reinitialiser-mot-de-passe/encore", ip, fields),
        params: { token: "encore" },
        context: {},
      }),
    );
    expect(refused.status).toBe(429);
    expect(refused.body).toContain(TOO_MANY_ATTEMPTS);
  });
});
