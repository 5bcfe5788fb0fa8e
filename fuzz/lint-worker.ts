import { parentPort } from "node:worker_threads";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ESLint } from "eslint";
import plugin from "../plugin/index.js";
import { violations } from "./check.js";
import { readText } from "../io/read.js";

/**
 * One fuzz linter: the shipped recommended config through ESLint's API, with
 * versions for pin fixes so fixes run too. Answers each case with the
 * invariants it broke, or the error it threw.
 */

const PINS = {
  numpy: "1.26.4",
  pandas: "2.2.0",
  "scikit-learn": "1.4.2",
  torch: "2.1.2",
  mlflow: "2.12.1",
  wandb: "0.17.0",
  xgboost: "2.0.3",
  optuna: "3.6.1",
  ruff: "0.4.4",
  pytest: "8.2.0",
};
const cwd = mkdtempSync(join(tmpdir(), "exp-lint-fuzz-"));
const eslint = new ESLint({
  cwd,
  overrideConfigFile: true,
  overrideConfig: [...plugin.configs.recommended, { settings: { "exp-lint": { pins: PINS } } }],
  fix: true,
  warnIgnored: false,
});

export interface Job {
  id: number;
  name: string;
  bytes: Uint8Array;
  /** Lint what a link to this reads as, through the CLI's file gate (a FIFO for `fifo`). */
  link?: string;
}

export interface Answer {
  id: number;
  violations: string[];
}

/** The text a link case reads as through the gate, or the one message the CLI would print instead. */
function readLink(job: Job): { text: string } | { message: string } {
  const dir = mkdtempSync(join(cwd, "link-"));
  const path = join(dir, job.name.replace(/\//gu, "_"));
  try {
    if (job.link === "fifo") spawnSync("mkfifo", [path]);
    else symlinkSync(job.link!, path);
    // Named on the command line: read wherever it leads, but bounded and regular files only.
    const r = readText(path);
    return r.ok ? { text: r.text } : { message: r.message };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

parentPort!.on("message", async (job: Job) => {
  const filePath = join(cwd, job.name);
  let text: string;
  if (job.link !== undefined) {
    const read = readLink(job);
    if ("message" in read) {
      parentPort!.postMessage({ id: job.id, violations: read.message.trim() ? [] : ["empty message for an unreadable file"] } satisfies Answer);
      return;
    }
    text = read.text;
  } else {
    // As ESLint reads a file: UTF-8, invalid bytes as U+FFFD, the BOM kept for the linter to strip.
    text = Buffer.from(job.bytes).toString("utf8");
  }
  let found: string[];
  try {
    const [result] = await eslint.lintText(text, { filePath });
    found = result ? violations(text, result, filePath) : ["no result"];
    if (result?.output !== undefined && !found.length) {
      // A fixed file fixes to itself.
      const [again] = await eslint.lintText(result.output, { filePath });
      if (again?.output !== undefined && again.output !== result.output) found.push("fix is not idempotent");
    }
  } catch (error) {
    found = [`threw: ${(error as Error).stack ?? String(error)}`];
  }
  parentPort!.postMessage({ id: job.id, violations: found } satisfies Answer);
});
