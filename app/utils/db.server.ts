import { remember } from "@epic-web/remember";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "~/generated/prisma/client";
import { PrismaClient as PostgresPrismaClient } from "~/generated/prisma-pg/client";
import { isPostgresUrl, resolveDatabaseUrl } from "./database-url.js";
import { serialised } from "./serialized-adapter.server";

const SLOW_QUERY_MS = 50;

/** Which engine DATABASE_URL names: `file:` is SQLite (the default), `postgresql://` PostgreSQL. */
export const engine: "sqlite" | "postgresql" = isPostgresUrl(resolveDatabaseUrl())
  ? "postgresql"
  : "sqlite";

const clientOptions = {
  // Transactions take turns on SQLite (see serialized-adapter.server.ts): one may wait for a long
  // import.
  transactionOptions: { maxWait: 30_000, timeout: 60_000 },
  // Query events: the slow-query warning in development; tests count queries with them.
  log: process.env.NODE_ENV === "production" ? [] : [{ level: "query", emit: "event" } as const],
};

/**
 * The client of the engine. Both generated clients come from the one data model (PostgreSQL's is
 * derived by `npm run db:pg:derive`), so their models, arguments and results are the same: the
 * app is typed against the SQLite client, and this is the one place where the PostgreSQL client
 * is taken for it (docs/decisions/018-postgresql-second-engine.md).
 */
function createEngineClient(url: string) {
  const sqlite = () =>
    new PrismaClient({
      adapter: serialised(
        new PrismaBetterSQLite3({ url, timeout: 10_000 }),
        new PrismaBetterSQLite3({ url, timeout: 10_000 }),
      ),
      ...clientOptions,
    });
  if (engine === "postgresql") {
    const adapter = new PrismaPg({
      connectionString: url,
      max: Number(process.env.DATABASE_POOL_SIZE) || 10,
    });
    const client = new PostgresPrismaClient({ adapter, ...clientOptions });
    return client as unknown as ReturnType<typeof sqlite>;
  }
  return sqlite();
}

function createClient() {
  const client = createEngineClient(resolveDatabaseUrl());
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
