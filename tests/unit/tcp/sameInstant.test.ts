// Calls at the same instant, and segments handled inside the call that sent them.
//
// On a veth with no delay the receiving TCP processes a segment inside the
// system call that sent it (netif_rx(), then the softirq on the same CPU); a
// segment that reaches a host while one of its own calls holds the socket lock
// waits in the backlog until that call's release_sock(). The captures
// same-instant-close-three-segments and rst-before-close-no-fin show the real
// kernel doing this; simultaneous-close shows two close() calls that race.
import { describe, expect, it } from "vitest";
import { OPEN, run } from "./helpers";

describe("calls at the same instant on a link with no delay", () => {
  it("a server that reads EOF and closes in the same instant as the client's close answers with F. that acknowledges the client's FIN: three segments", () => {
    const r = run([
      ...OPEN,
      { t: 1, host: "client", call: "close" },
      { t: 1, host: "server", call: "recv" },
      { t: 1, host: "server", call: "close" },
    ]);
    expect(r.wire.slice(3)).toEqual(["client F. 1:1 0", "server F. 1:2 0", "client . 2:2 0"]);
    expect(r.callResult("server", "recv")).toBe("0 bytes +EOF");
    expect(r.statesOf("server")).toContain("LAST-ACK");
    expect(r.statesOf("server")).not.toContain("CLOSING");
  });

  it("two close() calls at the same instant with no recv between them still cross as two FINs", () => {
    const r = run([...OPEN, { t: 1, host: "client", call: "close" }, { t: 1, host: "server", call: "close" }]);
    expect(r.wire.slice(3, 5)).toEqual(["client F. 1:1 0", "server F. 1:1 0"]);
  });

  it("a peer's RST for data sent at t is processed before a close() at the same t, so no FIN is sent", () => {
    const r = run(
      [
        ...OPEN,
        { t: 1, host: "client", call: "abort" },
        { t: 2, host: "server", call: "send", bytes: 100 },
        { t: 2, host: "server", call: "close" },
      ],
      { faults: [{ from: "client", drop: "rst", until: 1.5 }] },
    );
    expect(r.wire.slice(3)).toEqual(["client R. 1:1 0 dropped", "server P. 1:1 100", "client R 1:- 0"]);
    expect(r.segments.some((s) => s.from === "server" && s.flags.includes("F"))).toBe(false);
    expect(r.statesOf("server").at(-1)).toBe("CLOSED");
  });

  it("a close() one millisecond after the send still finds the connection reset", () => {
    const r = run(
      [
        ...OPEN,
        { t: 1, host: "client", call: "abort" },
        { t: 2, host: "server", call: "send", bytes: 100 },
        { t: 2.001, host: "server", call: "close" },
      ],
      { faults: [{ from: "client", drop: "rst", until: 1.5 }] },
    );
    expect(r.segments.some((s) => s.from === "server" && s.flags.includes("F"))).toBe(false);
  });
});
