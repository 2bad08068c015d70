// The browser's side of the class API: JSON in, the server's sentences out.
import { learnerFetch } from "@/app/_components/learnerFetch";
export type ApiReply = { ok: boolean; status: number; body: Record<string, unknown> };

export async function callApi(method: string, url: string, json?: unknown): Promise<ApiReply> {
  try {
    const response = await learnerFetch(url, {
      method,
      headers: json === undefined ? undefined : { "Content-Type": "application/json" },
      body: json === undefined ? undefined : JSON.stringify(json),
      cache: "no-store",
    });
    const text = await response.text();
    const body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
    return { ok: response.ok, status: response.status, body };
  } catch {
    return { ok: false, status: 0, body: { message: "The request did not reach the server; check your connection and try again." } };
  }
}

/** The messages to show for a refused request: the field errors, else the message. */
export function problemsOf(reply: ApiReply): string[] {
  const errors = reply.body.errors;
  if (Array.isArray(errors) && errors.length > 0) return errors.map(String);
  return [String(reply.body.message ?? `The server answered ${reply.status}.`)];
}
