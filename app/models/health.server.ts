import { prisma } from "~/utils/db.server";

/** Resolves when the database answers a trivial query; rejects otherwise (/healthz). */
export async function pingDatabase() {
  await prisma.$queryRawUnsafe("SELECT 1");
}
