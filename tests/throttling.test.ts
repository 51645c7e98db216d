// Throttling of the no-sign-in forms: sign-in (per address and IP, per IP, per address, known
// devices apart), password-reset requests, and invitation or reset links that do not exist. The
// 429 answers in French and writes nothing.
import { beforeEach, describe, expect, test } from "vitest";
import { insertUser } from "../prisma/factories";
import { processPasswordResetRequests } from "~/models/password-reset.server";
import { action as acceptInvitation } from "~/routes/invitation.$token";
import { action as login } from "~/routes/login";
import { action as requestReset } from "~/routes/mot-de-passe-oublie";
import { action as resetPassword } from "~/routes/reinitialiser-mot-de-passe.$token";
import {
  ACCOUNT_UNDER_ATTACK,
  CLIENT_IP_HEADER,
  MAX_FAILED_LOGINS_PER_EMAIL,
  MAX_FAILED_LOGINS_PER_EMAIL_AND_IP,
  TOO_MANY_FAILED_LOGINS,
} from "~/utils/auth.server";
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
    await insertUser(prisma, { email: "marie@exemple.fr", password: "un-mot-de-passe-long" });
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
    const requestsBefore = await prisma.passwordResetRequest.count();
    const refused = await outcome(
      await requestReset({
        request: post("/mot-de-passe-oublie", "203.0.113.7", { email: "marie@exemple.fr" }),
        params: {},
        context: {},
      }),
    );
    expect(refused.status).toBe(429);
    expect(refused.body).toContain(TOO_MANY_ATTEMPTS);
    expect(await prisma.passwordResetRequest.count()).toBe(requestsBefore);

    const otherAddress = await outcome(
      await requestReset({
        request: post("/mot-de-passe-oublie", "198.51.100.1", { email: "marie@exemple.fr" }),
        params: {},
        context: {},
      }),
    );
    expect(otherAddress.status).toBe(302);
    expect(await processPasswordResetRequests()).toBe(1);
    expect(await prisma.passwordResetToken.count()).toBe(1);
  });

  test("the answer, and the database work, are the same whether the address has an account or not", async () => {
    await insertUser(prisma, { email: "compte@exemple.fr", password: "un-mot-de-passe-long" });
    let queries: string[] = [];
    prisma.$on("query", (event) => queries.push(event.query));
    const answers = [];
    for (const email of ["compte@exemple.fr", "personne@exemple.fr"]) {
      queries = [];
      const response = (await requestReset({
        request: post("/mot-de-passe-oublie", "203.0.113.20", { email }),
        params: {},
        context: {},
      })) as Response;
      answers.push({
        status: response.status,
        headers: [...response.headers],
        body: await response.text(),
        queries,
      });
    }
    expect(answers[0].queries.length).toBeGreaterThan(0);
    expect(answers[1]).toEqual(answers[0]);

    // The job then sends the link to the account, and nothing to the other address.
    expect(await processPasswordResetRequests()).toBe(1);
    const mail = await prisma.emailOutbox.findMany({
      where: {
        template: "password-reset",
        to: { in: ["compte@exemple.fr", "personne@exemple.fr"] },
      },
    });
    expect(mail.map((m) => m.to)).toEqual(["compte@exemple.fr"]);
    expect(await prisma.passwordResetRequest.count()).toBe(0);
  });
});

describe("sign-in", () => {
  const PASSWORD = "un-mot-de-passe-long";

  async function signIn(ip: string, email: string, password: string, cookie?: string) {
    const request = appRequest("/login", {
      method: "POST",
      headers: { [CLIENT_IP_HEADER]: ip },
      body: new URLSearchParams({ email, password, redirectTo: "" }),
      cookie,
    });
    const result = await login({ request, params: {}, context: {} });
    const cookies = result instanceof Response ? result.headers.getSetCookie() : [];
    return { ...(await outcome(result)), cookies };
  }

  test("an attacker failing from IP A is throttled (429) but does not stop the owner signing in from IP B", async () => {
    await insertUser(prisma, { email: "proprietaire@exemple.fr", password: PASSWORD });
    for (let i = 0; i < MAX_FAILED_LOGINS_PER_EMAIL_AND_IP; i++) {
      const r = await signIn("203.0.113.30", "proprietaire@exemple.fr", "mauvais-mot-de-passe");
      expect(r.status).toBe(400);
    }
    const attacker = await signIn("203.0.113.30", "proprietaire@exemple.fr", PASSWORD);
    expect(attacker.status).toBe(429);
    expect(attacker.body).toContain(TOO_MANY_FAILED_LOGINS);
    expect(attacker.cookies).toEqual([]);

    const owner = await signIn("198.51.100.30", "proprietaire@exemple.fr", PASSWORD);
    expect(owner.status).toBe(302);
  });

  test("during an attack spread over many IPs, the owner's known device still signs in", async () => {
    const user = await insertUser(prisma, { email: "cible@exemple.fr", password: PASSWORD });
    const first = await signIn("198.51.100.40", user.email, PASSWORD);
    expect(first.status).toBe(302);
    const deviceCookie = first.cookies.find((c) => c.startsWith("__engages_device="))!;
    expect(deviceCookie).toMatch(/HttpOnly/i);

    await prisma.loginAttempt.createMany({
      data: Array.from({ length: MAX_FAILED_LOGINS_PER_EMAIL }, (_, i) => ({
        email: user.email,
        ip: `192.0.2.${i}`,
        success: false,
      })),
    });
    const newDevice = await signIn("198.51.100.41", user.email, PASSWORD);
    expect(newDevice.status).toBe(429);
    expect(newDevice.body).toContain(ACCOUNT_UNDER_ATTACK);

    const knownDevice = await signIn(
      "198.51.100.41",
      user.email,
      PASSWORD,
      deviceCookie.split(";")[0],
    );
    expect(knownDevice.status).toBe(302);
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
