// PostgreSQL for tests. TEST_POSTGRES_URL names a server and a database the
// tests may connect to as a role allowed to CREATE DATABASE (README, "Running
// the tests on PostgreSQL"); each test file then gets its own database, made
// from a migrated template, and the suite drops them all at the end.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import pg from "pg";

export const postgresTestUrl = process.env.TEST_POSTGRES_URL?.trim() || undefined;

/** Why a PostgreSQL-only test is skipped, printed in its name when TEST_POSTGRES_URL is unset. */
export const SKIP_WITHOUT_POSTGRES = "(skipped: set TEST_POSTGRES_URL=postgresql://user:password@127.0.0.1:5432/postgres to run)";

/** The prefix of every database the tests create, so teardown finds them. */
export const TEST_DATABASE_PREFIX = "tcp_course_test_";

/**
 * The prefix of this run's databases: the global setup picks a tag per run and
 * the test workers inherit it, so a run's teardown drops its own databases and
 * never those of another run on the same server (two checkouts testing at once).
 */
export function runDatabasePrefix(): string {
  return `${TEST_DATABASE_PREFIX}${process.env.TEST_RUN_TAG ?? ""}`;
}

export function urlForDatabase(base: string, name: string): string {
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function withAdmin<T>(base: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: base });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A new, empty database; returns its URL. */
export async function createEmptyDatabase(base: string, template?: string): Promise<string> {
  const name = `${runDatabasePrefix()}${randomBytes(6).toString("hex")}`;
  await withAdmin(base, (client) => client.query(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ""}`));
  return urlForDatabase(base, name);
}

/**
 * A copy of the migrated template database (synchronously, so test files can
 * call it at the top, before importing lib/db; CREATE DATABASE … TEMPLATE is
 * a file copy and takes a few tens of milliseconds).
 */
export function copyTemplateSync(base: string, template: string): string {
  const name = `${runDatabasePrefix()}${randomBytes(6).toString("hex")}`;
  const script = `
    const pg = require("pg");
    const client = new pg.Client({ connectionString: process.env.BASE });
    client.connect().then(() => client.query(process.env.SQL)).then(() => client.end()).catch((e) => { console.error(e.message); process.exit(1); });`;
  const result = spawnSync(process.execPath, ["-e", script], {
    cwd: path.resolve("."),
    env: { ...process.env, BASE: base, SQL: `CREATE DATABASE "${name}" TEMPLATE "${template}"` },
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`could not copy the template database: ${result.stderr}`);
  return urlForDatabase(base, name);
}

/** Drops every database this run of the tests made. */
export async function dropTestDatabases(base: string): Promise<void> {
  await withAdmin(base, async (client) => {
    // starts_with, not LIKE: "_" in the prefix would be a wildcard.
    const { rows } = await client.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE starts_with(datname, $1)`, [runDatabasePrefix()]);
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  });
}
