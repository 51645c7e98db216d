// Creates (or promotes) a national administrator, for a real deployment without demo data:
//   npm run admin:create -- admin@exemple.fr "Prénom Nom"
// The password is read from ADMIN_PASSWORD, or asked for on the terminal.
import { createInterface } from "node:readline/promises";
import { prisma } from "~/utils/db.server";
import { hashPassword } from "~/utils/password.server";
import { audit } from "~/utils/audit.server";

async function main() {
  const [emailArg, ...nameParts] = process.argv.slice(2);
  const email = emailArg?.trim().toLowerCase();
  const name = nameParts.join(" ").trim() || "Administrateur";
  if (!email || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) {
    console.error('Usage : npm run admin:create -- adresse@exemple.fr "Prénom Nom"');
    process.exit(1);
  }
  let password = process.env.ADMIN_PASSWORD;
  if (!password) {
    const rl = createInterface({ input: process.stdin, output: process.stdout });
    password = await rl.question("Mot de passe (12 caractères au moins) : ");
    rl.close();
  }
  if (password.length < 12) {
    console.error("Le mot de passe doit faire au moins 12 caractères.");
    process.exit(1);
  }
  const passwordHash = await hashPassword(password);
  await prisma.$transaction(async (tx) => {
    const user = await tx.user.upsert({
      where: { email },
      create: { email, name, passwordHash },
      update: { passwordHash },
      select: { id: true },
    });
    const existing = await tx.roleAssignment.findFirst({
      where: { userId: user.id, role: "ADMIN" },
    });
    if (!existing) {
      const role = await tx.roleAssignment.create({ data: { userId: user.id, role: "ADMIN" } });
      await audit(tx, {
        actorId: null,
        action: "GRANT_ROLE",
        entityType: "RoleAssignment",
        entityId: role.id,
        after: { role: "ADMIN", email },
      });
    }
  });
  console.log(`Administrateur prêt : ${email}`);
  await prisma.$disconnect();
}

await main();
