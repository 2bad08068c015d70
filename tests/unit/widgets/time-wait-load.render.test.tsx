// @vitest-environment jsdom
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { TimeWaitLoad } from "@/lib/widgets/TimeWaitLoad";
import { simulateLoad } from "@/lib/labs/time-wait-load/model";
import { installResizeObserverStub } from "../../support/jsdomResizeObserver";

beforeAll(installResizeObserverStub);
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

  it("opens at 0 s, refuses a low port above the high one beside the field, and keeps simulating the last valid range", () => {
    render(<TimeWaitLoad />);
    const widget = screen.getByRole("region", { name: "TIME-WAIT under load" });
    expect(within(widget).getByTestId("cursor-time").textContent).toBe("0 s");
    const low = within(widget).getByLabelText("ip_local_port_range low") as HTMLInputElement;
    const high = within(widget).getByLabelText("high") as HTMLInputElement;
    fireEvent.change(low, { target: { value: "40000" } });
    fireEvent.change(high, { target: { value: "40999" } });
    const valid = simulateLoad({ rate: 500, portLow: 40000, portHigh: 40999 });
    expect(within(widget).getByTestId("exhaustion-status").textContent).toContain(`t = ${valid.exhaustedAt} s`);

    fireEvent.change(low, { target: { value: "50000" } });
    expect(low.getAttribute("aria-invalid")).toBe("true");
    expect(high.getAttribute("aria-invalid")).toBe("true");
    const message = document.getElementById(low.getAttribute("aria-describedby")!)!;
    expect(message.textContent).toMatch(/low end \(50000\) is above the high end \(40999\)/);
    expect(low.value).toBe("50000");
    expect(within(widget).getByTestId("exhaustion-status").textContent).toContain(`t = ${valid.exhaustedAt} s`);
    expect(within(widget).getByTestId("port-range-kept").textContent).toContain("40000 40999");
  });
});
