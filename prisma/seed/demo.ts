// The demo data, step by step. The steps draw from one seeded generator in this order, so the
// data is the same on every run for the same "now" (dates are relative to it).

import { hashPassword } from "~/utils/password.server";
import { createRandom, type DbClient } from "../factories";
import { seedClubs, seedStaff } from "./clubs";
import { seedCampaigns } from "./campaigns";
import { seedCommitments } from "./commitments";
import { seedCompanies } from "./companies";
import { seedGroup } from "./group";
import type { Demo, DemoCounts } from "./demo-context";
import { seedMeetings } from "./meetings";
import { seedNetwork } from "./network";
import { seedOutcomes } from "./outcomes";
import { seedPractices } from "./practices";
import { seedRealisations } from "./realisations";

export const DEMO_PASSWORD = "demo-engages-2026";
const DEMO_SEED = 62_2026;

export type DemoSeedResult = {
  clubs: { pasDeCalais: string; nord: string };
  companies: Record<string, string>;
  users: Record<string, string>;
  counts: DemoCounts;
};

type SeedOptions = { passwordHash?: string; now?: Date };

/**
 * Loads the demo data (reference data must be loaded). Given a full Prisma client, runs in
 * one transaction; given a transaction client, runs in it.
 */
export async function seedDemo(db: DbClient, options: SeedOptions = {}): Promise<DemoSeedResult> {
  const passwordHash = options.passwordHash ?? (await hashPassword(DEMO_PASSWORD));
  const client = db as DbClient & {
    $transaction?: (
      fn: (tx: DbClient) => Promise<DemoSeedResult>,
      options?: { timeout?: number; maxWait?: number },
    ) => Promise<DemoSeedResult>;
  };
  if (typeof client.$transaction === "function") {
    return client.$transaction((tx) => seedDemoIn(tx, passwordHash, options.now ?? new Date()), {
      timeout: 120_000,
      maxWait: 10_000,
    });
  }
  return seedDemoIn(db, passwordHash, options.now ?? new Date());
}

async function seedDemoIn(db: DbClient, passwordHash: string, now: Date): Promise<DemoSeedResult> {
  const demo: Demo = {
    db,
    random: createRandom(DEMO_SEED),
    now,
    passwordHash,
    counts: {
      clubs: 0,
      companies: 0,
      users: 0,
      commitments: 0,
      realisations: 0,
      meetings: 0,
      practices: 0,
      outcomes: 0,
    },
    users: {},
  };
  const clubs = await seedClubs(demo);
  const staff = await seedStaff(demo, clubs);
  const { seeded, byKey } = await seedCompanies(demo, clubs);
  const active = seeded.filter((c) => c.status !== "PROSPECT" && c.templates.length > 0);
  await seedCommitments(demo, active);
  await seedRealisations(demo, active);
  const practiceIds = await seedPractices(demo, seeded, byKey, clubs, staff);
  await seedMeetings(demo, seeded, clubs, staff, practiceIds);

  const companies: Record<string, string> = {};
  for (const c of seeded) companies[c.key] = c.id;
  await seedNetwork(db, byKey, now);
  await seedOutcomes(demo);
  await seedCampaigns(demo, clubs, seeded);
  await seedGroup(demo, clubs, byKey.get("delattre")!);

  return {
    clubs: { pasDeCalais: clubs.club62.id, nord: clubs.club59.id },
    companies,
    users: demo.users,
    counts: demo.counts,
  };
}
