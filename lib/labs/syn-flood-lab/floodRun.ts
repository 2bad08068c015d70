// One run of the SYN flood lab as a message exchange, so it can run in a Web
// Worker (lib/widgets/syn-flood-lab/floodWorker.ts) and on the main thread alike.
import type { LabControls } from "./controls";
import { runLab, type LabResult } from "./runLab";

/** Run these controls; `id` ties the reply to the request, so a stale reply is recognised. */
export type FloodRequest = { id: number; controls: LabControls };
/** Plain data (structured-clone safe): the result, or why the run failed. */
export type FloodReply = { id: number; ok: true; result: LabResult } | { id: number; ok: false; error: string };

export function runFloodRequest(request: FloodRequest): FloodReply {
  try {
    return { id: request.id, ok: true, result: runLab(request.controls) };
  } catch (error) {
    return { id: request.id, ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
