// The demo's annual declaration campaign (decision 030): the Pas-de-Calais prefecture opened last
// year's campaign three weeks ago, with a deadline six weeks ahead. Every other member of the
// club has attested (the demo company not yet, so its dashboard asks); one of them has changed
// a realisation since, so its attestation is flagged. No random draw: the steps before keep
// their sequence of the generator.

import { checksOf } from "~/models/verification.server";
import { drawStratified } from "~/utils/verification-draw.server";
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
  await seedVerification(
    demo,
    year,
    opened,
    attesting.filter((_, i) => i !== attesting.length - 1),
  );
  return attesting.length;
}

/**
 * Last week the prefecture drew a verification sample (30 %, with the app's own draw, so its seed
 * replays) among the attestations that stand: the first company drawn has answered with its
 * summary as a CSV file and was confirmed, the second has not answered yet.
 */
async function seedVerification(demo: Demo, year: number, opened: Date, standing: SeededCompany[]) {
  const { db } = demo;
  const seed = "d3m0e9a62f1c0b7a";
  const drawn = drawStratified(
    seed,
    30,
    standing.map((c) => ({ companyId: c.id, clubId: c.clubId })),
  ).map((d) => standing.find((c) => c.id === d.companyId)!);
  const [answered, waiting] = drawn;
  const drawnAt = new Date(opened.getTime() + 14 * DAY_MS);
  const sample = await db.verificationSample.create({
    data: {
      departementCode: "62",
      year,
      ratePercent: 30,
      seed,
      createdById: demo.users["prefecture@demo.test"] ?? null,
      createdAt: drawnAt,
    },
  });
  const [first, second] = await checksOf(
    db,
    sample.id,
    year,
    [answered, waiting].map((c) => ({ companyId: c.id, clubId: c.clubId })),
  );
  await db.verificationCheck.create({
    data: {
      ...first,
      answer: "Voici le récapitulatif de nos actions de l'année, extrait de notre suivi RH.",
      answeredAt: new Date(drawnAt.getTime() + 2 * DAY_MS),
      answeredById: answered.userId,
      fileName: `recapitulatif-${year}.csv`,
      fileType: "text/csv",
      fileBytes: Buffer.from(
        `réalisations;personnes\r\n${first.declaredRealisations};${first.declaredPeople}\r\n`,
      ),
      result: "CONFIRMED",
      resultNote: "Chiffres conformes au récapitulatif.",
      resultAt: new Date(drawnAt.getTime() + 4 * DAY_MS),
    },
  });
  await db.verificationCheck.create({ data: second });
}
