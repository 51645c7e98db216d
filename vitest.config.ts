import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import { isPostgresUrl } from "./app/utils/database-url.js";

/**
 * Test files that do not run on PostgreSQL yet (`npm run test:unit:pg`), each with its reason.
 * - seed-scale: the national-scale generator writes the SQLite file directly (issue 13, point 5).
 */
const SQLITE_ONLY = ["tests/seed-scale.test.ts"];
const onPostgres = isPostgresUrl(process.env.DATABASE_URL ?? "");

/**
 * Test files that need no database: project "pure", without the template database's set-up
 * (5–17 s), so that `vitest run tests/siret.test.ts` starts at once. A file added here must not
 * import the database client, even through a model: DATABASE_URL points at a directory that does
 * not exist, so any query fails loudly.
 */
const PURE = [
  "tests/decision-records.test.ts",
  "tests/env.test.ts",
  "tests/markdown.test.ts",
  "tests/personal-data.test.ts",
  "tests/plurals.test.ts",
  "tests/signed-link-paths.test.ts",
  "tests/siret.test.ts",
  "tests/web-security.test.ts",
];

// Unit and integration tests (Vitest), in two projects run together by `vitest run`:
// - "db": a real SQLite database per test file, copied from a migrated template built once per
//   run (tests/setup/global-setup.ts); with a PostgreSQL DATABASE_URL (`npm run test:unit:pg`),
//   a database per test file cloned from a template one;
// - "pure": the files of PURE, with no database at all.
// Playwright journeys live under tests/e2e and are run by `playwright test`, not here.
export default defineConfig({
  resolve: {
    alias: { "~": fileURLToPath(new URL("./app", import.meta.url)) },
  },
  test: {
    environment: "node",
    pool: "forks",
    projects: [
      {
        extends: true,
        test: {
          name: "pure",
          include: PURE,
          env: {
            NODE_ENV: "test",
            OUTBOX_WORKER: "false",
            DATABASE_URL: "file:./tests/.no-database-for-pure-tests/none.db",
          },
        },
      },
      {
        extends: true,
        test: {
          name: "db",
          include: ["tests/**/*.test.ts", "app/**/*.test.ts"],
          exclude: [
            "tests/e2e/**",
            "node_modules/**",
            "build/**",
            ...PURE,
            ...(onPostgres ? SQLITE_ONLY : []),
          ],
          globalSetup: ["./tests/setup/global-setup.ts"],
          setupFiles: ["./tests/setup/setup-db.ts"],
          // On PostgreSQL every statement is a network round trip: more time per test.
          testTimeout: onPostgres ? 60_000 : 20_000,
          hookTimeout: 30_000,
        },
      },
    ],
  },
});
