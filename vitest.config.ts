import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // `server-only` throws outside a React Server Components bundle; tests run
      // server modules directly, which is exactly where they belong.
      "server-only": path.resolve(import.meta.dirname, "tests/support/server-only.ts"),
    },
  },
  test: {
    include: [
      "tests/unit/**/*.test.{ts,tsx}",
      "tests/integration/**/*.test.{ts,tsx}",
      "tests/conformance/**/*.test.{ts,tsx}",
    ],
    environment: "node",
    globalSetup: ["tests/support/globalSetup.ts"],
    pool: "forks",
    testTimeout: 20_000,
  },
});
