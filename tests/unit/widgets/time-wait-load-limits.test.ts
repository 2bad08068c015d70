// The TIME-WAIT widget's field rules and its explanation of counts that stay
// below rate × 60 s: what each limit says, and that it names the sysctl and
// its value only when that limit bound in the run.
import { describe, expect, it } from "vitest";
import { checkWholeNumber } from "@/lib/labs/fieldCheck";
import { simulateLoad } from "@/lib/labs/time-wait-load/model";
import { checkMaxTwBuckets, checkPortRange, explainLimits, limitHeadline } from "@/lib/labs/time-wait-load/view";

describe("checkWholeNumber", () => {
  const rule = { min: 1, max: 32767, unit: "seconds" };
  it("accepts digits inside the range, surrounding spaces allowed", () => {
    expect(checkWholeNumber(" 75 ", rule)).toEqual({ ok: true, value: 75 });
    expect(checkWholeNumber("32767", rule)).toEqual({ ok: true, value: 32767 });
  });

  it("refuses empty, signed, decimal and out-of-range text, saying what is allowed", () => {
    for (const text of ["", "-5", "1.5", "1e3", "abc", "0", "40000"]) {
      const r = checkWholeNumber(text, rule);
      expect(r.ok, text).toBe(false);
      if (!r.ok) expect(r.message, text).toContain("a whole number from 1 to 32,767 seconds");
    }
  });
});

describe("checkPortRange", () => {
  it("passes a valid range through unchanged, a single port included", () => {
    expect(checkPortRange("40000", "40999").range).toEqual({ portLow: 40000, portHigh: 40999 });
    expect(checkPortRange("40000", "40000").range).toEqual({ portLow: 40000, portHigh: 40000 });
  });

  it("refuses a low end above the high end instead of swapping them, as the kernel does (EINVAL)", () => {
    const r = checkPortRange("50000", "40999");
    expect(r.range).toBeNull();
    expect(r.low).toBeNull();
    expect(r.high).toBeNull();
    expect(r.pair).toMatch(/low end \(50000\) is above the high end \(40999\).*EINVAL/);
  });

  it("refuses a privileged low end and a port above 65535, end by end", () => {
    const r = checkPortRange("80", "70000");
    expect(r.range).toBeNull();
    expect(r.low).toMatch(/1,024 to 65,535/);
    expect(r.high).toMatch(/70,000 is outside the range/);
    expect(r.pair).toBeNull();
  });

  it("refuses a tcp_max_tw_buckets outside the widget's range", () => {
    expect(checkMaxTwBuckets("10000")).toEqual({ ok: true, value: 10000 });
    expect(checkMaxTwBuckets("0")).toEqual({ ok: true, value: 0 });
    const r = checkMaxTwBuckets("300000");
    expect(r.ok).toBe(false);
  });
});

describe("explainLimits", () => {
  it("says nothing when the count reaches rate × 60 s", () => {
    expect(explainLimits(simulateLoad({ rate: 100, closer: "client" }))).toBeNull();
    expect(explainLimits(simulateLoad({ rate: 200, closer: "server" }))).toBeNull();
  });

  it("client closing first at 500/s: names ip_local_port_range and its value, and EADDRNOTAVAIL", () => {
    const result = simulateLoad({ rate: 500, closer: "client" });
    const e = explainLimits(result)!;
    expect(e.expected).toBe(30000);
    expect(e.shown).toBe(28232);
    expect(limitHeadline(e, 500)).toBe("Why the client holds at most 28,232 TIME-WAIT sockets, not 500 × 60 s = 30,000");
    const text = e.notes.map((n) => n.text).join(" ");
    expect(text).toContain("ip_local_port_range = 32768 60999");
    expect(text).toContain(`From t = ${result.exhaustedAt} s`);
    expect(text).toContain("EADDRNOTAVAIL");
  });

  it("server closing first at 500/s: the 14,116 4-tuples of one client host, not a bucket cap", () => {
    const e = explainLimits(simulateLoad({ rate: 500, closer: "server" }))!;
    expect(e.side).toBe("server");
    expect(e.shown).toBe(14116);
    expect(e.notes.map((n) => n.kind)).toEqual(["one-client"]);
    expect(e.notes[0]!.text).toContain("14,116 of the 28,232 ports");
    expect(e.notes[0]!.text).toContain("TCP_TW_SYN");
  });

  it("tcp_max_tw_buckets below the pile: names the sysctl, its value, and the sockets closed without TIME-WAIT", () => {
    const result = simulateLoad({ rate: 1000, maxTwBuckets: 10000, duration: 60 });
    const e = explainLimits(result)!;
    expect(e.shown).toBe(10000);
    const buckets = e.notes.find((n) => n.kind === "buckets")!;
    expect(buckets.text).toContain("tcp_max_tw_buckets = 10,000");
    expect(buckets.text).toContain("without TIME-WAIT");
    expect(buckets.text).toContain(`${(60 * 1000 - 10000).toLocaleString("en-US")} connections ended that way`);
    expect(buckets.text).toContain("TcpExtTCPTimeWaitOverflow");
    // Below the port count, the ports never run out: no port-range note.
    expect(e.notes.some((n) => n.kind === "port-range")).toBe(false);
  });

  it("tcp_tw_reuse=1: says reuse keeps the count at the port count, and says so differently when even reuse cannot keep up", () => {
    const reuse = explainLimits(simulateLoad({ rate: 1000, twReuse: 1, duration: 120 }))!;
    expect(reuse.notes.find((n) => n.kind === "tw-reuse")!.text).toContain("no connect() fails");
    const tooFast = explainLimits(simulateLoad({ rate: 5000, twReuse: 1, portLow: 40000, portHigh: 40999, duration: 20 }))!;
    const note = tooFast.notes.find((n) => n.kind === "tw-reuse")!.text;
    expect(note).toContain("EADDRNOTAVAIL");
    expect(note).not.toContain("no connect() fails");
  });
});
