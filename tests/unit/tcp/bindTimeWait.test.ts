// bind() of a local port held by TIME-WAIT, and when TcpExtTW counts.
//
// Linux: bind() without SO_REUSEADDR fails with EADDRINUSE while any socket of
// the host holds the port, a TIME-WAIT one included (inet_csk_get_port() ->
// inet_csk_bind_conflict(), net/ipv4/inet_connection_sock.c); tcp_tw_reuse plays
// no part, it only acts when connect() picks an ephemeral port. Scenarios have no
// SO_REUSEADDR, so `localPort` always behaves like a plain bind(). The capture
// time-wait-bind-eaddrinuse shows the real kernel doing this.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseScenario, simulateDetailed } from "@/lib/tcp";
import { OPEN, run } from "./helpers";

const FIXED = [
  { t: 0, host: "server", call: "listen", backlog: 128 },
  { t: 0.1, host: "client", call: "connect", localPort: 40000 },
  { t: 0.2, host: "server", call: "accept" },
  { t: 1, host: "client", call: "close" },
  { t: 1.1, host: "server", call: "close" },
];

describe("connect() with a fixed local port (bind() first)", () => {
  for (const tcp_tw_reuse of [0, 1, 2]) {
    it(`fails with EADDRINUSE while the client's TIME-WAIT holds the port (tcp_tw_reuse=${tcp_tw_reuse}), and sends nothing`, () => {
      const r = run([...FIXED, { t: 3, host: "client", call: "connect", localPort: 40000 }], { sysctl: { tcp_tw_reuse }, sim: { until: 10 } });
      expect(r.statesOf("client").at(-1)).toBe("TIME-WAIT");
      expect(r.callResult("client", "connect", 1)).toBe("error EADDRINUSE");
      expect(r.segments.filter((s) => s.from === "client" && s.flags === "S")).toHaveLength(1);
    });
  }

  it("fails with EADDRINUSE while an open connection uses the port", () => {
    const r = run([...OPEN.map((s) => (s.call === "connect" ? { ...s, localPort: 40000 } : s)), { t: 0.5, host: "client", call: "connect", localPort: 40000 }], {
      sim: { until: 2 },
    });
    expect(r.callResult("client", "connect", 1)).toBe("error EADDRINUSE");
  });

  it("succeeds once the TIME-WAIT has expired", () => {
    const r = run([...FIXED, { t: 70, host: "client", call: "connect", localPort: 40000 }], { sim: { until: 75 } });
    expect(r.callResult("client", "connect", 1)).toBe("ok");
  });

  it("succeeds when the server, not the client, closed first: the server's TIME-WAIT takes the new SYN over with ISN tw_snd_nxt + 65537", () => {
    const serverFirst = FIXED.map((s) => (s.call === "close" ? { ...s, host: s.host === "client" ? "server" : "client" } : s));
    const r = run([...serverFirst, { t: 3, host: "client", call: "connect", localPort: 40000 }], { sim: { until: 5 } });
    expect(r.callResult("client", "connect", 1)).toBe("ok");
    const oldFin = r.detailed.filter((s) => s.from === "server" && s.flags.includes("F")).at(-1)!;
    const newSynAck = r.detailed.filter((s) => s.from === "server" && s.flags === "S.").at(-1)!;
    expect(newSynAck.absSeq).toBe((oldFin.absSeq + 1 + 65535 + 2) >>> 0);
  });

  it("reproduces the capture time-wait-bind-eaddrinuse, connect() results included", () => {
    const file = path.resolve(import.meta.dirname, "..", "..", "..", "content", "captures", "time-wait-bind-eaddrinuse.json");
    const json = JSON.parse(readFileSync(file, "utf8")) as { expect: { notes: string } };
    const parsed = parseScenario(json);
    if (!parsed.ok) throw new Error(parsed.error);
    const d = simulateDetailed(parsed.scenario);
    const connects = d.calls.filter((c) => c.host === "client" && c.call === "connect").map((c) => c.result);
    expect(connects).toEqual(["ok", "error EADDRINUSE", "ok"]);
    expect(json.expect.notes).toMatch(/client connect@3\.000 -> error EADDRINUSE/);
  });
});

describe("TcpExtTW (LINUX_MIB_TIMEWAITED) counts when the timewait socket's timer is first set", () => {
  it("counts a TIME-WAIT at once, long before it expires", () => {
    const r = run([...FIXED], { sim: { until: 10 } });
    expect(r.statesOf("client").at(-1)).toBe("TIME-WAIT");
    expect(r.counters.client!.host.TW).toBe(1);
  });

  it("counts an orphaned FIN-WAIT-2 handed to a timewait socket with a timer above 4 s, and not one of 4 s or less", () => {
    const orphan = [...OPEN, { t: 1, host: "client", call: "close" }];
    expect(run(orphan, { sysctl: { tcp_fin_timeout: 5 }, sim: { until: 3 } }).counters.client!.host.TW).toBe(1);
    expect(run(orphan, { sysctl: { tcp_fin_timeout: 3 }, sim: { until: 2 } }).counters.client!.host.TW).toBe(0);
  });
});
