// Property-based fuzzing of every route handler, in process: generated path
// segments, headers and bodies (well-formed and not) must never end in a 5xx
// or a thrown error. The seeds are fixed so `npm test` is repeatable; a
// failure names the route, its seed and fast-check's shrunk counterexample,
// and FUZZ_SEED=<n> FUZZ_RUNS=<runs per route> replays or widens the search.
import fc from "fast-check";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { fillPath, loadApiRoutes, type ApiRoute } from "../support/apiRoutes";
import { Browser } from "../support/routeClient";
import { useFreshDatabase } from "../support/testDatabase";

useFreshDatabase();
const { syncContent } = await import("@/lib/db/content");
const { exercises } = await import("@/lib/exercises/catalog");
const signup = await import("@/app/api/auth/signup/route");
const exerciseView = await import("@/app/api/exercises/[id]/route");

const SEED = Number(process.env.FUZZ_SEED ?? 20261130);
const RUNS_PER_ROUTE = Number(process.env.FUZZ_RUNS ?? 40);

let routes: ApiRoute[];
const learner = new Browser();
const guest = new Browser();
const seeds = new Map<string, number>();

beforeAll(async () => {
  const lessonIds = [...new Set(exercises.map((e) => e.lessonId))];
  await syncContent(
    lessonIds.map((id, index) => ({ id, slug: id.replace(/^lesson-/, ""), title: id, order: index + 1, summary: "s".repeat(20), contentHash: "x" })),
    exercises.map(({ id, lessonId, kind, title }, index) => ({ id, lessonId, kind, title, position: index + 1 })),
  );
  routes = await loadApiRoutes();
  expect((await learner.call(signup.POST as never, "/api/auth/signup", { json: { email: "fuzz@example.com", password: "correct horse battery" } })).status).toBe(201);
  for (const exercise of exercises) {
    const view = await learner.call(exerciseView.GET as never, `/api/exercises/${exercise.id}`, { params: { id: exercise.id } });
    seeds.set(exercise.id, view.body.variantSeed);
  }
  await guest.call(exerciseView.GET as never, `/api/exercises/${exercises[0]!.id}`, { params: { id: exercises[0]!.id } });
}, 120_000);

const exerciseIds = exercises.map((e) => e.id);
const simulatorIds = exercises.filter((e) => e.kind === "simulator-task").map((e) => e.id);

// Strings that have broken servers: lone surrogates, percent junk, NUL, huge, path tricks.
const nastyString = fc.oneof(
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.constantFrom("\ud800", "a\udfffb", "%ZZ", "%", "%E0%A4%A", "..", "../../etc/passwd", "\u0000", "x".repeat(5000), "", " ", "constructor", "__proto__", "toString"),
  fc.constantFrom(...exerciseIds),
);

const controlName = fc.constantFrom("somaxconn", "tcp_max_syn_backlog", "tcp_synack_retries", "tcp_syncookies", "keepIdle", "clientCloseAt", "serverCloseAt");
const weirdValue = fc.oneof(
  fc.anything({ maxDepth: 2 }),
  fc.double(),
  fc.integer(),
  fc.constantFrom(128.5, -0, 1e308, "128.5", "0x80", " 128 ", { toString: 1 }, { toString: "x", valueOf: 2 }, [128]),
);
const action = fc.record({ set: fc.oneof(controlName, weirdValue), value: weirdValue }, { requiredKeys: [] });

function bodyFor(exerciseId: string | undefined) {
  const seed = exerciseId ? fc.oneof(fc.constant(seeds.get(exerciseId) ?? 0), fc.integer(), fc.double(), fc.string()) : fc.integer();
  return fc.oneof(
    fc.json({ maxDepth: 3 }),
    fc.anything({ maxDepth: 3 }).map((value) => JSON.stringify(value) ?? "null"),
    fc.record({ variantSeed: seed, answer: fc.oneof(fc.anything({ maxDepth: 3 }), fc.record({ actions: fc.array(action, { maxLength: 6 }) })) }).map((v) => JSON.stringify(v)),
    fc.record({ lessonId: nastyString, ideaId: nastyString, code: nastyString, name: nastyString, email: nastyString, password: fc.string({ maxLength: 30 }) }, { requiredKeys: [] }).map((v) => JSON.stringify(v)),
    fc.constantFrom("", "{", "nul", "[]", "null", '{"__proto__":{"x":1}}', '"\\ud800"', '{"lessonId":"\\ud800"}', '{"set":{"toString":1}}'),
  );
}

const contentType = fc.constantFrom("application/json", "application/json; charset=utf-8", "text/plain;application/json", "text/plain", "multipart/form-data; boundary=x", undefined);
const originHeader = fc.constantFrom<[string | undefined, string | undefined]>([undefined, undefined], ["http://localhost:3000", "same-origin"], ["http://localhost:4000", "same-site"], ["null", "cross-site"]);

function cookieHeader(jar: Map<string, string>) {
  return [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
}

describe("fuzzing every route in process", () => {
  it("never answers a generated request to any route with a 5xx or throws", async () => {
    const failures: string[] = [];
    let index = 0;
    for (const route of routes) {
      for (const method of Object.keys(route.handlers)) {
        index++;
        const request = fc.record({
          // Next decodes a segment before the handler sees it, and a segment that does not decode to
          // well-formed text ("%ZZ", "%ED%A0%80") never reaches a handler (tests/e2e/security.spec.ts checks that over HTTP).
          params: fc.record(Object.fromEntries(route.params.map((name) => [name, nastyString.map((v) => v.replace(/\p{Cs}/gu, "\ufffd"))]))) as fc.Arbitrary<Record<string, string>>,
          // Mostly well-formed fronts, so the bodies reach the code behind them.
          contentType: fc.oneof({ weight: 4, arbitrary: fc.constant("application/json") }, { weight: 1, arbitrary: contentType }),
          origin: fc.oneof({ weight: 4, arbitrary: fc.constant<[string | undefined, string | undefined]>(["http://localhost:3000", "same-origin"]) }, { weight: 1, arbitrary: originHeader }),
          who: fc.constantFrom("guest", "learner", "nobody"),
          body: bodyFor(route.params.includes("id") ? undefined : simulatorIds[0]),
        });
        try {
          await fc.assert(
            fc.asyncProperty(request, async ({ params, contentType: type, origin: [origin, site], who, body }) => {
              const headers: Record<string, string> = { host: "localhost:3000" };
              if (type) headers["content-type"] = type;
              if (origin) headers.origin = origin;
              if (site) headers["sec-fetch-site"] = site;
              if (who === "learner") headers.cookie = cookieHeader(learner.cookies);
              if (who === "guest") headers.cookie = cookieHeader(guest.cookies);
              // The URL carries the segments percent-encoded, as a browser would send them.
              const path = fillPath(route.pattern, Object.fromEntries(Object.entries(params).map(([k, v]) => [k, encodeURIComponent(v)])));
              const hasBody = method !== "GET" && method !== "HEAD";
              const nextRequest = new NextRequest(`http://localhost:3000${path}`, { method, headers, body: hasBody ? body : undefined });
              const response = await route.handlers[method]!(nextRequest, { params: Promise.resolve(params) });
              if (response.status >= 500) throw new Error(`answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
            }),
            { seed: SEED + index, numRuns: RUNS_PER_ROUTE },
          );
        } catch (error) {
          failures.push(`${method} ${route.pattern} (seed ${SEED + index}): ${error instanceof Error ? error.message.slice(0, 1500) : String(error)}`);
        }
      }
    }
    expect(failures, failures.join("\n\n")).toEqual([]);
  }, 900_000);

  it("answers simulator-task action logs with off-step, fractional and object values with a 4xx, never a 5xx", async () => {
    const attempts = await import("@/app/api/exercises/[id]/attempts/route");
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...simulatorIds), fc.array(action, { minLength: 1, maxLength: 6 }), async (id, actions) => {
        // A fresh guest each time: the per-learner submission limit would otherwise answer 429 before the log is read.
        const browser = new Browser();
        const view = await browser.call(exerciseView.GET as never, `/api/exercises/${id}`, { params: { id } });
        const response = await browser.call(attempts.POST as never, `/api/exercises/${id}/attempts`, { json: { variantSeed: view.body.variantSeed, answer: { actions } }, params: { id } });
        expect([201, 422], `${response.status} for ${JSON.stringify(actions)}`).toContain(response.status);
      }),
      { seed: SEED, numRuns: RUNS_PER_ROUTE * 3 },
    );
  }, 600_000);
});
