// The cheapest question the database can answer, for the health check.
import "server-only";
import { prisma } from "./client";

/** Resolves when the database answers `SELECT 1`; rejects when it does not (or not within `timeoutMs`). */
export async function pingDatabase(timeoutMs = 2_000): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([prisma.$queryRaw`SELECT 1`, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
