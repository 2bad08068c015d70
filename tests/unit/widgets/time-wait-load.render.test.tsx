// @vitest-environment jsdom
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { TimeWaitLoad } from "@/lib/widgets/TimeWaitLoad";
import { simulateLoad } from "@/lib/labs/time-wait-load/model";

beforeAll(() => {
  // recharts' ResponsiveContainer needs ResizeObserver, which jsdom lacks.
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
});
afterEach(() => {
  cleanup();
  window.history.replaceState(null, "", "/");
});

describe("TimeWaitLoad", () => {
  it("shows port exhaustion for the default load and none when the server closes first", () => {
    render(<TimeWaitLoad />);
    const widget = screen.getByRole("region", { name: "TIME-WAIT under load" });
    const expected = simulateLoad({ rate: 500 });
    expect(within(widget).getByTestId("exhaustion-status").textContent).toContain(`t = ${expected.exhaustedAt} s`);
    expect(within(widget).getByTestId("event-log").textContent).toMatch(/EADDRNOTAVAIL/);
    fireEvent.click(within(widget).getByRole("radio", { name: "Server" }));
    expect(within(widget).getByTestId("exhaustion-status").textContent).toMatch(/never fails/);
  });

  it("moves the time cursor with the keyboard-operable buttons and updates the numbers", () => {
    render(<TimeWaitLoad />);
    const widget = screen.getByRole("region", { name: "TIME-WAIT under load" });
    const time = within(widget).getByLabelText(/^Time:/);
    fireEvent.change(time, { target: { value: "30" } });
    expect(within(widget).getByTestId("cursor-time").textContent).toBe("30 s");
    const summary = within(widget).getByTestId("cursor-summary").textContent ?? "";
    expect(summary).toContain(String(500 * 30));
    fireEvent.click(within(widget).getByRole("button", { name: "+10 s" }));
    expect(within(widget).getByTestId("cursor-time").textContent).toBe("40 s");
  });

  it("writes the controls into the URL hash", () => {
    render(<TimeWaitLoad />);
    const widget = screen.getByRole("region", { name: "TIME-WAIT under load" });
    fireEvent.change(within(widget).getByLabelText("tcp_tw_reuse"), { target: { value: "1" } });
    expect(window.location.hash).toMatch(/time-wait-load=/);
    expect(within(widget).getByTestId("exhaustion-status").textContent).toMatch(/never fails/);
  });
});
