// @vitest-environment jsdom
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { HeaderExplorer } from "@/lib/widgets/HeaderExplorer";
import { parseHex } from "@/lib/wire/hex";
import { decodeTcpHeader } from "@/lib/wire/tcpHeader";
import { REAL_LINUX_SYN_TCP } from "@/lib/wire/realSyn";
import { diagramCells, neighbor, rowCount } from "@/lib/labs/header-explorer/diagram";
import { selectionDetails } from "@/lib/labs/header-explorer/describe";

afterEach(() => {
  cleanup();
  // The explorer writes its header into the URL hash; each test starts from a clean URL.
  window.history.replaceState(null, "", "/");
});

// `tcpdump -n -S -x -r client-active-close.pcap`, packet 2: the server's SYN-ACK.
const SYN_ACK_DUMP = `11:38:07.319000 IP 10.200.0.2.5000 > 10.200.0.1.40001: Flags [S.], seq 3533869825, ack 2691279158, win 65160, options [mss 1460,sackOK,TS val 4003626232 ecr 2223129839,nop,wscale 10], length 0
\t0x0000:  4500 003c 0000 4000 4006 252a 0ac8 0002
\t0x0010:  0ac8 0001 1388 9c41 d2a2 9301 a069 a936
\t0x0020:  a012 fe88 15c1 0000 0204 05b4 0402 080a
\t0x0030:  eea2 7cf8 8482 44ef 0103 030a`;

function hexText(): string {
  return screen.getByTestId("header-hex").textContent ?? "";
}

/** The bytes currently shown in the hex view, read back with the same parser users paste into. */
function shownBytes(): number[] {
  const parsed = parseHex(hexText());
  if (!parsed.ok) throw new Error(parsed.error);
  return Array.from(parsed.bytes);
}

function paste(text: string) {
  fireEvent.change(screen.getByLabelText("Paste header bytes (hex or tcpdump -x output)"), { target: { value: text } });
  fireEvent.click(screen.getByRole("button", { name: "Decode" }));
}

function explorer() {
  render(<HeaderExplorer />);
  return screen.getByRole("region", { name: "TCP header explorer" });
}

describe("HeaderExplorer", () => {
  it("renders a labelled section that starts with the real Linux SYN", () => {
    const root = explorer();
    expect(root.tagName).toBe("SECTION");
    expect(root.dataset.widget).toBe("header-explorer");
    expect(hexText()).toBe(
      [
        "0x0000:  9c41 1388 a069 a935 0000 0000 a002 faf0",
        "0x0010:  15c1 0000 0204 05b4 0402 080a 8482 44ef",
        "0x0020:  0000 0000 0103 030a",
      ].join("\n"),
    );
    expect(screen.getByTestId("header-summary").textContent).toBe(
      "40001 > 5000: Flags [S], seq 2691279157, win 64240, options [mss 1460,sackOK,TS val 2223129839 ecr 0,nop,wscale 10], length 0",
    );
  });

  it("rewrites exactly bytes 8-11 of the hex when the acknowledgment number is edited", () => {
    explorer();
    const before = shownBytes();
    fireEvent.change(screen.getByLabelText("Acknowledgment number"), { target: { value: "16909060" } });
    const after = shownBytes();
    expect(after.slice(8, 12)).toEqual([0x01, 0x02, 0x03, 0x04]);
    expect([...after.slice(0, 8), ...after.slice(12)]).toEqual([...before.slice(0, 8), ...before.slice(12)]);
    expect(hexText().split("\n")[0]).toBe("0x0000:  9c41 1388 a069 a935 0102 0304 a002 faf0");
  });

  it("shows an inline error and keeps the bytes when a value is out of range", () => {
    explorer();
    const before = hexText();
    const input = screen.getByLabelText("Acknowledgment number");
    fireEvent.change(input, { target: { value: "4294967296" } });
    expect(input.getAttribute("aria-invalid")).toBe("true");
    const describedBy = input.getAttribute("aria-describedby") ?? "";
    expect(document.getElementById(describedBy)?.textContent).toBe(
      "Acknowledgment number must be a whole number from 0 to 4294967295 (32 bits); got 4294967296. The header keeps 0.",
    );
    expect(hexText()).toBe(before);
    fireEvent.change(input, { target: { value: "7" } });
    expect(input.getAttribute("aria-invalid")).toBeNull();
    expect(shownBytes().slice(8, 12)).toEqual([0, 0, 0, 7]);
  });

  it("sets the ACK bit of byte 13 when the ACK flag is toggled, and clears it again", () => {
    explorer();
    const ack = screen.getByLabelText(/^ACK \(/);
    fireEvent.click(ack);
    expect(shownBytes()[13]).toBe(0x12);
    expect(screen.getByTestId("header-summary").textContent).toMatch(/^40001 > 5000: Flags \[S\.\], seq 2691279157, ack 0,/);
    fireEvent.click(ack);
    expect(shownBytes()[13]).toBe(0x02);
  });

  it("shows the specific error for truncated bytes and keeps the current header", () => {
    explorer();
    const before = hexText();
    paste("9c41 1388 a069 a935 0000 0000 a0");
    expect(screen.getByRole("alert").textContent).toBe("truncated: a TCP header is at least 20 bytes, got 13");
    expect(hexText()).toBe(before);
  });

  it("says where a pasted token is not hex", () => {
    explorer();
    paste("9c41 13zz");
    expect(screen.getByRole("alert").textContent).toBe("column 6: '13zz' is not hex ('z' is not a hex digit; use 0-9 and a-f)");
  });

  it("decodes a pasted tcpdump -x dump, skipping the IPv4 header, into the fields", () => {
    explorer();
    paste(SYN_ACK_DUMP);
    expect(screen.queryByRole("alert")).toBeNull();
    expect(screen.getByTestId("decode-status").textContent).toMatch(/a 20-byte IPv4 header \(10\.200\.0\.2 → 10\.200\.0\.1, protocol 6 = TCP\)/);
    expect((screen.getByLabelText("Source port") as HTMLInputElement).value).toBe("5000");
    expect((screen.getByLabelText("Destination port") as HTMLInputElement).value).toBe("40001");
    expect((screen.getByLabelText("Sequence number") as HTMLInputElement).value).toBe("3533869825");
    expect((screen.getByLabelText("Acknowledgment number") as HTMLInputElement).value).toBe("2691279158");
    expect((screen.getByLabelText("Window") as HTMLInputElement).value).toBe("65160");
    expect((screen.getByLabelText(/^SYN \(/) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByLabelText(/^ACK \(/) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByLabelText(/^FIN \(/) as HTMLInputElement).checked).toBe(false);
    expect((screen.getByLabelText("TSecr (echoed timestamp)") as HTMLInputElement).value).toBe("2223129839");
    expect(shownBytes().slice(0, 4)).toEqual([0x13, 0x88, 0x9c, 0x41]);
  });

  it("explains the pasted SYN-ACK's checksum as offload and can write the correct one", () => {
    explorer();
    paste(SYN_ACK_DUMP);
    const status = screen.getByTestId("checksum-status");
    expect(status.textContent).toMatch(/Checksum 0x15c1 \(5569\) does not verify \(a finished one would be 0x9fb6 \(40886\)\)/);
    expect(status.textContent).toMatch(/checksum offload/);
    fireEvent.click(within(status).getByRole("button", { name: "Write the correct checksum" }));
    expect(screen.getByTestId("checksum-status").textContent).toMatch(/^Checksum 0x9fb6 \(40886\) verifies/);
    expect(shownBytes().slice(16, 18)).toEqual([0x9f, 0xb6]);
  });

  it("cannot check the checksum of bare TCP bytes and says why", () => {
    explorer();
    paste("9c41 1388 a069 a935 0000 0000 5002 faf0 0000 0000");
    expect(screen.getByTestId("checksum-status").textContent).toMatch(/cannot be checked from these bytes alone: it also covers a pseudo-header/);
    expect(screen.getByTestId("decode-status").textContent).toMatch(/starting at byte 0/);
  });

  it("shows a field's position, value and RFC citation when it is clicked", () => {
    explorer();
    fireEvent.click(screen.getByRole("button", { name: /^Window: 64240$/ }));
    const details = screen.getByTestId("field-details");
    expect(details.getAttribute("aria-live")).toBe("polite");
    expect(details.textContent).toContain("Window");
    expect(details.textContent).toContain("Bits 112–127 (16 bits), bytes 14–15");
    expect(details.textContent).toContain("64240 (0xfaf0)");
    expect(details.textContent).toContain("RFC 9293 §3.1; RFC 7323 §2.2");
  });

  it("moves between fields with the arrow keys, taking focus along", () => {
    explorer();
    const source = screen.getByRole("button", { name: /^Source port/ });
    source.focus();
    fireEvent.keyDown(source, { key: "ArrowRight" });
    const destination = screen.getByRole("button", { name: /^Destination port/ });
    expect(document.activeElement).toBe(destination);
    expect(destination.getAttribute("aria-pressed")).toBe("true");
    expect(screen.getByTestId("field-details").textContent).toContain("Destination port");
    fireEvent.keyDown(destination, { key: "ArrowDown" });
    expect(document.activeElement).toBe(screen.getByRole("button", { name: /^Sequence number/ }));
    fireEvent.keyDown(document.activeElement as Element, { key: "End" });
    expect(screen.getByTestId("field-details").textContent).toContain("Window scale");
  });

  it("shows options after byte 20 and shrinks the header when one is removed", () => {
    explorer();
    expect(screen.getByRole("button", { name: /^MSS: 1460$/ })).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Remove Timestamps option" }));
    const bytes = shownBytes();
    expect(bytes).toHaveLength(32);
    expect(bytes[12]! >> 4).toBe(8);
    expect(bytes.slice(20)).toEqual([2, 4, 0x05, 0xb4, 4, 2, 1, 3, 3, 10, 0, 0]);
    fireEvent.click(screen.getByRole("button", { name: "Add timestamps" }));
    expect(shownBytes()).toHaveLength(40);
    expect((screen.getByRole("button", { name: "Add timestamps" }) as HTMLButtonElement).disabled).toBe(true);
  });

  it("refuses a window scale shift above 14 inline", () => {
    explorer();
    const shift = screen.getByLabelText("Window scale shift count");
    fireEvent.change(shift, { target: { value: "15" } });
    expect(shift.getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByText("Window scale shift must be a whole number from 0 to 14 (RFC 7323 §2.3); got 15. The header keeps 10.")).toBeTruthy();
    expect(shownBytes().at(-1)).toBe(10);
  });

  it("loads the real Linux SYN again after other bytes were decoded", () => {
    explorer();
    paste(SYN_ACK_DUMP);
    fireEvent.click(screen.getByRole("button", { name: "Load a real Linux SYN" }));
    expect((screen.getByLabelText("Source port") as HTMLInputElement).value).toBe("40001");
    expect(screen.getByTestId("decode-status").textContent).toMatch(/the capture client-active-close/);
    const pcap = screen.getByRole("link", { name: "Download client-active-close.pcap" });
    expect(pcap.getAttribute("href")).toBe("/captures/client-active-close.pcap");
  });
});

describe("the diagram layout behind the widget", () => {
  // Pure helpers in lib/labs/header-explorer/diagram.ts, tested here because
  // they decide what the widget draws and where the arrow keys go.
  const realSyn = (() => {
    const decoded = decodeTcpHeader(REAL_LINUX_SYN_TCP);
    if (!decoded.ok) throw new Error(decoded.error);
    return decoded.header;
  })();
  const cells = diagramCells(realSyn);

  it("draws the real SYN's 40 bytes as 10 rows of 32 bits, with every row fully covered", () => {
    expect(rowCount(cells)).toBe(10);
    for (let row = 0; row < 10; row++) {
      const covered = cells.filter((c) => c.row === row).reduce((n, c) => n + c.span, 0);
      expect(covered).toBe(32);
    }
  });

  it("splits an option that crosses a row boundary into a button and continuation pieces", () => {
    const timestamps = cells.filter((c) => c.selection.type === "option" && c.selection.index === 2);
    expect(timestamps.map(({ row, col, span, primary }) => ({ row, col, span, primary }))).toEqual([
      { row: 6, col: 16, span: 16, primary: true },
      { row: 7, col: 0, span: 32, primary: false },
      { row: 8, col: 0, span: 32, primary: false },
    ]);
  });

  it("moves up and down to the field covering the same bit column", () => {
    expect(neighbor(cells, { type: "field", name: "window" }, "up")).toEqual({ type: "field", name: "ack" });
    expect(neighbor(cells, { type: "field", name: "flags.syn" }, "down")).toEqual({ type: "field", name: "checksum" });
    expect(neighbor(cells, { type: "field", name: "srcPort" }, "up")).toEqual({ type: "field", name: "srcPort" });
    expect(neighbor(cells, { type: "field", name: "srcPort" }, "left")).toEqual({ type: "field", name: "srcPort" });
  });

  it("names flag buttons by their state for screen readers", () => {
    expect(cells.find((c) => c.key === "field:flags.syn")?.spoken).toBe("SYN flag: set");
    expect(cells.find((c) => c.key === "field:flags.fin")?.spoken).toBe("FIN flag: clear");
  });
});

describe("the details panel's wording", () => {
  const realSyn = (() => {
    const decoded = decodeTcpHeader(REAL_LINUX_SYN_TCP);
    if (!decoded.ok) throw new Error(decoded.error);
    return decoded.header;
  })();

  it("locates a flag by bit, byte and mask", () => {
    expect(selectionDetails(realSyn, { type: "field", name: "flags.syn" })).toMatchObject({
      title: "SYN (synchronize sequence numbers)",
      position: "Bit 110, byte 13, bit 6 of that byte counting from its most significant bit (mask 0x02)",
      value: "set (1)",
    });
  });

  it("gives the data offset in words and bytes", () => {
    expect(selectionDetails(realSyn, { type: "field", name: "dataOffset" })).toMatchObject({
      position: "Bits 96–99 (4 bits), byte 12, its high 4 bits",
      value: "10 (0xa) = 40 bytes",
    });
  });

  it("describes an option by its kind and length on the wire", () => {
    expect(selectionDetails(realSyn, { type: "option", index: 0 })).toMatchObject({
      title: "Maximum segment size (MSS)",
      position: "Bits 160–191 (32 bits), bytes 20–23; kind 2, length 4",
      value: "mss 1460",
    });
  });
});

describe("HeaderExplorer links and log", () => {
  it("writes an edit into the URL hash and restores it from a shared link", () => {
    render(<HeaderExplorer />);
    const input = screen.getByLabelText("Acknowledgment number");
    fireEvent.change(input, { target: { value: "16909060" } });
    fireEvent.blur(input);
    expect(window.location.hash).toMatch(/^#header-explorer=/);
    expect(screen.getByTestId("event-log").textContent).toContain("Acknowledgment number set to 16909060");
    const shared = window.location.hash;
    cleanup();
    window.history.replaceState(null, "", `/${shared}`);
    render(<HeaderExplorer />);
    expect(screen.getByTestId("header-hex").textContent).toContain("0102 0304");
  });
});

describe("HeaderExplorer and the lesson around it", () => {
  // An unsolved exercise as the exercise form shows it: its bytes in a figure, until it is solved.
  const EXERCISE_BYTES = "0x0000:  01bb 9f3a 1c2d 3e4f 0a0b 0c0d 5018 ffff\n0x0010:  1234 0000";

  function openExercise(material: string) {
    const section = document.createElement("section");
    section.dataset.exercise = "header-bytes-ack-flags";
    section.innerHTML = `<figure><figcaption>TCP header bytes (hex)</figcaption><pre data-testid="exercise-material"></pre></figure>`;
    section.querySelector("pre")!.textContent = material;
    document.body.append(section);
    return section;
  }

  it("will not decode the bytes of an unsolved exercise on the page, however they are spaced, and decodes them once it is solved", () => {
    const exercise = openExercise(EXERCISE_BYTES);
    try {
      explorer();
      const before = hexText();
      paste("01bb9f3a 1c2d3e4f 0a0b0c0d 5018ffff 12340000");
      expect(screen.getByRole("alert").textContent).toMatch(/bytes of an exercise on this page that you have not solved yet/);
      expect(hexText()).toBe(before);
      expect((screen.getByLabelText("Acknowledgment number") as HTMLInputElement).value).toBe("0");
      // Other bytes still decode while the exercise is open.
      paste("01bb 9f3a 1c2d 3e4f 0a0b 0c0d 5010 ffff 1234 0000");
      expect(screen.queryByRole("alert")).toBeNull();
      // Solved: the form replaces the bytes with a solved card, and the explorer decodes them.
      exercise.remove();
      paste(EXERCISE_BYTES);
      expect(screen.queryByRole("alert")).toBeNull();
      expect((screen.getByLabelText("Acknowledgment number") as HTMLInputElement).value).toBe(String(0x0a0b0c0d));
    } finally {
      exercise.remove();
    }
  });

  it("writes the checksum as hex then decimal in the diagram, the details, the editor, the status and the log", () => {
    explorer();
    paste(SYN_ACK_DUMP);
    const root = screen.getByRole("region", { name: "TCP header explorer" });
    const cell = root.querySelector<HTMLButtonElement>('button[data-cell="field:checksum"]')!;
    expect(cell.textContent).toContain("0x15c1 (5569)");
    fireEvent.click(cell);
    expect(screen.getByTestId("field-details").textContent).toContain("0x15c1 (5569)");
    expect(screen.getByLabelText("Checksum").closest("div")!.parentElement!.textContent).toContain("0x15c1 (5569)");
    expect(screen.getByTestId("checksum-status").textContent).toContain("Checksum 0x15c1 (5569) does not verify");
    fireEvent.click(screen.getByRole("button", { name: "Write the correct checksum" }));
    expect(screen.getByTestId("event-log").textContent).toContain("Checksum set to 0x9fb6 (40886)");
    fireEvent.change(screen.getByLabelText("Checksum"), { target: { value: "4660" } });
    expect(screen.getByTestId("event-log").textContent).toContain("Checksum set to 0x1234 (4660)");
  });

  it("says which values a field takes when what was typed is not a number at all", () => {
    explorer();
    const input = screen.getByLabelText("Window");
    fireEvent.change(input, { target: { value: "" } });
    expect(input.getAttribute("aria-invalid")).toBe("true");
    expect(document.getElementById(input.getAttribute("aria-describedby")!)?.textContent).toBe(
      "Window: enter a number. Allowed: a whole number from 0 to 65535 (digits, or 0x for hex). The header keeps 64240.",
    );
  });
});
