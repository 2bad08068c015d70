/**
 * npm run simulate -- path/to/scenario.json
 * Prints the scenario's trace as JSON (docs/scenario-format.md).
 * Bad input: one line on stderr naming the problem, exit code 2. Never a stack trace.
 */
import { readFileSync } from "node:fs";
import { parseScenario, simulate } from "../lib/tcp/index";

function die(msg: string): never {
  process.stderr.write(`${msg.replace(/\s*\n\s*/g, " ")}\n`);
  process.exit(2);
}

function main(): void {
  const file = process.argv.slice(2).find((a) => a !== "--");
  if (!file) die("usage: npm run simulate -- path/to/scenario.json");
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    die(`${file}: cannot read file${code === "ENOENT" ? ": no such file" : code === "EISDIR" ? ": is a directory" : code ? `: ${code}` : ""}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    die(`${file}: not valid JSON: ${(e as Error).message}`);
  }
  const parsed = parseScenario(json);
  if (!parsed.ok) die(`${file}: ${parsed.error}`);
  let out: string;
  try {
    out = JSON.stringify(simulate(parsed.scenario), null, 1);
  } catch (e) {
    die(`${file}: simulation failed: ${(e as Error).message}`);
  }
  process.stdout.write(`${out}\n`);
}

main();
