// What the learner sees of a question once they have answered it: the model
// answer, the wrong answers to avoid, the follow-ups, the sources and where to
// learn more. Never sent before the learner submits. Pure.
import type { InterviewQuestion } from "./question";

export type Link = { href: string; title: string };

export type QuestionLinks = {
  /** The lesson section that teaches it. */
  lesson: Link;
  /** The lesson section holding the simulator preset that shows it. */
  preset?: Link;
  /** The counterfactual that shows what breaks without the design. */
  whatIf?: Link;
};

export type QuestionReveal = {
  modelAnswer: string;
  wrongAnswers: { claim: string; whyWrong: string }[];
  followUps: string[];
  sources: string[];
  links: QuestionLinks;
};

export function revealOf(question: InterviewQuestion, links: QuestionLinks): QuestionReveal {
  return {
    modelAnswer: question.modelAnswer,
    wrongAnswers: question.wrongAnswers.map(({ claim, whyWrong }) => ({ claim, whyWrong })),
    followUps: [...question.followUps],
    sources: [...question.sources],
    links,
  };
}

/** The counterfactual sandbox's titles (/interview/what-if#<id>). */
export const WHAT_IF_TITLES: Record<NonNullable<InterviewQuestion["whatIf"]>, string> = {
  "two-way-handshake": "What if the handshake had two steps?",
  "no-time-wait": "What if there were no TIME-WAIT?",
  "isn-zero": "What if every connection started at sequence number 0?",
  "no-syn-cookies": "What if there were no SYN cookies?",
};

export function whatIfLink(id: NonNullable<InterviewQuestion["whatIf"]>): Link {
  return { href: `/interview/what-if#${id}`, title: WHAT_IF_TITLES[id] };
}

/**
 * The heading a simulator preset sits under in a lesson's MDX: the source up
 * to the `<SequenceSimulator preset="name" />` line, whose table of contents'
 * last entry is that section (rehype-slug numbers repeated headings in
 * document order, so the ids of a prefix are the ids of the whole).
 * Returns the cut source, or undefined when the lesson does not embed it.
 */
export function sourceBeforePreset(source: string, preset: string): string | undefined {
  const escaped = preset.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const match = new RegExp(`^.*<SequenceSimulator[^>]*preset=["']${escaped}["']`, "m").exec(source);
  return match ? source.slice(0, match.index) : undefined;
}
