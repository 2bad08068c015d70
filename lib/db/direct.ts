// A direct driver connection for the grading hot path (decision record 0017):
// better-sqlite3 on the SQLite file, a node-postgres pool on PostgreSQL. Prisma's
// per-statement cost (~1-4 ms with its JS query compiler) was nearly all of a
// submission's time; the same statements here cost ~0.05 ms. Everything else
// stays on Prisma (lib/db/client.ts), and rows written here are stored exactly
// as Prisma stores them (lib/db/rows.ts), so either side reads the other's.
//
// Work is written once, as a generator that yields statements (`rows`, `run`,
// with $1-style placeholders) for either database:
//   SQLite: a transaction runs synchronously, BEGIN IMMEDIATE to COMMIT, so
//   it never holds the write lock across an event-loop turn and Prisma's
//   connection in this process never waits on it. The transactions asked for
//   in one turn share that BEGIN … COMMIT (group commit, one savepoint each).
//   Its busy timeout is 0: a lock held by another connection (Prisma's,
//   another process) is waited for asynchronously, up to 5 s like
//   lib/db/client.ts, so the holder in this process can finish meanwhile.
//   PostgreSQL: BEGIN … COMMIT on one pooled client, statements awaited.
import "server-only";
import Database from "better-sqlite3";
import pg from "pg";
import { databaseFile, databaseKey, databaseKind, postgresUrl } from "./location.mjs";

/** How long a transaction waits for SQLite's write lock in all (as lib/db/client.ts). */
const BUSY_TIMEOUT_MS = 5_000;
/** Connections each app process keeps to PostgreSQL for the hot path (beside Prisma's). */
const POSTGRES_POOL_SIZE = Number(process.env.DATABASE_POOL_SIZE) || 10;
/** timestamp without time zone: stored in UTC by Prisma, so read as UTC (node-postgres would read local time). */
const TIMESTAMP_OID = 1114;

export type Statement = { sql: string; params: unknown[]; returnsRows: boolean };
/** Work on the database: yields statements, receives their rows (or changed-row counts). */
export type Steps<T> = Generator<Statement, T, unknown>;

/** The rows of one statement. */
export function* rows<T>(sql: string, ...params: unknown[]): Generator<Statement, T[], unknown> {
  return (yield { sql, params, returnsRows: true }) as T[];
}

/** Runs one statement; the number of rows it changed. */
export function* run(sql: string, ...params: unknown[]): Generator<Statement, number, unknown> {
  return (yield { sql, params, returnsRows: false }) as number;
}

/** "$1, $2, …" for `count` parameters starting after `after`. */
export function placeholders(count: number, after = 0): string {
  return Array.from({ length: count }, (_, i) => `$${after + i + 1}`).join(", ");
}

type SqliteConnection = {
  kind: "sqlite";
  db: Database.Database;
  statements: Map<string, { statement: Database.Statement; order: number[] }>;
  /** BEGIN, COMMIT, SAVEPOINT…: prepared once, not parsed again on every transaction (several per request). */
  control: Map<string, Database.Statement>;
};
type PostgresConnection = { kind: "postgresql"; pool: pg.Pool };
type Connection = SqliteConnection | PostgresConnection;

const globalForDirect = globalThis as unknown as { tcpCourseDirect?: { key: string; connection: Connection } };

function connection(): Connection {
  const key = databaseKey();
  const cached = globalForDirect.tcpCourseDirect;
  if (cached?.key === key) return cached.connection;
  // Tests point each file at its own database: let the previous one go.
  if (cached) close(cached.connection);
  const created = open();
  globalForDirect.tcpCourseDirect = { key, connection: created };
  return created;
}

function open(): Connection {
  if (databaseKind() === "postgresql") {
    const pool = new pg.Pool({
      connectionString: postgresUrl(),
      max: POSTGRES_POOL_SIZE,
      // A burst of submissions queues for a connection (lib/db/client.ts waits 15 s for Prisma's too).
      connectionTimeoutMillis: 15_000,
      types: {
        getTypeParser: ((oid: number, format?: "text" | "binary") =>
          oid === TIMESTAMP_OID ? (text: string) => new Date(`${text.replace(" ", "T")}Z`) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
      },
    });
    // An idle client's error (the server restarted) must not crash the process; the next checkout reconnects.
    pool.on("error", () => {});
    return { kind: "postgresql", pool };
  }
  const db = new Database(databaseFile(), { timeout: 0 });
  try {
    db.pragma("journal_mode = WAL");
  } catch (error) {
    // Another connection holds the lock; WAL is a property of the file, which prepare-db and client.ts set too.
    if (!isBusy(error)) throw error;
  }
  return { kind: "sqlite", db, statements: new Map(), control: new Map() };
}

function close(connection: Connection): void {
  if (connection.kind === "sqlite") connection.db.close();
  else void connection.pool.end().catch(() => {});
}

/** The database kind the direct connection speaks (for the few statements whose SQL differs). */
export function directDialect(): "sqlite" | "postgresql" {
  return connection().kind;
}

/** Runs `steps` in one transaction (a write lock from the start on SQLite) and returns its result; any error rolls it back. */
export function transaction<T>(steps: () => Steps<T>): Promise<T> {
  const conn = connection();
  return conn.kind === "sqlite" ? sqliteWithLock(conn, steps) : postgresTransaction(conn, steps);
}

/** Runs read-only `steps` on one consistent snapshot. */
export function read<T>(steps: () => Steps<T>): Promise<T> {
  const conn = connection();
  if (conn.kind === "postgresql") return postgresTransaction(conn, steps, "BEGIN READ ONLY ISOLATION LEVEL REPEATABLE READ");
  return retryBusy(() => sqliteTransaction(conn, "BEGIN", () => drive(conn, steps)));
}

/**
 * One read-only statement on its own: a single statement is consistent by
 * itself, so it needs no transaction (on PostgreSQL that spares BEGIN and
 * COMMIT, two of the round trips of a submission).
 */
export function readOne<T>(sql: string, ...params: unknown[]): Promise<T[]> {
  const conn = connection();
  if (conn.kind === "sqlite") return retryBusy(() => sqliteExecute(conn, { sql, params, returnsRows: true }) as T[]);
  return conn.pool.query({ text: sql, values: params.map(postgresValue) }).then((result) => result.rows as T[]);
}

// --- SQLite -----------------------------------------------------------------

/** At most this many transactions share one commit (bounds a batch's latency). */
const GROUP_COMMIT_LIMIT = 64;

type Queued = { steps: () => Steps<unknown>; resolve: (value: unknown) => void; reject: (error: unknown) => void };
const queues = new WeakMap<SqliteConnection, Queued[]>();

/**
 * Group commit: the transactions asked for in one turn of the event loop run
 * one after another inside one BEGIN IMMEDIATE … COMMIT, each in its own
 * savepoint (an error rolls back that one alone), and each is answered only
 * once the shared COMMIT has returned. SQLite syncs the WAL on every commit
 * (synchronous is FULL in better-sqlite3's build), and that sync was most of
 * a submission's cost; durability is unchanged, the sync is shared.
 */
function sqliteWithLock<T>(conn: SqliteConnection, steps: () => Steps<T>): Promise<T> {
  let queue = queues.get(conn);
  if (!queue) queues.set(conn, (queue = []));
  const waiting = queue;
  return new Promise<T>((resolve, reject) => {
    waiting.push({ steps, resolve: resolve as (value: unknown) => void, reject });
    if (waiting.length === 1) setImmediate(() => void flush(conn, waiting));
  });
}

async function flush(conn: SqliteConnection, queue: Queued[]): Promise<void> {
  const batch = queue.splice(0, GROUP_COMMIT_LIMIT);
  if (queue.length > 0) setImmediate(() => void flush(conn, queue));
  let outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[];
  try {
    outcomes = await retryBusy(() => sqliteTransaction(conn, "BEGIN IMMEDIATE", () => batch.map((item) => inSavepoint(conn, item.steps))));
  } catch (error) {
    // No lock within the timeout, or the commit failed: nothing of the batch is stored.
    for (const item of batch) item.reject(error);
    return;
  }
  batch.forEach((item, i) => {
    const outcome = outcomes[i]!;
    if (outcome.ok) item.resolve(outcome.value);
    else item.reject(outcome.error);
  });
}

function inSavepoint(conn: SqliteConnection, steps: () => Steps<unknown>): { ok: true; value: unknown } | { ok: false; error: unknown } {
  control(conn, "SAVEPOINT one_transaction");
  try {
    const value = drive(conn, steps);
    control(conn, "RELEASE one_transaction");
    return { ok: true, value };
  } catch (error) {
    control(conn, "ROLLBACK TO one_transaction");
    control(conn, "RELEASE one_transaction");
    return { ok: false, error };
  }
}

function control(conn: SqliteConnection, sql: string): void {
  let statement = conn.control.get(sql);
  if (!statement) conn.control.set(sql, (statement = conn.db.prepare(sql)));
  statement.run();
}

/** Runs `body` (synchronous) between `begin` and COMMIT; any error rolls it back. */
function sqliteTransaction<T>(conn: SqliteConnection, begin: string, body: () => T): T {
  control(conn, begin);
  try {
    const result = body();
    control(conn, "COMMIT");
    return result;
  } catch (error) {
    if (conn.db.inTransaction) control(conn, "ROLLBACK");
    throw error;
  }
}

/** Runs the statements `steps` yields, one after another, synchronously. */
function drive<T>(conn: SqliteConnection, steps: () => Steps<T>): T {
  const generator = steps();
  let next = generator.next();
  while (!next.done) next = generator.next(sqliteExecute(conn, next.value));
  return next.value;
}

function sqliteExecute(conn: SqliteConnection, { sql, params, returnsRows }: Statement): unknown {
  let prepared = conn.statements.get(sql);
  if (!prepared) {
    // better-sqlite3 has no $n placeholders: each becomes "?" and its value is passed in order of appearance.
    const order: number[] = [];
    const text = sql.replace(/\$(\d+)/g, (_, n: string) => {
      order.push(Number(n) - 1);
      return "?";
    });
    prepared = { statement: conn.db.prepare(text), order };
    conn.statements.set(sql, prepared);
  }
  const values = prepared.order.map((i) => sqliteValue(params[i]));
  return returnsRows ? prepared.statement.all(...values) : prepared.statement.run(...values).changes;
}

/** Values as Prisma's better-sqlite3 adapter binds them: DateTime as ISO 8601 text in UTC with "+00:00", booleans as 1/0. */
export function sqliteValue(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString().replace("Z", "+00:00");
  if (typeof value === "boolean") return value ? 1 : 0;
  if (value === undefined) return null;
  return value;
}

function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  return code === "SQLITE_BUSY" || code === "SQLITE_BUSY_SNAPSHOT" || code === "SQLITE_LOCKED";
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Retries `attempt` while the database is locked by another connection, waiting (without blocking) up to BUSY_TIMEOUT_MS. */
async function retryBusy<T>(attempt: () => T): Promise<T> {
  const deadline = Date.now() + BUSY_TIMEOUT_MS;
  for (let wait = 1; ; wait = Math.min(wait * 2, 20)) {
    try {
      return attempt();
    } catch (error) {
      if (!isBusy(error) || Date.now() >= deadline) throw error;
    }
    await sleep(wait);
  }
}

// --- PostgreSQL -------------------------------------------------------------

async function postgresTransaction<T>(conn: PostgresConnection, steps: () => Steps<T>, begin = "BEGIN"): Promise<T> {
  const client = await conn.pool.connect();
  let broken: Error | undefined;
  try {
    await client.query(begin);
    try {
      const generator = steps();
      let next = generator.next();
      while (!next.done) {
        const { sql, params, returnsRows } = next.value;
        const result = await client.query({ text: sql, values: params.map(postgresValue) });
        next = generator.next(returnsRows ? result.rows : (result.rowCount ?? 0));
      }
      await client.query("COMMIT");
      return next.value;
    } catch (error) {
      await client.query("ROLLBACK").catch((rollbackError: Error) => {
        broken = rollbackError;
      });
      throw error;
    }
  } finally {
    // A client whose rollback failed is in an unknown state: the pool drops it.
    client.release(broken);
  }
}

/** Values as timestamp(3) without time zone takes them: ISO text in UTC (the zone mark is ignored), never node-postgres's local time. */
function postgresValue(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (value === undefined) return null;
  return value;
}
