// npm run bench: exp-lint against tree-sitter parse-only on a generated corpus.
import { execFileSync, spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { corpusFiles, writeCorpus } from "./corpus.js";

const COUNT = Number(process.env.BENCH_FILES ?? 2000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const dir = fileURLToPath(new URL("../../bench/.corpus/", import.meta.url));
const measure = fileURLToPath(new URL("./measure.js", import.meta.url));
const bin = fileURLToPath(new URL("../cli/bin.js", import.meta.url));
const cliCache = fileURLToPath(new URL("../../bench/.cli-eslintcache", import.meta.url));

interface Sample {
  mode: string;
  files: number;
  bytes: number;
  ms: number;
  cpuMs: number;
  findings: number;
  maxRssMiB: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const bytes = writeCorpus(dir, COUNT);
console.log(`corpus: ${COUNT} files, ${(bytes / 1048576).toFixed(1)} MiB, in ${dir}`);
console.log(`machine: ${availableParallelism()} cores, node ${process.version}; median of ${RUNS} runs\n`);

const modes = (process.env.BENCH_MODES ?? "parse,lint,lint2,cache").split(",").filter(Boolean);
const rows: { mode: string; ms: number; cpu: number; rss: number; findings: number }[] = [];
for (const mode of modes.filter((m) => !m.startsWith("cache"))) {
  const samples: Sample[] = [];
  for (let i = 0; i < RUNS; i++) {
    samples.push(JSON.parse(execFileSync(process.execPath, [measure, mode, dir], { encoding: "utf8", maxBuffer: 1 << 26 })) as Sample);
  }
  rows.push({ mode, ms: median(samples.map((s) => s.ms)), cpu: median(samples.map((s) => s.cpuMs)), rss: Math.max(...samples.map((s) => s.maxRssMiB)), findings: samples[0]!.findings });
}

if (rows.length) {
  const floor = rows[0]!.ms;
  const label: Record<string, string> = { parse: "tree-sitter parse only", lint: "exp-lint, 1 thread", lint2: "exp-lint, 2 workers" };
  const cpuFloor = rows[0]!.cpu;
  console.log("| run | wall ms | files/s | MB/s | peak RSS MiB | wall x parse-only | CPU ms | CPU x parse-only |");
  console.log("|---|---:|---:|---:|---:|---:|---:|---:|");
  for (const r of rows) {
    const s = r.ms / 1000;
    const cells = [label[r.mode], r.ms.toFixed(0), (COUNT / s).toFixed(0), (bytes / 1e6 / s).toFixed(2), r.rss.toFixed(0), (r.ms / floor).toFixed(2), r.cpu.toFixed(0), (r.cpu / cpuFloor).toFixed(2)];
    console.log(`| ${cells.join(" | ")} |`);
  }
  console.log("\nWall time is what a user waits; CPU time is steadier on a shared machine. Both exclude start-up (module loading).");
  console.log(`\nfindings reported: ${rows[1]!.findings}`);
}

// --cache: a cold run (no cache file) against a second run over the unchanged corpus, one thread each.
if (modes.includes("cache")) {
  const cold: number[] = [];
  const warm: number[] = [];
  let cachedFindings = 0;
  for (let i = 0; i < RUNS; i++) {
    cold.push((JSON.parse(execFileSync(process.execPath, [measure, "cache-cold", dir], { encoding: "utf8" })) as Sample).ms);
    const w = JSON.parse(execFileSync(process.execPath, [measure, "cache-warm", dir], { encoding: "utf8" })) as Sample;
    warm.push(w.ms);
    cachedFindings = w.findings;
  }
  // The same comparison as a user sees it: the whole CLI, start-up included.
  const cli = (args: string[]) => {
    const start = performance.now();
    const r = spawnSync(process.execPath, [bin, "--cache", "--cache-location", cliCache, "--concurrency", "off", "-f", "json", ...args], { maxBuffer: 1 << 28, encoding: "utf8" });
    // Exit 1 means findings; anything else means the run did not happen as measured.
    if (r.status !== 1 || (JSON.parse(r.stdout) as unknown[]).length !== COUNT) throw new Error(`exp-lint exited ${r.status}: ${r.stderr}`);
    return performance.now() - start;
  };
  // The corpus folder is git-ignored, which the CLI honours, so its files are named one by one.
  const files = corpusFiles(dir);
  const cliCold: number[] = [];
  const cliWarm: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    rmSync(cliCache, { force: true });
    cliCold.push(cli(files));
    cliWarm.push(cli(files));
  }
  console.log("\n| --cache | first run ms | cached second run ms | ratio |");
  console.log("|---|---:|---:|---:|");
  console.log(`| lint only (engine) | ${median(cold).toFixed(0)} | ${median(warm).toFixed(0)} | ${(median(cold) / median(warm)).toFixed(1)}x |`);
  console.log(`| whole CLI, start-up included | ${median(cliCold).toFixed(0)} | ${median(cliWarm).toFixed(0)} | ${(median(cliCold) / median(cliWarm)).toFixed(1)}x |`);
  console.log(`\nfindings from the cache: ${cachedFindings}; target: the cached run at least 5x faster.`);
  rmSync(cliCache, { force: true });
}
