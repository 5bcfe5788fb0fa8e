import { chmodSync, lstatSync, readFileSync, readlinkSync, statSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import type { ESLint } from "eslint";
import { describe, expect, it } from "vitest";
import { applyFixes } from "../cli/fixing/apply-fixes.js";
import { runCli, tempProject } from "./util/cli.js";

/** `--fix` writes only what it may, as it was, and never makes a file worse (tests/pin-fix.test.ts covers the pins themselves). */

const FROZEN = "numpy==1.26.4\npandas==2.2.0\n";
const BOM = "\ufeff";
const OUTSIDE = "leads outside the scanned folders (a symbolic link, or an include of a file elsewhere); not read";

interface JsonResult {
  filePath: string;
  messages: { ruleId: string | null; severity: number; message: string }[];
}

async function fix(dir: string, paths: string[] = ["."]) {
  const r = await runCli(["--fix", "--pin-from", join(dir, "frozen.txt"), "-f", "json", ...paths], dir);
  return { ...r, results: JSON.parse(r.stdout) as JsonResult[] };
}

describe("--fix keeps the file as it was, apart from the versions", () => {
  it("keeps a BOM, CRLF or lone CR line endings and a missing final newline, and a second run changes nothing", async () => {
    const before = {
      "requirements.txt": `${BOM}# pinned for the paper\r\nnumpy>=1.26\r\npandas`,
      "requirements-mac.txt": "numpy\rpandas>=2\r",
      "pyproject.toml": `${BOM}[project]\nname = "churn"\nversion = "0.1.0"\ndependencies = ["numpy>=1.26"]`,
      "environment.yml": "name: churn\r\ndependencies:\r\n  - numpy>=1.26\r\n  - pip:\r\n      - pandas\r\n",
    };
    const after = {
      "requirements.txt": `${BOM}# pinned for the paper\r\nnumpy==1.26.4\r\npandas==2.2.0`,
      "requirements-mac.txt": "numpy==1.26.4\rpandas==2.2.0\r",
      "pyproject.toml": `${BOM}[project]\nname = "churn"\nversion = "0.1.0"\ndependencies = ["numpy==1.26.4"]`,
      "environment.yml": "name: churn\r\ndependencies:\r\n  - numpy=1.26.4\r\n  - pip:\r\n      - pandas==2.2.0\r\n",
    };
    const dir = tempProject({ ...before, "frozen.txt": FROZEN });
    const read = () => Object.fromEntries(Object.keys(before).map((f) => [f, readFileSync(join(dir, f), "utf8")]));
    expect((await fix(dir)).code).toBe(0);
    expect(read()).toEqual(after);
    expect((await fix(dir)).code).toBe(0);
    expect(read()).toEqual(after);
  });

  it("keeps each file's permission bits", async () => {
    const dir = tempProject({ "requirements.txt": "numpy\n", "requirements-dev.txt": "pandas\n", "frozen.txt": FROZEN });
    chmodSync(join(dir, "requirements.txt"), 0o755);
    chmodSync(join(dir, "requirements-dev.txt"), 0o444);
    expect((await fix(dir)).code).toBe(0);
    expect(statSync(join(dir, "requirements.txt")).mode & 0o7777).toBe(0o755);
    expect(statSync(join(dir, "requirements-dev.txt")).mode & 0o7777).toBe(0o444);
    expect(readFileSync(join(dir, "requirements-dev.txt"), "utf8")).toBe("pandas==2.2.0\n");
  });
});

describe("--fix writes only inside the linted paths", () => {
  it("does not read or rewrite a symlinked requirements file that points outside, and says so", async () => {
    const root = tempProject({ "shared/requirements.txt": "numpy\n", "project/train.py": "print('hi')\n", "project/frozen.txt": FROZEN });
    const project = join(root, "project");
    symlinkSync("../shared/requirements.txt", join(project, "requirements.txt"));
    const r = await fix(project);
    expect(readFileSync(join(root, "shared/requirements.txt"), "utf8")).toBe("numpy\n");
    expect(lstatSync(join(project, "requirements.txt")).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(project, "requirements.txt"))).toBe("../shared/requirements.txt");
    const msgs = r.results.find((x) => x.filePath === join(project, "requirements.txt"))!.messages;
    // A link out of the scanned folders is not even read (io/read.ts).
    expect(msgs).toEqual([{ ruleId: null, severity: 1, line: 1, column: 1, message: OUTSIDE }]);
  });

  it("does not read or rewrite a file pulled in with -r from outside the scanned folders, and still fixes the one inside", async () => {
    const root = tempProject({ "shared/base.txt": "numpy\n", "project/requirements.txt": "-r ../shared/base.txt\npandas\n", "project/frozen.txt": FROZEN });
    const project = join(root, "project");
    const r = await fix(project);
    expect(readFileSync(join(project, "requirements.txt"), "utf8")).toBe("-r ../shared/base.txt\npandas==2.2.0\n");
    expect(readFileSync(join(root, "shared/base.txt"), "utf8")).toBe("numpy\n");
    expect(r.results.find((x) => x.filePath === join(root, "shared/base.txt"))!.messages.map((m) => m.message)).toEqual([OUTSIDE]);
  });

  it("writes a file named on the command line, but nothing else", async () => {
    const dir = tempProject({ "requirements.txt": "numpy\n", "requirements-dev.txt": "pandas\n", "frozen.txt": FROZEN });
    await fix(dir, ["requirements.txt"]);
    expect(readFileSync(join(dir, "requirements.txt"), "utf8")).toBe("numpy==1.26.4\n");
    expect(readFileSync(join(dir, "requirements-dev.txt"), "utf8")).toBe("pandas\n");
  });
});

describe("a fix that would leave the file unreadable", () => {
  const result = (filePath: string, output: string): ESLint.LintResult => ({
    filePath,
    output,
    messages: [],
    suppressedMessages: [],
    errorCount: 0,
    fatalErrorCount: 0,
    warningCount: 0,
    fixableErrorCount: 0,
    fixableWarningCount: 0,
    usedDeprecatedRules: [],
  });

  it.each([
    [
      "pyproject.toml",
      '[project]\ndependencies = ["numpy>=1.26"]\n',
      '[project]\ndependencies = ["numpy==1.26.4"", "x"]\n',
      "the fixed file would no longer parse",
    ],
    ["environment.yml", "dependencies:\n  - numpy>=1.26\n", "dependencies:\n  - numpy=1.26.4\n - [\n", "the fixed file would no longer parse"],
    ["requirements.txt", "numpy>=1.26\npandas\n", "numpy==1.26.4 pandas\n", "the fixed file would have new syntax errors"],
    [
      "train.py",
      '# /// script\n# dependencies = ["numpy"]\n# ///\nimport numpy\n',
      '# /// script\n# dependencies = ["numpy==1.26.4]\n# ///\nimport numpy\n',
      "the fixed file would lose requirements",
    ],
    [
      "analysis.ipynb",
      '{"cells": [{"cell_type": "code", "source": ["%pip install numpy"]}]}',
      '{"cells": [{"cell_type": "code", "source": ["%pip install numpy==1.26.4]}]}',
      "the fixed file would no longer parse",
    ],
  ])("is dropped and reported for %s", (name, before, broken, why) => {
    const dir = tempProject({ [name]: before, "requirements-ok.txt": "numpy\n" });
    const bad = result(join(dir, name), broken);
    const good = result(join(dir, "requirements-ok.txt"), "numpy==1.26.4\n");
    applyFixes([bad, good], [dir]);
    expect(readFileSync(join(dir, name), "utf8")).toBe(before);
    expect(bad.output).toBeUndefined();
    expect(bad.messages).toEqual([{ ruleId: null, severity: 2, message: `Fixes not written: ${why}.`, line: 1, column: 1 }]);
    expect(bad.errorCount).toBe(1);
    // The same run still writes a sound fix.
    expect(readFileSync(join(dir, "requirements-ok.txt"), "utf8")).toBe("numpy==1.26.4\n");
  });
});
