// Wrong answers carry stable misconception ids (FeedbackItem.misconception),
// which the instructors' view groups students by. The ids and labels come from
// one catalog (lib/exercises/misconceptions.ts), so the same wrong belief shown
// by different exercises is counted as one.
//
// "Used by an exercise" means reachable through grading: for seeds 1-24, each
// exercise is graded on its own wrong test answers and, per kind, on every
// offered option (choice), every offered meaning for each item (matching) and
// every swap of two items of the right order (ordering); the tags on the
// feedback are collected.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { exercises, findExercise } from "@/lib/exercises/catalog";
import type { ExerciseDefinition, ExerciseInput, Feedback } from "@/lib/exercises/types";
import { isMisconceptionId, MISCONCEPTION_IDS, MISCONCEPTIONS } from "@/lib/exercises/misconceptions";

const EXPLORE_SEEDS = Array.from({ length: 24 }, (_, i) => i + 1);

type Tag = { id: string; label: string };

function tagsOf(feedback: Feedback): Tag[] {
  return feedback.items.flatMap((item) => (item.misconception ? [item.misconception] : []));
}

function inputs<T extends ExerciseInput["type"]>(exercise: ExerciseDefinition<any>, seed: number, type: T): Extract<ExerciseInput, { type: T }>[] {
  return exercise.publicVariant(seed).inputs.filter((i): i is Extract<ExerciseInput, { type: T }> => i.type === type);
}

function grade(exercise: ExerciseDefinition<any>, seed: number, raw: unknown): Feedback | undefined {
  const parsed = exercise.parse(raw, seed);
  return parsed.ok ? exercise.grade(seed, parsed.value).feedback : undefined;
}

/** Raw answers to grade for one seed: the wrong test answers, then what the kind lets us enumerate. */
function answersToExplore(exercise: ExerciseDefinition<any>, seed: number): unknown[] {
  const answers: unknown[] = exercise.testAnswers.incorrect(seed).map((a) => a.answer);
  const correct = exercise.correctAnswer(seed) as any;
  switch (exercise.kind) {
    case "single-choice":
    case "multiple-choice":
      for (const option of inputs(exercise, seed, "choices")[0]?.options ?? []) answers.push({ choice: [option.value] });
      break;
    case "matching":
      for (const select of inputs(exercise, seed, "select")) {
        for (const option of select.options) if (option.value !== correct[select.name]) answers.push({ ...correct, [select.name]: option.value });
      }
      break;
    case "ordering": {
      const order = correct.order as string[];
      for (let i = 0; i < order.length; i++) {
        for (let j = i + 1; j < order.length; j++) {
          const swapped = [...order];
          [swapped[i], swapped[j]] = [swapped[j]!, swapped[i]!];
          answers.push({ order: swapped });
        }
      }
      break;
    }
  }
  return answers;
}

type Found = { exerciseId: string; seed: number; answer: unknown; feedback: Feedback; tags: Tag[] };

const explored: Found[] = [];
for (const exercise of exercises) {
  for (const seed of EXPLORE_SEEDS) {
    for (const answer of answersToExplore(exercise, seed)) {
      const feedback = grade(exercise, seed, answer);
      if (feedback) explored.push({ exerciseId: exercise.id, seed, answer, feedback, tags: tagsOf(feedback) });
    }
  }
}

/** Exercise ids by the misconception id they tag. */
const usedBy = new Map<string, Set<string>>();
for (const found of explored) {
  for (const tag of found.tags) {
    if (!usedBy.has(tag.id)) usedBy.set(tag.id, new Set());
    usedBy.get(tag.id)!.add(found.exerciseId);
  }
}
const taggedExercises = new Set(explored.filter((f) => f.tags.length > 0).map((f) => f.exerciseId));

/** The misconception ids a graded answer tags. */
function idsFor(exerciseId: string, seed: number, answer: unknown): string[] {
  const exercise = findExercise(exerciseId)!;
  const feedback = grade(exercise, seed, answer);
  if (!feedback) throw new Error(`${exerciseId} seed ${seed}: refused ${JSON.stringify(answer)}`);
  return tagsOf(feedback).map((tag) => tag.id);
}

/** The first seed whose variant satisfies `test`. */
function seedWhere(test: (seed: number) => boolean): number {
  const seed = Array.from({ length: 200 }, (_, i) => i + 1).find(test);
  if (seed === undefined) throw new Error("no seed found");
  return seed;
}

function choiceValues(exerciseId: string, seed: number): string[] {
  return (inputs(findExercise(exerciseId)!, seed, "choices")[0]?.options ?? []).map((o) => o.value);
}

describe("the misconception catalog", () => {
  it("has stable kebab-case ids, a short label, an explanation and a source for each entry", () => {
    for (const id of MISCONCEPTION_IDS) {
      const entry = MISCONCEPTIONS[id];
      expect(id, id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)+$/);
      expect(entry.label.length, id).toBeGreaterThan(10);
      expect(entry.label.length, id).toBeLessThanOrEqual(100);
      expect(entry.label, id).toMatch(/^(Thinks|Confuses|Reads) /);
      expect(entry.explanation.length, id).toBeGreaterThan(40);
      expect(entry.source, id).toMatch(/RFC \d+|man \d|ip-sysctl\.rst|\(\)|include\/|net\/|commit/);
    }
    expect(new Set(MISCONCEPTION_IDS.map((id) => MISCONCEPTIONS[id].label)).size).toBe(MISCONCEPTION_IDS.length);
  });

  it("has at least 25 entries", () => {
    expect(MISCONCEPTION_IDS.length).toBeGreaterThanOrEqual(25);
  });
});

describe("misconception tags on wrong answers", () => {
  it("names only catalogued ids in the exercise sources, and the kinds accept only those", () => {
    const root = process.cwd();
    const files = [
      ...fs.readdirSync(path.join(root, "content", "lessons"), { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith("exercises.ts")).map((f) => path.join(root, "content", "lessons", f)),
      ...fs.readdirSync(path.join(root, "lib", "exercises", "kinds")).map((f) => path.join(root, "lib", "exercises", "kinds", f)),
    ];
    const unknown: string[] = [];
    for (const file of files) {
      for (const match of fs.readFileSync(file, "utf8").matchAll(/misconception: "([^"]+)"/g)) {
        if (!isMisconceptionId(match[1]!)) unknown.push(`${path.relative(root, file)}: ${match[1]}`);
      }
    }
    expect(unknown).toEqual([]);
  });

  it("every id a graded answer carries is in the catalog, with the catalog's label", () => {
    const wrong: string[] = [];
    for (const { exerciseId, tags } of explored) {
      for (const tag of tags) {
        if (!isMisconceptionId(tag.id)) wrong.push(`${exerciseId}: unknown id ${tag.id}`);
        else if (tag.label !== MISCONCEPTIONS[tag.id].label) wrong.push(`${exerciseId}: ${tag.id} labelled "${tag.label}"`);
      }
    }
    expect([...new Set(wrong)]).toEqual([]);
  });

  it("every catalog entry is used by at least one exercise", () => {
    expect(MISCONCEPTION_IDS.filter((id) => !usedBy.has(id))).toEqual([]);
  });

  it("tags at least 25 distinct misconceptions across the course", () => {
    expect(usedBy.size).toBeGreaterThanOrEqual(25);
  });

  it("tags every exercise except those whose wrong answers show no catalogued belief", () => {
    // Simulator tasks: a goal missed is not one belief. The others: their wrong
    // answers are slips or details (which options travel only in a SYN, the
    // byte layout of options, the kernel's code path, an off-by-one count of
    // probes or descriptors, the flags of a reset) that no lesson names as a
    // misconception.
    const exempt = [
      "header-fields-syn-only-options",
      "header-fields-linux-syn-option-order",
      "three-way-handshake-why-three",
      "time-wait-active-closer-states",
      "syn-flood-conn-request-order",
      "close-wait-emfile",
      "peer-vanishes-keepalive-time",
      "peer-vanishes-reboot-rst",
    ];
    const untagged = exercises.filter((e) => !taggedExercises.has(e.id) && e.kind !== "simulator-task").map((e) => e.id);
    expect(untagged).toEqual(exempt);
    expect(taggedExercises.size).toBeGreaterThanOrEqual(40);
  });

  it("puts a tag only on an item marked wrong, and never on a right answer's feedback", () => {
    const bad = explored.filter((f) => f.feedback.items.some((item) => item.misconception && item.correct !== false)).map((f) => `${f.exerciseId} seed ${f.seed}`);
    expect([...new Set(bad)]).toEqual([]);
    for (const exercise of exercises) {
      for (const seed of [1, 2, 3]) expect(tagsOf(grade(exercise, seed, exercise.correctAnswer(seed))!), `${exercise.id} seed ${seed}`).toEqual([]);
    }
  });

  it("labels the tagged items of every exercise's wrong test answers (seeds 1-3) from the catalog", () => {
    let tagged = 0;
    for (const exercise of exercises) {
      for (const seed of [1, 2, 3]) {
        for (const { answer } of exercise.testAnswers.incorrect(seed)) {
          for (const tag of tagsOf(grade(exercise, seed, answer)!)) {
            tagged++;
            expect(isMisconceptionId(tag.id), `${exercise.id}: ${tag.id}`).toBe(true);
            expect(tag.label, `${exercise.id}: ${tag.id}`).toBe(MISCONCEPTIONS[tag.id as keyof typeof MISCONCEPTIONS].label);
          }
        }
      }
    }
    expect(tagged).toBeGreaterThan(50);
  });

  it("never gives the answer away in a label", () => {
    const leaks: string[] = [];
    for (const { exerciseId, seed, feedback, tags } of explored) {
      if (tags.length === 0) continue;
      const exercise = findExercise(exerciseId)!;
      const correct = exercise.correctAnswer(seed) as any;
      const labels = tags.map((t) => t.label).join("\n");
      if (exercise.kind === "numeric" && new RegExp(`(?<![\\d.])${String(correct.value).replace(".", "\\.")}(?!\\.?\\d)`).test(labels)) leaks.push(`${exerciseId} seed ${seed}: the number`);
      if (exercise.kind.endsWith("choice")) {
        const options = inputs(exercise, seed, "choices")[0]!.options;
        for (const value of correct.choice as string[]) {
          const label = options.find((o) => o.value === value)!.label;
          if (label.length >= 12 && labels.includes(label)) leaks.push(`${exerciseId} seed ${seed}: "${label}"`);
        }
      }
      if (feedback.solution && labels.includes(feedback.solution)) leaks.push(`${exerciseId}: the solution`);
    }
    expect([...new Set(leaks)]).toEqual([]);
  });
});

describe("named misconceptions", () => {
  it("choosing tcp_fin_timeout for TIME-WAIT's length tags fin-timeout-sets-time-wait", () => {
    const definition = seedWhere((s) => findExercise("four-way-close-fin-timeout")!.publicVariant(s).prompt.startsWith("What does net.ipv4.tcp_fin_timeout"));
    expect(idsFor("four-way-close-fin-timeout", definition, { choice: "time-wait" })).toEqual(["fin-timeout-sets-time-wait"]);
    expect(idsFor("four-way-close-fin-timeout", definition, { choice: "msl" })).toEqual(["fin-timeout-is-msl"]);
    expect(idsFor("four-way-close-fin-timeout", definition, { choice: "syn-flood" })).toEqual(["fin-timeout-helps-syn-flood"]);

    const offered = seedWhere((s) => choiceValues("time-wait-fin-timeout", s).includes("time-wait"));
    expect(idsFor("time-wait-fin-timeout", offered, { choice: "time-wait" })).toEqual(["fin-timeout-sets-time-wait"]);

    const sysctls = findExercise("time-wait-match-sysctls")!;
    const drawn = seedWhere((s) => inputs(sysctls, s, "select").some((i) => i.name === "net.ipv4.tcp_fin_timeout"));
    const right = sysctls.correctAnswer(drawn) as Record<string, string>;
    const timeWait = inputs(sysctls, drawn, "select")[0]!.options.find((o) => o.label === "How long TIME-WAIT lasts")!.value;
    expect(idsFor("time-wait-match-sysctls", drawn, { ...right, "net.ipv4.tcp_fin_timeout": timeWait })).toEqual(["fin-timeout-sets-time-wait"]);

    expect(idsFor("time-wait-why-2msl", 1, { text: "The server holds TIME-WAIT, and tcp_fin_timeout decides how long it lasts." })).toEqual(
      expect.arrayContaining(["fin-timeout-sets-time-wait", "time-wait-on-server"]),
    );
  });

  it("a data offset given in bytes tags data-offset-in-bytes, the fixed header alone header-always-20-bytes", () => {
    const exercise = findExercise("header-fields-data-offset")!;
    const words = (seed: number) => Number((exercise.correctAnswer(seed) as { value: string }).value);
    expect(idsFor("header-fields-data-offset", 1, { value: String(words(1) * 4) })).toEqual(["data-offset-in-bytes"]);
    // With 20 bytes of options, 5 is also "the options alone", which that mistake's feedback answers first.
    const seed = seedWhere((s) => words(s) !== 10);
    expect(idsFor("header-fields-data-offset", seed, { value: "5" })).toEqual(["header-always-20-bytes"]);
  });

  it("the server's ISN as the third segment's ack tags syn-takes-no-sequence-number, the client's own next seq seq-ack-swapped", () => {
    const prompt = findExercise("three-way-handshake-ack-numbers")!.publicVariant(1).prompt;
    const [, clientIsn, serverIsn] = /SYN carries seq (\d+)\. .* whose seq is (\d+)/.exec(prompt)!;
    expect(idsFor("three-way-handshake-ack-numbers", 1, { value: serverIsn })).toEqual(["syn-takes-no-sequence-number"]);
    expect(idsFor("three-way-handshake-ack-numbers", 1, { value: String((Number(clientIsn) + 1) % 2 ** 32) })).toEqual(["seq-ack-swapped"]);
  });

  it("in a trace, swapped seq and ack tag seq-ack-swapped and the ack of a FIN one too low fin-takes-no-sequence-number", () => {
    type Row = { flags: string; seq: string; ack: string; lost: string };
    const trace = findExercise("four-way-close-fill-trace")!;
    const seed = seedWhere((s) => !(trace.correctAnswer(s) as { rows: Row[] }).rows.some((r) => r.lost === "x"));
    const rows = (trace.correctAnswer(seed) as { rows: Row[] }).rows;
    const pureAck = rows.findIndex((r) => r.flags === "." && r.ack !== "");
    const swapped = rows.map((r, i) => (i === pureAck ? { ...r, seq: r.ack, ack: r.seq } : r));
    expect(idsFor("four-way-close-fill-trace", seed, { rows: swapped })).toEqual(["seq-ack-swapped"]);
    const finAck = rows.findIndex((r, i) => i > 0 && rows[i - 1]!.flags.includes("F") && r.ack !== "");
    const lowAck = rows.map((r, i) => (i === finAck ? { ...r, ack: String((Number(r.ack) + 2 ** 32 - 1) % 2 ** 32) } : r));
    expect(idsFor("four-way-close-fill-trace", seed, { rows: lowAck })).toEqual(["fin-takes-no-sequence-number"]);
  });

  it("choosing a pure ACK as using up sequence space tags pure-ack-takes-sequence-number", () => {
    const seed = seedWhere((s) => choiceValues("three-way-handshake-sequence-space", s).includes("ack"));
    expect(idsFor("three-way-handshake-sequence-space", seed, { choice: ["ack"] })).toEqual(["pure-ack-takes-sequence-number"]);
  });

  it("tcp_tw_recycle, SYN cookies for every SYN and a CLOSE-WAIT that times out are tagged as such", () => {
    const recycle = seedWhere((s) => choiceValues("time-wait-reuse-facts", s).includes("recycle"));
    expect(idsFor("time-wait-reuse-facts", recycle, { choice: ["recycle"] })).toEqual(["tw-recycle-exists"]);
    const cookies = seedWhere((s) => findExercise("syn-flood-cookies-when")!.publicVariant(s).prompt.includes("tcp_syncookies is 1"));
    expect(idsFor("syn-flood-cookies-when", cookies, { choice: "always" })).toEqual(["syn-cookies-always-on"]);
    expect(idsFor("syn-flood-cookies-when", cookies, { choice: "max-syn-backlog" })).toEqual(["max-syn-backlog-is-syn-queue-limit"]);
    const pile = seedWhere((s) => choiceValues("close-wait-read-the-pile", s).includes("b-sysctl"));
    expect(idsFor("close-wait-read-the-pile", pile, { choice: ["b-sysctl"] })).toEqual(["close-wait-ended-by-kernel"]);
  });

  it("keepalive taken to be on by default, and a dead host noticed at once, are tagged in the peer-vanishes lesson", () => {
    expect(idsFor("peer-vanishes-half-open", 1, { text: "Linux sends keepalive probes by default after two hours, so these connections go away on their own." })).toContain(
      "keepalive-on-by-default",
    );
    const exercise = findExercise("peer-vanishes-what-you-see")!;
    const item = "The peer's host loses power while your app is idle";
    const seed = seedWhere((s) => {
      const select = inputs(exercise, s, "select").find((i) => i.name === item);
      return !!select?.options.some((o) => o.label.startsWith("An RST at once"));
    });
    const right = exercise.correctAnswer(seed) as Record<string, string>;
    const rst = inputs(exercise, seed, "select").find((i) => i.name === item)!.options.find((o) => o.label.startsWith("An RST at once"))!.value;
    expect(idsFor("peer-vanishes-what-you-see", seed, { ...right, [item]: rst })).toEqual(["dead-peer-noticed-at-once"]);
  });
});
