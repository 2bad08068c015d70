// @vitest-environment jsdom
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { PeerVanishes } from "@/lib/widgets/PeerVanishes";
import { DEFAULT_CONTROLS, outcomeHeadline, runPeerVanishes } from "@/lib/labs/peer-vanishes/model";

afterEach(() => {
  cleanup();
  window.history.replaceState(null, "", "/");
});

describe("PeerVanishes", () => {
  it("shows the engine's outcome for the chosen event, and keeps the settings in the URL", () => {
    render(<PeerVanishes />);
    const widget = screen.getByRole("region", { name: "When the other side vanishes" });
    expect(within(widget).getByTestId("pv-headline").textContent).toBe(outcomeHeadline(runPeerVanishes(DEFAULT_CONTROLS)));

    fireEvent.click(within(widget).getByRole("radio", { name: /Its host reboots/ }));
    const expected = runPeerVanishes({ ...DEFAULT_CONTROLS, event: "reboot" });
    expect(within(widget).getByTestId("pv-headline").textContent).toBe(outcomeHeadline(expected));
    expect(within(widget).getByTestId("pv-headline").textContent).toMatch(/ECONNRESET/);
    expect(within(widget).getByTestId("pv-timeline").querySelectorAll("li")).toHaveLength(expected.rows.length);
    expect(window.location.hash).toMatch(/peer-vanishes=/);

    fireEvent.click(within(widget).getByRole("radio", { name: /stays idle/ }));
    expect(within(widget).getByTestId("pv-headline").textContent).toMatch(/^Never/);
    fireEvent.click(within(widget).getByRole("checkbox", { name: /SO_KEEPALIVE/ }));
    const idle = within(widget).getByLabelText("TCP_KEEPIDLE (s)") as HTMLInputElement;
    fireEvent.change(idle, { target: { value: "30" } });
    fireEvent.change(within(widget).getByLabelText("TCP_KEEPINTVL (s)"), { target: { value: "5" } });
    fireEvent.change(within(widget).getByLabelText("TCP_KEEPCNT"), { target: { value: "3" } });
    const withKeepalive = runPeerVanishes({ ...DEFAULT_CONTROLS, event: "reboot", activity: "idle", keepalive: true, keepIdle: 30, keepIntvl: 5, keepCnt: 3 });
    expect(within(widget).getByTestId("pv-headline").textContent).toBe(outcomeHeadline(withKeepalive));
    expect(within(widget).getByTestId("pv-log").textContent).toContain("keepalive on (idle 30 s, intvl 5 s, cnt 3)");
  });

  it("restores its settings from the URL hash", () => {
    window.history.replaceState(null, "", "/#peer-vanishes=eyJlIjoiY2FibGUtY3V0IiwiYSI6ImlkbGUifQ");
    render(<PeerVanishes />);
    const widget = screen.getByRole("region", { name: "When the other side vanishes" });
    expect((within(widget).getByRole("radio", { name: /The cable is cut/ }) as HTMLInputElement).checked).toBe(true);
    expect(within(widget).getByTestId("pv-headline").textContent).toMatch(/^Never/);
  });

  it("marks an out-of-range keepalive field invalid with what it accepts, without clamping it, and keeps the last valid run", () => {
    render(<PeerVanishes />);
    const widget = screen.getByRole("region", { name: "When the other side vanishes" });
    fireEvent.click(within(widget).getByRole("radio", { name: /stays idle/ }));
    fireEvent.click(within(widget).getByRole("checkbox", { name: /SO_KEEPALIVE/ }));
    const cnt = within(widget).getByLabelText("TCP_KEEPCNT") as HTMLInputElement;
    fireEvent.change(cnt, { target: { value: "3" } });
    const three = runPeerVanishes({ ...DEFAULT_CONTROLS, activity: "idle", keepalive: true, keepCnt: 3 });
    expect(within(widget).getByTestId("pv-headline").textContent).toBe(outcomeHeadline(three));

    fireEvent.change(cnt, { target: { value: "500" } });
    fireEvent.blur(cnt);
    expect(cnt.value).toBe("500");
    expect(cnt.getAttribute("aria-invalid")).toBe("true");
    expect(document.getElementById(cnt.getAttribute("aria-describedby")!)!.textContent).toMatch(/from 1 to 127.*still uses 3/);
    expect(within(widget).getByTestId("pv-headline").textContent).toBe(outcomeHeadline(three));
  });
});
