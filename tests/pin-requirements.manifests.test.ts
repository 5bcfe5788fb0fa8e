import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Linter, RuleTester } from "eslint";
import { describe, expect, it } from "vitest";
import { readInstallLines, readScriptBlock } from "../parsers/manifests/python-side.js";
import { poetrySpecifiers } from "../parsers/manifests/pyproject.js";
import { satisfies } from "../parsers/manifests/versions.js";
import { pythonLanguage } from "../parsers/python/language.js";
import { requirementsLanguage } from "../parsers/manifests/language.js";
import plugin from "../plugin/index.js";
import rule from "../rules/pin-requirements.js";
import { pip } from "./util/pin-data.js";

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const own = { languages: { requirements: requirementsLanguage, python: pythonLanguage }, rules: { "pin-requirements": rule } };
const PINS = { settings: { "exp-lint": { pins: { NumPy: "1.26.4", pandas: "2.2.0", scikit_learn: "1.4.2", torch: "2.1.2", lightgbm: "4.3.0" } } } };

const manifests = new RuleTester({ files: ["**/*.js", "**/*.toml", "**/*.yml"], plugins: { "exp-lint": own }, language: "exp-lint/requirements" } as never);
const python = new RuleTester({ files: ["**/*.js", "**/*.py"], plugins: { "exp-lint": own }, language: "exp-lint/python" } as never);

const toml = (code: string) => ({ code, filename: "pyproject.toml" });
const yml = (code: string) => ({ code, filename: "environment.yml" });

manifests.run("pin-requirements (pyproject.toml, environment.yml)", rule as never, {
  valid: [
    toml('[project]\nname = "x"\ndependencies = ["numpy==1.26.4", "pandas===2.2.0"]\n'),
    toml('[build-system]\nrequires = ["hatchling>=1"]\n[project]\ndynamic = ["dependencies"]\n'),
    toml('[tool.poetry.dependencies]\npython = "^3.11"\nnumpy = "1.26.4"\nlocal = { path = "../local" }\n'),
    toml('[dependency-groups]\ndev = [{ include-group = "test" }]\ntest = ["pytest==8.0.2"]\n'),
    yml("name: e\nchannels:\n  - conda-forge\ndependencies:\n  - python=3.11\n  - pip\n  - numpy=1.26.4\n  - pandas==2.2.0\n  - pip:\n    - mlflow==2.9.2\n"),
  ],
  invalid: [
    {
      ...toml('[project]\nname = "x"\ndependencies = [\n  "numpy>=1.26",  # arrays\n  "Scikit_Learn[alldeps] ; python_version > \'3\'",\n]\n'),
      ...PINS,
      output: '[project]\nname = "x"\ndependencies = [\n  "numpy==1.26.4",  # arrays\n  "Scikit_Learn[alldeps]==1.4.2 ; python_version > \'3\'",\n]\n',
      errors: [
        { messageId: "notPinned", line: 4, column: 4, endLine: 4, endColumn: 15 },
        { messageId: "noVersion", line: 5, column: 4, endLine: 5, endColumn: 48 },
      ],
    },
    {
      ...toml('[tool.poetry.dependencies]\npython = "^3.11"\nnumpy = "^1.26"\ntorch = { version = "~2.1", extras = ["cuda"] }\nshap = "*"\n'),
      ...PINS,
      output: '[tool.poetry.dependencies]\npython = "^3.11"\nnumpy = "1.26.4"\ntorch = { version = "2.1.2", extras = ["cuda"] }\nshap = "*"\n',
      errors: [
        { messageId: "notPinned", data: pip.notPinned('numpy = "^1.26"', "numpy==1.26"), line: 3 },
        { messageId: "notPinned", line: 4 },
        { messageId: "noVersion", data: pip.noVersion("shap", true), line: 5 },
      ],
    },
    {
      // The lock says 2.1.2; the user asked for >=3: report, never pin outside the range.
      ...toml('[project.optional-dependencies]\ngpu = ["torch>=3"]\n[tool.poetry.group.dev.dependencies]\nlightgbm = "^3.3"\n'),
      ...PINS,
      output: null,
      errors: [
        { messageId: "pinOutsideRange", data: { requirement: "torch>=3", version: "2.1.2", source: 'settings["exp-lint"].pins' }, line: 2 },
        { messageId: "pinOutsideRange", line: 4 },
      ],
    },
    {
      ...toml('[tool.poetry.dependencies]\nnumpy = "^1.20 || ^2.0"\nevalkit = { git = "https://github.com/acme/evalkit.git", branch = "main" }\n'),
      ...PINS,
      output: null,
      errors: [
        { messageId: "notPinnedNoHint", line: 2 },
        { messageId: "vcsNoCommit", data: pip.vcs("evalkit", '"@main"'), line: 3 },
      ],
    },
    {
      ...yml("dependencies:\n  - numpy>=1.26  # conda\n  - conda-forge::pandas\n  - torch 2.1.*\n  - pip:\n    - scikit-learn>=1.4\n"),
      ...PINS,
      output: "dependencies:\n  - numpy=1.26.4  # conda\n  - conda-forge::pandas=2.2.0\n  - torch=2.1.2\n  - pip:\n    - scikit-learn==1.4.2\n",
      errors: [
        { messageId: "notPinned", line: 2, column: 5, endLine: 2, endColumn: 16 },
        { messageId: "noVersion", line: 3, column: 5, endLine: 3, endColumn: 24 },
        { messageId: "notPinnedNoHint", line: 4 },
        { messageId: "notPinned", line: 6, column: 7 },
      ],
    },
    {
      ...yml("dependencies:\n  - numpy>=1.26\n"),
      errors: [{ messageId: "notPinned", line: 2 }],
    },
    {
      // The installer's own tools are not the experiment's packages.
      ...yml("dependencies:\n  - pip\n  - setuptools\n  - wheel\n  - numpy\n"),
      errors: [{ messageId: "noVersion", line: 5 }],
    },
  ],
});

python.run("pin-requirements (PEP 723 scripts)", rule as never, {
  valid: [
    "import numpy\n",
    '# /// script\n# dependencies = ["numpy==1.26.4"]\n# ///\nimport numpy\n',
    // Not a notebook: a comment that reads like a magic is prose.
    "#pip install numpy\nimport numpy\n",
    // An unclosed block is not a block.
    '# /// script\n# dependencies = ["numpy"]\nimport numpy\n',
    // Nor is an unclosed second opening line: one block, pinned.
    '# /// script\n# dependencies = ["numpy==1.26.4"]\n# ///\nimport numpy\n# /// script\n# dependencies = ["rich"]\nimport rich\n',
    // Two openings in one run of comments are one block (PEP 723: it closes at the last `# ///`), whose TOML is invalid: nothing to read.
    '# /// script\n# dependencies = ["numpy"]\n# ///\n# /// script\n# dependencies = ["rich"]\n# ///\nimport numpy\n',
  ],
  invalid: [
    {
      code: '# /// script\n# requires-python = ">=3.11"\n# dependencies = [\n#   "numpy>=1.26",  # fast path\n#   "pandas",\n# ]\n# ///\nimport numpy\n',
      ...PINS,
      output:
        '# /// script\n# requires-python = ">=3.11"\n# dependencies = [\n#   "numpy==1.26.4",  # fast path\n#   "pandas==2.2.0",\n# ]\n# ///\nimport numpy\n',
      errors: [
        { messageId: "notPinned", line: 4, column: 6, endLine: 4, endColumn: 17 },
        { messageId: "noVersion", line: 5, column: 6, endLine: 5, endColumn: 12 },
      ],
    },
    {
      // PEP 723 makes a second block an error; uv installs the first. One finding, at the second, naming both lines; only the first is read.
      code: '#!/usr/bin/env -S uv run --script\n# /// script\n# dependencies = ["numpy"]\n# ///\nimport numpy\n\n# /// script\n# dependencies = ["rich"]\n# ///\nimport rich\n',
      filename: "train.py",
      errors: [
        { messageId: "noVersion", line: 3, column: 20 },
        { messageId: "extraScriptBlock", data: { file: "train.py", count: "2", lines: "2 and 7" }, line: 7, column: 1, endLine: 7, endColumn: 13 },
      ],
    },
    {
      code: '# /// script\n# dependencies = []\n# ///\nx = 1\n# /// script\n# dependencies = ["rich"]\n# ///\ny = 2\n# /// script\n# ///\n',
      filename: "three.py",
      errors: [{ messageId: "extraScriptBlock", data: { file: "three.py", count: "3", lines: "1, 5 and 9" }, line: 5 }],
    },
    {
      // The closing line is the last `# ///` of the comments: a `# ///` inside the block is content.
      code: '# /// script\n# note = \"\"\"\n# ///\n# \"\"\"\n# dependencies = [\"rich\"]\n# ///\n',
      errors: [{ messageId: "noVersion", line: 5, column: 20 }],
    },
    {
      code: '# /// script\r\n# dependencies = ["rich"]\r\n# ///\r\n',
      errors: [{ messageId: "noVersion", data: pip.noVersion("rich"), line: 2, column: 20, endLine: 2, endColumn: 24 }],
    },
  ],
});

describe("front ends", () => {
  it("reads install magics, skipping options, expansions and prose", () => {
    const text =
      "#pip install -q -U numpy 'pandas>=2' -r req.txt $PKG\n# pip install prose\nx = 1  #pip install y\n#conda install -y -c conda-forge pyarrow=15.0.0 duckdb\n#pip install -U pip setuptools wheel\n#python -m pip install --upgrade pip\n#pip install \"gym[all]\" -Uq  # install the gym on top of Keras\n";
    const comments = [...text.matchAll(/#[^\n]*/gu)].map((m) => ({ value: m[0].slice(1), range: [m.index, m.index + m[0].length] as [number, number] }));
    expect(readInstallLines(text, comments).map((e) => `${e.name}@${text.slice(...e.requirementRange)}`)).toEqual([
      "numpy@numpy",
      "pandas@pandas>=2",
      "pyarrow@pyarrow=15.0.0",
      "duckdb@duckdb",
      "gym@gym[all]",
    ]);
  });

  it("maps a script block's entries to file offsets", () => {
    const text = 'x = 1\n# /// script\n#\n# dependencies = [\n#   "a>=1", "b",\n# ]\n# ///\n';
    expect(readScriptBlock(text).map((e) => text.slice(...e.requirementRange))).toEqual(["a>=1", "b"]);
  });

  it.each([
    ["^1.2.3", ">=1.2.3,<2"],
    ["^0.2.3", ">=0.2.3,<0.3"],
    ["^0.0.3", ">=0.0.3,<0.0.4"],
    ["~1.2.3", ">=1.2.3,<1.3"],
    ["~1", ">=1,<2"],
    [">= 1.2, < 2.0", ">=1.2,<2.0"],
    ["1.2.3", "==1.2.3"],
    ["*", ""],
  ])("Poetry %s is %s", (spec, pep440) => {
    expect(
      poetrySpecifiers(spec, [0, 0])!
        .map((s) => `${s.operator}${s.version}`)
        .join(","),
    ).toBe(pep440);
  });

  it.each([
    ["1.26.4", [">=1.26", "<2"], true],
    ["2.0.0", [">=1.26", "<2"], false],
    ["1.26.4", ["~=1.26.0"], true],
    ["1.27.0", ["~=1.26.0"], false],
    ["2.1.2+cu121", ["==2.1.2"], true],
    ["2.1.0rc1", [">=2.1"], false],
    ["1.26.4", ["==1.26.*"], true],
    ["1.26.4", ["!=1.26.4"], false],
    ["1!1.0", [">=2"], true],
  ] as const)("%s satisfies %j: %s", (version, specs, ok) => {
    const specifiers = specs.map((s) => {
      const m = /^(~=|==|!=|>=|<=|>|<)(.*)$/u.exec(s)!;
      return { operator: m[1]!, version: m[2]!, range: [0, 0] as [number, number] };
    });
    expect(satisfies(version, specifiers)).toBe(ok);
  });
});

describe("lockfiles policy", () => {
  const linter = new Linter({ cwd: tmpdir() });
  const dir = mkdtempSync(join(tmpdir(), "exp-lint-locks-"));
  const config = (lockfiles: string) => [
    {
      files: ["**/*.toml"],
      plugins: { "exp-lint": plugin },
      language: "exp-lint/requirements",
      rules: { "exp-lint/pin-requirements": ["error", { lockfiles }] },
    },
    { files: ["**/*.py"], plugins: { "exp-lint": plugin }, language: "exp-lint/python", rules: { "exp-lint/pin-requirements": ["error", { lockfiles }] } },
  ];
  const count = (code: string, file: string, lockfiles: string) => linter.verify(code, config(lockfiles) as never, join(dir, file)).length;

  it("accepts pyproject ranges beside a lock file, and scripts beside <script>.py.lock", () => {
    const pyproject = '[project]\ndependencies = ["numpy>=1.26"]\n';
    const script = '# /// script\n# dependencies = ["numpy>=1.26"]\n# ///\n';
    expect(count(pyproject, "pyproject.toml", "satisfy")).toBe(1);
    expect(count(script, "run.py", "satisfy")).toBe(1);
    writeFileSync(join(dir, "uv.lock"), "version = 1\n");
    writeFileSync(join(dir, "run.py.lock"), "version = 1\n");
    expect(count(pyproject, "pyproject.toml", "satisfy")).toBe(0);
    expect(count(script, "run.py", "satisfy")).toBe(0);
    expect(count(pyproject, "pyproject.toml", "ignore")).toBe(1);
    expect(count(script, "run.py", "ignore")).toBe(1);
  });
});
