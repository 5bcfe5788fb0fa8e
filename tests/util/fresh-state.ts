import { beforeAll } from "vitest";
import { projectIndex as builtIndex } from "../../dist/semantic/project.js";
import { projectIndex } from "../../semantic/project.js";

/**
 * Runs before each test file of the unit project, which shares a worker's modules between files
 * (vitest.config.ts, isolate: false). The project index is the one cache that outlives a lint run;
 * both copies (the sources vitest loads, the built CLI Node loads) start each file empty.
 */
beforeAll(() => {
  projectIndex.clear();
  builtIndex.clear();
});
