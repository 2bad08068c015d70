// Who may do what in a class (decision record 0010): roles per class on top of
// the global role. Routes and pages ask `may(...)`; nothing else decides.
import type { ClassRole } from "@/lib/teaching/classRoles";

export type ClassAction =
  /** Roster, join code, invitations, drafts: the teacher's view of the class. */
  | "teach"
  /** Rename, change term or time zone. */
  | "update-class"
  | "delete-class"
  | "regenerate-join-code"
  /** Invite or un-invite co-instructors, remove a co-instructor. */
  | "manage-co-instructors"
  | "remove-student"
  /** Create, edit, publish and delete assignments; preview exercises with answers. */
  | "manage-assignments"
  /** Gradebook, CSV, item analysis, misconceptions. */
  | "view-gradebook"
  /** The class's published assignments and one's own results on them. */
  | "study"
  | "leave";

const TEACHERS = new Set<ClassRole>(["owner", "co-instructor"]);

export function may(role: ClassRole | null, action: ClassAction): boolean {
  if (role === null) return false;
  switch (action) {
    case "teach":
    case "update-class":
    case "remove-student":
    case "manage-assignments":
    case "view-gradebook":
      return TEACHERS.has(role);
    case "delete-class":
    case "regenerate-join-code":
    case "manage-co-instructors":
      return role === "owner";
    case "study":
      return role === "student";
    // The owner cannot leave: the class would have nobody to run it (delete it instead).
    case "leave":
      return role !== "owner";
  }
}

/** May someone with `actor`'s role remove a member whose role is `target`? */
export function mayRemove(actor: ClassRole | null, target: ClassRole): boolean {
  if (target === "owner") return false;
  if (target === "co-instructor") return may(actor, "manage-co-instructors");
  return may(actor, "remove-student");
}

/** Creating a class needs the global instructor role (an administrator grants it). */
export function mayCreateClass(globalRole: "guest" | "learner" | "instructor"): boolean {
  return globalRole === "instructor";
}
