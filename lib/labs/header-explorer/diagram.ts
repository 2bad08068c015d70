// Layout of the bit diagram, as data: which cell goes in which 32-bit row and
// columns, and which cell is next when the reader presses an arrow key.
// Pure (no React), so it is tested on its own and the component only draws it.

import {
  FIELD_LAYOUT,
  OPTION_INFO,
  describeOption,
  getField,
  optionLength,
  type FieldName,
  type TcpHeader,
} from "@/lib/wire/tcpHeader";
import { formatChecksum } from "./format";

export type Selection = { type: "field"; name: FieldName } | { type: "option"; index: number };

export type CellGroup = "port" | "sequence" | "length" | "flag" | "window" | "option" | "padding";

export interface DiagramCell {
  /** Stable key: "field:seq", "option:2", "option:2:1" for a continuation piece. */
  key: string;
  selection: Selection;
  /** 0-based row of 32 bits. */
  row: number;
  /** 0-based first bit column within the row. */
  col: number;
  /** Number of bit columns. */
  span: number;
  label: string;
  /** Current value as short text, shown under the label. */
  value: string;
  group: CellGroup;
  /** Only the first piece of a field is a button; continuation pieces of a long option are not. */
  primary: boolean;
  /** A flag that is set (to draw it filled). */
  on?: boolean;
  /** Accessible name of the cell's button: "Window: 64240", "SYN flag: set". */
  spoken: string;
}

export function selectionKey(selection: Selection): string {
  return selection.type === "field" ? `field:${selection.name}` : `option:${selection.index}`;
}

export function sameSelection(a: Selection, b: Selection): boolean {
  return selectionKey(a) === selectionKey(b);
}

const GROUP_OF: Record<string, CellGroup> = {
  srcPort: "port",
  dstPort: "port",
  seq: "sequence",
  ack: "sequence",
  dataOffset: "length",
  reserved: "length",
  window: "window",
  checksum: "window",
  urgentPointer: "window",
};

function optionLabel(header: TcpHeader, index: number): { label: string; value: string } {
  const option = header.options[index];
  if (!option) return { label: "", value: "" };
  switch (option.kind) {
    case "eol":
      return { label: "EOL", value: "0" };
    case "nop":
      return { label: "NOP", value: "1" };
    case "mss":
      return { label: "MSS", value: String(option.value) };
    case "wscale":
      return { label: "Window scale", value: `shift ${option.shift}` };
    case "sackPermitted":
      return { label: "SACK permitted", value: "" };
    case "sack":
      return { label: "SACK", value: `${option.blocks.length} block${option.blocks.length === 1 ? "" : "s"}` };
    case "timestamps":
      return { label: "Timestamps", value: `val ${option.tsval} ecr ${option.tsecr}` };
    case "unknown":
      return { label: `Kind ${option.type}`, value: describeOption(option) };
  }
}

/** Splits bit range [start, start + width) into pieces that each stay in one 32-bit row. */
function rowPieces(start: number, width: number): { row: number; col: number; span: number }[] {
  const pieces: { row: number; col: number; span: number }[] = [];
  let at = start;
  const end = start + width;
  while (at < end) {
    const row = Math.floor(at / 32);
    const rowEnd = Math.min(end, (row + 1) * 32);
    pieces.push({ row, col: at % 32, span: rowEnd - at });
    at = rowEnd;
  }
  return pieces;
}

/** Every cell of the diagram, row by row, left to right. */
export function diagramCells(header: TcpHeader): DiagramCell[] {
  const cells: DiagramCell[] = FIELD_LAYOUT.map((field) => {
    const value = getField(header, field.name);
    // The checksum in both bases, as everywhere in the explorer (formatChecksum).
    const shown = typeof value === "boolean" ? (value ? "1" : "0") : field.name === "checksum" ? formatChecksum(value) : String(value);
    return {
      key: `field:${field.name}`,
      selection: { type: "field", name: field.name },
      row: Math.floor(field.bitOffset / 32),
      col: field.bitOffset % 32,
      span: field.bitWidth,
      label: field.short,
      value: shown,
      group: field.kind === "flag" ? "flag" : (GROUP_OF[field.name] ?? "length"),
      primary: true,
      ...(field.kind === "flag" ? { on: value === true } : {}),
      spoken: typeof value === "boolean" ? `${field.short} flag: ${value ? "set" : "clear"}` : `${field.label}: ${shown}`,
    };
  });

  let byte = 20;
  header.options.forEach((option, index) => {
    const { label, value } = optionLabel(header, index);
    rowPieces(byte * 8, optionLength(option) * 8).forEach((piece, i) => {
      cells.push({
        key: i === 0 ? `option:${index}` : `option:${index}:${i}`,
        selection: { type: "option", index },
        ...piece,
        label: i === 0 ? label : `${label} (cont.)`,
        value: i === 0 ? value : "",
        group: "option",
        primary: i === 0,
        spoken: value === "" ? label : `${label}: ${value}`,
      });
    });
    byte += optionLength(option);
  });

  // Zero padding after EOL up to the data offset belongs, for selection, to the EOL.
  const headerEnd = header.dataOffset * 4;
  const eolIndex = header.options.findIndex((o) => o.kind === "eol");
  if (byte < headerEnd && eolIndex !== -1) {
    rowPieces(byte * 8, (headerEnd - byte) * 8).forEach((piece, i) => {
      cells.push({
        key: `padding:${i}`,
        selection: { type: "option", index: eolIndex },
        ...piece,
        label: "padding",
        value: "0",
        group: "padding",
        primary: false,
        spoken: "padding",
      });
    });
  }
  return cells;
}

export function rowCount(cells: DiagramCell[]): number {
  return cells.reduce((n, c) => Math.max(n, c.row + 1), 0);
}

export type Direction = "left" | "right" | "up" | "down" | "first" | "last";

/**
 * The selection an arrow key moves to. Left/right step through fields in wire
 * order; up/down go to the field in the row above/below that covers the same
 * bit column, as the eye would. At an edge the selection stays put.
 */
export function neighbor(cells: DiagramCell[], current: Selection, direction: Direction): Selection {
  const primaries = cells.filter((c) => c.primary);
  const index = primaries.findIndex((c) => sameSelection(c.selection, current));
  const here = primaries[index];
  if (!here) return primaries[0]?.selection ?? current;
  switch (direction) {
    case "first":
      return primaries[0]?.selection ?? current;
    case "last":
      return primaries.at(-1)?.selection ?? current;
    case "left":
      return primaries[index - 1]?.selection ?? current;
    case "right":
      return primaries[index + 1]?.selection ?? current;
    case "up":
    case "down": {
      const column = here.col + Math.floor(here.span / 2);
      const row = here.row + (direction === "up" ? -1 : 1);
      const target = cells.find((c) => c.row === row && c.col <= column && column < c.col + c.span);
      return target?.selection ?? current;
    }
  }
}

/** Bit and byte positions of a selection, for the details panel and hex highlighting. */
export function selectionBits(header: TcpHeader, selection: Selection): { bitOffset: number; bitWidth: number } | null {
  if (selection.type === "field") {
    const spec = FIELD_LAYOUT.find((f) => f.name === selection.name);
    return spec ? { bitOffset: spec.bitOffset, bitWidth: spec.bitWidth } : null;
  }
  let byte = 20;
  for (const [i, option] of header.options.entries()) {
    if (i === selection.index) {
      // The EOL stands for the padding after it too.
      const bytes = option.kind === "eol" ? header.dataOffset * 4 - byte : optionLength(option);
      return { bitOffset: byte * 8, bitWidth: bytes * 8 };
    }
    byte += optionLength(option);
  }
  return null;
}

export function optionName(header: TcpHeader, index: number): string {
  const option = header.options[index];
  if (!option) return "";
  return option.kind === "unknown" ? `Option kind ${option.type}` : OPTION_INFO[option.kind].name;
}
