/**
 * A tree holding every hostile file of issue 13 next to ordinary ones: links
 * to devices and pseudo-files, a FIFO, includes out of the tree, backtracking
 * bait for every pattern that reads file contents, manifests over the work
 * budget or nested too deep, control characters in names and contents, a
 * credential in a requirement line, a path over 4,096 characters. Used by
 * tests/ci-gate.test.ts, and run as a script it times a scan of the tree:
 *   npm run build && node dist/fuzz/hostile-tree.js
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const SECRET = "s3cretT0kenValue";
export const OUTSIDE_SECRET = "outside-credential-9f2c";

/** What a scan must say about each file: a finding of this rule, or one message (no rule) matching this text. */
export type Expectation = { rule: string } | { message: RegExp };

export interface HostileTree {
  root: string;
  /** The folder outside the tree that its links and includes point into; remove it with the tree. */
  outside: string;
  /** Path relative to root → what the scan must report for it. */
  expect: Map<string, Expectation>;
}

const UNSEEDED = "import random\n\nrows = list(range(10))\nrandom.shuffle(rows)\nprint(rows)\n";

function notebook(cells: object[], extra = ""): string {
  return `{"cells": ${JSON.stringify(cells)},${extra} "metadata": {"language_info": {"name": "python"}}, "nbformat": 4, "nbformat_minor": 5}`;
}
const code = (source: string) => ({ cell_type: "code", metadata: {}, outputs: [], execution_count: null, source });

/** Remove a tree: `rm -rf` walks folders relative to each other, where one absolute path over 4,096 characters fails. */
export function removeTree(root: string): void {
  spawnSync("rm", ["-rf", root]);
}

export function buildHostileTree(base = tmpdir()): HostileTree {
  const root = mkdtempSync(join(base, "hostile-"));
  const outside = mkdtempSync(join(base, "outside-"));
  writeFileSync(join(outside, "creds.txt"), `--index-url https://ci:${OUTSIDE_SECRET}@pypi.example.com/simple\nprivate-pkg\n`);
  const expect = new Map<string, Expectation>();
  const put = (rel: string, body: string | Buffer, e?: Expectation) => {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), body);
    if (e) expect.set(rel, e);
  };
  const link = (rel: string, target: string, e: Expectation) => {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    symlinkSync(target, join(root, rel));
    expect.set(rel, e);
  };
  const notRegular = { message: /not a regular file/u };
  // Links to special files elsewhere are refused for where they lead, before their kind is looked at.
  const outsideLink = { message: /outside the scanned folders/u };

  // Ordinary files with findings.
  put("good/train.py", UNSEEDED, { rule: "exp-lint/require-seed" });
  put("good/requirements.txt", `numpy\ngit+https://bot:${SECRET}@github.com/acme/private.git\n`, { rule: "exp-lint/pin-requirements" });
  // 1. Special files, by link or in place.
  link("links/zeros.py", "/dev/zero", outsideLink);
  link("links/pagemap.py", "/proc/self/pagemap", outsideLink);
  link("links/requirements-mem.txt", "/proc/self/mem", outsideLink);
  link("links/requirements-outside.txt", join(outside, "creds.txt"), { message: /outside the scanned folders/u });
  spawnSync("mkfifo", [join(root, "links/requirements-fifo.txt")]);
  expect.set("links/requirements-fifo.txt", notRegular);
  link("links/node_modules-less/package.json", "/dev/zero", outsideLink);
  // A device inside the tree: refused for its kind.
  spawnSync("mknod", [join(root, "links/requirements-null.txt"), "c", "1", "3"]);
  if (existsSync(join(root, "links/requirements-null.txt"))) expect.set("links/requirements-null.txt", notRegular);
  // 4. Includes out of the tree, of a pseudo-file, and of a file named `**`.
  put("includes/requirements.txt", `-r ${join(outside, "creds.txt")}\n-r /proc/self/mem\n-r **\npandas==2.2.0\n`);
  put("includes/**", "scipy\n", { rule: "exp-lint/pin-requirements" });
  expect.set(join(outside, "creds.txt"), { message: /outside the scanned folders/u });
  expect.set("/proc/self/mem", outsideLink);
  // 2. Backtracking bait: a 6 KB noqa, a 300k-character magic line, a Poetry constraint and a pyproject of blank lines.
  put("regex/noqa.py", `${UNSEEDED.trimEnd()}  # noqa:${" ".repeat(6000)}!\n`, { rule: "exp-lint/require-seed" });
  put("regex/magic.ipynb", notebook([code(`${" ".repeat(300_000)}x\n`), code(UNSEEDED)]), { rule: "exp-lint/require-seed" });
  put("regex/pyproject.toml", `[tool.poetry.dependencies]\nnumpy = "1${" ".repeat(300_000)},"\n`);
  // At the root, it is also read as the configuration (and over the line budget as a manifest).
  put("pyproject.toml", `${"\n".repeat(300_000)}[project]\nname = "x"\ndependencies = ["numpy"]\n`, { message: /budget for manifests/u });
  // 3. Manifests over the budget or nested too deep.
  put("big/environment.yml", `dependencies:\n${"  - numpy=1.26.4\n".repeat(560_000)}`, { message: /budget for manifests/u });
  put("big/pyproject.toml", `[project]\nname = "x"\n${'k = "v"\n'.repeat(1_200_000)}`, { message: /budget for manifests/u });
  put("big/requirements.txt", "numpy==1.26.4\n".repeat(700_000), { message: /budget for manifests/u });
  put("big/lines/environment.yml", `dependencies:\n${"  - numpy=1.26.4\n".repeat(60_000)}`, { message: /budget for manifests/u });
  put("deep/pyproject.toml", `[project]\nname = "x"\nx = ${"{a=".repeat(100_000)}1${"}".repeat(100_000)}\n`, { message: /nested deeper than/u });
  put("deep/environment.yml", `dependencies: ${"[".repeat(100_000)}${"]".repeat(100_000)}\n`, { message: /nested deeper than/u });
  // 5. Control characters in a file name and in contents.
  put("names/evil\n::error file=x::pwned.py", `${UNSEEDED.trimEnd()}  # \u001b]52;c;cHduZWQ=\u0007\n`, { rule: "exp-lint/require-seed" });
  // 6. A folder named like a manifest, a notebook whose duplicate "cells" hides code.
  mkdirSync(join(root, "odd/pyproject.toml"), { recursive: true });
  put("odd/hidden.ipynb", notebook([code("print('shown first')\n")], ` "cells": ${JSON.stringify([code(UNSEEDED)])},`), { rule: "exp-lint/require-seed" });
  // 9. Two PEP 723 blocks: uv installs the first (unpinned here), pipx refuses the file.
  put("odd/two-blocks.py", '# /// script\n# dependencies = ["numpy"]\n# ///\nimport numpy\n\n# /// script\n# dependencies = ["rich"]\n# ///\nimport rich\n', {
    rule: "exp-lint/pin-requirements",
  });
  // 9. A path over 4,096 characters (made one folder at a time: no single call may name it).
  const part = "d".repeat(200);
  spawnSync("sh", ["-c", `cd "$1" && for i in $(seq 22); do mkdir ${part} && cd ${part}; done && printf 'x = 1\\n' > train.py`, "sh", root]);
  return { root, outside, expect };
}

// Run as a script: build the tree and time a scan of it.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const tree = buildHostileTree();
  const bin = fileURLToPath(new URL("../cli/bin.js", import.meta.url));
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [bin, "-f", "json", "."], { cwd: tree.root, encoding: "utf8", maxBuffer: 1 << 30, timeout: 600_000 });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const results = JSON.parse(r.stdout || "[]") as { filePath: string; messages: { ruleId: string | null; message: string }[] }[];
  for (const res of results)
    for (const m of res.messages) console.log(`${res.filePath.slice(tree.root.length + 1)}: ${m.ruleId ?? "-"} ${m.message.slice(0, 120)}`);
  console.log(`exit ${r.status}, ${results.length} files reported, ${seconds.toFixed(1)} s wall`);
  removeTree(tree.root);
  removeTree(tree.outside);
}
