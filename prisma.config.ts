import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import type { PrismaConfig } from "prisma";
import { resolveDatabaseUrl } from "./app/utils/database-url.js";

// Prisma's Rust engines cannot be downloaded on our machines: the JS engine with the
// better-sqlite3 driver adapter is used for both the client and migrations (see docs/stack.md).
export default {
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  async adapter() {
    return new PrismaBetterSQLite3({ url: resolveDatabaseUrl() });
  },
} satisfies PrismaConfig;
