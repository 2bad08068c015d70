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
//   PostgreSQL: BEGIN … COMMIT on one pooled client, in as few round trips
//   as the work allows. Each round trip cost about 0.27 ms of CPU (0.12 ms in
//   this process, most of it in the socket write, and 0.15 ms in the server)
//   whatever the statement, so a submission's ~17 statements, one per round
//   trip, cost more than its grading (docs/performance-grading.md). So
//   writes (`run`, whose result no caller needs) wait and go with the next
//   statement that needs an answer, or with the COMMIT; BEGIN goes with the
//   first; and `all` sends independent statements together. (Most of a round
//   trip's cost is waking a PostgreSQL backend that sleeps between messages:
//   node-postgres measured 0.25 ms of CPU per `SELECT 1` with one query in
//   flight and 0.045 ms with twenty, decision record 0020.) A counter every
//   request shares commits alone (`rowsAlone`, `autocommit`), so no
//   transaction holds its row across a round trip. Several
//   statements in one message need PostgreSQL's simple query protocol, which
//   takes no parameters. So each statement is prepared (SQL PREPARE, with
//   untyped parameters, as node-postgres sends them) the first time a pooled
//   client meets it, and then run as EXECUTE with each value written as a
//   quoted literal (`postgresLiteral`): PostgreSQL parses and analyses it
//   once per client, not on every run, which was most of its CPU time.
import "server-only";
import { createHash } from "node:crypto";
import Database from "better-sqlite3";
import pg from "pg";
import { databaseFile, databaseKey, databaseKind, postgresUrl } from "./location.mjs";

/** How long a transaction waits for SQLite's write lock in all (as lib/db/client.ts). */
const BUSY_TIMEOUT_MS = 5_000;
/** Connections each app process keeps to PostgreSQL for the hot path (beside Prisma's). */
const POSTGRES_POOL_SIZE = Number(process.env.DATABASE_POOL_SIZE) || 10;
/** timestamp without time zone: stored in UTC by Prisma, so read as UTC (node-postgres would read local time). */
const TIMESTAMP_OID = 1114;

export type Statement = { sql: string; params: unknown[]; returnsRows: boolean; alone?: true };
/** Statements whose results do not depend on each other, run in order (on PostgreSQL, in one round trip). */
type Batch = { batch: Statement[] };
/** Work on the database: yields statements (or batches), receives their rows. */
export type Steps<T> = Generator<Statement | Batch, T, unknown>;

/** The rows of one statement. */
export function* rows<T>(sql: string, ...params: unknown[]): Steps<T[]> {
  return (yield { sql, params, returnsRows: true }) as T[];
}

/**
 * Runs one statement whose result is not needed. Every later statement sees
 * its effect; on PostgreSQL it is sent with the next one that needs an
 * answer (or the COMMIT), and an error it raises fails the transaction there.
 */
export function* run(sql: string, ...params: unknown[]): Steps<void> {
  yield { sql, params, returnsRows: false };
}

/**
 * The rows of one write that commits on its own on PostgreSQL: for a counter
 * that every request shares (one row per client address). Inside the
 * transaction its row lock would be held to the COMMIT, across a round trip
 * and the commit's WAL flush, and every request from that address would queue
 * behind it. So on PostgreSQL it runs first, in a message of its own (an
 * implicit transaction whose commit does not wait for the WAL flush:
 * synchronous_commit off for it alone, so a crash may lose the last fraction
 * of a second of counts, never anyone's work), and stays counted whatever the
 * transaction does later. On SQLite it is an ordinary statement of the
 * transaction, which holds the database's write lock for one synchronous turn
 * anyway. It must be in its transaction's first step (alone, or in a batch
 * of `all`, where on PostgreSQL it goes first).
 */
export function* rowsAlone<T>(sql: string, ...params: unknown[]): Steps<T[]> {
  return (yield { sql, params, returnsRows: true, alone: true }) as T[];
}

/** A step that asks the database nothing and returns `value` (a part of `all` with nothing to read this time). */
export function* given<T>(value: T): Steps<T> {
  return value;
}

/**
 * Several steps side by side, each given its own results: the statements
 * they yield at the same point go to the database together, in the order
 * the steps are listed (so locks are taken in that order). For reads that do
 * not depend on each other.
 */
export function* all<T extends unknown[]>(...parts: { [K in keyof T]: Steps<T[K]> }): Steps<T> {
  const results: unknown[] = new Array(parts.length);
  let inputs: unknown[] = parts.map(() => undefined);
  let waiting = parts.map((_, i) => i);
  while (waiting.length > 0) {
    const asked: { part: number; statements: Statement[]; single: boolean }[] = [];
    for (const part of waiting) {
      const next = parts[part]!.next(inputs[part]);
      if (next.done) results[part] = next.value;
      else if ("batch" in next.value) asked.push({ part, statements: next.value.batch, single: false });
      else asked.push({ part, statements: [next.value], single: true });
    }
    if (asked.length === 0) break;
    const answers = (yield { batch: asked.flatMap((a) => a.statements) }) as unknown[];
    inputs = parts.map(() => undefined);
    let at = 0;
    for (const { part, statements, single } of asked) {
      const own = answers.slice(at, (at += statements.length));
      inputs[part] = single ? own[0] : own;
    }
    waiting = asked.map((a) => a.part);
  }
  return results as T;
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
      // An idle connection is kept a minute (pg-pool's default is 10 s): a new one costs a backend and a SCRAM
      // handshake, and loses the statements the old one had prepared.
      idleTimeoutMillis: 60_000,
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
  if (conn.kind === "postgresql") return postgresTransaction(conn, steps, { begin: "BEGIN READ ONLY ISOLATION LEVEL REPEATABLE READ" });
  return retryBusy(() => sqliteTransaction(conn, "BEGIN", () => drive(conn, steps)));
}

/** Sent first in a message that is its own (implicit) transaction: its commit does not wait for the WAL flush. */
const UNSYNCED_COMMIT = "SET LOCAL synchronous_commit TO OFF";

/**
 * Statements sent in one step (one `rows`, or one `all` of them) and
 * committed together at once, without BEGIN and COMMIT: on PostgreSQL one
 * message, an implicit transaction, whose commit does not wait for the WAL
 * flush (as rowsAlone's: for counters, and reads that go with them, never
 * for anyone's work); on SQLite an ordinary transaction. One round trip for
 * what would otherwise be two (a request's address counter with its guest's
 * account check, lib/auth/identity.ts).
 */
export function autocommit<T>(steps: () => Steps<T>): Promise<T> {
  const conn = connection();
  return conn.kind === "sqlite" ? sqliteWithLock(conn, steps) : postgresTransaction(conn, steps, { implicit: true });
}

/**
 * One read-only statement on its own: a single statement is consistent by
 * itself, so it needs no transaction (on PostgreSQL that spares BEGIN and
 * COMMIT, two of the round trips of a submission).
 */
export function readOne<T>(sql: string, ...params: unknown[]): Promise<T[]> {
  const conn = connection();
  if (conn.kind === "sqlite") return retryBusy(() => sqliteExecute(conn, { sql, params, returnsRows: true }) as T[]);
  // Named, node-postgres parses it once per client and then only binds it (its own names: "r_", beside transactions' "d_").
  const name = `r${preparedShape(sql).name.slice(1)}`;
  return conn.pool.query({ name, text: sql, values: params.map(postgresValue) }).then((result) => result.rows as T[]);
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
  let executed = 0;
  while (!next.done) {
    const step = next.value;
    const statements = "batch" in step ? step.batch : [step];
    // The same rule as on PostgreSQL, where it could not commit alone once the transaction had begun.
    if (executed > 0 && statements.some((statement) => statement.alone)) throw aloneTooLate();
    executed += statements.length;
    const results = statements.map((statement) => sqliteExecute(conn, statement));
    next = generator.next("batch" in step ? results : results[0]);
  }
  return next.value;
}

function aloneTooLate(): Error {
  return new Error("A statement that commits alone (rowsAlone) must be in its transaction's first step.");
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
  if (returnsRows) return prepared.statement.all(...values);
  prepared.statement.run(...values);
  return undefined;
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

/** The names of the statements each pooled client has prepared (PREPARE lasts as long as the session, whatever the transaction does). */
const preparedOn = new WeakMap<pg.PoolClient, Set<string>>();
/** Each statement's prepared name and parameter count, worked out once per SQL text. */
const preparedShapes = new Map<string, { name: string; parameters: number }>();

/** A statement's name on the server: from its text, so every process and client agree and a name never means two texts. */
export function preparedShape(sql: string): { name: string; parameters: number } {
  let shape = preparedShapes.get(sql);
  if (!shape) {
    let parameters = 0;
    for (const [, n] of sql.matchAll(/\$(\d+)/g)) parameters = Math.max(parameters, Number(n));
    shape = { name: `d_${createHash("sha1").update(sql).digest("hex").slice(0, 24)}`, parameters };
    preparedShapes.set(sql, shape);
  }
  return shape;
}

/**
 * The texts that run `statement` on this client, each with its own result:
 * EXECUTE of its prepared form with the values as literals, preceded by its
 * PREPARE the first time the client meets it (`preparing` collects those
 * names, known once the message has succeeded). A prepared statement is
 * parsed and analysed once per client; after five runs PostgreSQL may also
 * keep one generic plan for it instead of planning each run (plan_cache_mode
 * auto).
 */
export function postgresExecute(statement: Statement, known: ReadonlySet<string>, preparing: Set<string>): string[] {
  const { name, parameters } = preparedShape(statement.sql);
  const values = Array.from({ length: parameters }, (_, i) => postgresLiteral(statement.params[i]));
  const execute = `EXECUTE ${name}${parameters > 0 ? `(${values.join(", ")})` : ""}`;
  if (known.has(name) || preparing.has(name)) return [execute];
  preparing.add(name);
  return [`PREPARE ${name} AS ${statement.sql}`, execute];
}

/** How a PostgreSQL transaction starts: BEGIN (ended by COMMIT), or one message of its own (`autocommit`). */
type PostgresStart = { begin: string } | { implicit: true };

async function postgresTransaction<T>(conn: PostgresConnection, steps: () => Steps<T>, start: PostgresStart = { begin: "BEGIN" }): Promise<T> {
  const implicit = "implicit" in start;
  const begin = implicit ? UNSYNCED_COMMIT : start.begin;
  const client = await conn.pool.connect();
  let known = preparedOn.get(client);
  if (!known) preparedOn.set(client, (known = new Set()));
  let broken: Error | undefined;
  // Texts not yet sent, whose results nobody waits for: BEGIN, then writes.
  let unsent = [begin];
  const preparing = new Set<string>();
  let sentAny = false;
  /** Sends `texts` and then `statements` in one message; each statement's rows (undefined for one that returns none). */
  const message = async (texts: string[], statements: Statement[]): Promise<unknown[]> => {
    // Where each statement's own result will be: its EXECUTE is the last of its texts.
    const resultAt = statements.map((statement) => {
      texts.push(...postgresExecute(statement, known, preparing));
      return texts.length - 1;
    });
    // Each ";" on a line of its own: a statement's text may end in a -- comment.
    const sent = await client.query(texts.join("\n;\n"));
    for (const name of preparing) known.add(name);
    preparing.clear();
    // node-postgres answers a message of several statements with one result each, of one with the result itself.
    const results = Array.isArray(sent) ? sent : [sent];
    return statements.map((statement, i) => (statement.returnsRows ? results[resultAt[i]!]!.rows : undefined));
  };
  /** Sends what is unsent and then `statements` in one message (rowsAlone's first, in a message of their own); the results of `statements`. */
  const send = async (all: Statement[]): Promise<unknown[]> => {
    if (implicit && sentAny) throw new Error("Work run by autocommit must send all its statements at once (one step).");
    // In one implicit transaction, a statement committed alone is one of the message's like the others.
    const alone = implicit ? [] : all.filter((statement) => statement.alone);
    if (alone.length > 0 && (sentAny || unsent.length > 1)) throw aloneTooLate();
    const aloneRows = alone.length > 0 ? await message([UNSYNCED_COMMIT], alone) : [];
    const statements = alone.length > 0 ? all.filter((statement) => !statement.alone) : all;
    sentAny = true;
    const texts = unsent;
    unsent = [];
    const own = await message(texts, statements);
    if (alone.length === 0) return own;
    // In the order they were asked for.
    return all.map((statement) => (statement.alone ? aloneRows.shift() : own.shift()));
  };
  try {
    try {
      const generator = steps();
      let next = generator.next();
      while (!next.done) {
        const step = next.value;
        if ("batch" in step) next = generator.next(await send(step.batch));
        else if (!step.returnsRows && !step.alone) {
          unsent.push(...postgresExecute(step, known, preparing));
          next = generator.next();
        } else next = generator.next((await send([step]))[0]);
      }
      // Nothing but statements committed alone was sent (the work stopped at them): no transaction to end.
      if (implicit) {
        if (unsent.length > 1) throw new Error("Work run by autocommit must end with a statement that returns rows.");
      } else if (sentAny || unsent.length > 1) {
        unsent.push("COMMIT");
        await send([]);
      }
      return next.value;
    } catch (error) {
      try {
        // An implicit transaction ended with its message, whatever happened.
        if (!implicit) await client.query("ROLLBACK");
        // A message that failed ran its PREPAREs up to the error and none after it: ask which exist.
        if (preparing.size > 0) {
          const existing = await client.query<{ name: string }>("SELECT name FROM pg_prepared_statements");
          for (const { name } of existing.rows) if (preparing.has(name)) known.add(name);
        }
      } catch (rollbackError) {
        broken = rollbackError as Error;
      }
      throw error;
    }
  } finally {
    // A client whose rollback failed is in an unknown state: the pool drops it.
    client.release(broken);
  }
}

/**
 * A value as a literal PostgreSQL reads exactly as the untyped text
 * parameter node-postgres would send for it (the same text: String() of a
 * number or boolean, ISO time of a Date), quoted by pg's escapeLiteral,
 * which doubles quotes and backslashes (with E'' when there is a backslash),
 * so nothing in the value can end the literal.
 */
export function postgresLiteral(value: unknown): string {
  const prepared = postgresValue(value);
  if (prepared === null) return "NULL";
  if (typeof prepared !== "string" && typeof prepared !== "number" && typeof prepared !== "bigint" && typeof prepared !== "boolean") {
    throw new TypeError(`A ${typeof prepared} cannot be a statement's value here; pass text, a number, a boolean, a Date or null.`);
  }
  const text = String(prepared);
  // A message is NUL-terminated, so a NUL could cut the statement short; PostgreSQL's text cannot hold one anyway (as a parameter it fails with this code).
  if (text.includes("\0")) throw Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), { code: "22021" });
  return pg.escapeLiteral(text);
}

/** Values as timestamp(3) without time zone takes them: ISO text in UTC (the zone mark is ignored), never node-postgres's local time. */
function postgresValue(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (value === undefined) return null;
  return value;
}
