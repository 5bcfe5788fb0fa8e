// npm run bench -- --only lsp: how long after a change the language server's diagnostics arrive,
// for a 500-line script and a 50-cell notebook (target: 150 ms), measured from a client over stdio.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath, pathToFileURL } from "node:url";
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from "vscode-jsonrpc/node";
import { corpusFiles, writeCorpus } from "./corpus.js";

const EDITS = Number(process.env.BENCH_LSP_EDITS ?? 30);
const SCRIPT_LINES = 500;
const CELLS = 50;
const cli = fileURLToPath(new URL("../cli/bin.js", import.meta.url));

interface Publish {
  uri: string;
  version?: number;
}

/** Generated training scripts joined until they reach `lines` lines: one realistic long script. */
function longScript(dir: string, lines: number): string {
  writeCorpus(dir, 60);
  const out: string[] = [];
  for (const file of corpusFiles(dir)) {
    if (out.length >= lines) break;
    out.push(...readFileSync(file, "utf8").replace(/\n$/u, "").split("\n"));
  }
  return `${out.join("\n")}\n`;
}

const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;

/** One server process; `run` drives it and returns the latency of each edit. Also returns the server's CPU time per edit. */
async function session(
  debounceMs: number,
  run: (
    send: (method: string, params: object) => void,
    next: (test: (p: Publish) => boolean, count?: number) => Promise<void>,
    cpuMs: () => Promise<number>,
  ) => Promise<number[]>,
): Promise<{ times: number[]; cpuPerEdit: number }> {
  const server = spawn(process.execPath, [cli, "server"], { stdio: ["pipe", "pipe", "inherit"] });
  const connection = createMessageConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
  let waiter: { test: (p: Publish) => boolean; left: number; resolve: () => void } | null = null;
  connection.onNotification("textDocument/publishDiagnostics", (p: Publish) => {
    if (waiter?.test(p) && --waiter.left === 0) {
      const w = waiter;
      waiter = null;
      w.resolve();
    }
  });
  connection.listen();
  const dir = mkdtempSync(join(tmpdir(), "exp-lint-lsp-bench-"));
  await connection.sendRequest("initialize", {
    processId: process.pid,
    rootUri: pathToFileURL(dir).href,
    capabilities: {},
    initializationOptions: { debounceMs },
  });
  await connection.sendNotification("initialized", {});
  const send = (method: string, params: object) => void connection.sendNotification(method, params);
  const next = (test: (p: Publish) => boolean, count = 1) => new Promise<void>((resolve) => (waiter = { test, left: count, resolve }));
  const marks: number[] = [];
  const cpuMs = async () => {
    const { cpuMs: ms } = (await connection.sendRequest("exp-lint/serverStatus")) as { cpuMs: number };
    marks.push(ms);
    return ms;
  };
  const times = await run(send, next, cpuMs);
  await new Promise<void>((resolve) => {
    server.once("exit", () => resolve());
    void connection.sendRequest("shutdown").then(() => connection.sendNotification("exit"));
  });
  connection.dispose();
  return { times, cpuPerEdit: (marks.at(-1)! - marks[0]!) / times.length };
}

const dir = mkdtempSync(join(tmpdir(), "exp-lint-lsp-corpus-"));
const script = longScript(dir, SCRIPT_LINES);
const scriptLines = script.split("\n").length - 1;
const literal = (i: number) => `LEARNING_RATE = ${(i + 1) / 1000}  # edit ${i}`;

async function scriptLatency(debounceMs: number) {
  return session(debounceMs, async (send, next, cpuMs) => {
    const uri = pathToFileURL(join(dir, "train_long.py")).href;
    const opened = next((p) => p.uri === uri);
    send("textDocument/didOpen", { textDocument: { uri, languageId: "python", version: 1, text: `${literal(0)}\n${script}` } });
    await opened;
    await cpuMs();
    const times: number[] = [];
    for (let i = 1; i <= EDITS; i++) {
      const version = i + 1;
      const done = next((p) => p.uri === uri && p.version === version);
      const t0 = performance.now();
      send("textDocument/didChange", {
        textDocument: { uri, version },
        contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } }, text: `${literal(i)}\n` }],
      });
      await done;
      times.push(performance.now() - t0);
    }
    await cpuMs();
    return times;
  });
}

async function notebookLatency(debounceMs: number) {
  // The same program cut into 50 cells at line boundaries: the cells joined are the script.
  const lines = `${literal(0)}\n${script}`.replace(/\n$/u, "").split("\n");
  const per = Math.ceil(lines.length / CELLS);
  const texts = Array.from({ length: CELLS }, (_, i) => lines.slice(i * per, (i + 1) * per).join("\n"));
  const nbUri = pathToFileURL(join(dir, "experiment_long.ipynb")).href;
  const cellUri = (i: number) => `vscode-notebook-cell:${join(dir, "experiment_long.ipynb")}#W${i}sZmlsZQ%3D%3D`;
  return session(debounceMs, async (send, next, cpuMs) => {
    const isCell = (p: Publish) => p.uri.startsWith("vscode-notebook-cell:");
    const opened = next(isCell, CELLS);
    send("notebookDocument/didOpen", {
      notebookDocument: { uri: nbUri, notebookType: "jupyter-notebook", version: 1, cells: texts.map((_, i) => ({ kind: 2, document: cellUri(i) })) },
      cellTextDocuments: texts.map((text, i) => ({ uri: cellUri(i), languageId: "python", version: 1, text })),
    });
    await opened;
    await cpuMs();
    const times: number[] = [];
    for (let i = 1; i <= EDITS; i++) {
      // The server republishes only cells whose findings or text changed; the edited cell always is, with the others of the same lint.
      const done = next((p) => p.uri === cellUri(0) && p.version === i + 1);
      const t0 = performance.now();
      send("notebookDocument/didChange", {
        notebookDocument: { uri: nbUri, version: i + 1 },
        change: {
          cells: {
            textContent: [
              {
                document: { uri: cellUri(0), version: i + 1 },
                changes: [{ range: { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } }, text: `${literal(i)}\n` }],
              },
            ],
          },
        },
      });
      await done;
      times.push(performance.now() - t0);
    }
    await cpuMs();
    return times;
  });
}

console.log(`\n## Language server: change to diagnostics (${EDITS} edits each, one at a time; target 150 ms)\n`);
console.log("| document | debounce ms | median ms | p90 ms | max ms | server CPU ms per edit |");
console.log("|---|---:|---:|---:|---:|---:|");
for (const [label, measure] of [
  [`script, ${scriptLines + 1} lines`, scriptLatency],
  [`notebook, ${CELLS} cells (${scriptLines + 1} lines)`, notebookLatency],
] as const) {
  for (const debounce of [40, 0]) {
    const { times: t, cpuPerEdit } = await measure(debounce);
    console.log(
      `| ${label} | ${debounce}${debounce === 40 ? " (default)" : ""} | ${percentile(t, 0.5).toFixed(0)} | ${percentile(t, 0.9).toFixed(0)} | ${Math.max(...t).toFixed(0)} | ${cpuPerEdit.toFixed(0)} |`,
    );
  }
}
console.log(
  "\nMeasured from the client: the notification sent to the last diagnostics of that version received (server start-up and the first lint excluded). Debounce 0 is the lint alone. Server CPU per edit (lint, protocol, GC) is steadier than wall time on a shared machine.",
);
