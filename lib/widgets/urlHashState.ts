/**
 * Shareable widget state in the URL hash: `#<widget key>=<base64url JSON>`.
 * Several widgets can share one page, so the hash holds `key=value` pairs
 * joined by `&`, and each widget touches only its own key.
 */

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text: string): string | null {
  try {
    const b64 = text.replace(/-/g, "+").replace(/_/g, "/");
    const binary = atob(b64 + "=".repeat((4 - (b64.length % 4)) % 4));
    const bytes = Uint8Array.from(binary, (ch) => ch.charCodeAt(0));
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

export function encodeState(value: unknown): string {
  return toBase64Url(JSON.stringify(value));
}

/** The decoded JSON, or null for anything that is not valid base64url JSON. */
export function decodeState(text: string): unknown {
  const json = fromBase64Url(text);
  if (json === null) return null;
  try {
    return JSON.parse(json) as unknown;
  } catch {
    return null;
  }
}

function hashPairs(hash: string): Map<string, string> {
  const pairs = new Map<string, string>();
  for (const part of hash.replace(/^#/, "").split("&")) {
    if (part === "") continue;
    const eq = part.indexOf("=");
    if (eq > 0) pairs.set(part.slice(0, eq), part.slice(eq + 1));
  }
  return pairs;
}

/** Reads this widget's state from a hash string such as location.hash. */
export function readHashState(hash: string, key: string): unknown {
  const raw = hashPairs(hash).get(key);
  return raw === undefined ? null : decodeState(raw);
}

/** A new hash with this widget's key set (other widgets' keys kept). */
export function withHashState(hash: string, key: string, value: unknown): string {
  const pairs = hashPairs(hash);
  pairs.set(key, encodeState(value));
  return "#" + [...pairs].map(([k, v]) => `${k}=${v}`).join("&");
}

/** Writes the state into the address bar without adding a history entry. */
export function replaceHashState(key: string, value: unknown): string {
  const hash = withHashState(window.location.hash, key, value);
  const url = window.location.pathname + window.location.search + hash;
  window.history.replaceState(window.history.state, "", url);
  return window.location.href;
}
