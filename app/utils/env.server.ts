import { z } from "zod";

// Every setting the server reads, parsed once at start with a clear message on a bad value.
const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().positive().default(3000),
  /** SQLite (file:…, the default data/engages.db) or PostgreSQL (postgresql://…), decision 018. */
  DATABASE_URL: z
    .string()
    .regex(
      /^(file:|postgres(ql)?:\/\/)/,
      "DATABASE_URL doit être une URL SQLite « file:… » ou PostgreSQL « postgresql://… »",
    )
    .optional(),
  /** Connections per process to PostgreSQL (unused on SQLite, which has one). */
  DATABASE_POOL_SIZE: z.coerce.number().int().positive().default(10),
  /** Public address of the app, used in e-mailed links. Required in production. */
  APP_URL: z
    .string()
    .url("APP_URL doit être une adresse complète, par exemple https://engages.example.fr")
    // Links are written `${APP_URL}/invitation/…`: no trailing slash.
    .transform((url) => url.replace(/\/+$/, ""))
    .optional(),
  /** Secret signing the session cookie and the e-mailed tokens. Required in production. */
  SESSION_SECRET: z.string().min(32, "SESSION_SECRET doit faire au moins 32 caractères").optional(),
  /** smtp://user:pass@host:port — without it, e-mails stay in the outbox (dev mailbox page). */
  SMTP_URL: z.string().url().optional(),
  MAIL_FROM: z.string().default("Engagés <no-reply@engages.localhost>"),
  /** Where people write to the operator, shown by the accessibility statement (RGAA). */
  CONTACT_EMAIL: z
    .email("CONTACT_EMAIL doit être une adresse e-mail, par exemple contact@engages.example.fr")
    .optional(),
  /** "false" disables the demo data, for a real deployment. */
  DEMO_DATA: z.enum(["true", "false"]).default("true"),
  /** "false" stops the in-process outbox worker (tests that deliver by hand). */
  OUTBOX_WORKER: z.enum(["true", "false"]).default("true"),
  /** "false" stops the in-process scheduler (reminders, campaigns, digests). */
  SCHEDULER: z.enum(["true", "false"]).default("true"),
  /**
   * Comma-separated names of the only jobs the timers run (all when unset); the others run when
   * asked at /admin/taches. The journeys keep only "password-resets" on a timer.
   */
  SCHEDULER_JOBS: z.string().optional(),
  /** Set "true" only behind HTTPS (production default) to mark cookies Secure. */
  SECURE_COOKIES: z.enum(["true", "false"]).optional(),
  /**
   * ProConnect (decision 027): the provider's discovery URL, e.g.
   * https://auth.agentconnect.gouv.fr/api/v2/.well-known/openid-configuration. Without it (or
   * without the client id and secret) the « S'identifier avec ProConnect » button does not appear.
   */
  PROCONNECT_DISCOVERY_URL: z
    .string()
    .url(
      "PROCONNECT_DISCOVERY_URL doit être une adresse complète (…/.well-known/openid-configuration)",
    )
    .optional(),
  PROCONNECT_CLIENT_ID: z.string().min(1).optional(),
  PROCONNECT_CLIENT_SECRET: z.string().min(1).optional(),
  /** The algorithm ProConnect signs ID tokens and userinfo answers with, chosen at registration. */
  PROCONNECT_SIGNING_ALG: z.enum(["RS256", "ES256"]).default("RS256"),
  /** Registered redirect URLs; by default the app's own paths under APP_URL. */
  PROCONNECT_REDIRECT_URI: z.string().url().optional(),
  PROCONNECT_POST_LOGOUT_REDIRECT_URI: z.string().url().optional(),
  /** The SIRENE register's search API (decision 028); `off` turns the lookups and refresh off. */
  SIRENE_API_URL: z
    .union([z.literal("off"), z.string().url("SIRENE_API_URL doit être une adresse complète")])
    .default("https://recherche-entreprises.api.gouv.fr"),
  /** How long a SIRENE call may take before the form falls back to manual entry. */
  SIRENE_TIMEOUT_MS: z.coerce.number().int().positive().default(3000),
});

export type Env = z.infer<typeof schema> & { APP_URL: string; CONTACT_EMAIL: string };

const PROCONNECT_REQUIRED = [
  "PROCONNECT_DISCOVERY_URL",
  "PROCONNECT_CLIENT_ID",
  "PROCONNECT_CLIENT_SECRET",
] as const;

/** ProConnect is configured by its three settings together, or not at all: name the missing ones. */
function proConnectIncomplete(env: z.infer<typeof schema>) {
  const given = PROCONNECT_REQUIRED.filter((name) => env[name]);
  if (given.length === 0 || given.length === PROCONNECT_REQUIRED.length) return [];
  return PROCONNECT_REQUIRED.filter((name) => !env[name]).map(
    (name) => `${name}: obligatoire avec ${given.join(", ")} (connexion ProConnect)`,
  );
}

/** Checks the settings (process.env by default); throws a French message naming the bad ones. */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const result = schema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Configuration invalide :\n${lines.join("\n")}`);
  }
  const env = result.data;
  const missing = [
    env.SESSION_SECRET ? null : "SESSION_SECRET: obligatoire en production",
    // Without it, e-mailed links (invitations, resets, reminders) would point at localhost.
    env.APP_URL
      ? null
      : "APP_URL: obligatoire en production (l'adresse publique du site, par exemple https://engages.example.fr), pour les liens des e-mails",
  ].filter((line) => line !== null);
  const refused = [...(env.NODE_ENV === "production" ? missing : []), ...proConnectIncomplete(env)];
  if (refused.length > 0) {
    throw new Error(`Configuration invalide :\n${refused.map((line) => `  ${line}`).join("\n")}`);
  }
  // Outside production, links go to the port this server listens on (E2E and helpers use others).
  const appUrl = env.APP_URL ?? `http://localhost:${env.PORT}`;
  return {
    ...env,
    APP_URL: appUrl,
    // By default the operator's mailbox at the site's own domain (contact@engages.example.fr).
    CONTACT_EMAIL: env.CONTACT_EMAIL ?? `contact@${new URL(appUrl).hostname}`,
  };
}

export const env = parseEnv();

/** The secret for cookies and tokens; a fixed development value outside production. */
export const sessionSecret =
  env.SESSION_SECRET ?? "engages-development-secret-not-for-production-use";

export const secureCookies = env.SECURE_COOKIES
  ? env.SECURE_COOKIES === "true"
  : env.NODE_ENV === "production";
