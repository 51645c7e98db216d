// One SQLite connection serves the whole process: a query made while another request's
// transaction is open must neither join that transaction nor see its uncommitted rows.
import { expect, test } from "vitest";
import { insertUser } from "../prisma/factories";
import { engine, prisma } from "~/utils/db.server";

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

test("a plain read during a long transaction answers at once, from the committed state", async () => {
  let insideOpen!: () => void;
  const opened = new Promise<void>((resolve) => (insideOpen = resolve));
  let finish!: () => void;
  const finishing = new Promise<void>((resolve) => (finish = resolve));
  const long = prisma.$transaction(async (tx) => {
    await tx.user.create({ data: { email: "import-long@exemple.fr", name: "Import" } });
    insideOpen();
    await finishing; // the transaction stays open until the read below has answered
  });
  await opened;
  // Before decision 023 this read waited for the transaction, which waited for the read: the
  // test would time out. Now it answers from what was committed before the transaction.
  const during = await prisma.user.count({ where: { email: "import-long@exemple.fr" } });
  finish();
  await long;
  expect(during).toBe(0);
  expect(await prisma.user.count({ where: { email: "import-long@exemple.fr" } })).toBe(1);
});

test.skipIf(engine !== "sqlite")(
  "both SQLite connections keep a 64 MiB page cache (a national database's big pages)",
  async () => {
    // PRAGMA goes to the writing connection, a SELECT to the read connection.
    const [writer] =
      await prisma.$queryRawUnsafe<Array<{ cache_size: bigint }>>("PRAGMA cache_size");
    const [reader] = await prisma.$queryRawUnsafe<Array<{ cache_size: bigint }>>(
      "SELECT cache_size FROM pragma_cache_size()",
    );
    expect(Number(writer.cache_size)).toBe(-65536);
    expect(Number(reader.cache_size)).toBe(-65536);
  },
);
