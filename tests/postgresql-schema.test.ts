// The PostgreSQL data model is derived from prisma/schema.prisma (decision 018): a change of the
// one data model without `npm run db:pg:derive` fails here, on either engine.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { expect, test } from "vitest";

test("prisma/postgresql/schema.prisma is derived from the current data model", () => {
  expect(() =>
    execFileSync("node", ["scripts/derive-postgresql.mjs", "--check"], { stdio: "pipe" }),
  ).not.toThrow();
  const derived = fs.readFileSync("prisma/postgresql/schema.prisma", "utf8");
  expect(derived).toContain('provider = "postgresql"');
  expect(derived).toMatch(/output\s*=\s*"..\/..\/app\/generated\/prisma-pg"/);
});
