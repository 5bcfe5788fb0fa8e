/**
 * When lints run. Linting is CPU work on this thread, so lints run one at a
 * time; a lint whose document changed again before its turn is dropped
 * (superseded), and a change waits `debounceMs` for the next keystroke.
 */

export interface Job<T> {
  /** Identifies what is linted (a document or a notebook). */
  key: string;
  /** The state being linted; a later version supersedes this one. */
  version: string;
  run: () => Promise<T>;
}

export class Superseded extends Error {
  constructor() {
    super("superseded by a newer version");
  }
}

export class Scheduler<T> {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** The newest version asked for, per key. */
  private readonly wanted = new Map<string, string>();
  /** The newest result (or lint in flight), per key. */
  private readonly results = new Map<string, { version: string; result: Promise<T> }>();
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly onError: (key: string, error: unknown) => void) {}

  /** Lint `job` after `delayMs` unless a newer version comes first; `then` gets the result if it is still current. */
  schedule(job: Job<T>, delayMs: number, then: (result: T) => void): void {
    this.wanted.set(job.key, job.version);
    clearTimeout(this.timers.get(job.key));
    const fire = () => {
      this.timers.delete(job.key);
      this.get(job).then(
        (result) => {
          if (this.wanted.get(job.key) === job.version) then(result);
        },
        (error: unknown) => {
          if (!(error instanceof Superseded)) this.onError(job.key, error);
        },
      );
    };
    if (delayMs <= 0) fire();
    else this.timers.set(job.key, setTimeout(fire, delayMs));
  }

  /** The result for this version: the one already computed or in flight, or a new lint queued now. */
  get(job: Job<T>): Promise<T> {
    const known = this.results.get(job.key);
    if (known?.version === job.version) return known.result;
    this.wanted.set(job.key, job.version);
    const result = this.queue.then(() => {
      // Superseded while waiting for its turn: not worth the CPU.
      if (this.wanted.get(job.key) !== job.version) throw new Superseded();
      return job.run();
    });
    this.queue = result.catch(() => undefined);
    this.results.set(job.key, { version: job.version, result });
    return result;
  }

  /** The newest finished or in-flight result for a key, whatever its version. */
  latest(key: string): Promise<T> | undefined {
    return this.results.get(key)?.result;
  }

  /** Forget a key (its document closed). */
  drop(key: string): void {
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.wanted.delete(key);
    this.results.delete(key);
  }

  get size(): number {
    return this.results.size;
  }
}
