// Who may open a class's gradebook pages: the class's owner and co-instructors
// (lib/teaching/classPermissions.ts, "view-gradebook"), checked on the server
// for every page. A guest is sent to sign in; someone outside the class gets
// the 404 page (the class's existence is not theirs to learn); a student of the
// class is told the page is for its instructors. The CSV routes make the same
// decisions with status codes (lib/http/classRequests.ts).
import "server-only";
import { cookies } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { identify } from "@/lib/auth/identity";
import { classRoleOf } from "@/lib/db/classes";
import { classHeader, type ClassHeader } from "@/lib/db/gradebook";
import { may } from "@/lib/teaching/classPermissions";

export type GradebookAccess = { ok: true; cls: ClassHeader } | { ok: false; message: string };

export async function gradebookAccess(classId: string, path: string): Promise<GradebookAccess> {
  const identity = await identify(await cookies());
  if (!identity.user) redirect(`/login?next=${encodeURIComponent(path)}`);
  const role = await classRoleOf(identity.user.id, classId);
  const cls = role ? await classHeader(classId) : null;
  if (!role || !cls) notFound();
  if (!may(role, "view-gradebook")) return { ok: false, message: "This page is for the class's instructors. Your own results are on your class page." };
  return { ok: true, cls };
}
