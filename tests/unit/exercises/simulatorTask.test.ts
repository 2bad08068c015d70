import { describe, expect, it } from "vitest";
import { synFloodExercises } from "@/content/lessons/05-syn-flood/exercises";
import { timeWaitExercises } from "@/content/lessons/04-time-wait/exercises";

const leaveServer = timeWaitExercises.find((e) => e.id === "time-wait-leave-server")!;
const keepClients = synFloodExercises.find((e) => e.id === "syn-flood-keep-clients")!;

function grade(exercise: typeof leaveServer, raw: unknown) {
  const parsed = exercise.parse(raw);
  if (!parsed.ok) throw new Error(parsed.errors.join());
  return exercise.grade(0, parsed.value);
}

describe("simulator tasks", () => {
  it("leave-the-server-in-TIME-WAIT passes when the server closes first, as the replay shows", () => {
    expect(grade(leaveServer, leaveServer.correctAnswer(0)).score).toBe(1);
    const simultaneous = grade(leaveServer, { actions: [{ set: "clientCloseAt", value: 1.2 }, { set: "serverCloseAt", value: 1.2 }] });
    expect(simultaneous.score).toBe(1);
  });

  it("fails with the starting settings (the client closes first) and says why", () => {
    const graded = grade(leaveServer, { actions: [] });
    expect(graded.score).toBe(0);
    expect(graded.feedback.items[0]!.message).toMatch(/first FIN/);
  });

  it("cannot be passed by a forged log: claimed results are ignored and only the replay counts", () => {
    const forged = grade(leaveServer, { actions: [], result: "TIME-WAIT", metrics: { serverState: "TIME-WAIT" }, score: 1 });
    expect(forged.score).toBe(0);
    // The last change wins, exactly as in the browser.
    const undone = grade(leaveServer, { actions: [{ set: "serverCloseAt", value: 0.6 }, { set: "serverCloseAt", value: 3 }] });
    expect(undone.score).toBe(0);
  });

  it("refuses unknown controls and out-of-range values without grading", () => {
    const unknown = leaveServer.parse({ actions: [{ set: "serverState", value: "TIME-WAIT" }] });
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) expect(unknown.errors[0]).toMatch(/not a control of this task/);
    const range = leaveServer.parse({ actions: [{ set: "serverCloseAt", value: 99 }] });
    expect(range.ok).toBe(false);
    if (!range.ok) expect(range.errors[0]).toMatch(/between 0.5 and 3/);
    expect(leaveServer.parse({ actions: "all of them" }).ok).toBe(false);
  });

  it("the SYN-flood lab fails with cookies off and passes with cookies on, whatever the queue sysctls", () => {
    expect(grade(keepClients, { actions: [] }).score).toBe(0);
    expect(grade(keepClients, { actions: [{ set: "tcp_max_syn_backlog", value: 65536 }, { set: "somaxconn", value: 65535 }] }).score).toBe(0);
    expect(grade(keepClients, keepClients.correctAnswer(0)).score).toBe(1);
    expect(grade(keepClients, { actions: [{ set: "tcp_syncookies", value: "2" }] }).score).toBe(1);
  });
});
