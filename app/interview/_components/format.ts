// Small shared bits of the interview pages, usable from server and client components.
export const link = "font-medium text-blue-700 underline hover:no-underline dark:text-blue-300";

export function scoreLabel(score: number) {
  return `${Math.round(score * 100)}%`;
}
