/**
 * `EXP_LINT_DEBUG=timing`: where a run's time went, from the process start to
 * the last byte of output, on stderr as one JSON line (`npm run bench` reads it
 * for its one-file breakdown). The parts are performance marks set along the
 * way. A worker thread's clock is the process's (same timeOrigin), and
 * performance.nodeTiming there tells when that thread's own bootstrap ended.
 */
export interface TimingOrigins {
  processStart: number;
  binStart: number;
  /** Whether the CLI ran on a thread of its own; else on the main thread, and threadStart is 0. */
  ownThread?: boolean;
  /** The process's CPU time (user + system, µs) when bin.ts began to run. */
  binCpu?: number;
}

export interface Timing {
  /** Node's own start-up, to the first line of bin.ts. */
  nodeStart: number;
  /** bin.ts, and starting the CLI's thread (a Node environment of its own), when it has one. */
  threadStart: number;
  /** Reading, compiling and evaluating the CLI's modules, tree-sitter's set-up excepted. */
  moduleLoad: number;
  /** Compiling the Python grammar and runtime (wasm). */
  treeSitterInit: number;
  /** Arguments, settings file, finding the files, building and validating the ESLint config (one thread). */
  config: number;
  /** ESLint's run over the files (with threads, their start and config too). */
  lint: number;
  /** Fixes, baseline, formatting and writing the report. */
  output: number;
}

const MARK = "exp-lint:";

export function reportTiming(debug: string | undefined, origins: TimingOrigins, write: (s: string) => void): void {
  if (!(debug ?? "").split(",").includes("timing")) return;
  const markOf = (name: string) => performance.getEntriesByName(`${MARK}${name}`, "mark").at(-1) as { startTime: number; detail?: unknown } | undefined;
  const at = (name: string) => {
    const mark = markOf(name);
    return mark ? performance.timeOrigin + mark.startTime : null;
  };
  // The whole process's CPU time at each mark (all threads, V8's background compiling and GC included), in ms.
  const cpuAt = (name: string) => {
    const used = markOf(name)?.detail as NodeJS.CpuUsage | undefined;
    return used ? (used.user + used.system) / 1000 : null;
  };
  const threadReady = origins.ownThread === false ? origins.binStart : performance.timeOrigin + performance.nodeTiming.bootstrapComplete;
  const loaded = at("loaded");
  const tsStart = at("tree-sitter:start");
  const tsEnd = at("tree-sitter:end");
  const lintStart = at("lint:start");
  const configEnd = at("config:end");
  const lintEnd = at("lint:end");
  const outputEnd = at("output:end");
  if (loaded === null || lintStart === null || lintEnd === null || outputEnd === null) return;
  const lintFrom = configEnd ?? lintStart;
  const treeSitterInit = tsStart !== null && tsEnd !== null ? tsEnd - tsStart : 0;
  const timing: Timing = {
    nodeStart: origins.binStart - origins.processStart,
    threadStart: threadReady - origins.binStart,
    moduleLoad: loaded - threadReady - treeSitterInit,
    treeSitterInit,
    config: lintFrom - loaded,
    lint: lintEnd - lintFrom,
    output: outputEnd - lintEnd,
  };
  const round = (parts: object) => Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, Math.round((v as number) * 10) / 10]));
  // On a shared machine wall time measures the neighbours too: the same steps in CPU time, when every mark has it.
  const cpu = cpuParts(
    origins.binCpu,
    cpuAt("loaded"),
    cpuAt("tree-sitter:start"),
    cpuAt("tree-sitter:end"),
    cpuAt("config:end") ?? cpuAt("lint:start"),
    cpuAt("lint:end"),
    cpuAt("output:end"),
  );
  write(`exp-lint: debug: timing ${JSON.stringify({ ...round(timing), ...(cpu ? { cpu: round(cpu) } : {}) })}\n`);
}

/** CPU ms per step: Node's start (to bin.ts), loading (thread start included), tree-sitter, config, lint, output. */
function cpuParts(
  binUs: number | undefined,
  loaded: number | null,
  tsStart: number | null,
  tsEnd: number | null,
  lintFrom: number | null,
  lintEnd: number | null,
  outputEnd: number | null,
) {
  if (binUs === undefined || loaded === null || lintFrom === null || lintEnd === null || outputEnd === null) return null;
  const bin = binUs / 1000;
  const treeSitterInit = tsStart !== null && tsEnd !== null ? tsEnd - tsStart : 0;
  return {
    nodeStart: bin,
    load: loaded - bin - treeSitterInit,
    treeSitterInit,
    config: lintFrom - loaded,
    lint: lintEnd - lintFrom,
    output: outputEnd - lintEnd,
  };
}
