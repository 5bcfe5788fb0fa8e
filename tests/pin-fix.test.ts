import { chmodSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, tempProject } from "./util/cli.js";

/** A notebook as Jupyter writes it: one-space indent, one source line per JSON string. */
function notebook(cells: string[]): string {
  const json = {
    cells: cells.map((src, i) => {
      const lines = src.split("\n");
      return {
        cell_type: "code",
        execution_count: null,
        id: `c${i}`,
        metadata: {},
        outputs: [],
        source: lines.map((l, k) => (k < lines.length - 1 ? `${l}\n` : l)),
      };
    }),
    metadata: { kernelspec: { display_name: "Python 3", language: "python", name: "python3" }, language_info: { name: "python" } },
    nbformat: 4,
    nbformat_minor: 5,
  };
  return `${JSON.stringify(json, null, 1)}\n`;
}

const SHA = "sha256:0f4b0d9ef4ac1f4e1e8c9e5b1a0f7e6d5c4b3a29181716151413121110090807";

/** One of each manifest kind, every one with unpinned entries, and what `--fix` must make of them. */
const BEFORE: Record<string, string> = {
  "requirements.txt": `# training environment\r\nnumpy>=1.26  # fast path\r\nscikit-learn[alldeps] ; python_version >= "3.10"\r\npandas>=2 \\\r\n    --hash=${SHA}\r\ntorch==2.1.2\r\n`,
  "environment.yml": "name: churn\nchannels:\n  - conda-forge\ndependencies:\n  - python=3.11\n  - numpy>=1.26\n  - pip:\n      - scikit-learn  # metrics\n",
  "train.py":
    '# /// script\n# requires-python = ">=3.11"\n# dependencies = [\n#   "pandas>=2",\n#   "numpy",  # arrays\n# ]\n# ///\nimport numpy as np\nimport pandas as pd\n\nprint(np.__version__, pd.__version__)\n',
  "pyproject.toml":
    '[project]\nname = "churn"\nversion = "0.1.0"\ndependencies = [\n    "numpy>=1.26",\n    "pandas ; python_version >= \'3.10\'",\n]\n\n[tool.poetry.group.dev.dependencies]\nscikit-learn = "^1.4"\n',
  "notebooks/experiment_churn.ipynb": notebook(["%pip install -q numpy pandas>=2", "import pandas as pd\ndf = pd.DataFrame({'a': [1]})"]),
};

const AFTER: Record<string, string> = {
  "requirements.txt": `# training environment\r\nnumpy==1.26.4  # fast path\r\nscikit-learn[alldeps]==1.4.2 ; python_version >= "3.10"\r\npandas==2.2.0 \\\r\n    --hash=${SHA}\r\ntorch==2.1.2\r\n`,
  "environment.yml":
    "name: churn\nchannels:\n  - conda-forge\ndependencies:\n  - python=3.11\n  - numpy=1.26.4\n  - pip:\n      - scikit-learn==1.4.2  # metrics\n",
  "train.py":
    '# /// script\n# requires-python = ">=3.11"\n# dependencies = [\n#   "pandas==2.2.0",\n#   "numpy==1.26.4",  # arrays\n# ]\n# ///\nimport numpy as np\nimport pandas as pd\n\nprint(np.__version__, pd.__version__)\n',
  "pyproject.toml":
    '[project]\nname = "churn"\nversion = "0.1.0"\ndependencies = [\n    "numpy==1.26.4",\n    "pandas==2.2.0 ; python_version >= \'3.10\'",\n]\n\n[tool.poetry.group.dev.dependencies]\nscikit-learn = "1.4.2"\n',
  "notebooks/experiment_churn.ipynb": notebook(["%pip install -q numpy==1.26.4 pandas==2.2.0", "import pandas as pd\ndf = pd.DataFrame({'a': [1]})"]),
};

const toml = (lock: string) =>
  `version = 1\n\n[[package]]\nname = "numpy"\nversion = "1.26.4"\n\n[[package]]\nname = "pandas"\nversion = "2.2.0"\n\n[[package]]\nname = "${lock === "poetry" ? "Scikit_Learn" : "scikit-learn"}"\nversion = "1.4.2"\n`;
const dist = (name: string, version: string) => ({
  [`${name}-${version}.dist-info/METADATA`]: `Metadata-Version: 2.1\nName: ${name}\nVersion: ${version}\nSummary: x\n\nLong description\nVersion: 0.0.0\n`,
});
const venv = (root: string) =>
  Object.fromEntries(
    Object.entries({ ...dist("numpy", "1.26.4"), ...dist("pandas", "2.2.0"), ...dist("scikit_learn", "1.4.2") }).map(([k, v]) => [
      `${root}/lib/python3.11/site-packages/${k}`,
      v,
    ]),
  );

/** Each version source, as the files that provide it and the arguments that point to it. */
const SOURCES: Record<string, { files: Record<string, string>; args?: string[]; env?: Record<string, string>; locksPyproject?: boolean }> = {
  "--pin-from (pip freeze)": {
    files: { "frozen.txt": "numpy==1.26.4\npandas==2.2.0\nScikit-Learn==1.4.2\n-e git+https://github.com/acme/x@main#egg=x\n" },
    args: ["--pin-from", "frozen.txt"],
  },
  "uv.lock": { files: { "uv.lock": toml("uv") }, locksPyproject: true },
  "poetry.lock": { files: { "poetry.lock": toml("poetry") }, locksPyproject: true },
  "pdm.lock": { files: { "pdm.lock": toml("pdm") }, locksPyproject: true },
  "Pipfile.lock": {
    files: {
      "Pipfile.lock": JSON.stringify({
        _meta: {},
        default: { numpy: { version: "==1.26.4" }, pandas: { version: "==2.2.0" } },
        develop: { "scikit-learn": { version: "==1.4.2" } },
      }),
    },
    locksPyproject: true,
  },
  "conda-lock.yml": {
    files: {
      "conda-lock.yml":
        "version: 1\nmetadata: {}\npackage:\n  - name: numpy\n    version: 1.26.4\n    manager: conda\n    platform: linux-64\n  - name: numpy\n    version: 1.26.4\n    manager: conda\n    platform: osx-arm64\n  - name: pandas\n    version: 2.2.0\n    manager: conda\n    platform: linux-64\n  - name: scikit-learn\n    version: 1.4.2\n    manager: pip\n    platform: linux-64\n",
    },
  },
  ".venv": { files: venv(".venv") },
  $VIRTUAL_ENV: { files: venv("envs/churn"), env: { VIRTUAL_ENV: "envs/churn" } },
};

function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(Object.keys(BEFORE).map((f) => [f, readFileSync(join(dir, f), "utf8")]));
}

interface JsonMessage {
  ruleId: string | null;
  line: number;
  messageId?: string;
  cell?: number;
  cellLine?: number;
}

async function findings(dir: string, args: string[] = []): Promise<string[]> {
  const r = await runCli(["--format", "json", ...args], dir);
  const results = JSON.parse(r.stdout) as { filePath: string; messages: JsonMessage[] }[];
  return results.flatMap((res) =>
    res.messages.map((m) => `${res.filePath.slice(dir.length + 1)}:${m.cell ? `cell ${m.cell}:${m.cellLine}` : m.line} ${m.ruleId ?? "fatal"}`),
  );
}

describe("pin-requirements across every manifest kind", () => {
  it("reports every unpinned entry at its exact line or cell", async () => {
    const dir = tempProject(BEFORE);
    expect((await findings(dir)).sort()).toEqual(
      [
        "environment.yml:6",
        "environment.yml:8",
        "notebooks/experiment_churn.ipynb:cell 1:1",
        "notebooks/experiment_churn.ipynb:cell 1:1",
        "pyproject.toml:5",
        "pyproject.toml:6",
        "pyproject.toml:10",
        "requirements.txt:2",
        "requirements.txt:3",
        "requirements.txt:4",
        "train.py:4",
        "train.py:5",
      ]
        .map((k) => `${k} exp-lint/pin-requirements`)
        .sort(),
    );
  });

  it("says how to get a version when --fix has none, and leaves the files alone", async () => {
    const dir = tempProject(BEFORE);
    const r = await runCli(["--fix"], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("--pin-from");
    expect(snapshot(dir)).toEqual(BEFORE);
  });
});

describe.each(Object.entries(SOURCES))("exp-lint --fix from %s", (_name, source) => {
  it("pins every manifest kind, re-lints clean, and changes nothing the second time", async () => {
    const dir = tempProject({ ...BEFORE, ...source.files });
    const env = source.env ? { VIRTUAL_ENV: join(dir, source.env.VIRTUAL_ENV!) } : {};
    chmodSync(join(dir, "requirements.txt"), 0o640);
    const first = await runCli(["--fix", ...(source.args ?? [])], dir, env);
    expect(first.stderr).toBe("");
    expect(first.code, first.stdout).toBe(0);
    // With a lock file beside it, a pyproject.toml's ranges are already pinned by the lock: not reported, not rewritten.
    const expected = source.locksPyproject ? { ...AFTER, "pyproject.toml": BEFORE["pyproject.toml"]! } : AFTER;
    expect(snapshot(dir)).toEqual(expected);
    expect(statSync(join(dir, "requirements.txt")).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    expect((await runCli([], dir, env)).code).toBe(0);
    const second = await runCli(["--fix", ...(source.args ?? [])], dir, env);
    expect(second.code).toBe(0);
    expect(snapshot(dir)).toEqual(expected);
  });
});

describe("exp-lint --fix never pins outside the written range", () => {
  it("reports instead, naming the source and its version", async () => {
    const dir = tempProject({ "requirements.txt": "numpy>=2\npandas\n", "frozen.txt": "numpy==1.26.4\npandas==2.2.0\n" });
    const r = await runCli(["--fix", "--pin-from", "frozen.txt"], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("the version in frozen.txt, 1.26.4, is outside the range");
    expect(readFileSync(join(dir, "requirements.txt"), "utf8")).toBe("numpy>=2\npandas==2.2.0\n");
  });

  it("exits 2 when the --pin-from file cannot be read", async () => {
    const dir = tempProject({ "requirements.txt": "numpy\n" });
    const r = await runCli(["--fix", "--pin-from", "missing.txt"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("missing.txt");
  });

  it("drops a name two lock entries disagree on", async () => {
    const dir = tempProject({
      "requirements.txt": "numpy\n",
      "conda-lock.yml":
        "package:\n  - name: numpy\n    version: 1.26.4\n    platform: linux-64\n  - name: numpy\n    version: 1.26.3\n    platform: osx-arm64\n",
    });
    mkdirSync(join(dir, "sub"));
    writeFileSync(join(dir, "sub", "x.txt"), "");
    expect((await runCli(["--fix"], dir)).code).toBe(1);
    expect(readFileSync(join(dir, "requirements.txt"), "utf8")).toBe("numpy\n");
  });
});
