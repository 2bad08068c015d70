// Every API route handler of the app, found on disk, so tests that must cover
// "every route" cannot miss one added later.
import fs from "node:fs";
import path from "node:path";
import type { NextRequest } from "next/server";

export type RouteHandler = (request: NextRequest, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
export type ApiRoute = { file: string; pattern: string; params: string[]; handlers: Partial<Record<string, RouteHandler>> };

const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"] as const;
export const STATE_CHANGING = ["POST", "PUT", "PATCH", "DELETE"];

function routeFiles(directory: string): string[] {
  return fs.readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === "route.ts" ? [full] : [];
  });
}

export async function loadApiRoutes(): Promise<ApiRoute[]> {
  const root = path.resolve(import.meta.dirname, "../../app");
  const routes: ApiRoute[] = [];
  for (const file of routeFiles(root).sort()) {
    const relative = path.relative(root, path.dirname(file)).split(path.sep);
    const module = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
    const handlers: ApiRoute["handlers"] = {};
    for (const method of METHODS) if (typeof module[method] === "function") handlers[method] = module[method] as RouteHandler;
    routes.push({
      file: path.relative(path.resolve(root, ".."), file),
      pattern: "/" + relative.join("/"),
      params: relative.filter((segment) => segment.startsWith("[")).map((segment) => segment.slice(1, -1)),
      handlers,
    });
  }
  return routes;
}

/** The pattern's URL path with each [param] filled in (already percent-encoded values). */
export function fillPath(pattern: string, values: Record<string, string>): string {
  return pattern.replace(/\[(\w+)\]/g, (_, name: string) => values[name] ?? "x");
}
