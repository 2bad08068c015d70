// The repository stands alone: a user's clone has nothing beside it, so no
// source, script, test or content file may read or name a sibling folder.
import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";

const SIBLING = ["..", "shared"].join("/");

describe("the repository", () => {
  it("has no tracked file outside the docs that reads or names a folder beside the repository", () => {
    const tracked = execFileSync("git", ["ls-files", "-z"], { encoding: "utf8" }).split("\0").filter((file) => /\.(ts|tsx|mjs|js|json|mdx|py|sh)$|^\.ci\//.test(file));
    let offenders: string[] = [];
    try {
      offenders = execFileSync("git", ["grep", "-l", "-F", SIBLING, "--", ...tracked], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim().split("\n");
    } catch (error) {
      // git grep exits 1 when nothing matches.
      if ((error as { status?: number }).status !== 1) throw error;
    }
    expect(offenders).toEqual([]);
  });
});
