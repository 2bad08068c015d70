// Classes, memberships and assignments: the queries (decision record 0010).
// Validation and who may do what live in lib/teaching; routes call both.
import "server-only";
import type { ClassRole } from "@/lib/teaching/classRoles";
import { databaseReady, prisma } from "./client";
import { retryOnUniqueViolation } from "./uniqueViolation";

export type { ClassRole } from "@/lib/teaching/classRoles";

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

// ---------------------------------------------------------------------------
// Classes: reading, changing, joining (issue "Instructors", part 1).

export type ClassSummary = { id: string; name: string; term: string; timeZone: string; role: ClassRole };

export type ClassRecord = { id: string; name: string; term: string; timeZone: string; joinCode: string; createdAt: Date };

/** A class by id, or null. */
export async function findClass(classId: string): Promise<ClassRecord | null> {
  await databaseReady();
  return prisma.class.findUnique({ where: { id: classId }, select: { id: true, name: true, term: true, timeZone: true, joinCode: true, createdAt: true } });
}

/** A class by join code (already normalized), or null. */
export async function findClassByJoinCode(joinCode: string): Promise<ClassRecord | null> {
  await databaseReady();
  return prisma.class.findUnique({ where: { joinCode }, select: { id: true, name: true, term: true, timeZone: true, joinCode: true, createdAt: true } });
}

/** The user's classes with their role in each, newest first. */
export async function classesOf(userId: string): Promise<ClassSummary[]> {
  await databaseReady();
  const rows = await prisma.membership.findMany({
    where: { userId },
    include: { class: { select: { id: true, name: true, term: true, timeZone: true, createdAt: true } } },
    orderBy: { class: { createdAt: "desc" } },
  });
  return rows.map((m) => ({ id: m.class.id, name: m.class.name, term: m.class.term, timeZone: m.class.timeZone, role: m.role as ClassRole }));
}

export async function updateClass(classId: string, data: Partial<{ name: string; term: string; timeZone: string }>): Promise<void> {
  await databaseReady();
  await prisma.class.update({ where: { id: classId }, data });
}

/** Sets a new join code; the old one stops working at once. */
export async function setJoinCode(classId: string, joinCode: string): Promise<void> {
  await databaseReady();
  await prisma.class.update({ where: { id: classId }, data: { joinCode } });
}

/** Deletes the class, its memberships, invitations and assignments; never attempts. */
export async function deleteClass(classId: string): Promise<void> {
  await databaseReady();
  await prisma.class.deleteMany({ where: { id: classId } });
}

/** Is this join code in use? (To draw another on the rare collision.) */
export async function joinCodeTaken(joinCode: string): Promise<boolean> {
  await databaseReady();
  return (await prisma.class.count({ where: { joinCode } })) > 0;
}

export type RosterEntry = { userId: string; email: string; role: ClassRole; joinedAt: Date };

/** Teachers first (owner, co-instructors), then students by email. */
export async function rosterOf(classId: string): Promise<RosterEntry[]> {
  await databaseReady();
  const rows = await prisma.membership.findMany({ where: { classId }, include: { user: { select: { email: true } } } });
  const order: Record<string, number> = { owner: 0, "co-instructor": 1, student: 2 };
  return rows
    .map((m) => ({ userId: m.userId, email: m.user.email, role: m.role as ClassRole, joinedAt: m.joinedAt }))
    .sort((a, b) => (order[a.role] ?? 3) - (order[b.role] ?? 3) || a.email.localeCompare(b.email));
}

/** Adds a student unless they are already in the class (a teacher who joins stays a teacher). */
export async function joinAsStudent(classId: string, userId: string): Promise<{ role: ClassRole; joined: boolean }> {
  await databaseReady();
  // A double click on Join: the click that loses the race finds the membership the other made.
  return retryOnUniqueViolation(async () => {
    const existing = await prisma.membership.findUnique({ where: { classId_userId: { classId, userId } }, select: { role: true } });
    if (existing) return { role: existing.role as ClassRole, joined: false };
    await prisma.membership.create({ data: { classId, userId, role: "student" } });
    return { role: "student" as const, joined: true };
  });
}

export async function removeMember(classId: string, userId: string): Promise<boolean> {
  await databaseReady();
  return (await prisma.membership.deleteMany({ where: { classId, userId } })).count > 0;
}

// ---------------------------------------------------------------------------
// Invitations to co-teach.

export type InvitationRecord = { id: string; email: string; createdAt: Date; acceptedAt: Date | null };

export async function invitationsOf(classId: string): Promise<InvitationRecord[]> {
  await databaseReady();
  return prisma.invitation.findMany({ where: { classId }, select: { id: true, email: true, createdAt: true, acceptedAt: true }, orderBy: { createdAt: "asc" } });
}

/** Invites an email (again: the pending invitation is kept). */
export async function inviteCoInstructor(classId: string, email: string, invitedBy: string): Promise<InvitationRecord> {
  await databaseReady();
  return retryOnUniqueViolation(() =>
    prisma.invitation.upsert({
      where: { classId_email: { classId, email } },
      create: { classId, email, invitedBy, role: "co-instructor" },
      update: {},
      select: { id: true, email: true, createdAt: true, acceptedAt: true },
    }),
  );
}

export async function deleteInvitation(classId: string, invitationId: string): Promise<boolean> {
  await databaseReady();
  return (await prisma.invitation.deleteMany({ where: { id: invitationId, classId } })).count > 0;
}

/**
 * Turns the pending invitations for this email into co-instructor
 * memberships. Called when the email signs up or signs in (and when a
 * signed-in user opens /teach or /classes). A student of the class becomes a
 * co-instructor; an owner stays the owner.
 */
export async function acceptInvitations(userId: string, email: string): Promise<number> {
  await databaseReady();
  // Several tabs of the same user at once: the transaction that loses the race runs again and finds nothing pending.
  return retryOnUniqueViolation(() => prisma.$transaction(async (tx) => {
    const pending = await tx.invitation.findMany({ where: { email: email.toLowerCase(), acceptedAt: null } });
    for (const invitation of pending) {
      const existing = await tx.membership.findUnique({ where: { classId_userId: { classId: invitation.classId, userId } } });
      if (!existing) await tx.membership.create({ data: { classId: invitation.classId, userId, role: "co-instructor" } });
      else if (existing.role === "student") await tx.membership.update({ where: { classId_userId: { classId: invitation.classId, userId } }, data: { role: "co-instructor" } });
      await tx.invitation.update({ where: { id: invitation.id }, data: { acceptedAt: new Date() } });
    }
    return pending.length;
  }));
}

// ---------------------------------------------------------------------------
// Assignments.

export type AssignmentRecord = {
  id: string;
  classId: string;
  title: string;
  opensAt: Date;
  dueAt: Date;
  maxAttempts: number | null;
  counts: "best" | "last";
  latePolicy: "refuse" | "accept";
  publishedAt: Date | null;
  createdAt: Date;
  /** In the order students see them. */
  exerciseIds: string[];
};

const assignmentSelect = {
  id: true,
  classId: true,
  title: true,
  opensAt: true,
  dueAt: true,
  maxAttempts: true,
  counts: true,
  latePolicy: true,
  publishedAt: true,
  createdAt: true,
  items: { select: { exerciseId: true, position: true }, orderBy: { position: "asc" as const } },
};

type AssignmentRow = {
  id: string; classId: string; title: string; opensAt: Date; dueAt: Date; maxAttempts: number | null; counts: string; latePolicy: string;
  publishedAt: Date | null; createdAt: Date; items: { exerciseId: string; position: number }[];
};

function toAssignment(row: AssignmentRow): AssignmentRecord {
  const { items, counts, latePolicy, ...rest } = row;
  return {
    ...rest,
    counts: counts === "last" ? "last" : "best",
    latePolicy: latePolicy === "accept" ? "accept" : "refuse",
    exerciseIds: items.map((item) => item.exerciseId),
  };
}

/** A class's assignments by due time; drafts only when asked. */
export async function assignmentsOf(classId: string, options: { includeDrafts: boolean }): Promise<AssignmentRecord[]> {
  await databaseReady();
  const rows = await prisma.assignment.findMany({
    where: { classId, ...(options.includeDrafts ? {} : { publishedAt: { not: null } }) },
    select: assignmentSelect,
    orderBy: [{ dueAt: "asc" }, { createdAt: "asc" }],
  });
  return rows.map(toAssignment);
}

/** One assignment of one class (null when it belongs to another class). */
export async function findAssignment(classId: string, assignmentId: string): Promise<AssignmentRecord | null> {
  await databaseReady();
  const row = await prisma.assignment.findFirst({ where: { id: assignmentId, classId }, select: assignmentSelect });
  return row ? toAssignment(row) : null;
}

/** Replaces an assignment's fields and exercises (its publication state stays). */
export async function updateAssignment(assignmentId: string, data: Omit<NewAssignment, "published">): Promise<void> {
  await databaseReady();
  const { exerciseIds, ...fields } = data;
  await prisma.$transaction([
    prisma.assignmentItem.deleteMany({ where: { assignmentId } }),
    prisma.assignment.update({
      where: { id: assignmentId },
      data: { ...fields, items: { create: exerciseIds.map((exerciseId, index) => ({ exerciseId, position: index + 1 })) } },
    }),
  ]);
}

export async function setPublished(assignmentId: string, published: boolean): Promise<void> {
  await databaseReady();
  await prisma.assignment.update({ where: { id: assignmentId }, data: { publishedAt: published ? new Date() : null } });
}

export async function deleteAssignment(assignmentId: string): Promise<void> {
  await databaseReady();
  await prisma.assignment.deleteMany({ where: { id: assignmentId } });
}

/** The published assignments of every class the user studies in, with their class, by due time. */
export async function assignmentsForStudent(userId: string): Promise<(AssignmentRecord & { className: string; timeZone: string })[]> {
  await databaseReady();
  const rows = await prisma.assignment.findMany({
    where: { publishedAt: { not: null }, class: { memberships: { some: { userId, role: "student" } } } },
    select: { ...assignmentSelect, class: { select: { name: true, timeZone: true } } },
    orderBy: [{ dueAt: "asc" }, { createdAt: "asc" }],
  });
  return rows.map(({ class: cls, ...row }) => ({ ...toAssignment(row), className: cls.name, timeZone: cls.timeZone }));
}

/** A learner's attempts on these exercises, as assignment scoring reads them. */
export async function attemptsOn(learnerId: string, exerciseIds: readonly string[]): Promise<{ exerciseId: string; score: number; credited: boolean; createdAt: Date }[]> {
  if (exerciseIds.length === 0) return [];
  await databaseReady();
  return prisma.attempt.findMany({
    where: { learnerId, exerciseId: { in: [...exerciseIds] } },
    select: { exerciseId: true, score: true, credited: true, createdAt: true },
    orderBy: { createdAt: "asc" },
  });
}

export type CatalogLesson = { id: string; slug: string; order: number; title: string; exercises: { id: string; title: string; kind: string }[] };

/** The course as the database holds it (synced from content/), for picking exercises by lesson. */
export async function catalogOutline(): Promise<CatalogLesson[]> {
  await databaseReady();
  const lessons = await prisma.lesson.findMany({
    orderBy: { order: "asc" },
    select: { id: true, slug: true, order: true, title: true, exercises: { select: { id: true, title: true, kind: true }, orderBy: { position: "asc" } } },
  });
  return lessons;
}
