// Adds member companies to the club of a département, each with one signed-up company user, on
// the database of DATABASE_URL (a stopped app's). For the crash test (many people to invite) and
// the load bench (many users). Prints the created { companyId, email } as JSON.
//   DATABASE_URL=file:… tsx tests/utils/add-member-companies.ts <département> <count> <prefix> <password>

import { hashPassword } from "~/utils/password.server";

const [departementCode, countArg, prefix, password] = process.argv.slice(2);
const count = Number(countArg);
if (!departementCode || !Number.isInteger(count) || count < 1 || !prefix || !password) {
  console.error("Usage : add-member-companies.ts <département> <nombre> <préfixe> <mot de passe>");
  process.exit(2);
}

const { prisma } = await import("~/utils/db.server");
const factories = await import("../../prisma/factories");

const club = await prisma.club.findFirstOrThrow({
  where: { departementCode },
  orderBy: { createdAt: "asc" },
  select: { id: true },
});
// One hash for all: hashing is deliberately slow.
const passwordHash = await hashPassword(password);
const random = factories.createRandom(count);
const created: Array<{ companyId: string; email: string }> = [];
await prisma.$transaction(
  async (tx) => {
    for (let i = 1; i <= count; i++) {
      const company = await factories.insertCompany(tx, {
        name: `${prefix} ${i} SAS`,
        random,
      });
      await factories.addMembership(tx, { companyId: company.id, clubId: club.id });
      const email = `${prefix}-${i}@exemple.test`;
      const user = await factories.insertUser(tx, {
        email,
        name: `Contact ${prefix} ${i}`,
        passwordHash,
      });
      await factories.grantRole(tx, user.id, { role: "COMPANY", companyId: company.id });
      created.push({ companyId: company.id, email });
    }
  },
  { timeout: 120_000 },
);
await prisma.$disconnect();
console.log(JSON.stringify({ clubId: club.id, companies: created }));
