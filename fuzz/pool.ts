import { Worker } from "node:worker_threads";
import type { FuzzCase } from "./generators.js";
import type { Answer } from "./lint-worker.js";

export interface Outcome {
  violations: string[];
}

interface Slot {
  worker: Worker;
  busy: boolean;
}

/**
 * Lints fuzz cases on worker threads. A case that runs past `hangMs` counts
 * as a hang: its worker is terminated (which stops even a synchronous loop)
 * and replaced.
 */
export class LintPool {
  #slots: Slot[] = [];
  #waiting: (() => void)[] = [];
  #nextId = 0;

  constructor(
    readonly size: number,
    readonly hangMs: number,
  ) {
    for (let i = 0; i < size; i++) this.#slots.push({ worker: this.#spawn(), busy: false });
  }

  #spawn(): Worker {
    // Same stack as the CLI's thread (cli/bin.ts), so deep nesting behaves as it does for users.
    const w = new Worker(new URL("./lint-worker.js", import.meta.url), { resourceLimits: { stackSizeMb: 64 } });
    w.unref();
    return w;
  }

  async #acquire(): Promise<Slot> {
    for (;;) {
      const free = this.#slots.find((s) => !s.busy);
      if (free) {
        free.busy = true;
        return free;
      }
      await new Promise<void>((resolve) => this.#waiting.push(resolve));
    }
  }

  #release(slot: Slot): void {
    slot.busy = false;
    this.#waiting.shift()?.();
  }

  async run(c: FuzzCase): Promise<Outcome> {
    const slot = await this.#acquire();
    const id = this.#nextId++;
    try {
      return await new Promise<Outcome>((resolve) => {
        const timer = setTimeout(() => {
          cleanup();
          void slot.worker.terminate();
          slot.worker = this.#spawn();
          resolve({ violations: [`hang: no answer within ${this.hangMs} ms`] });
        }, this.hangMs);
        const onMessage = (a: Answer) => {
          if (a.id !== id) return;
          cleanup();
          resolve({ violations: a.violations });
        };
        const onError = (error: Error) => {
          cleanup();
          slot.worker = this.#spawn();
          resolve({ violations: [`worker died: ${error.stack ?? String(error)}`] });
        };
        const cleanup = () => {
          clearTimeout(timer);
          slot.worker.off("message", onMessage);
          slot.worker.off("error", onError);
        };
        slot.worker.on("message", onMessage);
        slot.worker.on("error", onError);
        slot.worker.postMessage({ id, name: c.name, bytes: c.bytes, ...(c.link ? { link: c.link } : {}) });
      });
    } finally {
      this.#release(slot);
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.#slots.map((s) => s.worker.terminate()));
  }
}
