// Ids for rows the direct driver writes (lib/db/direct.ts), of the kind
// Prisma's `@default(cuid())` makes (cuid v1, 25 characters): "c", the time in
// ms (base 36), a per-process counter, a process fingerprint and 8 random
// characters. Same shape and same time order as Prisma's own, so ordering
// tie-breaks on id (newest attempt first) mean the same for rows of either.
import { randomInt } from "node:crypto";
import os from "node:os";

const BASE = 36;
const BLOCK = 4;
const DISCRETE = BASE ** BLOCK;

const pad = (text: string, size: number) => text.padStart(size, "0").slice(-size);

const fingerprint = (() => {
  const host = os.hostname();
  let sum = host.length + BASE;
  for (const char of host) sum += char.charCodeAt(0);
  return pad(process.pid.toString(BASE), 2) + pad(sum.toString(BASE), 2);
})();

let counter = 0;

export function cuid(): string {
  counter = counter < DISCRETE - 1 ? counter + 1 : 0;
  const random = pad(randomInt(DISCRETE).toString(BASE), BLOCK) + pad(randomInt(DISCRETE).toString(BASE), BLOCK);
  return `c${Date.now().toString(BASE)}${pad(counter.toString(BASE), BLOCK)}${fingerprint}${random}`;
}
