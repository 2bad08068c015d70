// The first segment of a real capture, kept as bytes so the widget and the
// lesson can show a SYN exactly as Linux sent it.
//
// Source: the capture client-active-close (content/captures/client-active-close.pcap), packet 1, captured on Linux 6.18 (kernel
// 6.18.44-fc-v445) on a veth pair, client 10.200.0.1:40001 -> server
// 10.200.0.2:5000. These are the 60 bytes after the 14-byte Ethernet header:
// a 20-byte IPv4 header and a 40-byte TCP header (20 fixed + 20 of options).
// tests/unit/wire/realSyn.test.ts checks them against the pcap byte for byte.
//
// tcpdump -n -S -v prints it as:
//   10.200.0.1.40001 > 10.200.0.2.5000: Flags [S], cksum 0x15c1 (incorrect -> 0x749f),
//   seq 2691279157, win 64240, options [mss 1460,sackOK,TS val 2223129839 ecr 0,nop,wscale 10], length 0
// The "incorrect" checksum is checksum offload: the capture saw the segment
// before the checksum was finished, so the field holds only the pseudo-header
// sum (see checksum.ts, pseudoHeaderSum).

/** IPv4 header + TCP SYN, 60 bytes. */
export const REAL_LINUX_SYN_PACKET: Uint8Array = Uint8Array.from([
  0x45, 0x00, 0x00, 0x3c, 0xe9, 0x20, 0x40, 0x00, 0x40, 0x06, 0x3c, 0x09, 0x0a, 0xc8, 0x00, 0x01,
  0x0a, 0xc8, 0x00, 0x02, 0x9c, 0x41, 0x13, 0x88, 0xa0, 0x69, 0xa9, 0x35, 0x00, 0x00, 0x00, 0x00,
  0xa0, 0x02, 0xfa, 0xf0, 0x15, 0xc1, 0x00, 0x00, 0x02, 0x04, 0x05, 0xb4, 0x04, 0x02, 0x08, 0x0a,
  0x84, 0x82, 0x44, 0xef, 0x00, 0x00, 0x00, 0x00, 0x01, 0x03, 0x03, 0x0a,
]);

/** Length of the IPv4 header in REAL_LINUX_SYN_PACKET (IHL 5). */
export const REAL_LINUX_SYN_IP_HEADER_BYTES = 20;

/** The TCP segment alone (header with options; a SYN without data). */
export const REAL_LINUX_SYN_TCP: Uint8Array = REAL_LINUX_SYN_PACKET.slice(REAL_LINUX_SYN_IP_HEADER_BYTES);

export const REAL_LINUX_SYN_SOURCE = {
  capture: "client-active-close",
  packet: 1,
  kernel: "Linux 6.18",
  srcIp: "10.200.0.1",
  dstIp: "10.200.0.2",
} as const;
