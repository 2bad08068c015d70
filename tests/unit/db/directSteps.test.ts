// The direct driver's pure parts (lib/db/direct.ts): how `all` batches
// independent steps, and how a value becomes a PostgreSQL literal when
// several statements go in one message, and how a statement is prepared on
// a client once and then executed.
import { describe, expect, it } from "vitest";
import { all, postgresExecute, postgresLiteral, preparedShape, rows, run, type Steps } from "@/lib/db/direct";

/** Drives `steps` against a fake database that answers each statement with its own text, recording the round trips. */
function driveRecording<T>(steps: Steps<T>): { value: T; trips: string[][] } {
  const trips: string[][] = [];
  let next = steps.next();
  while (!next.done) {
    const step = next.value;
    const statements = "batch" in step ? step.batch : [step];
    trips.push(statements.map((s) => s.sql));
    const answers = statements.map((s) => (s.returnsRows ? [{ sql: s.sql }] : undefined));
    next = steps.next("batch" in step ? answers : answers[0]);
  }
  return { value: next.value, trips };
}

describe("all", () => {
  it("sends the first statement of every part in one batch, in the order the parts are listed, and gives each part its own rows", () => {
    const { value, trips } = driveRecording(all(rows<{ sql: string }>("SELECT a"), rows<{ sql: string }>("SELECT b")));
    expect(trips).toEqual([["SELECT a", "SELECT b"]]);
    expect(value).toEqual([[{ sql: "SELECT a" }], [{ sql: "SELECT b" }]]);
  });

  it("keeps a part that asks again in step with the others, and a part with no statement costs no round trip", () => {
    function* twice(): Steps<string> {
      const [first] = yield* rows<{ sql: string }>("SELECT 1");
      const [second] = yield* rows<{ sql: string }>(`SELECT after ${first!.sql}`);
      return second!.sql;
    }
    function* none(): Steps<string> {
      return "nothing asked";
    }
    const { value, trips } = driveRecording(all(twice(), rows<{ sql: string }>("SELECT other"), none()));
    expect(trips).toEqual([["SELECT 1", "SELECT other"], ["SELECT after SELECT 1"]]);
    expect(value).toEqual(["SELECT after SELECT 1", [{ sql: "SELECT other" }], "nothing asked"]);
  });

  it("passes a write through with the reads it is listed with", () => {
    const { trips } = driveRecording(all(run("INSERT x"), rows("SELECT y")));
    expect(trips).toEqual([["INSERT x", "SELECT y"]]);
  });
});

describe("a value written into a PostgreSQL statement", () => {
  it("is quoted so that no quote, backslash or semicolon in it can end the literal", () => {
    expect(postgresLiteral(`it's`)).toBe(`'it''s'`);
    expect(postgresLiteral(`a\\'); DROP TABLE "Attempt"; --`)).toBe(` E'a\\\\''); DROP TABLE "Attempt"; --'`);
  });

  it("is the text node-postgres would send as a parameter: numbers and booleans as text, a Date as ISO time in UTC, nothing as NULL", () => {
    expect(postgresLiteral(3_000_000_001)).toBe(`'3000000001'`);
    expect(postgresLiteral(0.25)).toBe(`'0.25'`);
    expect(postgresLiteral(false)).toBe(`'false'`);
    expect(postgresLiteral(new Date(Date.UTC(2026, 11, 1, 9, 30)))).toBe(`'2026-12-01T09:30:00.000Z'`);
    expect(postgresLiteral(null)).toBe("NULL");
    expect(postgresLiteral(undefined)).toBe("NULL");
  });

  it("refuses a NUL character, which would cut the message short, with PostgreSQL's own error code", () => {
    expect(() => postgresLiteral("a\0b")).toThrow(expect.objectContaining({ code: "22021" }));
  });

  it("refuses an object rather than guess how to write it", () => {
    expect(() => postgresLiteral({ a: 1 })).toThrow(/cannot be a statement's value/);
  });

});

describe("a statement run on a PostgreSQL client", () => {
  const statement = (sql: string, ...params: unknown[]) => ({ sql, params, returnsRows: true });

  it("is prepared the first time the client meets it and only executed after that, with its values as literals", () => {
    const sql = `SELECT "id" FROM "Learner" WHERE "id" = $1`;
    const { name } = preparedShape(sql);
    expect(name).toMatch(/^d_[0-9a-f]{24}$/);
    const preparing = new Set<string>();
    expect(postgresExecute(statement(sql, "it's"), new Set(), preparing)).toEqual([`PREPARE ${name} AS ${sql}`, `EXECUTE ${name}('it''s')`]);
    expect([...preparing]).toEqual([name]);
    // Later in the same message it is already being prepared; on a client that knows it, it is only executed.
    expect(postgresExecute(statement(sql, "x"), new Set(), preparing)).toEqual([`EXECUTE ${name}('x')`]);
    expect(postgresExecute(statement(sql, "y"), new Set([name]), new Set())).toEqual([`EXECUTE ${name}('y')`]);
  });

  it("passes exactly as many values as its highest $n, $10 being the tenth", () => {
    const params = Array.from({ length: 12 }, (_, i) => `v${i + 1}`);
    const sql = "VALUES ($1, $10)";
    const { name, parameters } = preparedShape(sql);
    expect(parameters).toBe(10);
    expect(postgresExecute(statement(sql, ...params), new Set([name]), new Set())).toEqual([`EXECUTE ${name}('v1', 'v2', 'v3', 'v4', 'v5', 'v6', 'v7', 'v8', 'v9', 'v10')`]);
  });

  it("takes no parentheses when it has no parameters, and different texts get different names", () => {
    const { name } = preparedShape("SELECT 1");
    expect(postgresExecute(statement("SELECT 1"), new Set([name]), new Set())).toEqual([`EXECUTE ${name}`]);
    expect(preparedShape("SELECT 2").name).not.toBe(name);
  });
});
