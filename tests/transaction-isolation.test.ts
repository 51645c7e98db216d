// One SQLite connection serves the whole process: a query made while another request's
// transaction is open must neither join that transaction nor see its uncommitted rows.
import { expect, test } from "vitest";
import { insertUser } from "../prisma/factories";
import { prisma } from "~/utils/db.server";

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test("a write made during another transaction survives that transaction's rollback", async () => {
  let insideOpen!: () => void;
  const opened = new Promise<void>((resolve) => (insideOpen = resolve));
  const failing = prisma
    .$transaction(async (tx) => {
      await tx.user.create({ data: { email: "dans-la-transaction@exemple.fr", name: "Dedans" } });
      insideOpen();
      await pause(200);
      throw new Error("échec voulu");
    })
    .catch((error: Error) => error.message);

  await opened;
  // Meanwhile, another request writes and reads outside any transaction.
  const outsider = await insertUser(prisma, {
    email: "hors-transaction@exemple.fr",
    name: "Dehors",
  });
  const seenFromOutside = await prisma.user.count({
    where: { email: "dans-la-transaction@exemple.fr" },
  });

  expect(await failing).toBe("échec voulu");
  expect(seenFromOutside).toBe(0);
  expect(await prisma.user.findUnique({ where: { id: outsider.id } })).not.toBeNull();
  expect(await prisma.user.count({ where: { email: "dans-la-transaction@exemple.fr" } })).toBe(0);
});

test("concurrent transactions and queries all complete", async () => {
  const work = Array.from({ length: 20 }, (_, i) =>
    i % 2
      ? prisma.$transaction(async (tx) => {
          await tx.user.create({ data: { email: `tx-${i}@exemple.fr`, name: `Tx ${i}` } });
          await pause(5);
          return tx.user.count({ where: { email: { startsWith: "tx-" } } });
        })
      : prisma.user.create({ data: { email: `plain-${i}@exemple.fr`, name: `Plain ${i}` } }),
  );
  await Promise.all(work);
  expect(
    await prisma.user.count({
      where: { email: { endsWith: "@exemple.fr", not: { contains: "transaction" } } },
    }),
  ).toBe(20);
});
