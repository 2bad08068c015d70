// The explorer's event log in words: what the learner did and what came of it,
// for screen readers and for copying. Pure: (action, state before, state after).
import { fieldSpec, getField } from "@/lib/wire/tcpHeader";
import { formatChecksum } from "./format";
import type { ExplorerAction, ExplorerState } from "./state";

export function describeAction(action: ExplorerAction, before: ExplorerState, after: ExplorerState): string | null {
  switch (action.type) {
    case "select":
    case "move":
    case "pasteText":
      return null;
    case "setNumber": {
      const label = fieldSpec(action.name).label;
      if (after.header === before.header) return `${label}: "${action.text}" not applied (${after.drafts[action.name]?.error ?? "invalid value"})`;
      const value = getField(after.header, action.name);
      return `${label} set to ${action.name === "checksum" ? formatChecksum(Number(value)) : String(value)}`;
    }
    case "setFlag":
      return `${fieldSpec(action.name).label} ${action.on ? "set" : "cleared"}`;
    case "setOptionValue": {
      const option = after.header.options[action.index];
      if (after.header === before.header) return `Option ${action.index + 1} ${action.key}: "${action.text}" not applied`;
      return `Option ${action.index + 1} (${option?.kind ?? "?"}) ${action.key} set to ${action.text}`;
    }
    case "addOption":
      return after.header === before.header ? `Could not add ${action.kind}: ${after.optionError ?? "no room"}` : `Added option ${action.kind}`;
    case "removeOption":
      return `Removed option ${action.index + 1} (${before.header.options[action.index]?.kind ?? "?"})`;
    case "decode":
      return after.pasteError ? `Decode failed: ${after.pasteError}` : `Decoded pasted bytes: ${after.notes.join(" ")}`;
    case "loadRealSyn":
      return "Loaded the real Linux 6.18 SYN";
    case "fixChecksum":
      return after.header === before.header ? null : `Checksum set to ${formatChecksum(Number(getField(after.header, "checksum")))}`;
  }
}
