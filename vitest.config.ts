import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts", "sdk/**/*.test.ts", "app/**/*.test.ts"],
    // EDR (Hardhat's in-process chain) is a native module: run test files in forked processes.
    pool: "forks",
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Browser flows poll the page after each write; a loaded 2-core machine can take longer than 1 s.
    expect: { poll: { timeout: 10_000 } },
  },
});
