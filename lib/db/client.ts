// The one Prisma client. Nothing outside lib/db imports Prisma (DESIGN.md).
// DATABASE_URL picks the database (lib/db/location.mjs): the embedded SQLite
// file by default, or PostgreSQL, each through its own generated client and
// driver adapter (docs/decisions/0016).
import "server-only";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { PrismaClient as PostgresPrismaClient } from "@/lib/generated/prisma-postgres/client";
import { databaseKey, databaseKind, databaseFile, postgresUrl } from "./location.mjs";

/** How long a writer waits for SQLite's lock before giving up (better-sqlite3's busy timeout). */
const BUSY_TIMEOUT_MS = 5_000;
/** Connections each app process keeps to PostgreSQL (node-postgres pool). */
const POSTGRES_POOL_SIZE = Number(process.env.DATABASE_POOL_SIZE) || 10;

type Client = PrismaClient;
export type Dialect = "sqlite" | "postgresql";

function createClient(dialect: Dialect): { key: string; client: Client } {
  if (dialect === "postgresql") {
    const url = postgresUrl();
    const adapter = new PrismaPg({ connectionString: url, max: POSTGRES_POOL_SIZE });
    // Both clients are generated from the same data model (scripts/postgres-schema.mjs),
    // so their model APIs are the same; lib/db is written against the SQLite one's types.
    // A burst of submissions queues for the pool's connections (each interactive
    // transaction holds one): wait for one up to 15 s rather than Prisma's 2 s.
    const client = new PostgresPrismaClient({ adapter, transactionOptions: { maxWait: 15_000, timeout: 15_000 } });
    return { key: url, client: client as unknown as Client };
  }
  const file = databaseFile();
  const adapter = new PrismaBetterSQLite3({ url: file, timeout: BUSY_TIMEOUT_MS });
  return { key: file, client: new PrismaClient({ adapter }) };
}

// Next's dev server re-evaluates modules on every change; keep one client per
// process and database (tests point each file at its own database).
const globalForPrisma = globalThis as unknown as {
  tcpCoursePrisma?: { key: string; dialect: Dialect; client: Client; ready?: Promise<void> };
};

function current() {
  const dialect = databaseKind();
  const key = databaseKey();
  if (globalForPrisma.tcpCoursePrisma?.key !== key) {
    globalForPrisma.tcpCoursePrisma = { ...createClient(dialect), dialect };
  }
  return globalForPrisma.tcpCoursePrisma;
}

export const prisma: Client = current().client;

/** Which SQL the raw queries in lib/db must speak. */
export const dialect: Dialect = current().dialect;

/**
 * Resolves once the database is ready for queries. On SQLite: the connection
 * is in WAL mode (readers never block the writer); WAL is a property of the
 * database file, scripts/prepare-db.mjs sets it too, and this makes a database
 * someone else created safe as well. PostgreSQL needs nothing.
 */
export function databaseReady(): Promise<void> {
  const entry = current();
  entry.ready ??= entry.dialect === "sqlite" ? entry.client.$queryRawUnsafe("PRAGMA journal_mode = WAL").then(() => undefined) : Promise.resolve();
  return entry.ready;
}

