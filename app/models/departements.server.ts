// The départements as the screens list them (the table is filled by reference-data.server.ts).

import { prisma } from "~/utils/db.server";

/** Every département, by code, for a select. */
export function listDepartements() {
  return prisma.departement.findMany({
    orderBy: { code: "asc" },
    select: { code: true, name: true },
  });
}

/** One département with its region's name, or null when the code is unknown. */
export function getDepartementWithRegion(code: string) {
  return prisma.departement.findUnique({
    where: { code },
    select: { code: true, name: true, regionName: true },
  });
}

export async function departementExists(code: string) {
  return (
    (await prisma.departement.findUnique({ where: { code }, select: { code: true } })) !== null
  );
}
