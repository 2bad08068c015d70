// Secrets the server makes for itself and every app process must share (so
// they live in the database, not in one process's memory).
import "server-only";
import { randomBytes } from "node:crypto";
import { databaseReady, prisma } from "./client";

/**
 * The secret stored under `name`, created (32 random bytes, base64url) on
 * first use. Two processes starting at once both try to insert; the primary
 * key lets one win, and both then read the winner's value.
 */
export async function sharedSecret(name: string): Promise<string> {
  await databaseReady();
  const existing = await prisma.serverSecret.findUnique({ where: { name } });
  if (existing) return existing.value;
  await prisma.serverSecret.createMany({ data: [{ name, value: randomBytes(32).toString("base64url") }] }).catch(() => undefined);
  const stored = await prisma.serverSecret.findUnique({ where: { name } });
  if (!stored) throw new Error(`The server secret "${name}" could not be stored.`);
  return stored.value;
}
