import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import type { PrismaConfig } from "prisma";
import { isPostgresUrl, resolveDatabaseUrl } from "./app/utils/database-url.js";

// Prisma's Rust engines cannot be downloaded on our machines: the JS engine with a driver adapter
// is used for both the client and migrations (see docs/stack.md). DATABASE_URL picks the engine:
// `file:` (the default) is SQLite, `postgresql://` PostgreSQL with its derived schema and
// migrations (docs/decisions/018-postgresql-second-engine.md).
const url = resolveDatabaseUrl();
const folder = isPostgresUrl(url) ? path.join("prisma", "postgresql") : "prisma";

export default {
  experimental: { adapter: true },
  engine: "js",
  schema: path.join(folder, "schema.prisma"),
  migrations: { path: path.join(folder, "migrations") },
  async adapter() {
    return isPostgresUrl(url)
      ? new PrismaPg({ connectionString: url })
      : new PrismaBetterSQLite3({ url });
  },
} satisfies PrismaConfig;
