// Decision 034: Prisma's compiled query plans are kept (patches/@prisma+client*), with the
// where-filters' identifiers as placeholders, so one plan serves every company; on SQLite each
// connection keeps its prepared statements (patches/@prisma+adapter-better-sqlite3*); a relation
// of no parent record is not queried. All three on SQLite only for now (decision 034). Each query must still get exactly
// its own rows, on both engines.
import { beforeAll, expect, test } from "vitest";
import { addMembership, insertClub, insertCompany } from "../prisma/factories";
import { engine, prisma } from "~/utils/db.server";

let clubA: string;
let clubB: string;
let companyA: string;
let companyB: string;

beforeAll(async () => {
  clubA = (await insertClub(prisma, { departementCode: "62" })).id;
  clubB = (await insertClub(prisma, { departementCode: "59" })).id;
  companyA = (await insertCompany(prisma, { name: "Plan Alpha" })).id;
  companyB = (await insertCompany(prisma, { name: "Plan Bêta" })).id;
  await addMembership(prisma, { companyId: companyA, clubId: clubA });
  await addMembership(prisma, { companyId: companyB, clubId: clubB });
});

/** The SQL statements that `work` sends. */
async function statementsOf(work: () => Promise<unknown>) {
  const statements: string[] = [];
  prisma.$on("query", (event) => statements.push(event.query));
  await work();
  await new Promise((resolve) => setImmediate(resolve));
  return statements;
}

test("the same query shape with another identifier reads that identifier's row", async () => {
  for (const [id, name] of [
    [companyA, "Plan Alpha"],
    [companyB, "Plan Bêta"],
    [companyA, "Plan Alpha"],
  ]) {
    const company = await prisma.company.findUnique({ where: { id }, select: { name: true } });
    expect(company?.name).toBe(name);
  }
  expect(await prisma.company.findUnique({ where: { id: "inconnu" } })).toBeNull();
});

test("identifiers inside relation filters and compound conditions are each honoured", async () => {
  const memberOf = (clubId: string) =>
    prisma.company.findMany({
      where: { memberships: { some: { clubId } }, name: { startsWith: "Plan" } },
      select: { name: true },
    });
  expect(await memberOf(clubA)).toEqual([{ name: "Plan Alpha" }]);
  expect(await memberOf(clubB)).toEqual([{ name: "Plan Bêta" }]);
  const either = await prisma.company.findMany({
    where: { OR: [{ id: companyA }, { id: companyB }] },
    select: { name: true },
    orderBy: { name: "asc" },
  });
  expect(either.map((c) => c.name)).toEqual(["Plan Alpha", "Plan Bêta"]);
});

test("other literals stay part of the query: a different value gives its own answer", async () => {
  const named = (name: string) =>
    prisma.company.findMany({ where: { name }, select: { id: true } });
  expect(await named("Plan Alpha")).toEqual([{ id: companyA }]);
  expect(await named("Plan Bêta")).toEqual([{ id: companyB }]);
});

test("a write through a kept plan changes only its own row", async () => {
  const rename = (id: string, name: string) =>
    prisma.company.update({ where: { id }, data: { name }, select: { name: true } });
  expect(await rename(companyA, "Plan Alpha 2")).toEqual({ name: "Plan Alpha 2" });
  expect(await rename(companyB, "Plan Bêta 2")).toEqual({ name: "Plan Bêta 2" });
  const names = await prisma.company.findMany({
    where: { id: { in: [companyA, companyB] } },
    select: { name: true },
    orderBy: { name: "asc" },
  });
  expect(names.map((c) => c.name)).toEqual(["Plan Alpha 2", "Plan Bêta 2"]);
  await rename(companyA, "Plan Alpha");
  await rename(companyB, "Plan Bêta");
});

test("a relation of no parent record is not queried (on SQLite)", async () => {
  let found: unknown;
  const statements = await statementsOf(async () => {
    found = await prisma.company.findMany({
      where: { name: "Aucune entreprise de ce nom" },
      include: { memberships: true },
    });
  });
  expect(found).toEqual([]);
  expect(statements).toHaveLength(engine === "sqlite" ? 1 : 2);
  const withParent = await prisma.company.findMany({
    where: { id: companyA },
    include: { memberships: { select: { clubId: true } } },
  });
  expect(withParent[0].memberships).toEqual([{ clubId: clubA }]);
});
