import { remember } from "@epic-web/remember";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "~/generated/prisma/client";
import { resolveDatabaseUrl } from "./database-url.js";
import { serialised } from "./serialized-adapter.server";

const SLOW_QUERY_MS = 50;

function createClient() {
  const adapter = serialised(
    new PrismaBetterSQLite3({ url: resolveDatabaseUrl(), timeout: 10_000 }),
  );
  const client = new PrismaClient({
    adapter,
    // Transactions take turns (see serialized-adapter.server.ts): one may wait for a long import.
    transactionOptions: { maxWait: 30_000, timeout: 60_000 },
    // Query events: the slow-query warning in development; tests count queries with them.
    log: process.env.NODE_ENV === "production" ? [] : [{ level: "query", emit: "event" } as const],
  });
  if (process.env.NODE_ENV === "development") {
    client.$on("query", (e) => {
      if (e.duration > SLOW_QUERY_MS) console.warn(`Requête lente (${e.duration} ms) : ${e.query}`);
    });
  }
  return client;
}

/** The one Prisma client of the process. */
export const prisma = remember("prisma", createClient);

export type Db = typeof prisma;
/** A Prisma transaction client, for functions that must run inside a caller's transaction. */
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
