import { z } from "zod";

// Every setting the server reads, parsed once at start with a clear message on a bad value.
const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().positive().default(3000),
  DATABASE_URL: z
    .string()
    .startsWith("file:", "DATABASE_URL doit être une URL SQLite « file:… »")
    .optional(),
  /** Public address of the app, used in e-mailed links. */
  APP_URL: z.string().url().default("http://localhost:3000"),
  /** Secret signing the session cookie and the e-mailed tokens. Required in production. */
  SESSION_SECRET: z.string().min(32, "SESSION_SECRET doit faire au moins 32 caractères").optional(),
  /** smtp://user:pass@host:port — without it, e-mails stay in the outbox (dev mailbox page). */
  SMTP_URL: z.string().url().optional(),
  MAIL_FROM: z.string().default("Engagés <no-reply@engages.localhost>"),
  /** "false" disables the demo data, for a real deployment. */
  DEMO_DATA: z.enum(["true", "false"]).default("true"),
  /** "false" stops the in-process outbox worker (tests that deliver by hand). */
  OUTBOX_WORKER: z.enum(["true", "false"]).default("true"),
  /** "false" stops the in-process scheduler (reminders, campaigns, digests). */
  SCHEDULER: z.enum(["true", "false"]).default("true"),
  /** Set "true" only behind HTTPS (production default) to mark cookies Secure. */
  SECURE_COOKIES: z.enum(["true", "false"]).optional(),
});

export type Env = z.infer<typeof schema>;

function parseEnv(): Env {
  const result = schema.safeParse(process.env);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Configuration invalide :\n${lines.join("\n")}`);
  }
  const env = result.data;
  if (env.NODE_ENV === "production" && !env.SESSION_SECRET) {
    throw new Error("Configuration invalide :\n  SESSION_SECRET: obligatoire en production");
  }
  return env;
}

export const env = parseEnv();

/** The secret for cookies and tokens; a fixed development value outside production. */
export const sessionSecret =
  env.SESSION_SECRET ?? "engages-development-secret-not-for-production-use";

export const secureCookies = env.SECURE_COOKIES
  ? env.SECURE_COOKIES === "true"
  : env.NODE_ENV === "production";
