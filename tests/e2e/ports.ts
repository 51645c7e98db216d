// Ports of the journeys' app and SMTP server (shared by playwright.config.ts and the fixtures).
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_SMTP_PORT = Number(process.env.E2E_SMTP_PORT ?? 2526);
/** The journeys' SQLite file (tests read it directly to check what was, or was not, written). */
export const E2E_DB_PATH = process.env.E2E_DB ?? "tests/.tmp/e2e.db";
