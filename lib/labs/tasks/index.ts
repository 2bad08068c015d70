// The simulator tasks, by id: imported by the browser (to try them) and by the
// server (to replay and check them). No goal thresholds or answers live here.
import { serverTimeWaitTask } from "./serverTimeWait";
import { synFloodSysctlsTask } from "./synFloodSysctls";
import { peerVanishesKeepaliveTask } from "./peerVanishesKeepalive";
import type { TaskModel } from "./taskModel";

export const taskModels: Record<string, TaskModel> = {
  [serverTimeWaitTask.id]: serverTimeWaitTask,
  [synFloodSysctlsTask.id]: synFloodSysctlsTask,
  [peerVanishesKeepaliveTask.id]: peerVanishesKeepaliveTask,
};
