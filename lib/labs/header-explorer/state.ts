// The explorer's UI state and every way it changes, as a pure reducer.
// Protocol work is delegated to lib/wire (setField, addOption, decode...);
// this module only decides what the screen holds afterwards: which field is
// selected, which inputs hold a rejected draft and its message.

import { tcpChecksumIPv4 } from "@/lib/wire/checksum";
import { decodeBytes, decodePastedSegment, type DecodePastedResult, type IpAddresses } from "@/lib/wire/pasted";
import { REAL_LINUX_SYN_PACKET, REAL_LINUX_SYN_SOURCE } from "@/lib/wire/realSyn";
import {
  addOption,
  encodeTcpHeader,
  fieldSpec,
  MAX_WINDOW_SCALE_SHIFT,
  removeOption,
  setField,
  setOptionValue,
  type FieldName,
  type OptionValueKey,
  type TcpHeader,
  type TcpOption,
} from "@/lib/wire/tcpHeader";
import { diagramCells, neighbor, type Direction, type Selection } from "./diagram";
import { isOpenExerciseSegment, OPEN_EXERCISE_REFUSAL } from "./openExercise";

/** Text in an input that was refused, with the reason shown beside it. */
export interface Draft {
  text: string;
  error: string;
}

export type AddableKind = "mss" | "wscale" | "sackPermitted" | "timestamps";

/** What each Add button inserts: the values Linux sent in the real SYN. */
export const ADDABLE: Record<AddableKind, { label: string; option: TcpOption }> = {
  mss: { label: "Add MSS", option: { kind: "mss", value: 1460 } },
  sackPermitted: { label: "Add SACK-permitted", option: { kind: "sackPermitted" } },
  timestamps: { label: "Add timestamps", option: { kind: "timestamps", tsval: 2223129839, tsecr: 0 } },
  wscale: { label: "Add window scale", option: { kind: "wscale", shift: 10 } },
};

export interface ExplorerState {
  header: TcpHeader;
  payload: Uint8Array;
  /** Addresses from a pasted IPv4 header; without them the checksum cannot be checked. */
  ip: IpAddresses | null;
  selection: Selection;
  /** Inputs whose text was rejected, keyed by field name or "option:<index>:<key>". */
  drafts: Record<string, Draft>;
  optionError: string | null;
  pasteText: string;
  pasteError: string | null;
  notes: string[];
}

export type ExplorerAction =
  | { type: "select"; selection: Selection }
  | { type: "move"; direction: Direction }
  | { type: "setNumber"; name: FieldName; text: string }
  | { type: "setFlag"; name: FieldName; on: boolean }
  | { type: "setOptionValue"; index: number; key: OptionValueKey; text: string }
  | { type: "addOption"; kind: AddableKind }
  | { type: "removeOption"; index: number }
  | { type: "pasteText"; text: string }
  /** `openExercises`: the materials of the page's unsolved exercises, which are not decoded (see openExercise.ts). */
  | { type: "decode"; openExercises?: readonly string[] }
  | { type: "loadRealSyn" }
  | { type: "fixChecksum" };

const REAL_SYN_NOTE = `Loaded packet ${REAL_LINUX_SYN_SOURCE.packet} of the capture ${REAL_LINUX_SYN_SOURCE.capture} (download links below the paste box): the SYN a ${REAL_LINUX_SYN_SOURCE.kernel} client sent to open a connection.`;

function loaded(state: ExplorerState, decoded: Extract<DecodePastedResult, { ok: true }>, notes: string[]): ExplorerState {
  return {
    ...state,
    header: decoded.header,
    payload: decoded.payload,
    ip: decoded.ip,
    selection: { type: "field", name: "srcPort" },
    drafts: {},
    optionError: null,
    pasteError: null,
    notes,
  };
}

export function initialState(): ExplorerState {
  const decoded = decodeBytes(REAL_LINUX_SYN_PACKET);
  if (!decoded.ok) throw new Error(`the embedded real SYN does not decode: ${decoded.error}`);
  const empty: ExplorerState = {
    header: decoded.header,
    payload: decoded.payload,
    ip: null,
    selection: { type: "field", name: "srcPort" },
    drafts: {},
    optionError: null,
    pasteText: "",
    pasteError: null,
    notes: [],
  };
  return loaded(empty, decoded, [REAL_SYN_NOTE, ...decoded.notes]);
}

function withoutDraft(drafts: Record<string, Draft>, key: string): Record<string, Draft> {
  if (!(key in drafts)) return drafts;
  const { [key]: _removed, ...rest } = drafts;
  return rest;
}

/** Keep the selection pointing at something that still exists after options change. */
function validSelection(header: TcpHeader, selection: Selection): Selection {
  if (selection.type === "option" && selection.index >= header.options.length) {
    return header.options.length > 0 ? { type: "option", index: header.options.length - 1 } : { type: "field", name: "urgentPointer" };
  }
  return selection;
}

/** Option drafts are keyed by index, so any change to the option list clears them. */
function withoutOptionDrafts(drafts: Record<string, Draft>): Record<string, Draft> {
  return Object.fromEntries(Object.entries(drafts).filter(([key]) => !key.startsWith("option:")));
}

/** Every refusal says what the box accepts, not only what was wrong (a range error already does). */
function withAllowed(error: string, max: number): string {
  return /must be a whole number from/.test(error) ? `${error}.` : `${error}. Allowed: a whole number from 0 to ${max} (digits, or 0x for hex).`;
}

const OPTION_MAX: Record<OptionValueKey, number> = { value: 65535, shift: MAX_WINDOW_SCALE_SHIFT, tsval: 2 ** 32 - 1, tsecr: 2 ** 32 - 1 };

export function explorerReducer(state: ExplorerState, action: ExplorerAction): ExplorerState {
  switch (action.type) {
    case "select":
      return { ...state, selection: action.selection };
    case "move":
      return { ...state, selection: neighbor(diagramCells(state.header), state.selection, action.direction) };
    case "setNumber": {
      const result = setField(state.header, action.name, action.text);
      if (!result.ok) {
        const error = withAllowed(result.error, 2 ** fieldSpec(action.name).bitWidth - 1);
        return { ...state, selection: { type: "field", name: action.name }, drafts: { ...state.drafts, [action.name]: { text: action.text, error } } };
      }
      return { ...state, header: result.header, selection: { type: "field", name: action.name }, drafts: withoutDraft(state.drafts, action.name) };
    }
    case "setFlag": {
      const result = setField(state.header, action.name, action.on);
      if (!result.ok) return state;
      return { ...state, header: result.header, selection: { type: "field", name: action.name } };
    }
    case "setOptionValue": {
      const key = `option:${action.index}:${action.key}`;
      const result = setOptionValue(state.header, action.index, action.key, action.text);
      const selection: Selection = { type: "option", index: action.index };
      if (!result.ok) return { ...state, selection, drafts: { ...state.drafts, [key]: { text: action.text, error: withAllowed(result.error, OPTION_MAX[action.key]) } } };
      return { ...state, header: result.header, selection, drafts: withoutDraft(state.drafts, key) };
    }
    case "addOption": {
      const result = addOption(state.header, ADDABLE[action.kind].option);
      if (!result.ok) return { ...state, optionError: result.error };
      const index = result.header.options.findIndex((o) => o.kind === action.kind);
      return {
        ...state,
        header: result.header,
        optionError: null,
        drafts: withoutOptionDrafts(state.drafts),
        selection: index >= 0 ? { type: "option", index } : state.selection,
      };
    }
    case "removeOption": {
      const result = removeOption(state.header, action.index);
      if (!result.ok) return { ...state, optionError: result.error };
      return {
        ...state,
        header: result.header,
        optionError: null,
        drafts: withoutOptionDrafts(state.drafts),
        selection: validSelection(result.header, state.selection),
      };
    }
    case "pasteText":
      return { ...state, pasteText: action.text };
    case "decode": {
      if (isOpenExerciseSegment(state.pasteText, action.openExercises ?? [])) return { ...state, pasteError: OPEN_EXERCISE_REFUSAL, notes: [] };
      const decoded = decodePastedSegment(state.pasteText);
      // A failed decode leaves the loaded header untouched: the error explains, nothing is lost.
      if (!decoded.ok) return { ...state, pasteError: decoded.error };
      const notes = decoded.notes.length > 0 ? decoded.notes : ["Decoded the bytes as a TCP segment starting at byte 0."];
      return loaded(state, decoded, notes);
    }
    case "loadRealSyn": {
      const fresh = initialState();
      return { ...fresh, pasteText: state.pasteText };
    }
    case "fixChecksum": {
      if (!state.ip) return state;
      const segment = encodeTcpHeader(state.header, state.payload);
      const result = setField(state.header, "checksum", tcpChecksumIPv4(state.ip.src, state.ip.dst, segment));
      if (!result.ok) return state;
      return { ...state, header: result.header, drafts: withoutDraft(state.drafts, "checksum") };
    }
  }
}
