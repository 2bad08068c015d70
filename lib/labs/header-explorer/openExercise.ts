// The lesson's exercises show header bytes and ask what is in them; the
// explorer would print the answer. So it will not decode bytes that are an
// unsolved exercise's material on the same page: a learner reads those by hand.
import { decodePastedSegment } from "@/lib/wire/pasted";
import { encodeTcpHeader } from "@/lib/wire/tcpHeader";

function segmentHex(text: string): string | null {
  const decoded = decodePastedSegment(text);
  if (!decoded.ok) return null;
  return Array.from(encodeTcpHeader(decoded.header, decoded.payload), (b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * True when the pasted text decodes to the same TCP segment as one of the
 * open exercises' materials, however it was written (spacing, offsets, an IPv4
 * header in front).
 */
export function isOpenExerciseSegment(pasted: string, openMaterials: readonly string[]): boolean {
  if (openMaterials.length === 0) return false;
  const mine = segmentHex(pasted);
  if (mine === null) return false;
  return openMaterials.some((material) => segmentHex(material) === mine);
}

export const OPEN_EXERCISE_REFUSAL =
  "These are the bytes of an exercise on this page that you have not solved yet, so the explorer will not decode them for you. Read them by hand, the way the worked example does (two hex digits per byte, counting from byte 0); once the exercise is solved, paste them here to see every field.";
