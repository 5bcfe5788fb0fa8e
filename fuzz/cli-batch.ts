import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { ESLint } from "eslint";
import { violations } from "./check.js";
import type { FuzzCase } from "./generators.js";

const BIN = new URL("../cli/bin.js", import.meta.url).pathname;

// A file with one known finding: proves the run went on past every broken file.
const WITNESS = "import numpy as np\n\nweights = np.random.randn(10, 3)\n";

/**
 * Writes the cases (each in its own folder) beside a witness script, runs
 * the real CLI over the lot, and returns what broke the contract: exit code
 * 2 or output on stderr, a case without a result, invariants of each
 * result, or the witness not reported.
 */
export function cliBatch(cases: FuzzCase[], root = tmpdir(), timeoutMs = 120_000): string[] {
  const dir = mkdtempSync(join(root, "fuzz-cli-"));
  try {
    const texts = new Map<string, string>();
    const links = new Set<string>();
    cases.forEach((c, i) => {
      const path = join(dir, `c${i}`, c.name);
      mkdirSync(dirname(path), { recursive: true });
      if (c.link === "fifo") spawnSync("mkfifo", [path]);
      else if (c.link !== undefined) symlinkSync(c.link, path);
      else {
        writeFileSync(path, c.bytes);
        texts.set(path, Buffer.from(c.bytes).toString("utf8"));
      }
      if (c.link !== undefined) links.add(path);
    });
    writeFileSync(join(dir, "witness.py"), WITNESS);
    const r = spawnSync(process.execPath, [BIN, "-f", "json", "--concurrency", "off", "."], {
      cwd: dir,
      encoding: "utf8",
      timeout: timeoutMs,
      maxBuffer: 512 * 1024 * 1024,
    });
    const out: string[] = [];
    if (r.error) return [`CLI did not finish: ${r.error.message}`];
    if (r.status !== 0 && r.status !== 1) out.push(`exit code ${r.status}: ${r.stderr.slice(0, 2000)}`);
    else if (r.stderr) out.push(`stderr: ${r.stderr.slice(0, 2000)}`);
    let results: ESLint.LintResult[] = [];
    try {
      results = JSON.parse(r.stdout) as ESLint.LintResult[];
    } catch {
      return [...out, `stdout is not JSON: ${r.stdout.slice(0, 200)}`];
    }
    const byPath = new Map(results.map((x) => [x.filePath, x]));
    for (const [path, text] of texts) {
      const res = byPath.get(path);
      if (!res) {
        out.push(`${path}: no result`);
        continue;
      }
      // Skipped files carry one CLI message (a warning: over a budget, not a regular file); the rest obey the same invariants as through the API.
      const [only] = res.messages;
      if (res.messages.length === 1 && only!.ruleId === null && only!.severity === 1 && only!.message.endsWith("skipped")) continue;
      for (const v of violations(text, { ...res, output: undefined } as ESLint.LintResult, path)) out.push(`${path.slice(dir.length + 1)}: ${v}`);
    }
    // A link or FIFO in the tree is one message, never read (links lead out of the tree or to a folder).
    for (const path of links) {
      const res = byPath.get(path);
      if (res && (res.messages.length !== 1 || res.messages[0]!.ruleId !== null))
        out.push(`${path.slice(dir.length + 1)}: ${res.messages.length} messages for a link`);
    }
    const witness = byPath.get(join(dir, "witness.py"));
    if (!witness?.messages.some((m) => m.ruleId === "exp-lint/require-seed" && m.line === 3)) out.push("witness.py: its finding is missing");
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
