// One measurement in a fresh process, so peak RSS belongs to that mode alone.
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { corpusFiles } from "./corpus.js";

const [mode, dir] = process.argv.slice(2) as [string, string];
const files = corpusFiles(dir);
let bytes = 0;
let findings = 0;
let ms: number;
let cpu: NodeJS.CpuUsage;

if (mode === "parse") {
  const { parsePython, releaseTree } = await import("../parsers/python/tree-sitter.js");
  const { preprocess } = await import("../parsers/notebook/processor.js");
  const cpu0 = process.cpuUsage();
  const start = performance.now();
  // The floor: reading every file and parsing its Python (a notebook's cells as the one file the linter parses);
  // manifests have no tree-sitter parse and are only read.
  for (const f of files) {
    const text = readFileSync(f, "utf8");
    bytes += text.length;
    if (f.endsWith(".py")) parsePython(text);
    else if (f.endsWith(".ipynb")) for (const block of preprocess(text, f)) parsePython(block.text);
  }
  releaseTree();
  ms = performance.now() - start;
  cpu = process.cpuUsage(cpu0);
} else if (mode === "index") {
  const { buildProjectIndex } = await import("../cli/discovery/project-index.js");
  for (const f of files) bytes += readFileSync(f).length;
  const cpu0 = process.cpuUsage();
  const start = performance.now();
  findings = buildProjectIndex(files.map((path) => ({ path, kind: "python" as const }))).length;
  ms = performance.now() - start;
  cpu = process.cpuUsage(cpu0);
} else if (mode === "ruff" || mode === "ruff-default") {
  const { resolvePeer, RUFF_DEFAULT, RUFF_EQUIVALENT } = await import("./peers.js");
  const entry = resolvePeer("@astral-sh/ruff-wasm-nodejs");
  if (!entry) throw new Error("ruff is not installed");
  // Typed here: the package is optional, so its own types may be absent.
  const ruff = (await import(entry)) as {
    Workspace: new (options: unknown, encoding: number) => { check(text: string): unknown[] };
    PositionEncoding: { Utf16: number };
  };
  const select = mode === "ruff" ? RUFF_EQUIVALENT : RUFF_DEFAULT;
  const workspace = new ruff.Workspace({ lint: { select } }, ruff.PositionEncoding.Utf16);
  const cpu0 = process.cpuUsage();
  const start = performance.now();
  for (const f of files) {
    const text = readFileSync(f, "utf8");
    bytes += text.length;
    findings += workspace.check(text).length;
  }
  ms = performance.now() - start;
  cpu = process.cpuUsage(cpu0);
} else if (mode === "rules") {
  // ESLint's own per-file statistics (the `stats` option): time per rule, and parsing, summed over the corpus.
  const { ESLint } = await import("eslint");
  const { engineOptions } = await import("../cli/engine/eslint-config.js");
  const eslint = new ESLint({
    ...(await engineOptions({ cwd: dir, extraRequirements: [], concurrency: "off", config: "recommended", cache: false })),
    stats: true,
  });
  const cpu0 = process.cpuUsage();
  const start = performance.now();
  const results = await eslint.lintFiles(files);
  ms = performance.now() - start;
  cpu = process.cpuUsage(cpu0);
  const rules: Record<string, number> = {};
  let parse = 0;
  for (const r of results) {
    for (const pass of r.stats?.times.passes ?? []) {
      parse += pass.parse?.total ?? 0;
      for (const [id, t] of Object.entries(pass.rules ?? {})) rules[id] = (rules[id] ?? 0) + t.total;
    }
  }
  findings = results.reduce((n, r) => n + r.messages.length, 0);
  process.stdout.write(
    JSON.stringify({
      mode,
      files: files.length,
      ms,
      cpuMs: (cpu.user + cpu.system) / 1000,
      findings,
      parseMs: parse,
      rules,
      maxRssMiB: process.resourceUsage().maxRSS / 1024,
    }),
  );
  process.exit(0);
} else {
  // As bin.ts does before the CLI starts.
  (await import("../cli/engine/v8-flags.js")).boundHeapGrowth();
  const { lint } = await import("../cli/engine/lint.js");
  const { kindOf } = await import("../cli/discovery/files.js");
  // lint-noindex: one thread with the project index off (no import of the project resolves), for its cost.
  const noIndex = mode === "lint-noindex";
  if (noIndex) {
    const { projectIndex } = await import("../semantic/project.js");
    projectIndex.resolveModule = () => null;
  }
  // cache-cold starts without a cache file and writes it; cache-warm reads it back over the unchanged corpus.
  const cached = mode.startsWith("cache-");
  const cacheLocation = join(dir, "..", ".corpus-eslintcache");
  if (mode === "cache-cold") rmSync(cacheLocation, { force: true });
  const concurrency = mode === "lint" || noIndex || cached ? "off" : Number(mode.slice("lint".length));
  for (const f of files) bytes += readFileSync(f).length;
  const cpu0 = process.cpuUsage();
  const start = performance.now();
  const { results } = await lint(
    { targets: files.map((path) => ({ path, kind: kindOf(path) ?? ("python" as const) })), skipped: [], missing: [], roots: [dir] },
    { cwd: dir, extraRequirements: [], concurrency, config: "recommended", cache: cached, ...(cached ? { cacheLocation } : {}) },
  );
  ms = performance.now() - start;
  cpu = process.cpuUsage(cpu0);
  findings = results.reduce((n, r) => n + r.messages.length, 0);
}

process.stdout.write(
  JSON.stringify({ mode, files: files.length, bytes, ms, cpuMs: (cpu.user + cpu.system) / 1000, findings, maxRssMiB: process.resourceUsage().maxRSS / 1024 }),
);
