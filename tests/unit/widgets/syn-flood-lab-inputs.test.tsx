// @vitest-environment jsdom
// The SYN flood lab's typed values: refused with the allowed range beside the
// box (never clamped silently), the simulation keeping the last valid value;
// and its simulation in a worker, a newer change superseding a stale run.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { act, cleanup, fireEvent, render, renderHook, screen, waitFor } from "@testing-library/react";
import { SynFloodLab } from "@/lib/widgets/SynFloodLab";
import { CookiePanel } from "@/lib/widgets/syn-flood-lab/CookiePanel";
import { allowedText, DEFAULT_CONTROLS, parseControlInput, type LabControls } from "@/lib/labs/syn-flood-lab/controls";
import { parseCookieField } from "@/lib/labs/syn-flood-lab/cookie";
import { decodeControls, encodeControls } from "@/lib/widgets/syn-flood-lab/urlState";
import { useFloodSimulation } from "@/lib/widgets/syn-flood-lab/useFloodSimulation";
import { runLab } from "@/lib/labs/syn-flood-lab/runLab";
import type { FloodRequest } from "@/lib/labs/syn-flood-lab/floodRun";
import { installResizeObserverStub } from "../../support/jsdomResizeObserver";

beforeAll(installResizeObserverStub);
afterEach(() => {
  cleanup();
  window.history.replaceState(null, "", "/");
});

const small: LabControls = { ...DEFAULT_CONTROLS, attackRate: 500, legitRate: 5, duration: 10, backlog: 64 };

describe("what a learner types into the flood lab's controls", () => {
  it("accepts values inside the range and on the step, and refuses the rest naming the allowed values", () => {
    expect(parseControlInput("attackRate", "2500")).toEqual({ ok: true, value: 2500 });
    expect(parseControlInput("attackRate", "10050")).toEqual({ ok: false, error: "10,050 is out of range. Allowed: 0 to 10,000 SYN/s in steps of 100." });
    expect(parseControlInput("attackRate", "150")).toEqual({ ok: false, error: "150 is between steps. Allowed: 0 to 10,000 SYN/s in steps of 100." });
    expect(parseControlInput("legitRate", "2.5")).toEqual({ ok: false, error: "2.5 is between steps. Allowed: 1 to 100 conn/s, whole numbers." });
    expect(parseControlInput("duration", "")).toEqual({ ok: false, error: "Enter a value. Allowed: 10 to 60 s, whole numbers." });
    expect(parseControlInput("tcp_max_syn_backlog", "abc")).toMatchObject({ ok: false, error: expect.stringContaining("Allowed: 128 to 65,535, whole numbers.") });
    expect(allowedText("backlog")).toBe("1 to 65,535, whole numbers");
  });

  it("reads the cookie panel's numbers, in decimal or 0x hex, within their ranges", () => {
    expect(parseCookieField("clientIsn", "0x1a2b3c4d")).toEqual({ ok: true, value: 0x1a2b3c4d });
    expect(parseCookieField("clientIsn", "4294967296")).toMatchObject({ ok: false, error: expect.stringContaining("Allowed: 0 to 4,294,967,295, whole numbers.") });
    expect(parseCookieField("mss", "1460.5")).toMatchObject({ ok: false, error: expect.stringContaining("not a whole number") });
    expect(parseCookieField("ackDelay", "-1")).toMatchObject({ ok: false, error: expect.stringContaining("Allowed: 0 to 3,600 s.") });
    expect(parseCookieField("ackDelay", "0.5")).toEqual({ ok: true, value: 0.5 });
  });

  it("shows an out-of-range typed value's message beside the box and keeps simulating the last valid value", async () => {
    window.history.replaceState(null, "", `/lessons/syn-flood#${encodeControls(small)}`);
    render(<SynFloodLab />);
    await waitFor(() => expect(screen.getByTestId("syn-flood-status").dataset.busy).toBe("false"), { timeout: 5000 });
    const input = screen.getByLabelText(/^Attacker SYN rate/, { selector: "input[type=number]" });
    fireEvent.change(input, { target: { value: "20000" } });
    expect(input.getAttribute("aria-invalid")).toBe("true");
    const message = document.getElementById((input.getAttribute("aria-describedby") ?? "").split(" ")[0]!);
    expect(message?.textContent).toBe("20,000 is out of range. Allowed: 0 to 10,000 SYN/s in steps of 100. The simulation keeps 500.");
    // Nothing was committed: the status settles on the run it already had, the URL keeps 500.
    await new Promise((r) => setTimeout(r, 400));
    expect(screen.getByTestId("syn-flood-status").dataset.busy).toBe("false");
    expect(decodeControls(window.location.hash)?.attackRate).toBe(500);
    fireEvent.change(input, { target: { value: "700" } });
    expect(input.getAttribute("aria-invalid")).toBeNull();
    expect(screen.queryByTestId("control-error-attackRate")).toBeNull();
    await waitFor(() => expect(decodeControls(window.location.hash)?.attackRate).toBe(700), { timeout: 5000 });
  });

  it("explains an invalid cookie field beside it and keeps the cookie built from the last valid values", () => {
    render(<CookiePanel />);
    const mss = screen.getByLabelText("MSS option in the SYN");
    const before = screen.getByTestId("syn-cookie-steps").textContent;
    fireEvent.change(mss, { target: { value: "70000" } });
    expect(mss.getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByTestId("cookie-error-mss").textContent).toBe("70,000 is out of range. Allowed: 1 to 65,535, whole numbers. The cookie below still uses 1460.");
    expect(mss.getAttribute("aria-describedby")).toContain(screen.getByTestId("cookie-error-mss").id);
    expect(screen.getByTestId("syn-cookie-steps").textContent).toBe(before);
    fireEvent.change(mss, { target: { value: "536" } });
    expect(mss.getAttribute("aria-invalid")).toBeNull();
    expect(screen.getByTestId("syn-cookie-steps").textContent).not.toBe(before);
  });
});

describe("the flood lab's simulation worker", () => {
  class FakeWorker {
    static made: FakeWorker[] = [];
    requests: FloodRequest[] = [];
    terminated = false;
    onmessage: ((event: MessageEvent) => void) | null = null;
    onerror: ((event: ErrorEvent) => void) | null = null;
    constructor(
      public url: URL,
      public options: WorkerOptions,
    ) {
      FakeWorker.made.push(this);
    }
    postMessage(request: FloodRequest) {
      this.requests.push(request);
    }
    terminate() {
      this.terminated = true;
    }
    reply(request: FloodRequest) {
      this.onmessage?.({ data: { id: request.id, ok: true, result: runLab(request.controls) } } as MessageEvent);
    }
  }

  it("runs the first simulation in a module worker once the page is idle, and a newer change terminates the stale run", async () => {
    const original = globalThis.Worker;
    globalThis.Worker = FakeWorker as unknown as typeof Worker;
    FakeWorker.made = [];
    try {
      const first = { ...small };
      const { result, rerender } = renderHook(({ controls }) => useFloodSimulation(controls), { initialProps: { controls: first } });
      // Not during render or hydration: nothing is posted synchronously.
      expect(FakeWorker.made).toHaveLength(0);
      await waitFor(() => expect(FakeWorker.made[0]?.requests).toHaveLength(1));
      const worker = FakeWorker.made[0]!;
      expect(worker.options).toMatchObject({ type: "module" });
      expect(worker.url.pathname).toMatch(/floodWorker\.ts$/);
      // The run's start is state: it shows on the render after the post.
      await waitFor(() => expect(result.current.startedAt).not.toBeNull());
      // The learner changes a control while the first run is still going.
      const second = { ...small, tcp_syncookies: 0 };
      rerender({ controls: second });
      expect(worker.terminated).toBe(true);
      await waitFor(() => expect(FakeWorker.made[1]?.requests).toHaveLength(1));
      const fresh = FakeWorker.made[1]!;
      expect(fresh.requests[0]!.controls).toEqual(second);
      // A reply for the stale run, had it come, is ignored; the fresh one is shown.
      act(() => fresh.onmessage?.({ data: { id: worker.requests[0]!.id, ok: true, result: runLab(first) } } as MessageEvent));
      expect(result.current.result).toBeNull();
      act(() => fresh.reply(fresh.requests[0]!));
      expect(result.current.resultFor).toBe(second);
      expect(result.current.result?.controls.tcp_syncookies).toBe(0);
      expect(result.current.startedAt).toBeNull();
    } finally {
      globalThis.Worker = original;
    }
  });
});
