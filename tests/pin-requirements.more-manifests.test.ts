import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Linter, RuleTester } from "eslint";
import { describe, expect, it } from "vitest";
import { namedByManifest } from "../parsers/manifests/includes.js";
import { requirementsLanguage } from "../parsers/manifests/language.js";
import { installEntries, shellWords } from "../parsers/manifests/shell-installs.js";
import { pythonLanguage } from "../parsers/python/language.js";
import { decodeBytes, encodeText, recoverUtf16 } from "../parsers/shared/encoding.js";
import { changeLines } from "../cli/fixing/fix-report.js";
import plugin from "../plugin/index.js";
import rule from "../rules/pin-requirements.js";

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const own = { languages: { requirements: requirementsLanguage, python: pythonLanguage }, rules: { "pin-requirements": rule } };
const PINS = { settings: { "exp-lint": { pins: { numpy: "1.26.4", pandas: "2.2.0", torch: "2.1.2", lightgbm: "4.3.0", pytest: "8.0.2" } } } };

const manifests = new RuleTester({ files: ["**/*"], plugins: { "exp-lint": own }, language: "exp-lint/requirements" } as never);
const python = new RuleTester({ files: ["**/*.js", "**/*.py"], plugins: { "exp-lint": own }, language: "exp-lint/python" } as never);

const at = (filename: string) => (code: string) => ({ code, filename });
const pipfile = at("Pipfile");
const cfg = at("setup.cfg");
const docker = at("Dockerfile");
const pyenv = at("python_env.yaml");
const setup = at("setup.py");

manifests.run("pin-requirements (Pipfile, setup.cfg, Dockerfile, python_env.yaml)", rule as never, {
  valid: [
    pipfile(
      '[[source]]\nurl = "https://pypi.org/simple"\n[packages]\nnumpy = "==1.26.4"\nlocal = {path = ".", editable = true}\n[requires]\npython_version = "3.11"\n',
    ),
    pipfile('[packages]\nfeatures = {git = "https://github.com/acme/features.git", ref = "4a2b699898669fa64bc6f61959cb94fd1e72a4ad"}\n'),
    cfg("[metadata]\nname = x\n[options]\npackages = find:\ninstall_requires =\n    numpy==1.26.4\n    # a comment\n[options.package_data]\n* = *.txt\n"),
    cfg("[options]\ninstall_requires = file: requirements.txt\n"),
    docker(
      "FROM python:3.11\nRUN pip install --upgrade pip\nRUN pip install -r requirements.txt -c constraints.txt\nRUN pip install -e . && pip install ./wheels/x-1.0-py3-none-any.whl\n",
    ),
    docker('RUN ["pip", "install", "numpy"]\nRUN pip install numpy==$NUMPY_VERSION torch==${TORCH}\n# pip install numpy\nRUN echo pip install numpy\n'),
    pyenv('python: "3.10.13"\nbuild_dependencies:\n  - pip\n  - setuptools==69.0.3\ndependencies:\n  - mlflow==2.9.2\n'),
  ],
  invalid: [
    {
      ...pipfile('[packages]\nnumpy = "*"\npandas = ">=2,<3"\ntorch = {version = "~=2.1", index = "pytorch"}\n\n[dev-packages]\n"pytest" = "*"\n'),
      ...PINS,
      output: '[packages]\nnumpy = "==1.26.4"\npandas = "==2.2.0"\ntorch = {version = "==2.1.2", index = "pytorch"}\n\n[dev-packages]\n"pytest" = "==8.0.2"\n',
      errors: [
        { messageId: "noVersion", line: 2, column: 1, endLine: 2, endColumn: 12 },
        { messageId: "notPinned", line: 3 },
        { messageId: "notPinned", line: 4 },
        { messageId: "noVersion", line: 7 },
      ],
    },
    {
      ...cfg(
        "[options]\ninstall_requires =\n    numpy>=1.26\n    pandas ; python_version >= '3.10'\nsetup_requires = lightgbm\n\n[options.extras_require]\ntest =\n    pytest\n",
      ),
      ...PINS,
      output:
        "[options]\ninstall_requires =\n    numpy==1.26.4\n    pandas==2.2.0 ; python_version >= '3.10'\nsetup_requires = lightgbm==4.3.0\n\n[options.extras_require]\ntest =\n    pytest==8.0.2\n",
      errors: [
        { messageId: "notPinned", line: 3, column: 5, endColumn: 16 },
        { messageId: "noVersion", line: 4 },
        { messageId: "noVersion", line: 5, column: 18 },
        { messageId: "noVersion", line: 9 },
      ],
    },
    {
      ...docker(
        "FROM python:3.11-slim\nRUN apt-get update && \\\n    pip install --no-cache-dir \\\n    # comment lines inside a RUN are dropped by Docker\n    numpy>=1.26 'pandas' ; \\\n    conda install -y -c conda-forge lightgbm\nRUN sudo python3 -m pip install -U torch > /dev/null\n",
      ),
      ...PINS,
      output:
        "FROM python:3.11-slim\nRUN apt-get update && \\\n    pip install --no-cache-dir \\\n    # comment lines inside a RUN are dropped by Docker\n    numpy==1.26.4 'pandas==2.2.0' ; \\\n    conda install -y -c conda-forge lightgbm=4.3.0\nRUN sudo python3 -m pip install -U torch==2.1.2 > /dev/null\n",
      errors: [
        { messageId: "notPinned", line: 5, column: 5, endColumn: 16 },
        { messageId: "noVersion", line: 5, column: 18, endColumn: 24 },
        { messageId: "noVersion", line: 6, column: 37 },
        { messageId: "noVersion", line: 7, column: 36 },
      ],
    },
    {
      ...pyenv('python: "3.10"\nbuild_dependencies:\n  - pip\n  - setuptools\ndependencies:\n  - "numpy>=1.26"\n  - mlflow\n'),
      ...PINS,
      output: 'python: "3.10"\nbuild_dependencies:\n  - pip\n  - setuptools\ndependencies:\n  - "numpy==1.26.4"\n  - mlflow\n',
      errors: [
        // setuptools, like pip and wheel, is the installer's, not a package to pin.
        { messageId: "notPinned", line: 6, column: 6 },
        { messageId: "noVersion", line: 7 },
      ],
    },
  ],
});

python.run("pin-requirements (setup.py)", rule as never, {
  valid: [
    setup('from setuptools import setup\nsetup(name="x", install_requires=["numpy==1.26.4"], extras_require={"dev": ["pytest==8.0.2"]})\n'),
    // Computed at run time: not read.
    setup('from setuptools import setup\nwith open("requirements.txt") as f:\n    reqs = f.read().splitlines()\nsetup(name="x", install_requires=reqs)\n'),
    // Not setuptools' setup(), nor a setup.py.
    setup('def setup(**kw):\n    pass\nsetup(install_requires=["numpy"])\n'),
    { code: 'from setuptools import setup\nsetup(install_requires=["numpy"])\n', filename: "train.py" },
  ],
  invalid: [
    {
      ...setup(
        'import setuptools\n\nREQUIRED = [\n    "numpy>=1.26",\n]\n\nsetuptools.setup(\n    name="x",\n    install_requires=REQUIRED,\n    extras_require={"train": [\'lightgbm\'], "test": ["""pytest"""]},\n)\n',
      ),
      ...PINS,
      output:
        'import setuptools\n\nREQUIRED = [\n    "numpy==1.26.4",\n]\n\nsetuptools.setup(\n    name="x",\n    install_requires=REQUIRED,\n    extras_require={"train": [\'lightgbm==4.3.0\'], "test": ["""pytest"""]},\n)\n',
      errors: [
        { messageId: "notPinned", line: 4, column: 6, endColumn: 17 },
        { messageId: "noVersion", line: 10, column: 32, endColumn: 40 },
        // Triple-quoted: reported over the whole literal, not fixed.
        { messageId: "noVersion", line: 10, column: 53, endColumn: 65 },
      ],
    },
  ],
});

describe("UTF-16 and byte-order marks, as pip reads requirements files", () => {
  const text = "numpy>=1.26\r\npandas==2.2.0\r\n";
  it("decodes and encodes each encoding back to the same bytes", () => {
    for (const bytes of [
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]),
      Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, "utf16le").swap16()]),
      Buffer.from(`\ufeff${text}`, "utf8"),
      Buffer.from(text, "utf8"),
    ]) {
      const { text: decoded, encoding } = decodeBytes(bytes);
      expect(decoded.replace(/^\ufeff/u, "")).toBe(text);
      expect(encodeText(decoded, encoding)).toEqual(bytes);
    }
  });

  it("lints a UTF-16 file ESLint read as UTF-8 at its lines, without a fix, and names one it cannot read", () => {
    const linter = new Linter();
    const config = {
      files: ["**/*.txt"],
      plugins: { "exp-lint": plugin },
      language: "exp-lint/requirements",
      rules: { "exp-lint/pin-requirements": "error" },
      ...PINS,
    } as never;
    const garbled = (t: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(t, "utf16le")]).toString("utf8");
    expect(recoverUtf16(garbled(text))).toBe(text);
    const messages = linter.verify(garbled(text), config, "requirements.txt");
    expect(messages.map((m) => [m.line, m.column, m.fix])).toEqual([[1, 1, undefined]]);
    const accented = linter.verify(garbled("# données\r\nnumpy\r\n"), config, "requirements.txt");
    expect(accented.map((m) => [m.fatal, m.message.includes("UTF-16 text with characters outside ASCII")])).toEqual([[true, true]]);
  });
});

describe("install commands in shell text", () => {
  const names = (s: string) => installEntries(shellWords(s, 0), "dockerfile").map((e) => e.name);
  it.each([
    ["pip install numpy pandas==2.2.0", ["numpy", "pandas"]],
    ["pip3.11 install --user -i https://x/simple numpy", ["numpy"]],
    ["cd /app && uv pip install --system -r req.txt torch; conda install -c pytorch -n ml pytorch", ["torch", "pytorch"]],
    ["env PIP_NO_CACHE_DIR=1 pip install numpy | tee log", ["numpy"]],
    ["echo pip install numpy", []],
    ["pip download numpy && pip install --upgrade pip", []],
  ])("%s", (cmd, want) => expect(names(cmd)).toEqual(want));
});

describe("files other manifests name, for the ESLint plugin", () => {
  it("finds a -r include and an MLproject's environment in the folder or a folder above, up to the repository root", () => {
    const repo = mkdtempSync(join(tmpdir(), "exp-lint-named-"));
    mkdirSync(join(repo, ".git"));
    mkdirSync(join(repo, "envs"));
    mkdirSync(join(repo, "reqs"));
    writeFileSync(join(repo, "requirements.txt"), "-r reqs/base.txt\n-c reqs/pins.txt\nnumpy\n");
    writeFileSync(join(repo, "reqs", "base.txt"), "-r common.txt\n");
    writeFileSync(join(repo, "MLproject"), "name: x\nconda_env: envs/train.yml\n");
    for (const f of ["reqs/pins.txt", "reqs/common.txt", "envs/train.yml", "envs/other.yml", "notes.txt"]) writeFileSync(join(repo, f), "");
    const named = ["reqs/base.txt", "reqs/pins.txt", "reqs/common.txt", "envs/train.yml", "envs/other.yml", "notes.txt"].filter((f) =>
      namedByManifest(join(repo, f)),
    );
    expect(named).toEqual(["reqs/base.txt", "reqs/pins.txt", "reqs/common.txt", "envs/train.yml"]);
  });
});

describe("what --fix reports", () => {
  it("names each changed requirement, or the whole line when the change names nothing", () => {
    const lines = changeLines(
      [
        { path: "/p/requirements.txt", before: "# env\nnumpy>=1.26  # fast\nscipy\n", after: "# env\nnumpy==1.26.4  # fast\nscipy==1.12.0\n" },
        { path: "/p/Pipfile", before: '[packages]\ntorch = "*"\n', after: '[packages]\ntorch = "==2.1.2"\n' },
        { path: "/p/environment.yml", before: "dependencies:\n  - numpy>=1.26\n", after: "dependencies:\n  - numpy=1.26.4\n" },
      ],
      "/p",
    );
    expect(lines).toEqual([
      "requirements.txt:2  numpy>=1.26 -> numpy==1.26.4",
      "requirements.txt:3  scipy -> scipy==1.12.0",
      'Pipfile:2  torch = "*" -> torch = "==2.1.2"',
      "environment.yml:2  numpy>=1.26 -> numpy=1.26.4",
    ]);
  });
});

describe("Pipfile.lock pins a Pipfile beside it", () => {
  it("accepts the Pipfile's ranges with lockfiles: satisfy, reports them with ignore", () => {
    const dir = mkdtempSync(join(tmpdir(), "exp-lint-pipfile-"));
    const linter = new Linter({ cwd: tmpdir() });
    const config = (lockfiles: string) => [
      {
        files: ["**/Pipfile"],
        plugins: { "exp-lint": plugin },
        language: "exp-lint/requirements",
        rules: { "exp-lint/pin-requirements": ["error", { lockfiles }] },
      },
    ];
    const count = (lockfiles: string) =>
      linter.verify('[packages]\nnumpy = "*"\n', config(lockfiles) as never, join(dir, "Pipfile")).filter((m) => m.ruleId === "exp-lint/pin-requirements")
        .length;
    expect(count("satisfy")).toBe(1);
    writeFileSync(join(dir, "Pipfile.lock"), JSON.stringify({ _meta: {}, default: { numpy: { version: "==1.26.4" } }, develop: {} }));
    expect(count("satisfy")).toBe(0);
    expect(count("ignore")).toBe(1);
  });
});
