/**
 * Helpers for scripts/measure-throughput.mjs, run with
 * `node --conditions=react-server --import tsx scripts/measure-fixtures.ts …`:
 *
 *   learners <exerciseId> <count> <first-option|correct>
 *     prints JSON [{ cookie, body }]: new guest learners (random ids, signed
 *     with the database's guest-id secret as the server would mint them) and, for each, a submission for their first variant:
 *     the first option offered (right or wrong, like a guessing learner) or the
 *     exercise's correct answer. No request to the server: the variant is
 *     derived exactly as the server derives it.
 *   count <exerciseId>
 *     prints the number of stored attempts of that exercise, read through
 *     lib/db (so it works on whichever database DATABASE_URL names).
 */
import { randomUUID } from "node:crypto";
import { findExercise } from "@/lib/exercises/catalog";
import { seedFor } from "@/lib/exercises/learnerVariant";
import { signLearnerId } from "@/lib/learner/anonymousLearner";
import { learnerIdSecret } from "@/lib/learner/secret";

const [command, exerciseId = "", countText, mode] = process.argv.slice(2);
const exercise = findExercise(exerciseId);
if (!exercise) throw new Error(`measure-fixtures: no exercise "${exerciseId}"`);

if (command === "learners") {
  // The server adopts only ids signed with its secret (decision record 0012).
  const secret = await learnerIdSecret();
  const learners = Array.from({ length: Number(countText) }, () => {
    const learnerId = randomUUID();
    const variantSeed = seedFor(learnerId, exercise.id, 0);
    let answer: unknown;
    if (mode === "correct") answer = exercise.correctAnswer(variantSeed);
    else {
      const input = exercise.publicVariant(variantSeed).inputs[0];
      if (input?.type !== "choices") throw new Error(`measure-fixtures: ${exercise.id} is not a choice exercise`);
      answer = { [input.name]: [input.options[0]!.value] };
    }
    return { cookie: `tcp_learner=${signLearnerId(learnerId, secret)}`, body: JSON.stringify({ variantSeed, answer }) };
  });
  process.stdout.write(JSON.stringify(learners));
} else if (command === "count") {
  const { countAttempts } = await import("@/lib/db/attempts");
  process.stdout.write(String(await countAttempts(exercise.id)));
} else {
  throw new Error(`measure-fixtures: unknown command "${command}"`);
}
