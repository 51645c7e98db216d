// Loads the reference data, then the demo data when the database has no user at all
// (and DEMO_DATA is not "false"). Run with `npx tsx prisma/seed/index.ts`; the database is the one
// of app/utils/db.server.ts (DATABASE_URL, or the embedded file under data/).
//
// The demo data is fictional: companies, people and figures are made up, and deterministic
// (seeded generator, dates relative to today). Counts only: no names of hired people.
//
// The demo's steps live beside this file, one job each (demo.ts runs them in order):
// clubs and staff accounts, companies, commitments, realisations, practices, meetings, the
// members' network; their fixed data in the *-data.ts files.

import path from "node:path";
import { fileURLToPath } from "node:url";
import { hashPassword } from "~/utils/password.server";
import { DEMO_PASSWORD, seedDemo } from "./demo";

export { DEMO_PASSWORD, seedDemo, type DemoSeedResult } from "./demo";

async function main() {
  const started = performance.now();
  const { prisma } = await import("~/utils/db.server");
  const { loadReferenceData } = await import("~/models/reference-data.server");
  try {
    const reference = await loadReferenceData(prisma);
    const loadedReference = Object.entries(reference)
      .filter(([key, n]) => key !== "ms" && n > 0)
      .map(([key, n]) => `${n} ${key}`)
      .join(", ");
    const referenceText = loadedReference
      ? `référence chargée (${loadedReference}) en ${reference.ms} ms`
      : "référence déjà en place";

    let demoText: string;
    if (process.env.DEMO_DATA === "false") {
      demoText = "démo désactivée (DEMO_DATA=false)";
    } else if ((await prisma.user.count()) > 0) {
      demoText = "démo non chargée (la base a déjà des utilisateurs)";
    } else {
      const demoStarted = performance.now();
      const passwordHash = await hashPassword(DEMO_PASSWORD);
      const result = await prisma.$transaction((tx) => seedDemo(tx, { passwordHash }), {
        timeout: 120_000,
        maxWait: 10_000,
      });
      const n = result.counts;
      demoText =
        `démo chargée en ${Math.round(performance.now() - demoStarted)} ms (${n.clubs} clubs, ` +
        `${n.companies} entreprises, ${n.users} comptes, ${n.commitments} engagements, ` +
        `${n.realisations} réalisations, ${n.outcomes} suivis, ${n.meetings} réunions, ` +
        `${n.practices} bonnes pratiques)`;
    }
    console.log(
      `Seed : ${referenceText} ; ${demoText} ; total ${Math.round(performance.now() - started)} ms.`,
    );
  } finally {
    await prisma.$disconnect();
  }
}

const invokedPath = process.argv[1] ? path.resolve(process.argv[1]) : "";
if (invokedPath === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
