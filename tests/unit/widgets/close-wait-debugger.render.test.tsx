// @vitest-environment jsdom
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { CloseWaitDebugger } from "@/lib/widgets/CloseWaitDebugger";

afterEach(() => {
  cleanup();
  window.history.replaceState(null, "", "/");
});

describe("CloseWaitDebugger", () => {
  it("grows CLOSE-WAIT, hints on a wrong line, and drains after the fix", () => {
    render(<CloseWaitDebugger />);
    const widget = screen.getByRole("region", { name: "CLOSE-WAIT debugger" });
    fireEvent.click(within(widget).getByRole("button", { name: "+60 s" }));
    fireEvent.click(within(widget).getByRole("button", { name: "+60 s" }));
    expect(within(widget).getByTestId("cw-time").textContent).toBe("120 s");
    expect(within(widget).getByTestId("ss-output").textContent).toContain("CLOSE-WAIT");
    // (120 - 2) s at 1 connection/s, 1 in 4 leaks
    expect(within(widget).getByTestId("netstat-output").textContent).toContain("CLOSE_WAIT 29");

    fireEvent.click(within(widget).getByRole("radio", { name: /^Line 12:/ }));
    fireEvent.click(within(widget).getByRole("button", { name: "This line leaks" }));
    expect(within(widget).getByTestId("line-verdict").textContent).toMatch(/happy path/);
    expect((within(widget).getByTestId("deploy-fix") as HTMLButtonElement).disabled).toBe(true);

    fireEvent.click(within(widget).getByRole("radio", { name: /^Line 8:/ }));
    fireEvent.click(within(widget).getByRole("button", { name: "This line leaks" }));
    expect(within(widget).getByTestId("line-verdict").textContent).toMatch(/Found it/);
    fireEvent.click(within(widget).getByTestId("deploy-fix"));
    fireEvent.click(within(widget).getByRole("button", { name: "+10 s" }));
    expect(within(widget).getByTestId("netstat-output").textContent).not.toContain("CLOSE_WAIT");
    expect(within(widget).getByTestId("close-wait-count").textContent).toMatch(/fix was deployed at 120 s/);
    expect(within(widget).getByTestId("peer-view").textContent).toMatch(/RSTs sent to the server so far: \d+/);
    expect(window.location.hash).toMatch(/close-wait=/);
  });

  it("keeps the diagnosis and the leaking line hidden until a guess or a deliberate give-up", () => {
    render(<CloseWaitDebugger />);
    const widget = screen.getByRole("region", { name: "CLOSE-WAIT debugger" });
    fireEvent.click(within(widget).getByRole("button", { name: "+60 s" }));
    expect(within(widget).getByTestId("close-wait-count").textContent).toMatch(/^\d+ sockets in CLOSE-WAIT\.$/);
    expect(widget.textContent).not.toMatch(/never called close\(\)|Found it|This is the leak/);
    expect((within(widget).getByTestId("deploy-fix") as HTMLButtonElement).disabled).toBe(true);

    fireEvent.click(within(widget).getByRole("button", { name: "Give up: show the leaking line" }));
    expect(within(widget).getByTestId("line-verdict").textContent).toMatch(/^Line 8: This is the leak/);
    expect((within(widget).getByRole("radio", { name: /^Line 8:/ }) as HTMLInputElement).checked).toBe(true);
    expect(within(widget).getByTestId("close-wait-count").textContent).toMatch(/never called close\(\)/);
    expect((within(widget).getByTestId("deploy-fix") as HTMLButtonElement).disabled).toBe(false);
    expect(within(widget).queryByRole("button", { name: "Give up: show the leaking line" })).toBeNull();
  });
});
