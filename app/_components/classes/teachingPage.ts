// The check every /teach/classes/<id>/... page starts with: signed in (else
// to the sign-in page and back), and an instructor of this class (else 404).
import "server-only";
import { cookies } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { identify } from "@/lib/auth/identity";
import { classRoleOf, findClass } from "@/lib/db/classes";
import { may, type ClassAction } from "@/lib/teaching/classPermissions";

export async function classForTeacher(classId: string, action: ClassAction, returnPath: string) {
  const identity = await identify(await cookies());
  if (!identity.user) redirect(`/login?next=${encodeURIComponent(returnPath)}`);
  const role = await classRoleOf(identity.user.id, classId);
  const cls = role ? await findClass(classId) : null;
  if (!cls || !role || !may(role, action)) notFound();
  return { identity, role, cls };
}
