// exp-lint.toml and [tool.exp-lint]: discovery, precedence, file selection, rules and their options, errors.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, tempProject, type CliRun } from "./util/cli.js";
import { main } from "../dist/cli/main.js";
import { findings, housingFiles, LITERAL, RUN_WITHOUT_PROVENANCE, SPLIT_RELIES_ON_GLOBAL, UNPINNED, UNSEEDED } from "./util/housing-project.js";

const ALL = [LITERAL, UNSEEDED, UNPINNED];
const sorted = (xs: string[]) => [...xs].sort();

/** Lint `cwd` (or `args`) as JSON; findings relative to `root`. */
async function lintJson(root: string, args: string[] = [], cwd = root): Promise<string[]> {
  return findings(await runCli(["--format", "json", ...args], cwd), root);
}

describe("configuration files", () => {
  it("reads [tool.exp-lint] from pyproject.toml: ignore, severity, rule ids with or without the exp-lint/ prefix", async () => {
    const root = tempProject({
      ...housingFiles(),
      "pyproject.toml":
        '[project]\nname = "housing"\nversion = "0.1.0"\n\n[tool.exp-lint]\nignore = ["exp-lint/no-literal-log-param"]\n\n[tool.exp-lint.severity]\n"exp-lint/pin-requirements" = "warn"\n',
    });
    expect(await lintJson(root)).toEqual(sorted([UNSEEDED, "requirements.txt:2 pin-requirements warn"]));
  });

  it("exits 0 when the config leaves only warnings", async () => {
    const root = tempProject({
      ...housingFiles(),
      "exp-lint.toml": 'ignore = ["require-seed", "no-literal-log-param"]\nseverity = { pin-requirements = "warn" }\n',
    });
    const r = await runCli([], root);
    expect(r.stdout).toContain("1 problem (0 errors, 1 warning)");
    expect(r.code).toBe(0);
  });

  it("select replaces the recommended set, extend-select adds to it, severity off is ignore", async () => {
    const select = tempProject({ ...housingFiles(), "exp-lint.toml": 'select = ["pin-requirements"]\n' });
    expect(await lintJson(select)).toEqual(sorted([UNPINNED]));
    const extend = tempProject({ ...housingFiles(), "exp-lint.toml": 'select = ["pin-requirements"]\nextend-select = ["require-seed"]\n' });
    expect(await lintJson(extend)).toEqual(sorted([UNSEEDED, UNPINNED]));
    const off = tempProject({ ...housingFiles(), "exp-lint.toml": '[severity]\nrequire-seed = "off"\n' });
    expect(await lintJson(off)).toEqual(sorted([LITERAL, UNPINNED]));
  });

  it("applies per-file-ignores by glob relative to the config's folder, and by bare name anywhere", async () => {
    const root = tempProject({
      ...housingFiles("pipeline/"),
      "scripts/prepare.py": housingFiles()["prepare.py"]!,
      "exp-lint.toml": '[per-file-ignores]\n"pipeline/*.py" = ["no-literal-log-param"]\n"prepare.py" = ["require-seed"]\n',
    });
    expect(await lintJson(root)).toEqual(sorted([`pipeline/${UNPINNED}`]));
    // Anchored at the config's folder: the same glob from a config one level down matches nothing.
    const nested = tempProject({ ...housingFiles("pipeline/"), "pipeline/exp-lint.toml": '[per-file-ignores]\n"pipeline/*.py" = ["no-literal-log-param"]\n' });
    expect(await lintJson(nested, [], join(nested, "pipeline"))).toEqual(sorted([LITERAL, UNSEEDED, UNPINNED].map((f) => `pipeline/${f}`)));
  });

  it("applies per-file-ignores to notebooks' code cells", async () => {
    const cell = (source: string) => ({ cell_type: "code", metadata: {}, execution_count: null, outputs: [], source });
    const notebook = JSON.stringify({
      nbformat: 4,
      nbformat_minor: 5,
      metadata: {},
      cells: [cell("import numpy as np\n"), cell("noise = np.random.normal(size=100)\nprint(noise.std())\n")],
    });
    const plain = tempProject({ "notebooks/eda.ipynb": notebook });
    expect(await lintJson(plain)).toEqual(sorted(["notebooks/eda.ipynb:1 require-seed error"]));
    const ignored = tempProject({ "notebooks/eda.ipynb": notebook, "exp-lint.toml": '[per-file-ignores]\n"notebooks/*.ipynb" = ["require-seed"]\n' });
    expect(await lintJson(ignored)).toEqual([]);
  });
});

describe("discovery and precedence", () => {
  it("uses the nearest config from the working directory upwards, skipping a pyproject.toml without [tool.exp-lint]", async () => {
    const root = tempProject({
      ...housingFiles("src/"),
      "exp-lint.toml": 'ignore = ["require-seed"]\n',
      "src/pyproject.toml": '[project]\nname = "housing"\nversion = "0.1.0"\n',
    });
    expect(await lintJson(root, [], join(root, "src"))).toEqual(sorted([LITERAL, UNPINNED].map((f) => `src/${f}`)));
  });

  it("exp-lint.toml wins over pyproject.toml in the same folder; a nearer pyproject.toml wins over a farther exp-lint.toml", async () => {
    const same = tempProject({
      ...housingFiles(),
      "exp-lint.toml": 'ignore = ["require-seed"]\n',
      "pyproject.toml": '[tool.exp-lint]\nignore = ["pin-requirements"]\n',
    });
    expect(await lintJson(same)).toEqual(sorted([LITERAL, UNPINNED]));
    const nearer = tempProject({
      ...housingFiles("src/"),
      "exp-lint.toml": 'ignore = ["require-seed"]\n',
      "src/pyproject.toml": '[tool.exp-lint]\nignore = ["pin-requirements"]\n',
    });
    expect(await lintJson(nearer, [], join(nearer, "src"))).toEqual(sorted([LITERAL, UNSEEDED].map((f) => `src/${f}`)));
  });

  it("--config names the file, --no-config and --isolated ignore it", async () => {
    const root = tempProject({ ...housingFiles(), "exp-lint.toml": 'ignore = ["require-seed"]\n', "ci/lenient.toml": 'select = ["pin-requirements"]\n' });
    expect(await lintJson(root)).toEqual(sorted([LITERAL, UNPINNED]));
    expect(await lintJson(root, ["--config", "ci/lenient.toml"])).toEqual(sorted([UNPINNED]));
    expect(await lintJson(root, ["--no-config"])).toEqual(sorted(ALL));
    expect(await lintJson(root, ["--isolated"])).toEqual(sorted(ALL));
  });

  it("--config with a pyproject.toml reads its [tool.exp-lint] table", async () => {
    const root = tempProject({ ...housingFiles(), "configs/pyproject.toml": '[tool.exp-lint]\nselect = ["no-literal-log-param"]\n' });
    expect(await lintJson(root, ["--config", "configs/pyproject.toml"])).toEqual(sorted([LITERAL]));
  });

  it("strict in the file turns on strict options; --no-strict and --strict win over it", async () => {
    const strict = tempProject({ ...housingFiles(), "exp-lint.toml": "strict = true\n" });
    expect(await lintJson(strict)).toEqual(sorted([...ALL, SPLIT_RELIES_ON_GLOBAL, ...RUN_WITHOUT_PROVENANCE]));
    expect(await lintJson(strict, ["--no-strict"])).toEqual(sorted(ALL));
    const lax = tempProject({ ...housingFiles(), "exp-lint.toml": "strict = false\n" });
    expect(await lintJson(lax, ["--strict"])).toEqual(sorted([...ALL, SPLIT_RELIES_ON_GLOBAL, ...RUN_WITHOUT_PROVENANCE]));
  });

  it("a broken pyproject.toml that does not configure exp-lint is not a config error", async () => {
    const root = tempProject({ ...housingFiles("src/"), "pyproject.toml": '[project\nname = "housing"\n' });
    const r = await runCli(["--format", "json", "src"], root);
    expect(r.stderr).toBe("");
    expect(findings(r, root)).toEqual(sorted(ALL.map((f) => `src/${f}`)));
  });
});

describe("include and exclude", () => {
  const project = () => ({
    ...housingFiles(),
    "legacy/old_train.py": housingFiles()["prepare.py"]!,
    ".venv/lib/python3.11/site-packages/helper.py": housingFiles()["prepare.py"]!,
  });

  it("extend-exclude skips folders and files on top of the default list", async () => {
    const root = tempProject({ ...project(), "exp-lint.toml": 'extend-exclude = ["legacy", "prepare.py"]\n' });
    expect(await lintJson(root)).toEqual(sorted([LITERAL, UNPINNED]));
  });

  it("exclude replaces the default list, as in Ruff", async () => {
    const root = tempProject({ ...project(), "exp-lint.toml": 'exclude = ["legacy/"]\n' });
    expect(await lintJson(root)).toEqual(sorted([".venv/lib/python3.11/site-packages/helper.py:6 require-seed error", ...ALL]));
  });

  it("include lints only the files it matches", async () => {
    const root = tempProject({ ...project(), "exp-lint.toml": 'include = ["*.py"]\n' });
    expect(await lintJson(root)).toEqual(sorted(["legacy/old_train.py:6 require-seed error", LITERAL, UNSEEDED]));
  });

  it("excludes apply to files named on the command line (as a pre-commit hook passes them)", async () => {
    const root = tempProject({ ...project(), "exp-lint.toml": 'extend-exclude = ["legacy"]\n' });
    expect(await lintJson(root, ["legacy/old_train.py", "prepare.py"])).toEqual(sorted([UNSEEDED]));
  });

  it("--ignore-pattern adds to the config's excludes", async () => {
    const root = tempProject({ ...project(), "exp-lint.toml": 'extend-exclude = ["legacy"]\n' });
    expect(await lintJson(root, ["--ignore-pattern", "requirements.txt"])).toEqual(sorted([LITERAL, UNSEEDED]));
  });
});

describe("rule options", () => {
  it("passes a rule's options table to the rule, in camelCase or kebab-case, on one thread or two", async () => {
    for (const key of ["requireExplicitRandomState", "require-explicit-random-state"]) {
      const root = tempProject({ ...housingFiles(), "pyproject.toml": `[tool.exp-lint.rules.require-seed]\n${key} = true\n` });
      expect(await lintJson(root, ["--concurrency", "off"])).toEqual(sorted([...ALL, SPLIT_RELIES_ON_GLOBAL]));
      expect(await lintJson(root, ["--concurrency", "2"])).toEqual(sorted([...ALL, SPLIT_RELIES_ON_GLOBAL]));
    }
  });

  it("applies the config in worker threads", async () => {
    const root = tempProject({
      ...housingFiles(),
      "exp-lint.toml": 'ignore = ["no-literal-log-param"]\n[per-file-ignores]\n"prepare.py" = ["require-seed"]\n',
    });
    expect(await lintJson(root, ["--concurrency", "2"])).toEqual(sorted([UNPINNED]));
  });

  it("a rule option overrides what strict sets", async () => {
    const root = tempProject({ ...housingFiles(), "exp-lint.toml": "strict = true\n[rules.require-seed]\nrequireExplicitRandomState = false\n" });
    expect(await lintJson(root)).toEqual(sorted([...ALL, ...RUN_WITHOUT_PROVENANCE]));
  });
});

/** The CLI's entry point in this process: a configuration error stops it before any linting. */
async function runMain(args: string[], cwd: string): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const code = await main(args, { stdout: (s: string) => (stdout += s), stderr: (s: string) => (stderr += s), isTTY: false, cwd });
  return { code, stdout, stderr };
}

describe("configuration errors exit 2 and name the file and the key", () => {
  const cases: [string, Record<string, string>, string][] = [
    [
      "an unknown key",
      { "pyproject.toml": '[tool.exp-lint]\nselct = ["require-seed"]\n' },
      'pyproject.toml: [tool.exp-lint] unknown key "selct" (did you mean "select"?)',
    ],
    [
      "an unknown key at the top of exp-lint.toml",
      { "exp-lint.toml": 'extend_exclude = ["legacy"]\n' },
      'exp-lint.toml: unknown key "extend_exclude" (did you mean "extend-exclude"?)',
    ],
    [
      "an unknown rule id in severity",
      { "pyproject.toml": '[tool.exp-lint.severity]\nrequire-sed = "warn"\n' },
      'pyproject.toml: [tool.exp-lint] "severity.require-sed": unknown rule id "require-sed" (did you mean "require-seed"?)',
    ],
    [
      "an unknown rule id in a list",
      { "exp-lint.toml": 'ignore = ["exp-lint/no-literal-param"]\n' },
      'exp-lint.toml: "ignore": unknown rule id "exp-lint/no-literal-param" (did you mean "no-literal-log-param"?)',
    ],
    [
      "an unknown rule id in per-file-ignores",
      { "exp-lint.toml": '[per-file-ignores]\n"tests/**" = ["E501"]\n' },
      'exp-lint.toml: "per-file-ignores.tests/**": unknown rule id "E501"',
    ],
    [
      "an unknown rule in rules",
      { "exp-lint.toml": "[rules.require-seeds]\nrequireExplicitRandomState = true\n" },
      'exp-lint.toml: "rules.require-seeds": unknown rule id "require-seeds" (did you mean "require-seed"?)',
    ],
    [
      "a string for a list",
      { "pyproject.toml": '[tool.exp-lint]\nselect = "require-seed"\n' },
      'pyproject.toml: [tool.exp-lint] "select" must be a list of rule ids',
    ],
    ["a string for a boolean", { "exp-lint.toml": 'strict = "yes"\n' }, 'exp-lint.toml: "strict" must be true or false'],
    ["a string for a glob list", { "exp-lint.toml": 'exclude = "legacy"\n' }, 'exp-lint.toml: "exclude" must be a list of glob patterns'],
    [
      "a bad severity",
      { "exp-lint.toml": '[severity]\nrequire-seed = "warning"\n' },
      'exp-lint.toml: "severity.require-seed" must be "error", "warn" or "off", not "warning"',
    ],
    ["severity not a table", { "exp-lint.toml": 'severity = "warn"\n' }, 'exp-lint.toml: "severity" must be a table of rule id = "error" | "warn" | "off"'],
    [
      "an unknown rule option",
      { "pyproject.toml": "[tool.exp-lint.rules.require-seed]\nrequireRandomState = true\n" },
      'pyproject.toml: [tool.exp-lint.rules.require-seed] unknown option "requireRandomState"',
    ],
    [
      "a rule option of the wrong type",
      { "exp-lint.toml": '[rules.require-seed]\nrequire-explicit-random-state = "yes"\n' },
      'exp-lint.toml: [rules.require-seed] "require-explicit-random-state" must be boolean',
    ],
    [
      "a rule option outside its enum",
      { "exp-lint.toml": '[rules.pin-requirements]\nlockfiles = "trust"\n' },
      'exp-lint.toml: [rules.pin-requirements] "lockfiles" must be one of "satisfy", "ignore"',
    ],
    [
      "options for a rule that takes none",
      { "exp-lint.toml": "[rules.no-literal-log-param]\nstrict = true\n" },
      'exp-lint.toml: [rules.no-literal-log-param] rule "no-literal-log-param" takes no options',
    ],
    [
      "invalid TOML",
      { "pyproject.toml": '[project]\nname = "housing"\n\n[tool.exp-lint]\nignore = ["require-seed"\n' },
      "pyproject.toml:6:1: invalid TOML: expected comma or end of structure",
    ],
  ];

  for (const [what, files, message] of cases) {
    it(what, async () => {
      const root = tempProject({ ...housingFiles(), ...files });
      const r = await runMain([], root);
      expect(r.stderr).toBe(`exp-lint: ${message}\n`);
      expect(r.stdout).toBe("");
      expect(r.code).toBe(2);
    });
  }

  it("reports every problem of a file at once, naming the file relative to the working directory", async () => {
    const root = tempProject({ ...housingFiles("src/"), "pyproject.toml": "[tool.exp-lint]\nstrict = 1\nignored = []\n" });
    const r = await runMain([], join(root, "src"));
    expect(r.stderr).toBe(
      'exp-lint: ../pyproject.toml: [tool.exp-lint] "strict" must be true or false\nexp-lint: ../pyproject.toml: [tool.exp-lint] unknown key "ignored" (did you mean "ignore"?)\n',
    );
    expect(r.code).toBe(2);
  });

  it("--config with a file that does not exist", async () => {
    const r = await runMain(["--config", "nope.toml"], tempProject(housingFiles()));
    expect(r.stderr).toBe("exp-lint: --config nope.toml: no such file\n");
    expect(r.code).toBe(2);
  });
});
