import { Worker } from "node:worker_threads";
import type { ESLint } from "eslint";
import type { EngineSettings } from "./eslint-options.js";
import type { ChunkReply, ChunkRequest } from "./pool-worker.js";

// As the CLI's own thread (cli/bin.ts): the TypeScript parser recurses once per nesting level.
const STACK_MB = 64;

// Small enough to balance the threads, large enough that
// ESLint's per-call set-up and the message round trip stay negligible.
function chunkSize(files: number, workers: number): number {
  return Math.max(8, Math.min(100, Math.ceil(files / (workers * 16))));
}

/**
 * Lint files on `workers` threads, each pulling the next chunk when it is done.
 * (ESLint's own `concurrency` reads one file at a time per thread and waits on
 * every read; here each chunk's reads overlap its parsing.)
 */
export async function lintInPool(files: string[], workers: number, settings: EngineSettings): Promise<ESLint.LintResult[]> {
  const size = chunkSize(files.length, workers);
  const chunks: string[][] = [];
  for (let i = 0; i < files.length; i += size) chunks.push(files.slice(i, i + size));
  const results: ESLint.LintResult[][] = new Array(chunks.length);
  let next = 0;
  const url = new URL("./pool-worker.js", import.meta.url);
  const threads = Array.from({ length: Math.min(workers, chunks.length) }, () => new Worker(url, { workerData: settings, resourceLimits: { stackSizeMb: STACK_MB } }));
  try {
    await Promise.all(
      threads.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const feed = () => {
              if (next >= chunks.length) return resolve();
              const id = next++;
              worker.postMessage({ id, files: chunks[id]! } satisfies ChunkRequest);
            };
            worker.on("message", (reply: ChunkReply) => {
              if ("error" in reply) return reject(new Error(reply.error));
              results[reply.id] = reply.results;
              feed();
            });
            worker.once("error", reject);
            worker.once("exit", (code) => (next < chunks.length || code !== 0 ? reject(new Error(`lint worker exited with code ${code}`)) : undefined));
            feed();
          }),
      ),
    );
  } finally {
    await Promise.all(threads.map((w) => w.terminate()));
  }
  return results.flat();
}
