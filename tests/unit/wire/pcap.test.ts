import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parsePcap, LINKTYPE, type PcapFile, type TcpInPacket } from "@/lib/wire/pcap";
import { summarizeTcpHeader, tcpdumpFlags } from "@/lib/wire/tcpHeader";
import { pseudoHeaderSum, tcpChecksumIPv4, verifyTcpChecksumIPv4 } from "@/lib/wire/checksum";
import { formatIpv4 } from "@/lib/wire/ipv4";
import { REAL_LINUX_SYN_PACKET } from "@/lib/wire/realSyn";

// The real captures the course ships (content/captures).
const root = path.resolve(import.meta.dirname, "..", "..", "..");
const scenarios = path.resolve(root, "content", "captures");
const readCapture = (name: string) => new Uint8Array(readFileSync(path.join(scenarios, name)));

function parsed(bytes: Uint8Array): PcapFile {
  const result = parsePcap(bytes);
  if (!result.ok) throw new Error(result.error);
  return result.file;
}

function tcpOf(file: PcapFile, index: number): TcpInPacket {
  const decoded = file.packets[index]?.decoded;
  if (decoded?.kind !== "tcp") throw new Error(`packet ${index} is not TCP: ${JSON.stringify(decoded)}`);
  return decoded;
}

describe("the real Linux SYN in client-active-close.pcap", () => {
  const file = parsed(readCapture("client-active-close.pcap"));
  const syn = tcpOf(file, 0);

  it("is a little-endian, microsecond, Ethernet capture", () => {
    expect(file).toMatchObject({ byteOrder: "little", nanosecond: false, versionMajor: 2, versionMinor: 4, linkType: LINKTYPE.ETHERNET });
    expect(file.packets).toHaveLength(11);
  });

  it("goes from the client 10.200.0.1 port 40001 to the server 10.200.0.2 port 5000", () => {
    expect(formatIpv4(syn.ip.src)).toBe("10.200.0.1");
    expect(formatIpv4(syn.ip.dst)).toBe("10.200.0.2");
    expect(syn.header.srcPort).toBe(40001);
    expect(syn.header.dstPort).toBe(5000);
  });

  it("carries the initial sequence number 2691279157 and an unused acknowledgment field of 0", () => {
    expect(syn.header.seq).toBe(2691279157);
    expect(syn.header.ack).toBe(0);
  });

  it("has exactly one flag set: SYN", () => {
    expect(syn.header.flags).toEqual({ cwr: false, ece: false, urg: false, ack: false, psh: false, rst: false, syn: true, fin: false });
    expect(syn.header.reserved).toBe(0);
  });

  it("has a data offset of 10 words: 20 fixed bytes plus 20 bytes of options, and no data", () => {
    expect(syn.header.dataOffset).toBe(10);
    expect(syn.segment).toHaveLength(40);
    expect(syn.payload).toHaveLength(0);
  });

  it("advertises an unscaled window of 64240 (44 segments of 1460 bytes)", () => {
    expect(syn.header.window).toBe(64240);
    expect(64240 / 1460).toBe(44);
  });

  it("carries Linux's options in Linux's order: MSS, SACK-permitted, timestamps, NOP, window scale", () => {
    expect(syn.header.options).toEqual([
      { kind: "mss", value: 1460 },
      { kind: "sackPermitted" },
      { kind: "timestamps", tsval: 2223129839, tsecr: 0 },
      { kind: "nop" },
      { kind: "wscale", shift: 10 },
    ]);
    expect(syn.header.urgentPointer).toBe(0);
  });

  it("does not have a finished checksum, because the capture ran before checksum offload filled it in", () => {
    // On veth (and on NICs with TX checksum offload) Linux hands the packet
    // down as CHECKSUM_PARTIAL: the checksum field holds only the folded sum of
    // the pseudo-header (10.200.0.1, 10.200.0.2, 0, 6, length 40 = 0x15c1), and
    // whoever transmits is meant to add the header and data. tcpdump taps the
    // packet before that, so it too reports "cksum 0x15c1 (incorrect -> 0x749f)".
    // What is true: the stored value is exactly that partial sum, and the
    // checksum computed over pseudo-header + segment is the 0x749f tcpdump names.
    expect(syn.header.checksum).toBe(0x15c1);
    expect(pseudoHeaderSum(syn.ip.src, syn.ip.dst, syn.segment.length)).toBe(0x15c1);
    expect(tcpChecksumIPv4(syn.ip.src, syn.ip.dst, syn.segment)).toBe(0x749f);
    expect(verifyTcpChecksumIPv4(syn.ip.src, syn.ip.dst, syn.segment)).toEqual({
      valid: false,
      stored: 0x15c1,
      expected: 0x749f,
      looksLikeOffload: true,
    });
  });

  it("verifies once the finished checksum is written in", () => {
    const finished = syn.segment.slice();
    finished[16] = 0x74;
    finished[17] = 0x9f;
    expect(verifyTcpChecksumIPv4(syn.ip.src, syn.ip.dst, finished).valid).toBe(true);
  });

  it("is the packet embedded in lib/wire/realSyn.ts, byte for byte", () => {
    const frame = file.packets[0]?.data ?? new Uint8Array();
    expect(frame.subarray(14)).toEqual(REAL_LINUX_SYN_PACKET);
  });
});

describe("every packet of client-active-close.pcap", () => {
  const file = parsed(readCapture("client-active-close.pcap"));

  it("reads back as tcpdump -n -S prints it", () => {
    // `tcpdump -n -S -r client-active-close.pcap` (4.99.3), addresses stripped.
    const tcpdump = [
      "40001 > 5000: Flags [S], seq 2691279157, win 64240, options [mss 1460,sackOK,TS val 2223129839 ecr 0,nop,wscale 10], length 0",
      "5000 > 40001: Flags [S.], seq 3533869825, ack 2691279158, win 65160, options [mss 1460,sackOK,TS val 4003626232 ecr 2223129839,nop,wscale 10], length 0",
      "40001 > 5000: Flags [.], ack 3533869826, win 63, options [nop,nop,TS val 2223129839 ecr 4003626232], length 0",
      "40001 > 5000: Flags [P.], seq 2691279158:2691279258, ack 3533869826, win 63, options [nop,nop,TS val 2223130038 ecr 4003626232], length 100",
      "5000 > 40001: Flags [.], ack 2691279258, win 64, options [nop,nop,TS val 4003626431 ecr 2223130038], length 0",
      "5000 > 40001: Flags [P.], seq 3533869826:3533869876, ack 2691279258, win 64, options [nop,nop,TS val 4003626731 ecr 2223130038], length 50",
      "40001 > 5000: Flags [.], ack 3533869876, win 63, options [nop,nop,TS val 2223130339 ecr 4003626731], length 0",
      "40001 > 5000: Flags [F.], seq 2691279258, ack 3533869876, win 63, options [nop,nop,TS val 2223130738 ecr 4003626731], length 0",
      "5000 > 40001: Flags [.], ack 2691279259, win 64, options [nop,nop,TS val 4003627175 ecr 2223130738], length 0",
      "5000 > 40001: Flags [F.], seq 3533869876, ack 2691279259, win 64, options [nop,nop,TS val 4003627633 ecr 2223130738], length 0",
      "40001 > 5000: Flags [.], ack 3533869877, win 63, options [nop,nop,TS val 2223131240 ecr 4003627633], length 0",
    ];
    const ours = file.packets.map((_, i) => {
      const tcp = tcpOf(file, i);
      return summarizeTcpHeader(tcp.header, tcp.payload.length);
    });
    expect(ours).toEqual(tcpdump);
  });

  it("matches the flags and lengths recorded in the scenario's expectations", () => {
    const expectations = JSON.parse(readFileSync(path.join(scenarios, "client-active-close.json"), "utf8")) as {
      expect: { segments: { flags: string; len: number }[] };
    };
    const ours = file.packets.map((_, i) => {
      const tcp = tcpOf(file, i);
      return { flags: tcpdumpFlags(tcp.header.flags), len: tcp.payload.length };
    });
    expect(ours).toEqual(expectations.expect.segments.map(({ flags, len }) => ({ flags, len })));
  });

  it("has timestamps that increase, in microseconds", () => {
    const times = file.packets.map((p) => p.time);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(file.packets[0]?.fraction).toBeLessThan(1e6);
  });
});

describe("all scenario captures", () => {
  const names = readdirSync(scenarios).filter((n) => n.endsWith(".pcap"));

  it.each(names)("%s decodes every packet as IPv4 + TCP", (name) => {
    const file = parsed(readCapture(name));
    expect(file.packets.length).toBeGreaterThan(0);
    for (const packet of file.packets) expect(packet.decoded.kind).toBe("tcp");
  });
});

// Synthetic files for the variants the scenario captures do not exercise.
interface BuildOptions {
  little: boolean;
  nanosecond: boolean;
  linkType: number;
  frames: Uint8Array[];
}

function buildPcap({ little, nanosecond, linkType, frames }: BuildOptions): Uint8Array {
  const size = 24 + frames.reduce((n, f) => n + 16 + f.length, 0);
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  view.setUint32(0, nanosecond ? 0xa1b23c4d : 0xa1b2c3d4, little);
  view.setUint16(4, 2, little);
  view.setUint16(6, 4, little);
  view.setUint32(16, 65535, little);
  view.setUint32(20, linkType, little);
  let at = 24;
  frames.forEach((frame, i) => {
    view.setUint32(at, 1_700_000_000 + i, little);
    view.setUint32(at + 4, nanosecond ? 123_456_789 : 123_456, little);
    view.setUint32(at + 8, frame.length, little);
    view.setUint32(at + 12, frame.length, little);
    out.set(frame, at + 16);
    at += 16 + frame.length;
  });
  return out;
}

const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

const ethernet = (etherType = [0x08, 0x00]) => Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, ...etherType]);
// Linux cooked v1: packet type 0 (to us), ARPHRD_ETHER 1, address length 6, 8 address bytes, protocol 0x0800.
const sll = Uint8Array.from([0, 0, 0, 1, 0, 6, 1, 2, 3, 4, 5, 6, 0, 0, 0x08, 0x00]);
// Linux cooked v2: protocol 0x0800, reserved, interface index 2, ARPHRD_ETHER 1, packet type 0, address length 6, 8 address bytes.
const sll2 = Uint8Array.from([0x08, 0x00, 0, 0, 0, 0, 0, 2, 0, 1, 0, 6, 1, 2, 3, 4, 5, 6, 0, 0]);

describe("parsePcap variants", () => {
  it.each([
    ["little-endian microsecond", true, false],
    ["big-endian microsecond", false, false],
    ["little-endian nanosecond", true, true],
    ["big-endian nanosecond", false, true],
  ])("reads a %s file", (_name, little, nanosecond) => {
    const file = parsed(buildPcap({ little, nanosecond, linkType: LINKTYPE.ETHERNET, frames: [concat(ethernet(), REAL_LINUX_SYN_PACKET)] }));
    expect(file.byteOrder).toBe(little ? "little" : "big");
    expect(file.nanosecond).toBe(nanosecond);
    const packet = file.packets[0];
    expect(packet?.seconds).toBe(1_700_000_000);
    expect(packet?.time).toBeCloseTo(1_700_000_000.123456, 5);
    expect(tcpOf(file, 0).header.seq).toBe(2691279157);
  });

  it.each([
    ["Linux cooked (SLL, 113)", LINKTYPE.LINUX_SLL, sll],
    ["Linux cooked v2 (SLL2, 276)", LINKTYPE.LINUX_SLL2, sll2],
    ["raw IPv4 (101)", LINKTYPE.RAW, new Uint8Array(0)],
    ["Ethernet with an 802.1Q VLAN tag", LINKTYPE.ETHERNET, concat(ethernet([0x81, 0x00]), Uint8Array.from([0x00, 0x0a, 0x08, 0x00]))],
  ])("finds the TCP SYN behind a %s header", (_name, linkType, linkHeader) => {
    const file = parsed(buildPcap({ little: true, nanosecond: false, linkType, frames: [concat(linkHeader, REAL_LINUX_SYN_PACKET)] }));
    const tcp = tcpOf(file, 0);
    expect(tcp.header.srcPort).toBe(40001);
    expect(tcp.header.options).toHaveLength(5);
  });

  it("skips non-IPv4 frames with a reason instead of failing the file", () => {
    const arp = concat(ethernet([0x08, 0x06]), new Uint8Array(28));
    const file = parsed(buildPcap({ little: true, nanosecond: false, linkType: LINKTYPE.ETHERNET, frames: [arp] }));
    expect(file.packets[0]?.decoded).toEqual({ kind: "skipped", reason: "not IPv4 (EtherType 0x0806)" });
  });

  it("ignores Ethernet padding after the IPv4 total length", () => {
    const padded = concat(ethernet(), REAL_LINUX_SYN_PACKET, new Uint8Array(6));
    const file = parsed(buildPcap({ little: true, nanosecond: false, linkType: LINKTYPE.ETHERNET, frames: [padded] }));
    expect(tcpOf(file, 0).segment).toHaveLength(40);
  });

  it("names the packet whose record runs past the end of the file", () => {
    const whole = buildPcap({ little: true, nanosecond: false, linkType: LINKTYPE.ETHERNET, frames: [concat(ethernet(), REAL_LINUX_SYN_PACKET)] });
    expect(parsePcap(whole.subarray(0, whole.length - 5))).toEqual({
      ok: false,
      error: "truncated: packet 1 says it holds 74 bytes, but the file ends 69 bytes after its record header",
    });
    expect(parsePcap(whole.subarray(0, 30))).toMatchObject({ ok: false, error: expect.stringMatching(/packet 1's 16-byte record header is cut off/) });
  });

  it("explains pcapng and unknown files instead of misreading them", () => {
    expect(parsePcap(Uint8Array.from([0x0a, 0x0d, 0x0d, 0x0a, ...new Array(28).fill(0)]))).toMatchObject({
      ok: false,
      error: expect.stringMatching(/pcapng/),
    });
    expect(parsePcap(new Uint8Array(24))).toEqual({ ok: false, error: "not a pcap file: magic number 0x00000000" });
    expect(parsePcap(new Uint8Array(10))).toMatchObject({ ok: false, error: expect.stringMatching(/^truncated/) });
  });
});
