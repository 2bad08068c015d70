#!/usr/bin/env node
// `npm run load -- [--url http://127.0.0.1:3000] [--seconds 10] [--connections 20] [--learners 2000]`
// Load test of grading: many learners submit answers to a running server
// (start it with `npm start`). Prints submissions per second and latency
// percentiles, and checks that every accepted submission was stored.
// Loopback only: it refuses any host but localhost / 127.0.0.1 / ::1.
import autocannon from "autocannon";

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, arg, i, all) => (arg.startsWith("--") ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs), []),
);
const url = new URL(args.url ?? "http://127.0.0.1:3000");
if (!["127.0.0.1", "localhost", "[::1]"].includes(url.hostname)) {
  console.error(`load: refusing ${url.hostname}; this test only targets this machine`);
  process.exit(2);
}
const seconds = Number(args.seconds ?? 10);
const connections = Number(args.connections ?? 20);
const learnerCount = Number(args.learners ?? 2000);
const exercise = "header-fields-syn-only-options";

async function newLearner() {
  const response = await fetch(new URL(`/api/exercises/${exercise}`, url));
  if (!response.ok) throw new Error(`GET variant: HTTP ${response.status}`);
  const cookie = (response.headers.get("set-cookie") ?? "").split(";")[0];
  const { variantSeed, variant } = await response.json();
  // The first option of this learner's own variant (variants draw their options from a pool).
  const choice = variant.inputs[0].options[0].value;
  return { cookie, body: JSON.stringify({ variantSeed, answer: { choice: [choice] } }) };
}

async function attemptCount(learner) {
  const response = await fetch(new URL(`/api/exercises/${exercise}`, url), { headers: { cookie: learner.cookie } });
  return (await response.json()).attempts.length;
}

console.log(`load: preparing ${learnerCount} learners against ${url.origin}…`);
const learners = [];
for (let i = 0; i < learnerCount; i += 50) learners.push(...(await Promise.all(Array.from({ length: Math.min(50, learnerCount - i) }, newLearner))));

let next = 0;
const sentBy = new Map();
const result = await autocannon({
  url: url.origin,
  connections,
  duration: seconds,
  requests: [
    {
      method: "POST",
      path: `/api/exercises/${exercise}/attempts`,
      setupRequest(request) {
        // Spread submissions over many learners so the per-learner rate limit (20 per 10 s) does not apply.
        // (A learner's wrong answers beyond the 3 a variant allows are answered 409 and not stored.)
        const learner = learners[next++ % learners.length];
        sentBy.set(learner, (sentBy.get(learner) ?? 0) + 1);
        return { ...request, headers: { ...request.headers, "content-type": "application/json", cookie: learner.cookie }, body: learner.body };
      },
    },
  ],
});

const ok = result["2xx"];
const stored = (await Promise.all(learners.map(attemptCount))).reduce((a, b) => a + b, 0);
console.log(`load: ${ok} submissions graded and stored (HTTP 201) in ${seconds} s with ${connections} connections; non-2xx: ${result.non2xx}, errors: ${result.errors}, timeouts: ${result.timeouts}`);
console.log(`load: ${(ok / result.duration).toFixed(0)} submissions/s; latency p50 ${result.latency.p50} ms, p90 ${result.latency.p90} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms`);
// Requests still in flight when the clock stops (at most one per connection) are
// stored by the server but not counted by autocannon.
const inFlight = stored - ok;
const consistent = inFlight >= 0 && inFlight <= connections;
console.log(`load: attempts stored for these learners: ${stored} (${ok} counted + ${inFlight} in flight at the end: ${consistent ? "none lost" : "MISMATCH"})`);
process.exit(consistent && result.errors === 0 ? 0 : 1);
