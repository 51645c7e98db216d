import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import { isPostgresUrl } from "./app/utils/database-url.js";

/**
 * Test files that do not run on PostgreSQL yet (`npm run test:unit:pg`), each with its reason.
 * - seed-scale: the national-scale generator writes the SQLite file directly (issue 13, point 5).
 */
const SQLITE_ONLY = ["tests/seed-scale.test.ts"];
const onPostgres = isPostgresUrl(process.env.DATABASE_URL ?? "");

// Unit and integration tests (Vitest): a real SQLite database per test file, copied from a
// migrated template built once per run (tests/setup/global-setup.ts). With a PostgreSQL
// DATABASE_URL (`npm run test:unit:pg`), a database per test file cloned from a template one. Playwright journeys live
// under tests/e2e and are run by `playwright test`, not here.
export default defineConfig({
  resolve: {
    alias: { "~": fileURLToPath(new URL("./app", import.meta.url)) },
  },
  test: {
    environment: "node",
    include: ["tests/**/*.test.ts", "app/**/*.test.ts"],
    exclude: ["tests/e2e/**", "node_modules/**", "build/**", ...(onPostgres ? SQLITE_ONLY : [])],
    globalSetup: ["./tests/setup/global-setup.ts"],
    setupFiles: ["./tests/setup/setup-db.ts"],
    pool: "forks",
    // On PostgreSQL every statement is a network round trip: more time per test.
    testTimeout: onPostgres ? 60_000 : 20_000,
    hookTimeout: 30_000,
  },
});
