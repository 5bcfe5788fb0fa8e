// npm run bench: exp-lint against tree-sitter parse-only (the floor) and, when installed, Ruff and ast-grep.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { V8_DEFAULTS_ENV } from "../cli/engine/v8-flags.js";
import { corpusFiles, writeCorpus, writeProjectCorpus } from "./corpus.js";
import { astGrepBinary, hasGnuTime, resolvePeer, writeAstGrepProject } from "./peers.js";

const COUNT = Number(process.env.BENCH_FILES ?? 3000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const SCALES = (process.env.BENCH_SCALES ?? "1,2,4").split(",").map(Number);
const root = fileURLToPath(new URL("../../bench/.corpus/", import.meta.url));
const measure = fileURLToPath(new URL("./measure.js", import.meta.url));
const cli = fileURLToPath(new URL("../cli/bin.js", import.meta.url));

interface Row {
  label: string;
  ms: number;
  cpu: number | null;
  rss: number | null;
  findings: number | null;
}

// The corpus lives in a git-ignored dot folder, which ast-grep would skip.
const NO_IGNORE = ["hidden", "dot", "vcs", "parent"].flatMap((k) => ["--no-ignore", k]);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** One bench mode in a fresh process per run, so peak RSS belongs to that mode alone. */
function inProcess(label: string, mode: string, dir: string, runs = RUNS, env: NodeJS.ProcessEnv = process.env): Row {
  const samples: { ms: number; cpuMs: number; maxRssMiB: number; findings: number }[] = [];
  for (let i = 0; i < runs; i++)
    samples.push(
      JSON.parse(execFileSync(process.execPath, [measure, mode, dir], { env, encoding: "utf8", maxBuffer: 1 << 26, stdio: ["ignore", "pipe", "ignore"] })),
    );
  return {
    label,
    ms: median(samples.map((s) => s.ms)),
    cpu: median(samples.map((s) => s.cpuMs)),
    rss: Math.max(...samples.map((s) => s.maxRssMiB)),
    findings: samples[0]!.findings,
  };
}

/** A command-line tool, timed from outside; GNU time reads its peak RSS when present. */
function external(label: string, cmd: string, args: string[], runs = RUNS): Row {
  const times: number[] = [];
  let rss: number | null = null;
  let out = "";
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const [file, argv] = hasGnuTime ? ["/usr/bin/time", ["-f", "%M", cmd, ...args]] : [cmd, args];
    // Linters exit 1 on findings; spawnSync keeps stdout and stderr either way.
    const res = spawnSync(file, argv as string[], { encoding: "utf8", maxBuffer: 1 << 28, stdio: ["ignore", "pipe", "pipe"] });
    times.push(performance.now() - start);
    out = res.stdout;
    const kb = Number(/(\d+)\s*$/u.exec(res.stderr ?? "")?.[1]);
    if (hasGnuTime && Number.isFinite(kb)) rss = Math.max(rss ?? 0, kb / 1024);
  }
  const findings = out.trim() ? out.trim().split("\n").length : 0;
  return { label, ms: median(times), cpu: null, rss, findings };
}

const PARTS = ["nodeStart", "threadStart", "moduleLoad", "treeSitterInit", "config", "lint", "output"] as const;
/** The same steps in the process's CPU time (cli/timing.ts); loading includes the thread's start when there is one. */
const CPU_PARTS = ["nodeStart", "load", "treeSitterInit", "config", "lint", "output"] as const;

/** The one-file run `runs` times: median of each part, of the outside wall time, and of user+sys CPU (GNU time). */
function oneFileTable(file: string, runs: number): string {
  const parts: Record<string, number[]> = Object.fromEntries(
    [...PARTS, ...CPU_PARTS.map((k) => `cpu.${k}`), "exit", "total", "cpu", "rss"].map((k) => [k, []]),
  );
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const [cmd, argv] = hasGnuTime
      ? ["/usr/bin/time", ["-f", "%U %S %M", process.execPath, cli, "--no-color", file]]
      : [process.execPath, [cli, "--no-color", file]];
    const res = spawnSync(cmd, argv as string[], { encoding: "utf8", env: { ...process.env, EXP_LINT_DEBUG: "timing" }, stdio: ["ignore", "ignore", "pipe"] });
    const total = performance.now() - start;
    const timing = JSON.parse(/timing (\{.*\})/u.exec(res.stderr)?.[1] ?? "{}") as Record<string, number> & { cpu?: Record<string, number> };
    for (const k of PARTS) parts[k]!.push(timing[k] ?? Number.NaN);
    for (const k of CPU_PARTS) parts[`cpu.${k}`]!.push(timing.cpu?.[k] ?? Number.NaN);
    parts.exit!.push(total - PARTS.reduce((n, k) => n + (timing[k] ?? 0), 0));
    parts.total!.push(total);
    const rusage = /(\d+\.\d+) (\d+\.\d+) (\d+)\s*$/u.exec(res.stderr);
    if (rusage) {
      parts.cpu!.push((Number(rusage[1]) + Number(rusage[2])) * 1000);
      parts.rss!.push(Number(rusage[3]) / 1024);
    }
  }
  const med = (k: string) => (parts[k]!.length ? median(parts[k]!).toFixed(0) : "n/a");
  const head = [...PARTS, "exec+exit", "total wall", "CPU user+sys", "peak RSS MiB"];
  const cells = [...PARTS.map(med), med("exit"), med("total"), med("cpu"), med("rss")];
  // CPU by step: what a loaded machine does not distort much. "exit" is what GNU time counts after the output.
  const cpuHead = [...CPU_PARTS, "after output", "CPU user+sys"];
  const cpuCells = [
    ...CPU_PARTS.map((k) => med(`cpu.${k}`)),
    parts.cpu!.length ? (median(parts.cpu!) - CPU_PARTS.reduce((n, k) => n + median(parts[`cpu.${k}`]!), 0)).toFixed(0) : "n/a",
    med("cpu"),
  ];
  return [
    `median of ${runs} runs, ms (target: 250 ms total wall on a quiet machine)`,
    "",
    `| ${head.join(" | ")} |`,
    `|${head.map(() => "---:").join("|")}|`,
    `| ${cells.join(" | ")} |`,
    "",
    "CPU time of the process by step (all threads), median ms",
    "",
    `| ${cpuHead.join(" | ")} |`,
    `|${cpuHead.map(() => "---:").join("|")}|`,
    `| ${cpuCells.join(" | ")} |`,
  ].join("\n");
}

function table(rows: Row[], floor: Row, files: number, bytes: number): void {
  console.log("| run | wall ms | files/s | MB/s | peak RSS MiB | wall x parse-only | CPU ms | findings |");
  console.log("|---|---:|---:|---:|---:|---:|---:|---:|");
  for (const r of rows) {
    const s = r.ms / 1000;
    const cells = [
      r.label,
      r.ms.toFixed(0),
      (files / s).toFixed(0),
      (bytes / 1e6 / s).toFixed(2),
      r.rss?.toFixed(0) ?? "n/a",
      (r.ms / floor.ms).toFixed(2),
      r.cpu?.toFixed(0) ?? "n/a",
      r.findings ?? "n/a",
    ];
    console.log(`| ${cells.join(" | ")} |`);
  }
}

// `npm run bench -- --only lsp`: the language server's latency alone (bench/lsp.ts).
if (process.argv.includes("--only")) {
  const only = process.argv[process.argv.indexOf("--only") + 1];
  if (only !== "lsp") throw new Error(`--only: unknown section ${only} (known: lsp)`);
  await import("./lsp.js");
  process.exit(0);
}

const cores = availableParallelism();
console.log(`machine: ${cores} cores, node ${process.version}; median of ${RUNS} runs; corpus of generated training scripts\n`);

// BENCH_ONLY=one-file: just the start-up breakdown (section 2), on one generated script.
if (process.env.BENCH_ONLY === "one-file") {
  const dir = join(root, "n1");
  writeCorpus(dir, 1);
  console.log(oneFileTable(corpusFiles(dir)[0]!, Math.max(RUNS, 5)));
  process.exit(0);
}

const base = join(root, `n${COUNT}`);
const bytes = writeCorpus(base, COUNT);

/** 1b. The project index: every script imports a module of its own project (cli/discovery/project-index.ts builds the index once). */
function indexSection(): void {
  const projectsDir = join(root, `p${COUNT}`);
  const projectBytes = writeCorpus(projectsDir, COUNT, 20261122, true);
  console.log(`\n## Project index: ${COUNT} scripts, each importing a module of its folder (40 folders)\n`);
  const projectParse = inProcess("tree-sitter parse only (floor)", "parse", projectsDir);
  const on = inProcess("exp-lint, 1 thread, index on (filled as files import)", "lint", projectsDir);
  const off = inProcess("exp-lint, 1 thread, index off (no project import resolves)", "lint-noindex", projectsDir);
  table([projectParse, on, off, inProcess("building the project index alone", "index", projectsDir)], projectParse, COUNT, projectBytes);
  const pct = (a: number | null, b: number | null) => (a !== null && b !== null ? `${((a / b - 1) * 100).toFixed(1)}%` : "n/a");
  console.log(`\nThe index costs ${pct(on.cpu, off.cpu)} CPU (${pct(on.ms, off.ms)} wall) on this corpus, index on against off; issue 12 allows 10%.`);
}

// BENCH_ONLY=index: just the project index's cost (section 1b).
if (process.env.BENCH_ONLY === "index") {
  indexSection();
  process.exit(0);
}

// 1. Everything on the base corpus.
console.log(`## ${COUNT} files, ${(bytes / 1048576).toFixed(1)} MiB\n`);
const parse = inProcess("tree-sitter parse only (floor)", "parse", base);
const rows = [parse, inProcess("exp-lint, 1 thread", "lint", base), inProcess("exp-lint, 2 threads", "lint2", base)];
// With worker threads the engine sets V8's tiering for short runs (cli/engine/v8-flags.ts); here against V8's own.
const v8Defaults = { ...process.env, [V8_DEFAULTS_ENV]: "1" };
rows.push(inProcess("exp-lint, 2 threads, V8's default tiering", "lint2", base, RUNS, v8Defaults));
if (resolvePeer("@astral-sh/ruff-wasm-nodejs")) {
  rows.push(inProcess("Ruff wasm, NPY002+S311 (1 thread)", "ruff", base), inProcess("Ruff wasm, default rules (1 thread)", "ruff-default", base));
} else console.log("(Ruff not installed: set BENCH_PEERS or install @astral-sh/ruff-wasm-nodejs to compare)");
const sg = astGrepBinary();
if (sg) {
  const config = writeAstGrepProject(mkdtempSync(join(tmpdir(), "exp-lint-sg-")));
  for (const j of [1, 2])
    rows.push(external(`ast-grep, 2 rules, ${j} thread${j > 1 ? "s" : ""}`, sg, ["scan", "-c", config, "-j", String(j), "--json=stream", ...NO_IGNORE, base]));
} else console.log("(ast-grep not installed: set BENCH_PEERS or install @ast-grep/cli to compare)");
table(rows, parse, COUNT, bytes);

indexSection();

// 1c. The second corpus, shaped like repositories (bench/corpus.ts writeProjectCorpus), and where each thread's time
// goes on it: ESLint's per-rule statistics, as multiples of its parse step (which includes the facts walk).
const repos = join(root, `repos${COUNT}`);
const repoBytes = writeProjectCorpus(repos, COUNT);
const repoCount = corpusFiles(repos).length;
console.log(`\n## Second corpus: ${repoCount} files in projects (scripts of 50-2,000 lines, notebooks, manifests), ${(repoBytes / 1048576).toFixed(1)} MiB\n`);
const repoParse = inProcess("tree-sitter parse only (floor)", "parse", repos);
table([repoParse, inProcess("exp-lint, 1 thread", "lint", repos), inProcess("exp-lint, 2 threads", "lint2", repos)], repoParse, repoCount, repoBytes);
const stats = JSON.parse(
  execFileSync(process.execPath, [measure, "rules", repos], { encoding: "utf8", maxBuffer: 1 << 26, stdio: ["ignore", "pipe", "ignore"] }),
) as { ms: number; parseMs: number; rules: Record<string, number> };
console.log("\nPer rule (ESLint's stats, one thread, wall ms; x = multiple of ESLint's parse step, facts walk included)\n");
console.log("| step | ms | x parse |\n|---|---:|---:|");
console.log(`| parse + facts (ESLint's parse step) | ${stats.parseMs.toFixed(0)} | 1.00 |`);
for (const [id, t] of Object.entries(stats.rules).sort((x, y) => y[1] - x[1])) console.log(`| ${id} | ${t.toFixed(0)} | ${(t / stats.parseMs).toFixed(2)} |`);
console.log("A rule's time includes the model answers it is the first to ask for (they are computed on demand and kept).");

// 2. One file, as pre-commit runs it: the whole CLI process, start-up included, broken down by the CLI itself
// (EXP_LINT_DEBUG=timing, cli/timing.ts). "exec+exit" is what only the outside clock sees: exec'ing the node
// binary before its clock starts, and the process's end.
console.log("\n## One file, whole process (pre-commit style)\n");
const one = corpusFiles(base)[0]!;
console.log(oneFileTable(one, Math.max(RUNS, 5)));

// 3. Growth with the corpus: the same script, 1x, 2x, 4x.
console.log("\n## Growth with corpus size (one run each)\n");
console.log("| files | MiB | parse-only ms | exp-lint 1 thread ms | ratio | exp-lint peak RSS MiB |");
console.log("|---:|---:|---:|---:|---:|---:|");
for (const k of SCALES) {
  const n = COUNT * k;
  const dir = join(root, `n${n}`);
  const b = k === 1 ? bytes : writeCorpus(dir, n);
  const p = k === 1 ? parse : inProcess("parse", "parse", dir, 1);
  const l = k === 1 ? rows[1]! : inProcess("lint", "lint", dir, 1);
  console.log(`| ${n} | ${(b / 1048576).toFixed(1)} | ${p.ms.toFixed(0)} | ${l.ms.toFixed(0)} | ${(l.ms / p.ms).toFixed(2)} | ${l.rss?.toFixed(0)} |`);
}
// 4. --cache: a first run without a cache file against a second over the unchanged corpus, one thread each.
console.log("\n## --cache, first run against a cached second run\n");
const cold: number[] = [];
const warm: number[] = [];
for (let i = 0; i < RUNS; i++) {
  cold.push(inProcess("cold", "cache-cold", base, 1).ms);
  warm.push(inProcess("warm", "cache-warm", base, 1).ms);
}
// The same as a user sees it: the whole CLI, start-up included. The corpus is git-ignored, so files are named one by one.
const cacheFile = join(mkdtempSync(join(tmpdir(), "exp-lint-cache-")), "cache");
const cliRun = () =>
  external("cli", process.execPath, [cli, "--cache", "--cache-location", cacheFile, "--concurrency", "off", "-f", "json", ...corpusFiles(base)], 1).ms;
const cliCold: number[] = [];
const cliWarm: number[] = [];
for (let i = 0; i < RUNS; i++) {
  rmSync(cacheFile, { force: true });
  cliCold.push(cliRun());
  cliWarm.push(cliRun());
}
console.log("| --cache | first run ms | cached second run ms | ratio |");
console.log("|---|---:|---:|---:|");
console.log(`| lint only (engine) | ${median(cold).toFixed(0)} | ${median(warm).toFixed(0)} | ${(median(cold) / median(warm)).toFixed(1)}x |`);
console.log(
  `| whole CLI, start-up included | ${median(cliCold).toFixed(0)} | ${median(cliWarm).toFixed(0)} | ${(median(cliCold) / median(cliWarm)).toFixed(1)}x |`,
);
console.log("target: the cached run at least 5x faster.");

console.log(
  "\nWall time is what a user waits; CPU time is steadier on a shared machine. In-process rows exclude start-up (module loading); external tools include it.",
);

// 5. The language server: diagnostics after a change.
await import("./lsp.js");
