// Ids taken from the address. Next decodes "%00" in a path segment to U+0000,
// which PostgreSQL refuses in text (SQLite accepts it), so such an id would
// end in a 500 on one database and a 404 on the other. No id in this app holds
// one: a route refuses it before any lookup, the same on both databases
// (docs/decisions/0018).
import { NextResponse } from "next/server";

export const NUL_IN_PATH_MESSAGE = "The address contains a NUL character (%00), which no id holds; check the link.";

/** Whether any of the path's ids holds U+0000. */
export function nulInPath(...ids: string[]): boolean {
  return ids.some((id) => id.includes("\u0000"));
}

/** The 400 a route answers when nulInPath is true. */
export function nulInPathResponse(): NextResponse {
  return NextResponse.json({ message: NUL_IN_PATH_MESSAGE }, { status: 400, headers: { "Cache-Control": "private, no-store" } });
}
