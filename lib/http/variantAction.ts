// The shape of a request that acts on the learner's current variant ("show a
// hint", "show solution"): a JSON body naming the variant, so a stale page
// cannot act on a variant the learner has moved past.
import type { NextRequest, NextResponse } from "next/server";
import { z } from "zod";
import type { VariantActionOutcome } from "@/lib/exercises/learnerVariant";
import { learnerPost } from "./learnerPost";

const variantActionSchema = z.object({ variantSeed: z.number().int().min(0).max(0xffffffff) });

export async function handleVariantAction(
  request: NextRequest,
  exerciseId: string,
  act: (learnerId: string, exerciseId: string, variantSeed: number) => Promise<VariantActionOutcome>,
): Promise<NextResponse> {
  const post = await learnerPost(request);
  if (!post.ok) return post.response;
  const { identity, reply } = post;
  const parsed = variantActionSchema.safeParse(post.body);
  if (!parsed.success) return reply({ message: "Say which variant: {\"variantSeed\": <the variant's seed>}." }, 400);
  const outcome = await act(identity.learnerId, exerciseId, parsed.data.variantSeed);
  switch (outcome.status) {
    case "unknown-exercise":
      return reply({ message: `There is no exercise with id "${exerciseId.slice(0, 80)}".` }, 404);
    case "stale-variant":
      return reply({ message: "This is no longer your current variant; reload the exercise.", currentVariantSeed: outcome.currentVariantSeed }, 409);
    case "ok":
      return reply(outcome.view, 200);
  }
}
