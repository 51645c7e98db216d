// The demo's annual declaration campaign (decision 030): the Pas-de-Calais prefecture opened last
// year's campaign three weeks ago, with a deadline six weeks ahead. Every other member of the
// club has attested (the demo company not yet, so its dashboard asks); one of them has changed
// a realisation since, so its attestation is flagged. No random draw: the steps before keep
// their sequence of the generator.

import type { Demo, DemoClubs, SeededCompany } from "./demo-context";

const DAY_MS = 24 * 3600_000;

export async function seedCampaigns(demo: Demo, clubs: DemoClubs, companies: SeededCompany[]) {
  const { db, now } = demo;
  const year = now.getUTCFullYear() - 1;
  const opened = new Date(now.getTime() - 21 * DAY_MS);
  const deadline = new Date(now.getTime() + 42 * DAY_MS);
  deadline.setUTCHours(0, 0, 0, 0);
  await db.declarationCampaign.create({
    data: {
      departementCode: clubs.club62.departementCode,
      year,
      deadline,
      openedById: demo.users["prefecture@demo.test"] ?? null,
      createdAt: opened,
    },
  });
  const members = companies
    .filter((c) => c.clubId === clubs.club62.id && c.status === "MEMBER" && c.userId)
    .filter((c) => c.key !== "delattre")
    .sort((a, b) => a.name.localeCompare(b.name, "fr"));
  const attesting = members.filter((_, i) => i % 2 === 0);
  await db.attestation.createMany({
    data: attesting.map((c, i) => ({
      companyId: c.id,
      year,
      attestedById: c.userId,
      attestedByName: c.contact,
      attestedAt: new Date(opened.getTime() + (i + 1) * DAY_MS),
      // The last one changed a realisation of that year afterwards.
      editedAt: i === attesting.length - 1 ? new Date(opened.getTime() + (i + 3) * DAY_MS) : null,
    })),
  });
  return attesting.length;
}
