// The front half of every learner's state-changing JSON request: from this
// origin and exactly application/json (lib/http/origin.ts), who is asking, the per-learner limit (429 with Retry-After), and a JSON body read
// defensively. Routes then validate the body's shape and act.
import { NextResponse, type NextRequest } from "next/server";
import { identifyAlong, identifyRequest, rememberGuest, type Identity } from "@/lib/auth/identity";
import type { LimitGate } from "@/lib/db/throttles";
import { checkJsonRequest, readJsonBody } from "./jsonBody";
import type { RateLimit } from "./limitPolicies";
import { countAddressSteps, submissionLimits } from "./rateLimit";

type Reply = (body: unknown, status: number) => NextResponse;

export type LearnerPost = { ok: true; identity: Identity; body: unknown; reply: Reply } | { ok: false; response: NextResponse };

export async function learnerPost(request: NextRequest, tooMany = "Too many requests"): Promise<LearnerPost> {
  const front = await learnerFront(request);
  if (!front.ok) return front;
  const { identity, reply } = front;
  const limited = refusal(await submissionLimits(identity.learnerId, request.headers).now(), reply, tooMany);
  if (limited) return { ok: false, response: limited };
  const body = await readJsonBody(request);
  if (!body.ok) return { ok: false, response: reply({ message: body.message }, body.status) };
  return { ok: true, identity, body: body.value, reply };
}

/**
 * `learnerPost` for a submission whose limits are counted later, in its own
 * transaction (lib/db/attempts.ts, withLimitedExerciseRecords), which spares
 * a transaction per submission. The body is read first; a request that ends
 * before that transaction (a body that is not JSON here, or a shape the route
 * refuses: `refusedNow`) is still counted, so every request counts once.
 */
export async function learnerSubmission(
  request: NextRequest,
  tooMany: string,
): Promise<
  | { ok: true; identity: Identity; body: unknown; reply: Reply; limits: LimitGate; limitedReply: (limit: RateLimit) => NextResponse; refusedNow: () => Promise<NextResponse | undefined> }
  | { ok: false; response: NextResponse }
> {
  // A returning guest's account check takes the address's counter with it (one round trip on PostgreSQL).
  const front = await learnerFront(request, () => identifyAlong(request.cookies, () => countAddressSteps(request.headers)));
  if (!front.ok) return front;
  const { identity, reply, along: addressCounted } = front;
  const limits = submissionLimits(identity.learnerId, request.headers, addressCounted);
  const limitedReply = (limit: RateLimit) => refusal(limit, reply, tooMany)!;
  const refusedNow = async () => refusal(await limits.now(), reply, tooMany);
  const body = await readJsonBody(request);
  if (!body.ok) return { ok: false, response: (await refusedNow()) ?? reply({ message: body.message }, body.status) };
  return { ok: true, identity, body: body.value, reply, limits, limitedReply, refusedNow };
}

async function learnerFront<T = never>(
  request: NextRequest,
  identifyBy: () => Promise<{ identity: Identity; along?: T }> = async () => ({ identity: await identifyRequest(request) }),
): Promise<{ ok: true; identity: Identity; reply: Reply; along?: T } | { ok: false; response: NextResponse }> {
  // Another origin, or not JSON: refused before anyone is identified (or minted).
  const front = checkJsonRequest(request);
  if (!front.ok) return { ok: false, response: NextResponse.json({ message: front.message }, { status: front.status }) };
  const { identity, along } = await identifyBy();
  const reply: Reply = (body, status) => rememberGuest(request, NextResponse.json(body, { status }), identity);
  return { ok: true, identity, reply, along };
}

/** 429 with Retry-After for a refused limit; undefined when it allows. */
function refusal(limit: RateLimit, reply: Reply, tooMany: string): NextResponse | undefined {
  if (limit.allowed) return undefined;
  const response = reply({ message: `${tooMany}; wait ${limit.retryAfterSeconds} s and try again.` }, 429);
  response.headers.set("Retry-After", String(limit.retryAfterSeconds));
  return response;
}
