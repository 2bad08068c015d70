// Accounts, sessions and moving a guest's work into an account.
import "server-only";
import { databaseReady, prisma } from "./client";
import { readOne, rows, type Steps } from "./direct";
import { retryOnUniqueViolation } from "./uniqueViolation";
import { moveGuestCards } from "./review";

export type Role = "learner" | "instructor";
export type AccountUser = { id: string; email: string; role: Role; learnerId: string };

function toUser(row: { id: string; email: string; role: string; learnerId: string }): AccountUser {
  return { id: row.id, email: row.email, role: row.role === "instructor" ? "instructor" : "learner", learnerId: row.learnerId };
}

export async function findUserByEmail(email: string) {
  await databaseReady();
  return prisma.user.findUnique({ where: { email } });
}

/**
 * Creates an account whose learner is the guest's learner, so the guest's
 * attempts and progress simply stay where they are. Returns undefined when the
 * email is taken.
 */
export async function createUser(input: { email: string; passwordHash: string; role: Role; guestLearnerId: string }): Promise<AccountUser | undefined> {
  await databaseReady();
  // The same sign-up sent twice at once: the loser's insert violates a unique index (the email, or the
  // guest's learner), and its second run finds the email taken (or the learner, and makes a fresh one).
  return retryOnUniqueViolation(() => prisma.$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email: input.email } })) return undefined;
    await tx.$executeRaw`INSERT INTO "Learner" ("id") VALUES (${input.guestLearnerId}) ON CONFLICT ("id") DO NOTHING`;
    // A guest id already tied to another account cannot be reused; give the new account a fresh learner.
    const taken = await tx.user.findUnique({ where: { learnerId: input.guestLearnerId } });
    const learnerId = taken ? crypto.randomUUID() : input.guestLearnerId;
    if (taken) await tx.learner.create({ data: { id: learnerId } });
    const user = await tx.user.create({ data: { email: input.email, passwordHash: input.passwordHash, role: input.role, learnerId } });
    return toUser(user);
  }));
}

/**
 * Moves a guest's work into a signed-in user's learner: attempts, lesson
 * visits, and what the grading policy keeps beside them (variant requests,
 * solutions seen, hints shown), so a solution seen as a guest stays seen;
 * and the interview track's answers and mock interviews, and the review cards.
 */
export async function mergeGuestInto(guestLearnerId: string, learnerId: string): Promise<number> {
  if (guestLearnerId === learnerId) return 0;
  await databaseReady();
  return prisma.$transaction(async (tx) => {
    const guestIsAccount = await tx.user.findUnique({ where: { learnerId: guestLearnerId } });
    if (guestIsAccount) return 0; // never take another account's work
    const moved = await tx.attempt.updateMany({ where: { learnerId: guestLearnerId }, data: { learnerId } });
    // Variant seeds are derived from the learner id, so a guest's (exercise, seed)
    // pairs never collide with the account's own.
    await tx.variantRequest.updateMany({ where: { learnerId: guestLearnerId }, data: { learnerId } });
    await tx.solutionReveal.updateMany({ where: { learnerId: guestLearnerId }, data: { learnerId } });
    await tx.hintReveal.updateMany({ where: { learnerId: guestLearnerId }, data: { learnerId } });
    // Interview answers (with their claims) and mock interviews.
    await tx.interviewAnswer.updateMany({ where: { learnerId: guestLearnerId }, data: { learnerId } });
    await tx.mockInterview.updateMany({ where: { learnerId: guestLearnerId }, data: { learnerId } });
    // Spaced-review cards with their logs (on a card for the same item, the one reviewed last wins).
    await moveGuestCards(tx, guestLearnerId, learnerId);
    const visits = await tx.lessonVisit.findMany({ where: { learnerId: guestLearnerId } });
    for (const visit of visits) {
      await tx.lessonVisit.upsert({
        where: { learnerId_lessonId: { learnerId, lessonId: visit.lessonId } },
        create: { learnerId, lessonId: visit.lessonId, firstReadAt: visit.firstReadAt, lastReadAt: visit.lastReadAt },
        update: { lastReadAt: visit.lastReadAt },
      });
    }
    await tx.lessonVisit.deleteMany({ where: { learnerId: guestLearnerId } });
    return moved.count;
  });
}

export async function createSession(sessionId: string, userId: string, expiresAt: Date): Promise<void> {
  await databaseReady();
  await prisma.session.create({ data: { id: sessionId, userId, expiresAt } });
}

export async function findSessionUser(sessionId: string): Promise<AccountUser | undefined> {
  await databaseReady();
  const session = await prisma.session.findUnique({ where: { id: sessionId }, include: { user: true } });
  if (!session) return undefined;
  if (session.expiresAt.getTime() <= Date.now()) {
    await prisma.session.deleteMany({ where: { id: sessionId } });
    return undefined;
  }
  return toUser(session.user);
}

export async function deleteSession(sessionId: string): Promise<void> {
  await databaseReady();
  await prisma.session.deleteMany({ where: { id: sessionId } });
}

const LEARNER_HAS_ACCOUNT = `SELECT 1 AS "found" FROM "User" WHERE "learnerId" = $1`;

export async function learnerHasAccount(learnerId: string): Promise<boolean> {
  // Asked on every request of a returning guest (every submission): the direct driver.
  const found = await readOne(LEARNER_HAS_ACCOUNT, learnerId);
  return found.length > 0;
}

/** `learnerHasAccount` as a step, to send with other statements (lib/db/direct.ts, autocommit). */
export function* learnerHasAccountSteps(learnerId: string): Steps<boolean> {
  return (yield* rows(LEARNER_HAS_ACCOUNT, learnerId)).length > 0;
}

export async function setRole(email: string, role: Role): Promise<boolean> {
  await databaseReady();
  const result = await prisma.user.updateMany({ where: { email }, data: { role } });
  return result.count === 1;
}
