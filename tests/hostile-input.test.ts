import { execFileSync } from "node:child_process";
import { chmodSync, closeSync, mkdirSync, openSync, symlinkSync, ftruncateSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { runCli, spawnCli, tempProject } from "./util/cli.js";

/**
 * Hostile files and trees (see also bad-input.test.ts and files.test.ts):
 * each gives findings or one clear per-file message, and the rest of the
 * run goes on. Every CLI run has a timeout (tests/util/cli.ts), so a hang fails.
 */

// Root lists every folder, so an unreadable one is simulated where discovery lists folders.
vi.mock("node:fs", async (importOriginal) => {
  const fs = await importOriginal<typeof import("node:fs")>();
  const readdir = (path: string, ...rest: unknown[]) => {
    const callback = rest.at(-1) as (e: Error | null, x?: unknown) => void;
    if (String(path).endsWith("private")) return callback(Object.assign(new Error("EACCES: permission denied"), { code: "EACCES" }));
    return (fs.readdir as (...a: unknown[]) => void)(path, ...rest);
  };
  return { ...fs, default: { ...fs, readdir }, readdir };
});

interface Message {
  ruleId: string | null;
  fatal?: boolean;
  severity: number;
  line: number;
  column: number;
  message: string;
}
interface JsonResult {
  filePath: string;
  messages: Message[];
}

const WITNESS = "import numpy as np\n\nweights = np.random.randn(10, 3)\n";

/** Lint a project with a witness script beside the hostile files; `build` may add what plain contents cannot (links, FIFOs). */
/** `run` is in process unless a test needs what only the real CLI process has (its thread's deep stack). */
async function scan(files: Record<string, string | Buffer>, build?: (dir: string) => void, args: string[] = [], run = runCli) {
  const dir = tempProject({ "witness.py": WITNESS, ...files });
  build?.(dir);
  const r = await run(["-f", "json", ...args, ...(args.length ? [] : ["."])], dir);
  const results = JSON.parse(r.stdout) as JsonResult[];
  const of = (name: string) => results.find((x) => x.filePath === join(dir, name))?.messages;
  const brief = (name: string) => of(name)?.map((m) => ({ ruleId: m.ruleId, line: m.line, column: m.column }));
  expect(brief("witness.py")).toEqual([{ ruleId: "exp-lint/require-seed", line: 3, column: 11 }]);
  expect(r.code === 0 || r.code === 1, r.stderr).toBe(true);
  return { r, dir, results, of, brief };
}

describe("deep nesting in TypeScript and JavaScript", () => {
  it("parses 10,000 levels of brackets, calls and operators without exhausting the stack", async () => {
    const n = 10_000;
    const { r, of, brief } = await scan(
      {
        "parens.ts": `export const x = ${"(".repeat(n)}1${")".repeat(n)};\n`,
        "calls.ts": `import * as tf from "@tensorflow/tfjs";\nexport const y = ${"f(".repeat(n)}tf.randomNormal([2])${")".repeat(n)};\n`,
        "arrays.js": `export const z = ${"[".repeat(n)}${"]".repeat(n)};\n`,
        "binop.js": `export const w = ${Array.from({ length: n }, (_, i) => `a${i}`).join(" + ")};\n`,
      },
      undefined,
      [],
      spawnCli,
    );
    expect(r.stderr).toBe("");
    for (const name of ["parens.ts", "arrays.js", "binop.js"]) expect(of(name), name).toEqual([]);
    expect(brief("calls.ts")).toEqual([{ ruleId: "exp-lint/require-seed", line: 2, column: 18 + 2 * n }]);
  });

  it("names the file when nesting is deeper than the parser can go", async () => {
    const n = 400_000;
    const { of } = await scan({ "generated.ts": `export const x = ${"(".repeat(n)}1${")".repeat(n)};\n` });
    expect(of("generated.ts")).toEqual([
      expect.objectContaining({ fatal: true, line: 1, column: 1, message: expect.stringContaining("nested too deeply for the TypeScript parser") }),
    ]);
  });
});

describe("size", () => {
  it("skips a 50 MB file with a warning, without reading it", async () => {
    // A sparse file of NULs: had it been read, it would be reported as binary instead.
    const { of, r } = await scan({}, (dir) => {
      const fd = openSync(join(dir, "weights_dump.py"), "w");
      ftruncateSync(fd, 50 * 1024 * 1024);
      closeSync(fd);
    });
    expect(of("weights_dump.py")).toEqual([{ ruleId: null, severity: 1, line: 1, column: 1, message: "file is 50.0 MiB, over the 10 MiB limit; skipped" }]);
    expect(r.code).toBe(1);
  });

  it("skips a 5 MB minified one-line script with a warning, and lints a 5 MB one-line Python file with the column right at the end", async () => {
    let js = 'import*as tf from"@tensorflow/tfjs";';
    for (let i = 0; js.length < 5 * 1024 * 1024; i++) js += `function f${i}(b){return b*${i}+1}`;
    js += "export const n=tf.randomNormal([2]);";
    let py = "import numpy as np; data = [";
    for (let i = 0; py.length < 5 * 1024 * 1024; i++) py += `${i}, `;
    py += "0]; noise = np.random.rand(3)";
    const pyAt = py.indexOf("np.random.rand(3)");
    const { of, brief } = await scan({ "bundle.min.js": js, "oneline.py": py });
    expect(of("bundle.min.js")).toEqual([
      { ruleId: null, severity: 1, line: 1, column: 1, message: `looks minified (a line of ${js.length.toLocaleString("en")} characters); skipped` },
    ]);
    expect(brief("oneline.py")).toEqual([{ ruleId: "exp-lint/require-seed", line: 1, column: pyAt + 1 }]);
  });
});

describe("encodings and line endings", () => {
  const utf16 = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);

  it("names UTF-16 Python files and notebooks (with a BOM) as UTF-16, one message each, and reads UTF-16 requirements as pip does", async () => {
    const { of, brief } = await scan({
      "train.py": utf16(WITNESS),
      "requirements.txt": utf16("numpy\n"),
      "analysis.ipynb": utf16('{"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}'),
    });
    for (const name of ["train.py", "analysis.ipynb"]) {
      expect(of(name), name).toEqual([expect.objectContaining({ fatal: true, line: 1, message: expect.stringContaining("UTF-16 encoded") })]);
    }
    expect(brief("requirements.txt")).toEqual([{ ruleId: "exp-lint/pin-requirements", line: 1, column: 1 }]);
  });

  it("reads invalid UTF-8 and NUL bytes in manifests and notebooks as one message or the right findings", async () => {
    const { brief, of } = await scan({
      "requirements.txt": Buffer.concat([Buffer.from("# caf\xe9 \xff\n", "latin1"), Buffer.from("pandas==2.2.0\nnumpy\n")]),
      "requirements-dev.txt": Buffer.from("pytest==8.2.0\nruff\u0000\n"),
      "broken.ipynb": Buffer.from('{"cells": [\u0000]}'),
    });
    expect(brief("requirements.txt")).toEqual([{ ruleId: "exp-lint/pin-requirements", line: 3, column: 1 }]);
    expect(of("requirements-dev.txt")).toEqual([expect.objectContaining({ fatal: true, line: 2, column: 5, message: expect.stringContaining("binary file") })]);
    expect(of("broken.ipynb")).toEqual([expect.objectContaining({ fatal: true, message: expect.stringContaining("Invalid notebook: not valid JSON") })]);
  });

  it("keeps positions right with CRLF and lone CR line endings in every kind of file", async () => {
    const nb = (nl: string) =>
      `{${nl} "cells": [${nl}  {"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": null, "source": ["import numpy as np\\n", "x = np.random.rand(3)"]}${nl} ],${nl} "metadata": {}, "nbformat": 4, "nbformat_minor": 5${nl}}${nl}`;
    const { brief, results } = await scan({
      "mac.py": "# saved on a classic Mac\rimport numpy as np\r\rx = np.random.rand(3)\r",
      "win.py": "import numpy as np\r\n\r\nx = np.random.rand(3)\r\n",
      "requirements.txt": "pandas==2.2.0\rnumpy\r",
      "requirements-win.txt": "pandas==2.2.0\r\n\r\nnumpy\r\n",
      "crlf.ipynb": nb("\r\n"),
      "win.ts": 'import * as tf from "@tensorflow/tfjs";\r\n\r\nexport const n = tf.randomNormal([2]);\r\n',
      "mac.ts": 'import * as tf from "@tensorflow/tfjs";\r\rexport const n = tf.randomNormal([2]);\r',
    });
    expect(brief("mac.py")).toEqual([{ ruleId: "exp-lint/require-seed", line: 4, column: 5 }]);
    expect(brief("win.py")).toEqual([{ ruleId: "exp-lint/require-seed", line: 3, column: 5 }]);
    expect(brief("requirements.txt")).toEqual([{ ruleId: "exp-lint/pin-requirements", line: 2, column: 1 }]);
    expect(brief("requirements-win.txt")).toEqual([{ ruleId: "exp-lint/pin-requirements", line: 3, column: 1 }]);
    // Cell 1, line 2, column 5 of the cell; in the raw file, line 3 at the "np" inside the JSON string.
    const cell = results.find((x) => x.filePath.endsWith("crlf.ipynb"))!.messages[0] as Message & { cell: number; cellLine: number; cellColumn: number };
    expect({ line: cell.line, cell: cell.cell, cellLine: cell.cellLine, cellColumn: cell.cellColumn }).toEqual({
      line: 3,
      cell: 1,
      cellLine: 2,
      cellColumn: 5,
    });
    expect(brief("win.ts")).toEqual([{ ruleId: "exp-lint/require-seed", line: 3, column: 18 }]);
    expect(brief("mac.ts")).toEqual([{ ruleId: "exp-lint/require-seed", line: 3, column: 18 }]);
  });
});

describe("strange trees", () => {
  it("names symbolic link loops and broken links, and does not follow a link back to its own folder", async () => {
    const { of, results, dir } = await scan({}, (d) => {
      symlinkSync("b.py", join(d, "a.py"));
      symlinkSync("a.py", join(d, "b.py"));
      symlinkSync("missing.py", join(d, "gone.py"));
      mkdirSync(join(d, "pkg"));
      symlinkSync("..", join(d, "pkg", "loop"));
    });
    expect(of("a.py")).toEqual([expect.objectContaining({ fatal: true, message: "cannot read file (ELOOP: a loop of symbolic links)" })]);
    expect(of("b.py")).toEqual([expect.objectContaining({ fatal: true, message: "cannot read file (ELOOP: a loop of symbolic links)" })]);
    expect(of("gone.py")).toEqual([
      expect.objectContaining({ fatal: true, message: "cannot read file (ENOENT: a broken symbolic link, or the file went away)" }),
    ]);
    expect(results.filter((x) => x.filePath.startsWith(join(dir, "pkg")))).toEqual([]);
  });

  it("skips FIFOs and device files, in the tree or named on the command line, without reading them", async () => {
    // Reading /dev/zero or a FIFO never ends: a hang here fails on the CLI's timeout.
    const build = (d: string) => {
      symlinkSync("/dev/zero", join(d, "zeros.py"));
      execFileSync("mkfifo", [join(d, "requirements-pipe.txt")]);
    };
    const { of, dir } = await scan({}, build, ["/dev/zero", "."]);
    expect(of("zeros.py")).toEqual([expect.objectContaining({ severity: 1, message: "not a regular file, skipped" })]);
    expect(of("requirements-pipe.txt")).toEqual([expect.objectContaining({ severity: 1, message: "not a regular file, skipped" })]);
    // The human format prints code frames from the files; not from these.
    const human = await runCli(["/dev/zero", "."], dir);
    expect(human.stdout).toContain("zeros.py:1:1  warning  not a regular file, skipped");
    expect(human.stdout).toContain("requirements-pipe.txt:1:1  warning  not a regular file, skipped");
    expect(human.code).toBe(1);
  });

  it.skipIf(process.getuid?.() === 0)("names a folder it cannot list and lints the rest (as an ordinary user)", async () => {
    const { of } = await scan({ "private/train.py": WITNESS }, (d) => chmodSync(join(d, "private"), 0o000));
    expect(of("private")).toEqual([expect.objectContaining({ fatal: true, message: "cannot read folder (EACCES); nothing in it was linted" })]);
  });

  it("names a folder it cannot list and keeps the rest (simulated, since root lists everything)", async () => {
    const { plan } = await import("../cli/discovery/files.js");
    const dir = tempProject({ "private/train.py": WITNESS, "public/train.py": WITNESS });
    const p = await plan(["."], dir);
    expect(p.targets.map((t) => t.path)).toEqual([join(dir, "public/train.py")]);
    expect(p.skipped).toEqual([{ path: join(dir, "private"), message: "cannot read folder (EACCES); nothing in it was linted", severity: 2 }]);
  });

  it("lints files whose names hold spaces, newlines and non-ASCII characters", async () => {
    const names = ["my experiment.py", "line\nbreak.py", "données_entraînement.py", "実験.py", "requirements dev.txt"];
    const { brief } = await scan({
      [names[0]!]: WITNESS,
      [names[1]!]: WITNESS,
      [names[2]!]: WITNESS,
      [names[3]!]: WITNESS,
      [names[4]!]: "numpy\n",
    });
    for (const n of names.slice(0, 4)) expect(brief(n), n).toEqual([{ ruleId: "exp-lint/require-seed", line: 3, column: 11 }]);
    expect(brief(names[4]!)).toEqual([{ ruleId: "exp-lint/pin-requirements", line: 1, column: 1 }]);
  });
});
