// The SYN flood lab's simulation, off the main thread. A 60 s flood at
// 10,000 SYN/s takes the simulator most of a second (several on a phone);
// run on the page's thread it blocked input and scrolling while the lesson
// loaded. This worker entry only wires messages to the pure runFloodRequest.
import { runFloodRequest, type FloodReply, type FloodRequest } from "../../labs/syn-flood-lab/floodRun";

const scope = self as unknown as { onmessage: ((event: MessageEvent<FloodRequest>) => void) | null; postMessage(message: FloodReply): void };

scope.onmessage = (event) => scope.postMessage(runFloodRequest(event.data));
