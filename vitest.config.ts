import { defineConfig } from "vitest/config";

/**
 * Two projects. `unit` (npm test) runs the CLI in process through main(argv, io)
 * (tests/util/cli.ts). `e2e` (npm run test:e2e) holds the few tests that need a
 * real process: the bin file, exit codes, pipes, the hook, the side-effect trap.
 * Budgets are generous: on a loaded machine a test is slow, not wrong; speed is
 * measured in bench/, never asserted here.
 */
const shared = {
  pool: "forks" as const,
  testTimeout: 300_000,
  hookTimeout: 300_000,
  globalSetup: ["tests/util/global-setup.ts"],
  // The built CLI (dist/) is loaded by Node itself, as users load it, not through vitest's transform.
  server: { deps: { external: [/\/dist\//u] } },
};

export default defineConfig({
  test: {
    projects: [
      { test: { ...shared, name: "unit", include: ["tests/**/*.test.ts"], exclude: ["tests/e2e/**"] } },
      { test: { ...shared, name: "e2e", include: ["tests/e2e/**/*.test.ts"] } },
    ],
  },
});
