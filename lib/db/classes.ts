// Classes, memberships and assignments: the queries (decision record 0010).
// Validation and who may do what live in lib/teaching; routes call both.
import "server-only";
import { databaseReady, prisma } from "./client";

export type ClassRole = "owner" | "co-instructor" | "student";

/** The user's role in a class, or null when they are not in it. */
export async function classRoleOf(userId: string, classId: string): Promise<ClassRole | null> {
  await databaseReady();
  const membership = await prisma.membership.findUnique({ where: { classId_userId: { classId, userId } }, select: { role: true } });
  const role = membership?.role;
  return role === "owner" || role === "co-instructor" || role === "student" ? role : null;
}

export type NewClass = { name: string; term: string; timeZone: string; joinCode: string };

/** Creates a class owned by `ownerUserId`. */
export async function createClass(ownerUserId: string, data: NewClass): Promise<{ id: string }> {
  await databaseReady();
  return prisma.class.create({
    data: { ...data, memberships: { create: { userId: ownerUserId, role: "owner" } } },
    select: { id: true },
  });
}

/** Adds (or re-adds) a member with a role. */
export async function addMember(classId: string, userId: string, role: ClassRole): Promise<void> {
  await databaseReady();
  await prisma.membership.upsert({ where: { classId_userId: { classId, userId } }, create: { classId, userId, role }, update: { role } });
}

export type NewAssignment = {
  title: string;
  opensAt: Date;
  dueAt: Date;
  maxAttempts: number | null;
  counts: "best" | "last";
  latePolicy: "refuse" | "accept";
  exerciseIds: string[];
  published: boolean;
};

/** Creates an assignment with its exercises in the given order. */
export async function createAssignment(classId: string, data: NewAssignment): Promise<{ id: string }> {
  await databaseReady();
  const { exerciseIds, published, ...fields } = data;
  return prisma.assignment.create({
    data: {
      ...fields,
      classId,
      publishedAt: published ? new Date() : null,
      items: { create: exerciseIds.map((exerciseId, index) => ({ exerciseId, position: index + 1 })) },
    },
    select: { id: true },
  });
}
