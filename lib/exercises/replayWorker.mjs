// One thread of the replay pool (replayPool.ts): runs a simulator task's
// model over a learner's values, exactly the code the browser runs. Plain
// JavaScript so Node can start it as is, in `next start` and in tests alike;
// the TypeScript task models are loaded through tsx (a dependency), which
// also resolves the "@/" paths of tsconfig.json.
import { register } from "tsx/esm/api";

register();
const { taskModels } = await import("../labs/tasks/index.ts");

/** @param {{ task: string; values: Record<string, string | number> } | { warm: true }} job */
export default function replay(job) {
  // The pool's first job for each thread: the models above are loaded, nothing to run.
  if ("warm" in job) return null;
  const { task, values } = job;
  const model = taskModels[task];
  if (!model) throw new Error(`No simulator task "${task}"`);
  return model.run(values);
}
