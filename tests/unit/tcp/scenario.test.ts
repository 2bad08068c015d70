import { describe, expect, it } from "vitest";
import { parseScenario } from "@/lib/tcp";

const ok = { sysctl: {}, network: { delay: 0 }, steps: [], faults: [] };

describe("parseScenario", () => {
  it("accepts the FORMAT.md example", () => {
    const r = parseScenario({
      ...ok,
      sysctl: { tcp_fin_timeout: 60 },
      steps: [
        { t: 0, host: "server", call: "listen", backlog: 128 },
        { t: 0.1, host: "client", call: "connect", keepalive: { idle: 2, intvl: 1, cnt: 3 } },
        { t: 0.3, host: "client", call: "send", bytes: 100 },
        { t: 0.5, host: "attacker", call: "syn-flood", count: 200, duration: 0.13, spoofed: true },
      ],
      faults: [{ from: "client", drop: "all", after: "first-syn" }, { from: "server", delay: 0.1 }],
    });
    expect(r.ok).toBe(true);
  });

  const cases: Array<[string, unknown, string]> = [
    ["a non-object", 42, "scenario: must be a JSON object"],
    ["an unknown call", { ...ok, steps: [{}, {}, {}, { t: 1, host: "client", call: "sned" }].map((s, i) => (i < 3 ? { t: 0, host: "server", call: "listen" } : s)) }, 'steps[3].call: unknown call "sned"'],
    ["a negative time", { ...ok, steps: [{ t: -0.5, host: "client", call: "connect" }] }, "steps[0].t: must be >= 0"],
    ["an unknown sysctl", { ...ok, sysctl: { tcp_syn_retires: 2 } }, 'sysctl: unknown sysctl "tcp_syn_retires"'],
    ["a sysctl out of range", { ...ok, sysctl: { tcp_syncookies: 3 } }, "sysctl.tcp_syncookies: must be between 0 and 2"],
    ["send without bytes", { ...ok, steps: [{ t: 0, host: "client", call: "send" }] }, "steps[0].bytes: must be a number"],
    ["an unknown host", { ...ok, steps: [{ t: 0, host: "router", call: "connect" }] }, "steps[0].host"],
    ["an unknown drop kind", { ...ok, faults: [{ from: "client", drop: "fin" }] }, "faults[0].drop"],
    ["a flood from a client", { ...ok, steps: [{ t: 0, host: "client", call: "syn-flood", count: 3 }] }, "steps[0].host: syn-flood must come from an attacker host"],
  ];
  for (const [what, input, msg] of cases) {
    it(`rejects ${what}, naming the field`, () => {
      const r = parseScenario(input);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toContain(msg);
    });
  }
});
