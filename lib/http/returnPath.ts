// Where to go after signing in: only a path on this site ("/join/ABCD2345"),
// never another origin ("//evil.example", "https://...") or something odd.
export function safeReturnPath(value: string | null | undefined): string | null {
  if (!value || value.length > 200) return null;
  if (!value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return null;
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return null;
  return value;
}
