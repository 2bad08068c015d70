// MDX allows ESM `import` and `export` lines. Lessons may not use them: a
// lesson that imported an exercise definition would ship its answers to the
// browser. Components come only from the lesson component map.

/** 1-based line numbers of top-level import/export statements (outside fenced code). */
export function findImportsInMdx(source: string): number[] {
  const lines = source.split("\n");
  const found: number[] = [];
  let fence: string | null = null;
  for (const [index, line] of lines.entries()) {
    const opening = /^\s*(`{3,}|~{3,})/.exec(line);
    if (opening) {
      if (fence === null) fence = opening[1]![0]!;
      else if (opening[1]![0] === fence) fence = null;
      continue;
    }
    if (fence === null && /^(import|export)\s/.test(line)) found.push(index + 1);
  }
  return found;
}
