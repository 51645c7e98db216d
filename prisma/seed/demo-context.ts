// What the steps of the demo share: the client, the one seeded generator (each step draws from it
// in turn, so the order of the steps is part of the data), the clock, the counts and the ids made.

import { insertUser, type DbClient, type Random } from "../factories";
import { addMonths } from "./calendar";
import type { DemoCompany } from "./companies-data";

export type DemoCounts = {
  clubs: number;
  companies: number;
  users: number;
  commitments: number;
  realisations: number;
  meetings: number;
  practices: number;
  outcomes: number;
};

export type Demo = {
  db: DbClient;
  random: Random;
  now: Date;
  passwordHash: string;
  counts: DemoCounts;
  /** Ids of the accounts made, by e-mail. */
  users: Record<string, string>;
};

export type DemoClub = { id: string; departementCode: string };
export type DemoClubs = { club62: DemoClub; club59: DemoClub };
/** The accounts of the clubs' and the State's staff. */
export type DemoStaff = { animator: { id: string }; animatorNord: { id: string } };

export type SeededCompany = DemoCompany & {
  status: "MEMBER" | "PROSPECT" | "LEFT";
  id: string;
  clubId: string;
  departementCode: string;
  email: string;
  userId: string | null;
  joinedAt: Date | null;
  leftAt: Date | null;
  commitments: {
    id: string;
    year: number;
    action: string;
    publics: string[];
    status: string;
    targetQuantity: number | null;
    startDate: Date;
    endDate: Date;
  }[];
};

/** An account with the demo password, made 14 months before the demo's "now". */
export async function insertDemoUser(demo: Demo, email: string, name: string) {
  const { db, passwordHash, now } = demo;
  const row = await insertUser(db, { email, name, passwordHash, createdAt: addMonths(now, -14) });
  demo.users[email] = row.id;
  demo.counts.users++;
  return row;
}
