// @vitest-environment jsdom
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { SequenceSimulator } from "@/lib/widgets/SequenceSimulator";

beforeAll(() => {
  // jsdom has no matchMedia; the widget asks it about reduced motion.
  if (!window.matchMedia) {
    Object.defineProperty(window, "matchMedia", {
      value: (query: string) => ({ matches: false, media: query, addEventListener() {}, removeEventListener() {}, addListener() {}, removeListener() {} }),
    });
  }
});
afterEach(() => {
  cleanup();
  window.history.replaceState(null, "", "/");
});

describe("SequenceSimulator", () => {
  it("renders the handshake with an event log, host states and queues", () => {
    render(<SequenceSimulator preset="handshake" />);
    const widget = screen.getByRole("region", { name: /Sequence simulator: Three-way handshake/ });
    expect(widget.getAttribute("data-widget")).toBe("sequence-simulator");
    const log = within(widget).getByTestId("event-log");
    expect(log.textContent).toContain("client → server  [S] seq 0 len 0");
    expect(log.textContent).toContain("server → client  [S.] seq 0 ack 1 len 0");
    expect(within(widget).getByTestId("state-client").textContent).toContain("ESTABLISHED");
    expect(within(widget).getAllByTestId("segment")).toHaveLength(5);
  });

  it("steps back and forward with the keyboard-operable controls", () => {
    render(<SequenceSimulator preset="handshake" />);
    fireEvent.click(screen.getByRole("button", { name: /Rewind/ }));
    expect(screen.queryAllByTestId("segment")).toHaveLength(0);
    expect(screen.getByTestId("state-client").textContent).toContain("CLOSED");
    for (let i = 0; i < 5; i++) fireEvent.click(screen.getByTestId("step-forward"));
    expect(screen.getAllByTestId("segment")).toHaveLength(1);
    expect(screen.getByTestId("state-client").textContent).toContain("SYN-SENT");
  });

  it("inspects a segment with Enter and drops it, re-simulating the retransmission", () => {
    render(<SequenceSimulator preset="handshake" />);
    const synAck = screen.getAllByTestId("segment")[1]!;
    fireEvent.keyDown(synAck, { key: "Enter" });
    expect(screen.getByTestId("inspector").textContent).toContain("5000 absolute");
    expect(screen.getByTestId("segment-why").textContent).toMatch(/SYN-ACK/);
    fireEvent.click(screen.getByTestId("drop-toggle"));
    const log = screen.getByTestId("event-log").textContent ?? "";
    expect(log).toMatch(/\[S\.\] seq 0 ack 1 len 0 {2}DROPPED/);
    expect(log.match(/\[S\.\]/g)!.length).toBeGreaterThan(1);
    expect(window.location.hash).toContain("seq-handshake=");
  });

  it("shows the real capture beside presets that have one", () => {
    render(<SequenceSimulator preset="close-client-first" />);
    expect(screen.getByTestId("capture").textContent).toContain("client-active-close");
    expect(screen.getByTestId("capture-comparison").textContent).toMatch(/agree with the capture/);
  });

  it("says so for an unknown preset instead of crashing", () => {
    render(<SequenceSimulator preset="nope" />);
    expect(screen.getByText(/Unknown simulator preset/)).toBeTruthy();
  });
});
