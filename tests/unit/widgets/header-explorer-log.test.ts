import { describe, expect, it } from "vitest";
import { describeAction } from "@/lib/labs/header-explorer/eventLog";
import { explorerReducer, initialState, type ExplorerAction } from "@/lib/labs/header-explorer/state";

function step(action: ExplorerAction, state = initialState()) {
  const next = explorerReducer(state, action);
  return { next, line: describeAction(action, state, next) };
}

describe("header explorer event log", () => {
  it("says what an edit did, with the value the header now holds", () => {
    expect(step({ type: "setNumber", name: "ack", text: "0x01020304" }).line).toBe("Acknowledgment number set to 16909060");
    expect(step({ type: "setFlag", name: "flags.fin", on: true }).line).toMatch(/FIN.* set$/);
  });

  it("records a refused value and a failed decode instead of pretending they worked", () => {
    expect(step({ type: "setNumber", name: "srcPort", text: "70000" }).line).toMatch(/not applied/);
    const pasted = explorerReducer(initialState(), { type: "pasteText", text: "45 00 00" });
    expect(step({ type: "decode" }, pasted).line).toMatch(/^Decode failed: /);
  });

  it("leaves selection and typing out of the log", () => {
    expect(step({ type: "select", selection: { type: "field", name: "seq" } }).line).toBeNull();
    expect(step({ type: "pasteText", text: "00" }).line).toBeNull();
  });
});
