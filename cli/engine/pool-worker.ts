// A lint worker: one ESLint per thread, fed chunks of files by cli/engine/pool.ts.
import { parentPort, workerData } from "node:worker_threads";
import { ESLint } from "eslint";
import { engineOptions } from "./eslint-config.js";
import type { EngineSettings } from "./eslint-options.js";
import { lintEach } from "./lint-files.js";

export interface ChunkRequest {
  id: number;
  files: string[];
}

export type ChunkReply = { id: number; results: ESLint.LintResult[] } | { id: number; error: string };

const eslint = new ESLint(await engineOptions({ ...(workerData as EngineSettings), concurrency: "off" }));

parentPort!.on("message", (req: ChunkRequest) => {
  lintEach(eslint, req.files).then(
    (results) => parentPort!.postMessage({ id: req.id, results } satisfies ChunkReply),
    (error: unknown) =>
      parentPort!.postMessage({ id: req.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies ChunkReply),
  );
});
