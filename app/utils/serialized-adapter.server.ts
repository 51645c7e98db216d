// better-sqlite3 gives Prisma a single connection. Prisma's adapter serialises transactions
// among themselves, but a query made outside a transaction runs on that same connection while
// another request's interactive transaction is open: it becomes part of that transaction (and
// vanishes if it rolls back), or reads its uncommitted rows. This wrapper makes every query and
// every transaction take turns, so each transaction is isolated from the rest of the app.
// (A second connection for writes is no way out: better-sqlite3 waits for SQLite locks
// synchronously, which would block the very event loop the open transaction needs to finish.)
//
// Plain reads need no lock in WAL mode: a second, query-only connection answers every SELECT made
// outside a transaction at once, from the last committed state, even while a long import holds the
// writing connection (decision 023). Without WAL, reads take turns like the rest.

import type {
  SqlDriverAdapter,
  SqlMigrationAwareDriverAdapterFactory,
  SqlQuery,
  Transaction,
} from "@prisma/driver-adapter-utils";

/** A FIFO async mutex: lock() resolves with the function that releases it. */
export class Mutex {
  #tail: Promise<void> = Promise.resolve();

  lock(): Promise<() => void> {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const previous = this.#tail;
    this.#tail = previous.then(() => released);
    return previous.then(() => release);
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    const release = await this.lock();
    try {
      return await work();
    } finally {
      release();
    }
  }
}

function serialiseTransaction(transaction: Transaction, release: () => void): Transaction {
  let done = false;
  const finish = () => {
    if (!done) {
      done = true;
      release();
    }
  };
  return {
    get options() {
      return transaction.options;
    },
    provider: transaction.provider,
    adapterName: transaction.adapterName,
    queryRaw: (query: SqlQuery) => transaction.queryRaw(query),
    executeRaw: (query: SqlQuery) => transaction.executeRaw(query),
    commit: () => transaction.commit().finally(finish),
    rollback: () => transaction.rollback().finally(finish),
  };
}

/** better-sqlite3's SQLite (3.49) default: bound values per statement. */
const SQLITE_MAX_VARIABLE_NUMBER = 32_766;

/** A statement that only reads (SQLite: SELECT cannot write; WITH… may, so it does not count). */
const isPlainRead = (sql: string) => /^\s*SELECT\b/i.test(sql);

function serialiseAdapter(adapter: SqlDriverAdapter, reader?: SqlDriverAdapter): SqlDriverAdapter {
  const mutex = new Mutex();
  return {
    provider: adapter.provider,
    adapterName: adapter.adapterName,
    queryRaw: (query) =>
      reader && isPlainRead(query.sql)
        ? reader.queryRaw(query)
        : mutex.run(() => adapter.queryRaw(query)),
    executeRaw: (query) => mutex.run(() => adapter.executeRaw(query)),
    executeScript: (script) => mutex.run(() => adapter.executeScript(script)),
    async startTransaction(isolationLevel) {
      const release = await mutex.lock();
      try {
        return serialiseTransaction(await adapter.startTransaction(isolationLevel), release);
      } catch (error) {
        release();
        throw error;
      }
    },
    // Prisma assumes SQLite's old limit of 999 bound values and refuses a longer `in` list (P2029:
    // the drill-down of a club of 1,000+ companies failed); SQLite allows 32,766 since 3.32.
    getConnectionInfo: () => ({
      supportsRelationJoins: false,
      ...adapter.getConnectionInfo?.(),
      maxBindValues: SQLITE_MAX_VARIABLE_NUMBER,
    }),
    dispose: async () => {
      await reader?.dispose();
      await adapter.dispose();
    },
  };
}

/**
 * Each connection's page cache, in KiB. SQLite's default (2 MiB) is small for a national
 * database (3 GB with `npm run seed:scale`): a big club's pages read the Company table and the
 * Realisation indexes in turn and evicted each other's pages, so their queries took twice as long.
 * SQLite fills the cache only as pages are read: a small database uses little of it.
 */
const PAGE_CACHE_KIB = 64 * 1024;

async function withPageCache(connection: SqlDriverAdapter) {
  await connection.executeScript(`PRAGMA cache_size = -${PAGE_CACHE_KIB}`);
  return connection;
}

/** The read connection, when the database is in WAL mode (else readers would wait for locks). */
async function connectReader(
  factory: SqlMigrationAwareDriverAdapterFactory,
): Promise<SqlDriverAdapter | undefined> {
  const reader = await withPageCache(await factory.connect());
  const mode = await reader.queryRaw({ sql: "PRAGMA journal_mode", args: [], argTypes: [] });
  if (String(mode.rows[0]?.[0]).toLowerCase() !== "wal") {
    await reader.dispose();
    return undefined;
  }
  // Whatever reaches this connection by mistake cannot write.
  await reader.executeScript("PRAGMA query_only = 1");
  return reader;
}

/**
 * Wraps a driver adapter factory so that its connections serialise queries and transactions;
 * `readerFactory` (another connection to the same file) then answers the plain reads.
 */
export function serialised(
  factory: SqlMigrationAwareDriverAdapterFactory,
  readerFactory?: SqlMigrationAwareDriverAdapterFactory,
): SqlMigrationAwareDriverAdapterFactory {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => {
      const writer = await withPageCache(await factory.connect());
      return serialiseAdapter(writer, readerFactory && (await connectReader(readerFactory)));
    },
    connectToShadowDb: async () => serialiseAdapter(await factory.connectToShadowDb()),
  };
}
