// Join codes: short, typed by people from a projector or a chat message, so
// the alphabet leaves out characters that read alike (0/O, 1/I/L) and the
// code is drawn from a cryptographic source so it cannot be predicted.
// 8 characters from 31 give 31^8 ≈ 8.5e11 codes; with the join rate limit
// (lib/http/classRequests.ts) guessing a live one is hopeless.

export const JOIN_CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
export const JOIN_CODE_LENGTH = 8;

/** A fresh code. `randomBytes` is injectable for tests; it defaults to Web Crypto. */
export function generateJoinCode(randomBytes: (n: number) => Uint8Array = (n) => crypto.getRandomValues(new Uint8Array(n))): string {
  let code = "";
  // Rejection sampling: bytes >= 248 (8 × 31) are dropped so every character is equally likely.
  const limit = 256 - (256 % JOIN_CODE_ALPHABET.length);
  while (code.length < JOIN_CODE_LENGTH) {
    for (const byte of randomBytes(JOIN_CODE_LENGTH * 2)) {
      if (byte >= limit) continue;
      code += JOIN_CODE_ALPHABET[byte % JOIN_CODE_ALPHABET.length];
      if (code.length === JOIN_CODE_LENGTH) break;
    }
  }
  return code;
}

/**
 * What a person typed, as a code: case, spaces and dashes do not matter. A
 * character outside the alphabet (0, O, 1, I, L, punctuation) means it is not
 * a code: null, and nothing is looked up.
 */
export function normalizeJoinCode(input: string): string | null {
  if (input.length > 64) return null;
  const code = input.toUpperCase().replace(/[\s-]/g, "");
  if (code.length !== JOIN_CODE_LENGTH) return null;
  for (const ch of code) if (!JOIN_CODE_ALPHABET.includes(ch)) return null;
  return code;
}

/** Shown as two groups of four, easier to read aloud: "ABCD-EFGH". */
export function displayJoinCode(code: string): string {
  return code.length === JOIN_CODE_LENGTH ? `${code.slice(0, 4)}-${code.slice(4)}` : code;
}
