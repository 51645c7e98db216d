// A page about a club of more than 999 companies filters by a list of their ids. Prisma assumed
// SQLite's old limit of 999 bound values and, where it cannot split the list (a filter on a
// relation beside it), refused the query (P2029): the prefecture's drill-down of the biggest club
// of the national data set answered 500. SQLite allows 32,766.
import { expect, test } from "vitest";
import { addMembership, insertClub, insertCompany } from "../prisma/factories";
import { prisma } from "~/utils/db.server";

test("a filter on 5,000 ids beside a relation filter answers", async () => {
  const club = await insertClub(prisma, { departementCode: "62" });
  const company = await insertCompany(prisma, { name: "Fonderie Vasseur" });
  await addMembership(prisma, { companyId: company.id, clubId: club.id });
  const ids = [...Array.from({ length: 4_999 }, (_, i) => `absente-${i}`), company.id];
  const members = await prisma.clubMembership.findMany({
    where: { companyId: { in: ids }, status: "MEMBER", club: { departementCode: "62" } },
    select: { companyId: true },
  });
  expect(members).toEqual([{ companyId: company.id }]);
});
