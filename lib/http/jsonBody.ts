// Reading a JSON request body defensively: the media type exactly
// application/json (so a form on another page cannot post one without a CORS
// preflight), refused by Content-Length before a byte is read, the stream
// itself cut off at the cap (a chunked body declares no length), and a clear
// message instead of a stack trace when the body is not JSON. First of all, a
// state-changing request from another origin is refused (./origin.ts).
import { checkRequestOrigin } from "./origin";

export const MAX_BODY_BYTES = 16 * 1024;

export type BodyResult = { ok: true; value: unknown } | { ok: false; status: 400 | 403 | 413 | 415; message: string };

type BodyRequest = { method: string; url: string; headers: { get(name: string): string | null }; body: ReadableStream<Uint8Array> | null };

/** Exactly application/json; only a charset parameter may follow (RFC 8259 §11 defines no other). */
export function isJsonContentType(header: string | null): boolean {
  if (header === null) return false;
  const [mediaType = "", ...parameters] = header.split(";");
  if (mediaType.trim().toLowerCase() !== "application/json") return false;
  return parameters.every((parameter) => /^\s*charset\s*=\s*"?utf-8"?\s*$/i.test(parameter));
}

export const JSON_ONLY_MESSAGE = "Send the body as JSON with Content-Type: application/json.";

/**
 * For a state-changing request that carries no data ("sign out", "try another
 * variant"): it must come from this origin and still say application/json,
 * which a cross-site form cannot send without a preflight. The body is not read.
 */
export function checkJsonRequest(request: BodyRequest): { ok: true } | { ok: false; status: 403 | 415; message: string } {
  const origin = checkRequestOrigin(request);
  if (!origin.ok) return { ok: false, status: 403, message: origin.message };
  if (!isJsonContentType(request.headers.get("content-type"))) return { ok: false, status: 415, message: JSON_ONLY_MESSAGE };
  return { ok: true };
}

export async function readJsonBody(request: BodyRequest, maxBytes = MAX_BODY_BYTES): Promise<BodyResult> {
  const front = checkJsonRequest(request);
  if (!front.ok) return front;
  const text = await readTextBody(request, maxBytes);
  if (!text.ok) return text;
  if (text.value.trim() === "") return { ok: false, status: 400, message: "The request body is empty; send a JSON value." };
  let value: unknown;
  try {
    value = JSON.parse(text.value);
  } catch {
    return { ok: false, status: 400, message: "The request body is not valid JSON." };
  }
  // JSON may spell a lone UTF-16 surrogate ("\ud800"), which is no text at all:
  // the database cannot store it, so it is refused here for every route.
  if (!allStrings(value, (text) => !LONE_SURROGATE.test(text))) {
    return { ok: false, status: 400, message: "The request body contains text that is not valid Unicode (a lone surrogate); send real characters." };
  }
  // Nor can PostgreSQL store U+0000 in text (SQLite can): refused here, for
  // every route on both databases alike, rather than stripped, because no
  // field of this app (id, email, answer) has a use for it and a learner
  // cannot type one (docs/decisions/0018).
  if (!allStrings(value, (text) => !text.includes("\u0000"))) {
    return { ok: false, status: 400, message: "The request body contains a NUL character (U+0000), which no field accepts; remove it and send again." };
  }
  return { ok: true, value };
}

// With the u flag a surrogate pair is one code point; \p{Cs} matches only a lone half.
const LONE_SURROGATE = /\p{Cs}/u;

/** Whether every string in a parsed JSON value, object keys included, passes `ok`. */
function allStrings(value: unknown, ok: (text: string) => boolean): boolean {
  if (typeof value === "string") return ok(value);
  if (typeof value !== "object" || value === null) return true;
  if (Array.isArray(value)) return value.every((item) => allStrings(item, ok));
  return Object.entries(value).every(([key, item]) => ok(key) && allStrings(item, ok));
}

/**
 * The body as UTF-8 text, at most maxBytes, read without buffering more than
 * that: a declared length over the cap is refused before reading, and a
 * stream that runs past it is cancelled.
 */
export async function readTextBody(
  request: BodyRequest,
  maxBytes = MAX_BODY_BYTES,
): Promise<{ ok: true; value: string } | { ok: false; status: 400 | 413; message: string }> {
  const declared = request.headers.get("content-length");
  if (declared !== null) {
    if (!/^\s*\d+\s*$/.test(declared)) return { ok: false, status: 400, message: "The Content-Length header is not a number of bytes." };
    if (Number(declared) > maxBytes) return tooLarge(maxBytes);
  }
  if (!request.body) return { ok: true, value: "" };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel().catch(() => undefined);
        return tooLarge(maxBytes);
      }
      chunks.push(value);
    }
  } catch {
    return { ok: false, status: 400, message: "The request body could not be read to its end." };
  } finally {
    reader.releaseLock();
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  try {
    return { ok: true, value: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, status: 400, message: "The request body is not valid UTF-8 text." };
  }
}

function tooLarge(maxBytes: number): { ok: false; status: 413; message: string } {
  return { ok: false, status: 413, message: `The request body is larger than ${maxBytes} bytes; send less.` };
}
