// npm run bench: exp-lint against tree-sitter parse-only on a generated corpus.
import { execFileSync } from "node:child_process";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { writeCorpus } from "./corpus.js";

const COUNT = Number(process.env.BENCH_FILES ?? 2000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const dir = fileURLToPath(new URL("../../bench/.corpus/", import.meta.url));
const measure = fileURLToPath(new URL("./measure.js", import.meta.url));

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

const modes = ["parse", "lint", "lint2"];
const rows: { mode: string; ms: number; cpu: number; rss: number; findings: number }[] = [];
for (const mode of modes) {
  const samples: Sample[] = [];
  for (let i = 0; i < RUNS; i++) {
    samples.push(JSON.parse(execFileSync(process.execPath, [measure, mode, dir], { encoding: "utf8", maxBuffer: 1 << 26 })) as Sample);
  }
  rows.push({ mode, ms: median(samples.map((s) => s.ms)), cpu: median(samples.map((s) => s.cpuMs)), rss: Math.max(...samples.map((s) => s.maxRssMiB)), findings: samples[0]!.findings });
}

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
