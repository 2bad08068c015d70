// The roles a member can have in one class. Kept apart from lib/db so pure
// rules (classPermissions.ts) can name them without importing the database.
export const CLASS_ROLES = ["owner", "co-instructor", "student"] as const;
export type ClassRole = (typeof CLASS_ROLES)[number];

export function isClassRole(value: string): value is ClassRole {
  return (CLASS_ROLES as readonly string[]).includes(value);
}
