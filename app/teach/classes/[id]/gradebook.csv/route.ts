// GET /teach/classes/<id>/gradebook.csv: the gradebook as a spreadsheet (RFC
// 4180, UTF-8 with BOM; lib/teaching/gradebook.ts gradebookCsv). The class's
// owner and co-instructors only: a guest gets 401, someone outside the class
// 404, a student 403, each with a sentence (lib/http/classRequests.ts).
import { NextResponse, type NextRequest } from "next/server";
import { inClass } from "@/lib/http/classRequests";
import { gradebookCsvFor } from "@/lib/teaching/classExports";
import { gradebookFileName } from "@/lib/teaching/gradebook";
import { nulInPath, nulInPathResponse } from "@/lib/http/pathParams";

export const dynamic = "force-dynamic";

export async function GET(request: NextRequest, context: { params: Promise<{ id: string }> }) {
  const { id } = await context.params;
  if (nulInPath(id)) return nulInPathResponse();
  const caller = await inClass(request, id, "view-gradebook");
  if (caller instanceof NextResponse) return caller;
  const csv = await gradebookCsvFor(id);
  return new NextResponse(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8; header=present",
      "Content-Disposition": `attachment; filename="${gradebookFileName(caller.cls.name, caller.cls.term, "gradebook")}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
