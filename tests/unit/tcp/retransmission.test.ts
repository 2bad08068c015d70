// Found by the property test: a retransmission must not carry data that was
// never sent (Linux retransmits skbs from the retransmit queue; unsent data
// stays in the write queue: __tcp_retransmit_skb, tcp_retrans_try_collapse).
import { expect, it } from "vitest";
import { parseScenario, simulateDetailed } from "@/lib/tcp";

it("after an RTO, the retransmission resends only the byte that was sent, and new data follows at snd_nxt", () => {
  const parsed = parseScenario({
    seed: 0,
    sysctl: { tcp_syncookies: 0 },
    network: { delay: 0 },
    steps: [
      { t: 0, host: "server", call: "listen", backlog: 0 },
      { t: 0.01, host: "client", call: "connect" },
      { t: 0.01, host: "server", call: "accept" },
      { t: 0.02, host: "client", call: "send", bytes: 1 },
      { t: 0.23, host: "client", call: "send", bytes: 1 },
    ],
    faults: [{ from: "server", drop: "all", after: 0.02, until: 0.23 }],
  });
  if (!parsed.ok) throw new Error(parsed.error);
  const fromClient = simulateDetailed(parsed.scenario, { until: 5, nominalTimers: true }).detailed.filter(
    (s) => s.from === "client" && s.len > 0,
  );
  // every data segment either resends byte 1 alone or sends byte 2 alone
  for (const segment of fromClient) expect([`${segment.seq}+${segment.len}`]).toContainEqual(expect.stringMatching(/^(1\+1|2\+1)$/));
  expect(fromClient.some((s) => s.seq === 2)).toBe(true);
});
