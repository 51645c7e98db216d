import { expect, test } from "vitest";
import { prisma } from "~/utils/db.server";
import { runOnce } from "~/utils/scheduler.server";

test("a period's work runs once, even when asked again or concurrently", async () => {
  let runs = 0;
  const work = async () => {
    runs++;
  };
  const results = await Promise.all([runOnce("test:2026-Q4", work), runOnce("test:2026-Q4", work)]);
  expect(results.filter(Boolean)).toHaveLength(1);
  expect(await runOnce("test:2026-Q4", work)).toBe(false);
  expect(runs).toBe(1);
  expect(
    (await prisma.jobRun.findUniqueOrThrow({ where: { key: "test:2026-Q4" } })).finishedAt,
  ).not.toBeNull();
});

test("a run cut short by a crash is done again only once it is stale", async () => {
  const startedAt = new Date("2026-11-23T10:00:00Z");
  await prisma.jobRun.create({ data: { key: "test:crashed", startedAt } });
  let runs = 0;
  const work = async () => {
    runs++;
  };
  expect(await runOnce("test:crashed", work, new Date("2026-11-23T10:05:00Z"))).toBe(false);
  expect(await runOnce("test:crashed", work, new Date("2026-11-23T11:00:00Z"))).toBe(true);
  expect(runs).toBe(1);
});

test("a failing run is not marked finished", async () => {
  await expect(
    runOnce("test:failing", async () => {
      throw new Error("SMTP en panne");
    }),
  ).rejects.toThrow("SMTP en panne");
  expect(
    (await prisma.jobRun.findUniqueOrThrow({ where: { key: "test:failing" } })).finishedAt,
  ).toBeNull();
});
