import { Worker } from "node:worker_threads";
import type { ESLint } from "eslint";
import type { EngineSettings } from "./eslint-options.js";
import { lintEach } from "./lint-files.js";
import type { ChunkReply, ChunkRequest } from "./pool-worker.js";

// As the CLI's own thread (cli/bin.ts): the TypeScript parser recurses once per nesting level.
const STACK_MB = 64;

// Guided chunks: large while much is left (ESLint's per-call set-up and the message round trip
// stay negligible), small near the end so no thread waits long on the last one.
function chunkSize(remaining: number, threads: number): number {
  return Math.max(8, Math.min(100, Math.ceil(remaining / (threads * 4))));
}

/**
 * Lint files on `threads` threads, each pulling the next chunk when it is done:
 * this thread, with `local` (already loaded and warm, so one thread fewer to
 * start), and `threads - 1` workers. (ESLint's own `concurrency` hands out one
 * file at a time per thread and waits on every read.)
 */
export async function lintInPool(files: string[], threads: number, settings: EngineSettings, local: ESLint): Promise<ESLint.LintResult[]> {
  const chunks: string[][] = [];
  for (let i = 0; i < files.length; ) {
    const size = chunkSize(files.length - i, threads);
    chunks.push(files.slice(i, i + size));
    i += size;
  }
  const results: ESLint.LintResult[][] = new Array(chunks.length);
  let next = 0;
  const url = new URL("./pool-worker.js", import.meta.url);
  const workers = Array.from(
    { length: Math.min(threads - 1, chunks.length) },
    () => new Worker(url, { workerData: settings, resourceLimits: { stackSizeMb: STACK_MB } }),
  );
  const fromWorker = (worker: Worker) =>
    new Promise<void>((resolve, reject) => {
      let inFlight = 0;
      const feed = () => {
        if (next >= chunks.length) return inFlight === 0 ? resolve() : undefined;
        const id = next++;
        inFlight++;
        worker.postMessage({ id, files: chunks[id]! } satisfies ChunkRequest);
      };
      worker.on("message", (reply: ChunkReply) => {
        if ("error" in reply) return reject(new Error(reply.error));
        inFlight--;
        results[reply.id] = reply.results;
        feed();
      });
      worker.once("error", reject);
      worker.once("exit", (code) => (next < chunks.length || code !== 0 ? reject(new Error(`lint worker exited with code ${code}`)) : undefined));
      // Two chunks in flight: the worker has the next one queued while this thread is busy linting its own.
      feed();
      feed();
    });
  const here = async () => {
    while (next < chunks.length) {
      // Linting here never waits on I/O: yield once per chunk so the workers' replies (and their next chunks) get through.
      await new Promise((done) => setImmediate(done));
      if (next >= chunks.length) break;
      const id = next++;
      results[id] = await lintEach(local, chunks[id]!);
    }
  };
  try {
    await Promise.all([here(), ...workers.map(fromWorker)]);
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results.flat();
}
