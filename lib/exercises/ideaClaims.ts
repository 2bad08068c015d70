// "I did say this": a learner may claim a key idea the free-text grader
// reported missing in one of their own attempts. Only such ideas can be
// claimed; the claim is stored beside the grade, which it does not change.
import "server-only";
import { findOwnAttempt, recordIdeaClaim } from "@/lib/db/attempts";
import type { Feedback } from "./types";

export type ClaimOutcome = { status: "claimed"; claims: string[] } | { status: "unknown-attempt" } | { status: "not-missing" };

export async function claimIdea(learnerId: string, attemptId: string, ideaId: string): Promise<ClaimOutcome> {
  const attempt = await findOwnAttempt(learnerId, attemptId);
  if (!attempt) return { status: "unknown-attempt" };
  const items = (attempt.feedback as Feedback).items ?? [];
  const missing = items.some((item) => item.idea?.id === ideaId && item.idea.status === "missing");
  if (!missing) return { status: "not-missing" };
  await recordIdeaClaim(attemptId, ideaId);
  return { status: "claimed", claims: [...new Set([...attempt.claims, ideaId])] };
}
