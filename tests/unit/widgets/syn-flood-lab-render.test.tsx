// @vitest-environment jsdom
// The SYN flood lab renders, reads its scenario from the URL, shows the
// engine's counters, re-simulates when a control changes, and keeps a text log.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { SynFloodLab } from "@/lib/widgets/SynFloodLab";
import { DEFAULT_CONTROLS, type LabControls } from "@/lib/labs/syn-flood-lab/controls";
import { decodeControls, encodeControls } from "@/lib/widgets/syn-flood-lab/urlState";
import { runLab } from "@/lib/labs/syn-flood-lab/runLab";
import { installResizeObserverStub } from "../../support/jsdomResizeObserver";

beforeAll(installResizeObserverStub);
afterEach(() => {
  cleanup();
  window.history.replaceState(null, "", "/");
});

const small: LabControls = { ...DEFAULT_CONTROLS, attackRate: 500, legitRate: 5, duration: 10, backlog: 64 };

async function ready() {
  await waitFor(() => expect(screen.getByTestId("syn-flood-status").dataset.busy).toBe("false"), { timeout: 5000 });
}

describe("SynFloodLab", () => {
  it("runs the scenario from the URL and shows the engine's counters and a text log", async () => {
    window.history.replaceState(null, "", `/lessons/syn-flood#${encodeControls(small)}`);
    render(<SynFloodLab />);
    const root = document.querySelector('[data-widget="syn-flood-lab"]') as HTMLElement;
    expect(root).toBeTruthy();
    expect(root.getAttribute("aria-label")).toBe("SYN flood lab");
    await ready();
    const expected = runLab(small);
    for (const row of expected.nstat) expect(screen.getByTestId(`nstat-${row.name}`).textContent).toBe(String(row.value));
    const log = screen.getByTestId("syn-flood-log").textContent ?? "";
    expect(log).toContain("listen(backlog=64)");
    expect(log).toContain("Sending cookies.");
    expect(screen.getByTestId("syn-flood-status").textContent).toContain(`${expected.totals.ok} of ${expected.totals.started}`);
    expect(screen.getByLabelText("listen() backlog")).toHaveProperty("value", "64");
  });

  it("re-simulates when a control changes and writes the new scenario into the URL", async () => {
    window.history.replaceState(null, "", `/lessons/syn-flood#${encodeControls(small)}`);
    render(<SynFloodLab />);
    await ready();
    fireEvent.change(screen.getByLabelText("net.ipv4.tcp_syncookies"), { target: { value: "0" } });
    await waitFor(() => expect(decodeControls(window.location.hash)?.tcp_syncookies).toBe(0), { timeout: 5000 });
    await ready();
    const expected = runLab({ ...small, tcp_syncookies: 0 });
    expect(screen.getByTestId("nstat-TcpExtTCPReqQFullDrop").textContent).toBe(String(expected.nstat.find((r) => r.name === "TcpExtTCPReqQFullDrop")!.value));
    expect(screen.getByTestId("syn-flood-log").textContent).toContain("Dropping request.");
  });

  it("has labelled controls, a copy-link button and data tables for the charts", async () => {
    window.history.replaceState(null, "", `/lessons/syn-flood#${encodeControls(small)}`);
    render(<SynFloodLab />);
    await ready();
    for (const label of ["Attacker SYN rate", "Legitimate clients", "Application accept rate", "net.core.somaxconn", "net.ipv4.tcp_max_syn_backlog", "net.ipv4.tcp_synack_retries", "net.ipv4.tcp_abort_on_overflow", "Duration"]) {
      expect(screen.getAllByLabelText(new RegExp(label.replace(/\./g, "\\."))).length).toBeGreaterThan(0);
    }
    expect(screen.getByRole("button", { name: "Copy link" })).toBeTruthy();
    // The tables and the cookie panel render once their sections are opened.
    for (const summary of ["Chart data as tables", "How a SYN cookie is built"]) {
      const details = screen.getByText(summary).closest("details")!;
      details.open = true;
      fireEvent(details, new Event("toggle"));
    }
    const table = screen.getByTestId("syn-flood-queue-table");
    expect(within(table).getAllByRole("row").length).toBeGreaterThan(10);
    expect(screen.getByTestId("syn-cookie-verdict").textContent).toMatch(/Valid/);
  });
});
