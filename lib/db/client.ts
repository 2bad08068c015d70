// The one Prisma client. Nothing outside lib/db imports Prisma (DESIGN.md).
import "server-only";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { databaseFile } from "./location.mjs";

/** How long a writer waits for SQLite's lock before giving up (better-sqlite3's busy timeout). */
const BUSY_TIMEOUT_MS = 5_000;

function createClient(file: string) {
  const adapter = new PrismaBetterSQLite3({ url: file, timeout: BUSY_TIMEOUT_MS });
  return new PrismaClient({ adapter });
}

type Client = ReturnType<typeof createClient>;

// Next's dev server re-evaluates modules on every change; keep one client per
// process and database file (tests point each file at its own database).
const globalForPrisma = globalThis as unknown as {
  tcpCoursePrisma?: { file: string; client: Client; ready?: Promise<void> };
};

function current() {
  const file = databaseFile();
  if (globalForPrisma.tcpCoursePrisma?.file !== file) {
    globalForPrisma.tcpCoursePrisma = { file, client: createClient(file) };
  }
  return globalForPrisma.tcpCoursePrisma;
}

export const prisma: Client = current().client;

/**
 * Resolves once the connection is in WAL mode (readers never block the writer).
 * WAL is a property of the database file; scripts/prepare-db.mjs sets it too, and
 * this makes a database someone else created safe as well.
 */
export function databaseReady(): Promise<void> {
  const entry = current();
  entry.ready ??= entry.client.$queryRawUnsafe("PRAGMA journal_mode = WAL").then(() => undefined);
  return entry.ready;
}
