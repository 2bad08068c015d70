// Run by tests/e2e/gradebook.spec.ts with `node --conditions=react-server
// --import tsx` against the end-to-end database, for what the browser cannot
// do or know: make an account an instructor (as `npm run user:role` does),
// and give a right and a wrong answer for an exercise's variant (the answers
// live only on the server). Prints one line of JSON.
//   role <email>                  -> {"ok":true}
//   answers <exerciseId> <seed>   -> {"right": ..., "wrong": ...}
import { setRole } from "@/lib/db/accounts";
import { findExercise } from "@/lib/exercises/catalog";

const [command, a, b] = process.argv.slice(2);
if (command === "role" && a) {
  if (!(await setRole(a, "instructor"))) throw new Error(`no account ${a}`);
  console.log(JSON.stringify({ ok: true }));
} else if (command === "answers" && a && b) {
  const exercise = findExercise(a);
  if (!exercise) throw new Error(`no exercise ${a}`);
  const seed = Number(b);
  console.log(JSON.stringify({ right: exercise.correctAnswer(seed), wrong: exercise.testAnswers.incorrect(seed)[0]!.answer }));
} else {
  console.error("usage: gradebookHelper.ts role <email> | answers <exerciseId> <seed>");
  process.exit(2);
}
