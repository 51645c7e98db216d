// The time zone of a club (from its département, app/utils/time/zones.ts): its meetings are typed,
// shown, sent and scheduled at its own hour.

import { prisma, type Tx } from "~/utils/db.server";
import { zoneOfDepartement, type TimeZone } from "~/utils/time/zones";

/** The zone of a club; Paris for an unknown club (the caller answers "not found" on its own). */
export async function clubZone(clubId: string, db: Pick<Tx, "club"> = prisma): Promise<TimeZone> {
  const club = await db.club.findUnique({
    where: { id: clubId },
    select: { departementCode: true },
  });
  return zoneOfDepartement(club?.departementCode);
}
