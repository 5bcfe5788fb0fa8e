import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, tempProject } from "./util/cli.js";
import { FIXTURES, fixtureFiles } from "./util/fixtures.js";

const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string };
const fixture = (rel: string) => readFileSync(join(FIXTURES, rel), "utf8");
// Clean scripts, with the project modules they import (fixtures without expectations, such as require-seed/experiment_setup.py).
const clean = fixtureFiles().filter((f) => f.endsWith(".ok.py") || (f.endsWith(".py") && !fixture(f).includes("ruleid:")));
const dirty = fixtureFiles().filter((f) => f.endsWith(".py") && !f.endsWith(".ok.py"));

interface JsonResult {
  filePath: string;
  errorCount: number;
  warningCount: number;
  messages: { ruleId: string | null; line: number; column: number; message: string; severity: number }[];
}

describe("exp-lint CLI", () => {
  it("exits 0 and says so on clean scripts", async () => {
    const dir = tempProject(Object.fromEntries(clean.map((f) => [f, fixture(f)])));
    const r = await runCli(["."], dir);
    expect(r.stderr).toBe("");
    expect(r.stdout).toContain(`No problems (${clean.length} files checked)`);
    expect(r.code).toBe(0);
  });

  it("exits 1 with file:line:col, rule id, a code frame and a summary on findings", async () => {
    const dir = tempProject({ "train.py": fixture("require-seed/train.py") });
    const r = await runCli([], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^train\.py:\d+:\d+ {2}error {2}.+ {2}exp-lint\/require-seed$/mu);
    expect(r.stdout).toMatch(/^ {2}> *\d+ \|/mu);
    expect(r.stdout).toMatch(/✖ \d+ problems? \(\d+ errors?, \d+ warnings?\) in 1 file; 1 file checked\./u);
  });

  it("prints ESLint's JSON result format", async () => {
    const dir = tempProject({ "a/train.py": fixture("require-seed/train.py"), "b/ok.py": fixture("require-seed/train.ok.py") });
    const r = await runCli(["--format", "json"], dir);
    expect(r.code).toBe(1);
    const results = JSON.parse(r.stdout) as JsonResult[];
    expect(results.map((x) => x.filePath).sort()).toEqual([join(dir, "a/train.py"), join(dir, "b/ok.py")]);
    const bad = results.find((x) => x.filePath.endsWith("train.py"))!;
    expect(bad.errorCount).toBeGreaterThan(0);
    expect(bad.messages.every((m) => m.ruleId?.startsWith("exp-lint/") && m.line > 0 && m.column > 0)).toBe(true);
    expect(results.find((x) => x.filePath.endsWith("ok.py"))!.messages).toEqual([]);
  });

  it("prints SARIF 2.1.0 with each rule's description and help URI", async () => {
    const dir = tempProject({ "train.py": fixture("require-seed/train.py"), "broken.py": fixture("syntax-error/train.py") });
    const r = await runCli(["--format", "sarif"], dir);
    expect(r.code).toBe(1);
    const log = JSON.parse(r.stdout) as {
      version: string;
      runs: {
        tool: { driver: { name: string; rules: { id: string; shortDescription: { text: string }; helpUri: string }[] } };
        results: {
          ruleId: string;
          ruleIndex: number;
          level: string;
          locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[];
        }[];
      }[];
    };
    expect(log.version).toBe("2.1.0");
    const [run] = log.runs;
    expect(run!.tool.driver.name).toBe("exp-lint");
    const ids = run!.tool.driver.rules.map((x) => x.id).sort();
    expect(ids).toEqual(["exp-lint/require-seed", "exp-lint/syntax-error"]);
    for (const rule of run!.tool.driver.rules) {
      expect(rule.shortDescription.text.length).toBeGreaterThan(10);
      expect(rule.helpUri).toMatch(/docs\/rules\/[a-z-]+\.md$/u);
    }
    for (const res of run!.results) {
      expect(run!.tool.driver.rules[res.ruleIndex]!.id).toBe(res.ruleId);
      expect(res.locations[0]!.physicalLocation.artifactLocation).toEqual({ uri: expect.stringMatching(/^(?:train|broken)\.py$/u), uriBaseId: "SRCROOT" });
    }
    expect(run!.results.find((x) => x.ruleId === "exp-lint/syntax-error")!.level).toBe("warning");
  });

  it("prints GitHub Actions annotations, one per finding", async () => {
    const dir = tempProject({ "src/train.py": fixture("require-seed/train.py") });
    const json = JSON.parse((await runCli(["-f", "json"], dir)).stdout) as JsonResult[];
    const lines = (await runCli(["--format", "github"], dir)).stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(json[0]!.messages.length);
    for (const [i, line] of lines.entries()) {
      const m = json[0]!.messages[i]!;
      const match = /^::error file=src\/train\.py,line=(\d+),col=(\d+),endLine=\d+,endColumn=\d+,title=exp-lint\/require-seed::(.+)$/u.exec(line);
      expect(match, line).not.toBeNull();
      expect([Number(match![1]), Number(match![2])]).toEqual([m.line, m.column]);
      expect(match![3]).not.toMatch(/[\r\n]/u);
    }
  });

  it("keeps warnings from failing the run unless --max-warnings is exceeded", async () => {
    const dir = tempProject({ "broken.py": fixture("syntax-error/train.py") });
    const plain = await runCli([], dir);
    expect(plain.stdout).toContain("exp-lint/syntax-error");
    expect(plain.code).toBe(0);
    expect((await runCli(["--max-warnings", "1"], dir)).code).toBe(0);
    const strict = await runCli(["--max-warnings", "0"], dir);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain("too many warnings (maximum: 0)");
  });

  it("drops warnings with --quiet", async () => {
    const dir = tempProject({ "broken.py": fixture("syntax-error/train.py") });
    const r = await runCli(["--quiet", "-f", "json"], dir);
    expect((JSON.parse(r.stdout) as JsonResult[]).flatMap((x) => x.messages)).toEqual([]);
  });

  it("has no colour when stdout is not a TTY, and colour with --color", async () => {
    const dir = tempProject({ "train.py": fixture("require-seed/train.py") });
    expect((await runCli([], dir)).stdout).not.toContain("\u001b[");
    expect((await runCli(["--color"], dir)).stdout).toContain("\u001b[");
    expect((await runCli(["--no-color"], dir, { FORCE_COLOR: "1" })).stdout).not.toContain("\u001b[");
  });

  it("exits 2 on usage errors", async () => {
    const dir = tempProject({ "train.py": "x = 1\n" });
    for (const args of [["--format", "xml"], ["--max-warnings", "-3"], ["--no-such-flag"], ["missing-folder"]]) {
      const r = await runCli(args, dir);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stderr.length, args.join(" ")).toBeGreaterThan(0);
    }
  });

  it("lists the rules and prints a rule's documentation", async () => {
    const dir = tempProject({});
    const { rules } = await import("../rules/index.js");
    const list = await runCli(["rules"], dir);
    expect(list.code).toBe(0);
    for (const [id, rule] of Object.entries(rules)) {
      expect(list.stdout).toMatch(new RegExp(`^${id} +(recommended|strict) +${rule.meta.docs!.description.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&")}$`, "mu"));
    }
    const doc = await runCli(["rule", "exp-lint/require-seed"], dir);
    expect(doc.code).toBe(0);
    expect(doc.stdout).toBe(readFileSync(new URL("../docs/rules/require-seed.md", import.meta.url), "utf8"));
    const missing = await runCli(["rule", "no-such-rule"], dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no rule named "no-such-rule"');
  });

  it("counts findings per rule with --statistics", async () => {
    const dir = tempProject({ "train.py": fixture("require-seed/train.py"), "requirements.txt": "numpy>=1.26\npandas\n" });
    const json = JSON.parse((await runCli(["-f", "json"], dir)).stdout) as JsonResult[];
    const seeds = json.flatMap((r) => r.messages).filter((m) => m.ruleId === "exp-lint/require-seed").length;
    const out = (await runCli(["--statistics"], dir)).stdout;
    expect(out).toMatch(new RegExp(`^ +${seeds} {2}exp-lint/require-seed$`, "mu"));
    expect(out).toMatch(/^ +2 {2}exp-lint\/pin-requirements$/mu);
  });

  it("shows suggestions with --show-suggestions, and in JSON as ESLint does", async () => {
    const dir = tempProject({ "t.py": "import mlflow\n\nwith mlflow.start_run():\n    with mlflow.start_run(run_name='fold'):\n        pass\n" });
    const [r] = JSON.parse((await runCli(["-f", "json"], dir)).stdout) as JsonResult[];
    const nested = r!.messages.find((m) => m.ruleId === "exp-lint/require-run-context") as unknown as {
      suggestions: { desc: string; fix: { range: number[]; text: string } }[];
    };
    expect(nested.suggestions).toEqual([
      {
        messageId: "addNestedFlag",
        data: { flag: "nested", start: "mlflow.start_run()" },
        desc: "Pass nested=True to mlflow.start_run().",
        fix: { range: [81, 81], text: ", nested=True" },
      },
    ]);
    const plain = (await runCli(["--no-color"], dir)).stdout;
    expect(plain).not.toContain("suggestion:");
    const shown = (await runCli(["--no-color", "--show-suggestions"], dir)).stdout;
    expect(shown).toContain(
      "  suggestion: Pass nested=True to mlflow.start_run().\n    -     with mlflow.start_run(run_name='fold'):\n    +     with mlflow.start_run(run_name='fold', nested=True):\n",
    );
  });

  it("reports directives that silence nothing only when asked", async () => {
    const dir = tempProject({ "t.py": "import numpy as np\nnp.random.seed(0)\nx = np.random.rand(2)  # noqa: require-seed\n" });
    expect((await runCli(["-f", "json"], dir)).stdout).not.toContain("Unused");
    const [r] = JSON.parse((await runCli(["-f", "json", "--report-unused-disable-directives"], dir)).stdout) as JsonResult[];
    expect(r!.messages.map((m) => [m.line, m.severity, /Unused eslint-disable directive/u.test(m.message)])).toEqual([[3, 1, true]]);
  });

  it("shows every recommended rule but syntax-error firing on the shipped examples, as the README says", async () => {
    const { rules } = await import("../rules/index.js");
    const recommended = Object.entries(rules)
      .filter(([id, r]) => (r.meta.docs as { recommended?: boolean }).recommended && id !== "syntax-error")
      .map(([id]) => `exp-lint/${id}`)
      .sort();
    const repo = new URL("../", import.meta.url).pathname;
    const results = JSON.parse((await runCli(["-f", "json", "examples/"], repo)).stdout) as JsonResult[];
    const fired = [...new Set(results.flatMap((r) => r.messages.map((m) => m.ruleId)))].sort();
    expect(fired).toEqual(recommended);
    const count = results.reduce((n, r) => n + r.messages.length, 0);
    expect(readFileSync(join(repo, "README.md"), "utf8")).toContain(`${count} findings in ${results.length} files`);
  });

  it("prints --version and --help", async () => {
    const dir = tempProject({});
    expect(await runCli(["--version"], dir)).toMatchObject({ code: 0, stdout: `${pkg.version}\n` });
    const help = await runCli(["--help"], dir);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("--max-warnings");
    expect(help.stdout).toContain("Exit codes");
  });

  it("respects .gitignore and skips virtualenvs and node_modules", async () => {
    const bad = fixture(dirty.find((f) => f.includes("require-seed"))!);
    const dir = tempProject({
      ".gitignore": "generated/\n",
      "generated/train.py": bad,
      ".venv/lib/site.py": bad,
      "node_modules/pkg/x.py": bad,
      "src/train.py": bad,
    });
    const results = JSON.parse((await runCli(["-f", "json"], dir)).stdout) as JsonResult[];
    expect(results.map((r) => r.filePath)).toEqual([join(dir, "src/train.py")]);
  });

  it("lints requirements files and the files they include", async () => {
    const dir = tempProject({
      "requirements.txt": "-r base-deps.txt\nnumpy==1.26.4\n",
      "base-deps.txt": "pandas>=2.0\n",
    });
    const results = JSON.parse((await runCli(["-f", "json"], dir)).stdout) as JsonResult[];
    const base = results.find((r) => r.filePath.endsWith("base-deps.txt"))!;
    expect(base.messages.map((m) => [m.ruleId, m.line])).toEqual([["exp-lint/pin-requirements", 1]]);
    expect(results.find((r) => r.filePath.endsWith("requirements.txt"))!.messages).toEqual([]);
  });

  it("shows notebook findings by cell, and keeps raw-file positions in JSON", async () => {
    const nb = fixture("mixed/experiment_churn.ipynb");
    const dir = tempProject({ "notebooks/experiment_churn.ipynb": nb, "notebooks/.ipynb_checkpoints/experiment_churn-checkpoint.ipynb": nb });
    const human = await runCli([], dir);
    expect(human.stdout).toMatch(/^notebooks\/experiment_churn\.ipynb:cell 6:2:36 {2}error {2}.+exp-lint\/require-seed$/mu);
    expect(human.stdout).toMatch(/^ {2}> 2 \| X_train, X_test, y_train, y_test = train_test_split/mu);
    const [result] = JSON.parse((await runCli(["-f", "json"], dir)).stdout) as (JsonResult & {
      messages: { cell: number; cellLine: number; cellColumn: number }[];
    })[];
    const seed = result!.messages.find((m) => m.ruleId === "exp-lint/require-seed")!;
    expect(seed).toMatchObject({ cell: 6, cellLine: 2, cellColumn: 36 });
    expect(nb.split("\n")[seed.line - 1]!.slice(seed.column - 1)).toMatch(/^train_test_split\(/u);
  });

  it("gives the same findings with two worker threads as with one", async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 90; i++) {
      const f = dirty[i % dirty.length]!;
      files[`p${i}/${f}`] = fixture(f);
    }
    const dir = tempProject(files);
    const one = JSON.parse((await runCli(["-f", "json", "--concurrency", "off"], dir)).stdout) as JsonResult[];
    const two = JSON.parse((await runCli(["-f", "json", "--concurrency", "2"], dir)).stdout) as JsonResult[];
    expect(two).toEqual(one);
    expect(one.reduce((n, r) => n + r.messages.length, 0)).toBeGreaterThan(90);
    // SARIF needs rule metadata for files the worker threads linted.
    const sarifOne = (await runCli(["-f", "sarif", "--concurrency", "off"], dir)).stdout;
    expect((await runCli(["-f", "sarif", "--concurrency", "2"], dir)).stdout).toBe(sarifOne);
    expect(sarifOne).toContain('"id": "exp-lint/require-seed"');
  });
});
