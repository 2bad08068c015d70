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
    // it opens at its start: nothing drawn yet, Step is the first control and says what it does
    expect(within(widget).queryAllByTestId("segment")).toHaveLength(0);
    expect(within(widget).getByTestId("state-client").textContent).toContain("CLOSED");
    expect(within(widget).getByTestId("start-hint").textContent).toMatch(/Press Step/);
    const toolbar = within(widget).getByRole("toolbar", { name: "Timeline controls" });
    expect(within(toolbar).getAllByRole("button")[0]!.textContent).toMatch(/Step ▶ first event/);
    fireEvent.click(within(widget).getByRole("button", { name: /End/ }));
    expect(within(widget).getByTestId("state-client").textContent).toContain("ESTABLISHED");
    expect(within(widget).getAllByTestId("segment")).toHaveLength(5);
  });

  it("draws a blocked connect() as pending until it returns, with the client's send after it", () => {
    render(<SequenceSimulator preset="handshake" />);
    fireEvent.click(screen.getByRole("button", { name: /End/ }));
    fireEvent.keyDown(screen.getAllByTestId("segment")[1]!, { key: "Enter" });
    fireEvent.click(screen.getByTestId("drop-toggle"));
    fireEvent.click(screen.getByRole("button", { name: /Rewind/ }));
    const step = screen.getByTestId("step-forward");
    while (!screen.queryAllByTestId("call").some((c) => c.getAttribute("data-call") === "connect")) fireEvent.click(step);
    const connect = () => screen.getAllByTestId("call").find((c) => c.getAttribute("data-call") === "connect")!;
    expect(connect().getAttribute("data-pending")).toBe("true");
    expect(connect().textContent).toContain("connect() … pending");
    expect(screen.getAllByTestId("pending-marker").some((m) => m.getAttribute("data-open") === "true")).toBe(true);
    // step until connect() returns: no send() of the client is drawn before that
    while (!screen.queryAllByTestId("call-return").some((c) => c.getAttribute("data-call") === "connect")) {
      expect(screen.queryAllByTestId("call").filter((c) => c.getAttribute("data-host") === "client" && c.getAttribute("data-call") === "send")).toHaveLength(0);
      fireEvent.click(step);
    }
    expect(connect().getAttribute("data-pending")).toBe("false");
    expect(screen.getByTestId("event-log").textContent).not.toMatch(/EAGAIN|ENOTCONN|CLOSED → CLOSED/);
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
    fireEvent.click(screen.getByRole("button", { name: /End/ }));
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
