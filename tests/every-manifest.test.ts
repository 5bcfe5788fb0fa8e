import { cpSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";
import plugin from "../plugin/index.js";
import { decodeBytes } from "../parsers/shared/encoding.js";
import { runCli, tempProject } from "./util/cli.js";
import { expectations, FIXTURES } from "./util/fixtures.js";

/**
 * One folder with every kind of file a project pins dependencies in: an
 * MLflow project (MLproject, conda.yaml, python_env.yaml) and an older one
 * whose MLproject names envs/training.yml, a Pipfile project, a setup.py /
 * setup.cfg package, a Dockerfile and a *.dockerfile, dev- and
 * test-requirements (UTF-8 with a byte-order mark), and a UTF-16
 * requirements file as Windows PowerShell writes it.
 */
const FOLDER = join(FIXTURES, "pin-requirements", "every-manifest");

// What `pip freeze` shows in the environment the project was trained in.
const FROZEN = [
  "setuptools==69.0.3",
  "scikit-learn==1.4.0",
  "pandas==2.1.4",
  "numpy==1.26.3",
  "xgboost==2.0.3",
  "statsmodels==0.14.1",
  "torch==2.1.2",
  "transformers==4.36.2",
  "accelerate==0.25.0",
  "pytest==7.4.4",
  "lightgbm==4.2.0",
  "polars==0.20.3",
  "matplotlib==3.8.2",
  "torchvision==0.16.2",
  "uvicorn==0.25.0",
  "cupy==12.3.0",
  "onnxruntime-gpu==1.16.3",
  "black==24.1.0",
  "mypy==1.8.0",
  "threadpoolctl==3.2.0",
].join("\n");

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

const text = (path: string) => decodeBytes(readFileSync(path)).text;

/** `<file>:<line>` of every `# ruleid: pin-requirements` in the folder, read in each file's own encoding. */
function expected(dir: string): string[] {
  return files(dir)
    .flatMap((f) => [...expectations(text(join(dir, f))).expected].map((k) => `${f}:${k.replace(/^pin-requirements@/u, "")}`))
    .sort();
}

interface JsonResult {
  filePath: string;
  messages: { ruleId: string | null; line: number; fatal?: boolean; fix?: { range: [number, number]; text: string } }[];
}

const keys = (results: JsonResult[], dir: string) =>
  results.flatMap((r) => r.messages.map((m) => `${relative(dir, r.filePath)}:${m.ruleId === "exp-lint/pin-requirements" ? m.line : `fatal ${m.line}`}`)).sort();

describe("every manifest kind in one folder", () => {
  it("has a finding at every annotated line, and only there, in the CLI and in ESLint alike", async () => {
    const want = expected(FOLDER);
    expect(want.length).toBe(23);
    const cli = await runCli(["--format", "json", "."], FOLDER);
    const cliResults = JSON.parse(cli.stdout) as JsonResult[];
    expect(keys(cliResults, FOLDER)).toEqual(want);
    const eslint = new ESLint({ cwd: FOLDER, overrideConfigFile: true, overrideConfig: plugin.configs.recommended });
    const eslintResults = (await eslint.lintFiles(["."])) as unknown as JsonResult[];
    expect(keys(eslintResults, FOLDER)).toEqual(want);
    // The same files, envs/training.yml (named by an MLproject) and the -r include among them.
    expect(eslintResults.map((r) => relative(FOLDER, r.filePath)).sort()).toEqual(cliResults.map((r) => relative(FOLDER, r.filePath)).sort());
    expect(cliResults.map((r) => relative(FOLDER, r.filePath))).toContain(join("mlflow-legacy", "envs", "training.yml"));
  });

  it("carries each finding's fix in JSON when a version is known", async () => {
    const dir = tempProject({ "frozen.txt": FROZEN });
    cpSync(FOLDER, dir, { recursive: true });
    const r = await runCli(["--format", "json", "--pin-from", "frozen.txt", "."], dir);
    const messages = (JSON.parse(r.stdout) as JsonResult[]).flatMap((x) => x.messages);
    expect(messages.length).toBe(23);
    expect(messages.filter((m) => m.fix === undefined)).toEqual([]);
  });

  it("--fix-dry-run shows the change --fix makes, writes nothing; --fix pins every entry; a second run changes nothing", async () => {
    const dir = tempProject({ "frozen.txt": FROZEN });
    cpSync(FOLDER, dir, { recursive: true });
    const snapshot = () => Object.fromEntries(files(dir).map((f) => [f, readFileSync(join(dir, f))]));
    const before = snapshot();

    const dry = await runCli(["--fix-dry-run", "--pin-from", "frozen.txt", "."], dir);
    expect(dry.code, dry.stdout).toBe(0);
    expect(snapshot()).toEqual(before);
    expect(dry.stdout).toContain("--fix-dry-run: would change 23 lines in 11 files; nothing written");
    expect(dry.stdout).toContain("--- a/requirements-windows.txt\n+++ b/requirements-windows.txt\n");

    const fix = await runCli(["--fix", "--pin-from", "frozen.txt", "."], dir);
    expect(fix.code, fix.stdout).toBe(0);
    expect(fix.stderr).toBe("");
    const changes = fix.stdout.split("\n").filter((l) => /^\S+:\d+ {2}/u.test(l));
    expect(changes.length).toBe(23);
    expect(changes).toContain("requirements-windows.txt:7  scikit-learn>=1.4 -> scikit-learn==1.4.0");
    expect(changes).toContain('pipenv-project/Pipfile:8  torch = "*" -> torch = "==2.1.2"');
    expect(changes).toContain("mlflow-project/conda.yaml:8  numpy>=1.26 -> numpy=1.26.3");
    expect(changes).toContain("package/setup.py:21  lightgbm -> lightgbm==4.2.0");
    expect(changes).toContain("docker/Dockerfile:6  torchvision -> torchvision==0.16.2");
    expect(fix.stdout).toContain("--fix: changed 23 lines in 11 files");

    // The dry run's diff is exactly what --fix wrote: every added line of it is in the files now, every removed one gone.
    const after = Object.fromEntries(files(dir).map((f) => [f, text(join(dir, f))]));
    const diffLines = dry.stdout.split("\n").filter((l) => /^[-+](?![-+]{2} [ab]\/)/u.test(l));
    expect(diffLines.filter((l) => l.startsWith("+")).length).toBe(23);
    for (const l of diffLines.filter((x) => x.startsWith("+")))
      expect(
        Object.values(after).some((t) => t.split(/\r?\n/u).includes(l.slice(1).replace(/\r$/u, ""))),
        l,
      ).toBe(true);

    // Each file keeps its encoding: UTF-16 with its byte-order mark and CRLF, UTF-8 with its mark.
    const utf16 = readFileSync(join(dir, "requirements-windows.txt"));
    expect([utf16[0], utf16[1]]).toEqual([0xff, 0xfe]);
    expect(decodeBytes(utf16).text).toContain("\r\nscikit-learn==1.4.0\r\n# ruleid: pin-requirements\r\nthreadpoolctl==3.2.0\r\n");
    expect([...readFileSync(join(dir, "test-requirements.txt")).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);

    const pinned = snapshot();
    const again = await runCli(["--fix", "--pin-from", "frozen.txt", "."], dir);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("--fix: nothing to fix");
    expect(snapshot()).toEqual(pinned);
    expect(statSync(join(dir, "requirements-windows.txt")).size).toBe(pinned["requirements-windows.txt"]!.length);
  });

  it("never pins a pre-release the range leaves out: numpy<2.0 with 2.0rc1 installed stays as written", async () => {
    const dir = tempProject({ "requirements.txt": "numpy<2.0\nscipy>=1.11\n", "frozen.txt": "numpy==2.0rc1\nscipy==1.12.0rc1\n" });
    const r = await runCli(["--fix", "--pin-from", "frozen.txt"], dir);
    expect(r.code).toBe(1);
    expect(readFileSync(join(dir, "requirements.txt"), "utf8")).toBe("numpy<2.0\nscipy>=1.11\n");
    expect(r.stdout).toContain("the version in frozen.txt, 2.0rc1, is outside the range");
  });
});
