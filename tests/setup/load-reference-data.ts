// Run by tests/setup/global-setup.ts with tsx, in its own process (DATABASE_URL points at the
// template database): loads the reference data, then closes the Prisma client.
import { loadReferenceData } from "~/models/reference-data.server";
import { prisma } from "~/utils/db.server";

try {
  const report = await loadReferenceData();
  console.log(
    `Données de référence : ${report.departements} départements, ${report.communes} communes (${report.ms} ms)`,
  );
} finally {
  await prisma.$disconnect();
}
