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

// These replace node:fs with vi.mock, which needs a fresh module graph: they run isolated.
const MOCKING_FS = ["tests/files.test.ts", "tests/hostile-input.test.ts", "tests/write-race.test.ts"];

export default defineConfig({
  test: {
    // Vitest's default is one worker fewer than the cores: on a 2-core machine, one, and the other core idles.
    maxWorkers: 2,
    // Whether a fork process is reused for the next test file is decided here, for every project at once: a
    // project's own `isolate: false` alone still started a process per file (~0.4 s of loading each).
    poolOptions: { forks: { isolate: false } },
    projects: [
      // Without isolation a worker loads ESLint, tree-sitter and the plugin once, not once per test file (most of the
      // suite's time was that). Per-file state the code keeps is reset before each file: tests/util/fresh-state.ts.
      {
        test: {
          ...shared,
          name: "unit",
          include: ["tests/**/*.test.ts"],
          exclude: ["tests/e2e/**", ...MOCKING_FS],
          isolate: false,
          setupFiles: ["tests/util/fresh-state.ts"],
        },
      },
      // Threads, so they are isolated from each other and from the forks above, which are shared (poolOptions).
      { test: { ...shared, pool: "threads" as const, name: "unit-isolated", include: MOCKING_FS } },
      { test: { ...shared, name: "e2e", include: ["tests/e2e/**/*.test.ts"] } },
    ],
  },
});
