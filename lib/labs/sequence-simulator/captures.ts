// Real Linux 6.18 captures, imported at build time (content/captures/README.md says
// where each file came from). Only the parts the widget shows are typed here.
import type { Trace } from "@/lib/tcp";
import abortEstablished from "@/content/captures/abort-established.json";
import clientActiveClose from "@/content/captures/client-active-close.json";
import closeWithUnreadData from "@/content/captures/close-with-unread-data.json";
import connectionRefused from "@/content/captures/connection-refused.json";
import finWait2OrphanData from "@/content/captures/fin-wait-2-orphan-data.json";
import finWait2OrphanTimeout from "@/content/captures/fin-wait-2-orphan-timeout.json";
import halfClose from "@/content/captures/half-close.json";
import serverActiveClose from "@/content/captures/server-active-close.json";
import simultaneousClose from "@/content/captures/simultaneous-close.json";
import synAckRetransmit from "@/content/captures/syn-ack-retransmit.json";
import synRetransmitDefault from "@/content/captures/syn-retransmit-default.json";
import threeSegmentClose from "@/content/captures/three-segment-close.json";

export type Capture = {
  name: string;
  title: string;
  kernel: string;
  /** The scenario part, exactly as it was run on the kernel. */
  scenario: { sysctl: Record<string, unknown>; network: { delay: number }; steps: unknown[]; faults: unknown[] };
  expect: Trace;
};

type CaptureFile = {
  name: string;
  title: string;
  kernel: string;
  sysctl: Record<string, unknown>;
  network: { delay: number };
  steps: unknown[];
  faults: unknown[];
  expect: Trace;
};

function capture(json: unknown): Capture {
  const file = json as CaptureFile;
  return {
    name: file.name,
    title: file.title,
    kernel: file.kernel,
    scenario: { sysctl: file.sysctl, network: file.network, steps: file.steps, faults: file.faults },
    // Only segments and states: the notes stay in the JSON for people, not for the page.
    expect: { segments: file.expect.segments, states: file.expect.states },
  };
}

export const CAPTURES = {
  "abort-established": capture(abortEstablished),
  "client-active-close": capture(clientActiveClose),
  "close-with-unread-data": capture(closeWithUnreadData),
  "connection-refused": capture(connectionRefused),
  "fin-wait-2-orphan-data": capture(finWait2OrphanData),
  "fin-wait-2-orphan-timeout": capture(finWait2OrphanTimeout),
  "half-close": capture(halfClose),
  "server-active-close": capture(serverActiveClose),
  "simultaneous-close": capture(simultaneousClose),
  "syn-ack-retransmit": capture(synAckRetransmit),
  "syn-retransmit-default": capture(synRetransmitDefault),
  "three-segment-close": capture(threeSegmentClose),
} satisfies Record<string, Capture>;

export type CaptureName = keyof typeof CAPTURES;
