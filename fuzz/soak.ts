import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { extname, join, resolve } from "node:path";
import fc from "fast-check";
import { cliBatch } from "./cli-batch.js";
import { caseOf, KINDS, type FuzzCase } from "./generators.js";
import { LintPool } from "./pool.js";

/**
 * `npm run fuzz`: a long soak over every file kind. Case i is generated from
 * seed + i alone, so a run can stop and resume where it left off (the state
 * file), and a failure is reproduced from its index. Every failing input is
 * saved beside the state with what it broke.
 *
 *   FUZZ_CASES=100000  cases in total (across kinds, round robin)
 *   FUZZ_JOBS=<cores>  worker threads
 *   FUZZ_SEED=1        base seed
 *   FUZZ_DIR=.fuzz     state and failures
 *   FUZZ_CLI_EVERY=2000  every this many cases, the last 40 also go through the real CLI (0: never)
 *   FUZZ_HANG_MS=30000   a case with no answer after this long is a hang
 */

const env = (k: string, d: number) => (process.env[k] ? Number(process.env[k]) : d);
const total = env("FUZZ_CASES", 100_000);
const jobs = env("FUZZ_JOBS", availableParallelism());
const seed = env("FUZZ_SEED", 1);
const cliEvery = env("FUZZ_CLI_EVERY", 2000);
const dir = resolve(process.env.FUZZ_DIR ?? ".fuzz");
const stateFile = join(dir, `state-${seed}.json`);
mkdirSync(join(dir, "failures"), { recursive: true });

interface State {
  seed: number;
  next: number;
  failures: number;
  byKind: Record<string, number>;
  cliBatches: number;
  cliFailures: number;
}

const state: State = existsSync(stateFile)
  ? (JSON.parse(readFileSync(stateFile, "utf8")) as State)
  : { seed, next: 0, failures: 0, byKind: {}, cliBatches: 0, cliFailures: 0 };

export function caseAt(base: number, i: number): FuzzCase {
  const kind = KINDS[i % KINDS.length]!;
  return fc.sample(caseOf(kind), { seed: (base * 1_000_003 + i) | 0, numRuns: 1 })[0]!;
}

function save(): void {
  writeFileSync(stateFile, `${JSON.stringify(state, null, 2)}\n`);
}

function record(i: number, c: FuzzCase, found: string[]): void {
  state.failures++;
  const stem = join(dir, "failures", `${seed}-${i}-${c.kind}`);
  writeFileSync(`${stem}${extname(c.name) || ".txt"}`, c.bytes);
  writeFileSync(`${stem}.violations.txt`, `${c.name}\n${found.join("\n")}\n`);
  process.stderr.write(`case ${i} (${c.kind}, ${c.name}): ${found[0]!.split("\n")[0]}\n`);
}

const pool = new LintPool(jobs, env("FUZZ_HANG_MS", 30_000));
const started = Date.now();
const recent: FuzzCase[] = [];
let i = state.next;
const inFlight = new Set<Promise<void>>();
while (i < total) {
  const index = i++;
  const c = caseAt(seed, index);
  recent.push(c);
  if (recent.length > 40) recent.shift();
  const p = pool.run(c).then((o) => {
    state.byKind[c.kind] = (state.byKind[c.kind] ?? 0) + 1;
    if (o.violations.length) record(index, c, o.violations);
  });
  inFlight.add(p);
  void p.finally(() => inFlight.delete(p));
  if (inFlight.size >= jobs * 2) await Promise.race(inFlight);
  if (index % 500 === 499) {
    await Promise.all(inFlight);
    state.next = i;
    save();
    process.stderr.write(`${i}/${total} cases, ${state.failures} failing, ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
  }
  if (cliEvery > 0 && index % cliEvery === cliEvery - 1) {
    await Promise.all(inFlight);
    const found = cliBatch([...recent]);
    state.cliBatches++;
    if (found.length) {
      state.cliFailures++;
      writeFileSync(join(dir, "failures", `${seed}-${index}-cli.txt`), `${found.join("\n")}\n`);
      process.stderr.write(`CLI batch ending at ${index}: ${found[0]}\n`);
    }
  }
}
await Promise.all(inFlight);
state.next = i;
save();
await pool.close();
process.stdout.write(`${JSON.stringify(state)}\n`);
process.exitCode = state.failures || state.cliFailures ? 1 : 0;
