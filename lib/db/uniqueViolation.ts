// "Create it unless it exists" from several requests at once (a double click,
// two tabs, two app processes): each reads, finds nothing, and inserts; the
// unique index lets one insert win and the others fail with Prisma's P2002.
// Prisma's upsert can be such a read-then-insert (those whose update is empty
// were, on PostgreSQL: tests/integration/concurrentCreates.test.ts). Running the loser
// again finds the winner's row and does what it would have done had it come
// second, which is what a single request would have done.
import "server-only";

/** Whether `error` is Prisma's unique-constraint violation (P2002), from either database's client. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}

/** Runs `work`, and again (up to `tries` times in all) when another request's insert won the race. */
export async function retryOnUniqueViolation<T>(work: () => Promise<T>, tries = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= tries) throw error;
    }
  }
}
