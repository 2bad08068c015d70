// GET /teach/classes/<id>/attempts.csv: every attempt of the class's students
// on its published assignments' exercises, with whether each assignment's
// policy counts it and the answer as the student gave it. Streamed a batch of
// students at a time (lib/teaching/classExports.ts), so a large class starts
// downloading at once and the server never holds the whole file. Same access
// rules as gradebook.csv.
import { NextResponse, type NextRequest } from "next/server";
import { inClass } from "@/lib/http/classRequests";
import { attemptsCsvChunks } from "@/lib/teaching/classExports";
import { gradebookFileName } from "@/lib/teaching/gradebook";
import { nulInPath, nulInPathResponse } from "@/lib/http/pathParams";

export const dynamic = "force-dynamic";

export async function GET(request: NextRequest, context: { params: Promise<{ id: string }> }) {
  const { id } = await context.params;
  if (nulInPath(id)) return nulInPathResponse();
  const caller = await inClass(request, id, "view-gradebook");
  if (caller instanceof NextResponse) return caller;
  const chunks = attemptsCsvChunks(id, caller.cls.timeZone);
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
  return new NextResponse(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8; header=present",
      "Content-Disposition": `attachment; filename="${gradebookFileName(caller.cls.name, caller.cls.term, "attempts")}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
