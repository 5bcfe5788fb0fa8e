import fc from "fast-check";
import { CONDA, NOTEBOOK_CELLS, PYPROJECT, PYTHON_SCRIPTS, REQUIREMENTS, TYPESCRIPT } from "./templates.js";

/**
 * fast-check arbitraries for every file kind exp-lint reads: token soup from
 * each language's alphabet, realistic files with byte-level mutations, and
 * structurally wrong notebooks and manifests. A case is a file name (its
 * extension picks the front end) and the exact bytes to lint.
 */

export const KINDS = ["python", "notebook", "requirements", "pyproject", "conda", "typescript", "javascript", "special", "flat", "deep"] as const;
export type FuzzKind = (typeof KINDS)[number];

export interface FuzzCase {
  kind: FuzzKind;
  /** File name, relative: `train.py`, `requirements.txt`, `exp.ipynb`. */
  name: string;
  bytes: Uint8Array;
  /** Instead of bytes: a symbolic link to this (a device, a pseudo-file, a folder, nowhere); `fifo` makes a FIFO. */
  link?: string;
}

const enc = new TextEncoder();

// ---- Byte-level mutations of a realistic file ----

type Mutation =
  | { op: "truncate"; at: number }
  | { op: "flip"; at: number; byte: number }
  | { op: "insert"; at: number; text: string }
  | { op: "delete"; at: number; length: number }
  | { op: "duplicate"; at: number; length: number }
  | { op: "newlines"; style: "\r\n" | "\r" }
  | { op: "bom" };

/** Positions are fractions of the length, so one mutation list fits any file. */
const at = fc.double({ min: 0, max: 1, noNaN: true });

function mutationArb(tokens: fc.Arbitrary<string>): fc.Arbitrary<Mutation> {
  return fc.oneof(
    fc.record({ op: fc.constant("truncate" as const), at }),
    fc.record({
      op: fc.constant("flip" as const),
      at,
      byte: fc.oneof(fc.integer({ min: 0, max: 255 }), fc.constantFrom(0x00, 0x80, 0xc3, 0xe2, 0xf0, 0xff, 0x0d, 0x0a, 0x5c, 0x22, 0x27)),
    }),
    fc.record({ op: fc.constant("insert" as const), at, text: tokens }),
    fc.record({ op: fc.constant("delete" as const), at, length: fc.integer({ min: 1, max: 80 }) }),
    fc.record({ op: fc.constant("duplicate" as const), at, length: fc.integer({ min: 1, max: 200 }) }),
    fc.record({ op: fc.constant("newlines" as const), style: fc.constantFrom("\r\n" as const, "\r" as const) }),
    fc.constant({ op: "bom" as const }),
  );
}

export function mutate(text: string, mutations: Mutation[]): Uint8Array {
  let b = Buffer.from(text, "utf8");
  const pos = (f: number) => Math.min(b.length, Math.floor(f * b.length));
  for (const m of mutations) {
    switch (m.op) {
      case "truncate":
        b = b.subarray(0, pos(m.at));
        break;
      case "flip":
        if (b.length) b[Math.min(b.length - 1, pos(m.at))] = m.byte;
        break;
      case "insert":
        b = Buffer.concat([b.subarray(0, pos(m.at)), Buffer.from(m.text, "utf8"), b.subarray(pos(m.at))]);
        break;
      case "delete":
        b = Buffer.concat([b.subarray(0, pos(m.at)), b.subarray(pos(m.at) + m.length)]);
        break;
      case "duplicate": {
        const p = pos(m.at);
        b = Buffer.concat([b.subarray(0, p + m.length), b.subarray(p)]);
        break;
      }
      case "newlines":
        b = Buffer.from(b.toString("latin1").replace(/\r?\n/gu, m.style), "latin1");
        break;
      case "bom":
        b = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), b]);
        break;
    }
  }
  return new Uint8Array(b);
}

const mutated = (base: fc.Arbitrary<string>, tokens: fc.Arbitrary<string>) =>
  fc.tuple(base, fc.array(mutationArb(tokens), { minLength: 1, maxLength: 6 })).map(([text, ms]) => mutate(text, ms));

// ---- Token alphabets ----

const identifier = fc.oneof(
  fc.constantFrom(
    "x",
    "df",
    "model",
    "run",
    "args",
    "cfg",
    "self",
    "np",
    "pd",
    "torch",
    "mlflow",
    "wandb",
    "client",
    "train_acc",
    "X_test",
    "y_train",
    "données",
    "λ",
    "_",
  ),
  fc.stringMatching(/^[a-zA-Z_][a-zA-Z0-9_]{0,8}$/u),
);

const PY_KEYWORDS = [
  "import",
  "from",
  "as",
  "def",
  "class",
  "return",
  "if",
  "elif",
  "else",
  "for",
  "in",
  "while",
  "with",
  "try",
  "except",
  "finally",
  "raise",
  "lambda",
  "yield",
  "await",
  "async",
  "global",
  "nonlocal",
  "pass",
  "break",
  "continue",
  "not",
  "and",
  "or",
  "is",
  "None",
  "True",
  "False",
  "match",
  "case",
  "type",
  "del",
  "assert",
];
const PY_OPS = [
  "(",
  ")",
  "[",
  "]",
  "{",
  "}",
  ":",
  ",",
  ".",
  ";",
  "=",
  "==",
  "+=",
  "-",
  "*",
  "**",
  "/",
  "//",
  "%",
  "@",
  "->",
  ":=",
  "|",
  "&",
  "~",
  "<<",
  "...",
  "\\",
  "!",
  "?",
  "$",
];
const PY_CALLS = [
  "mlflow.log_param(",
  "mlflow.log_metric(",
  "mlflow.start_run(",
  "wandb.init(",
  "run.log({",
  "np.random.seed(",
  "np.random.rand(",
  "torch.manual_seed(",
  "train_test_split(",
  "random.shuffle(",
  ".fit(",
  ".predict(",
  "MlflowClient()",
  "accuracy_score(",
];
const PY_LITERALS = [
  "0",
  "1",
  "3e-4",
  "0x1F",
  "1_000",
  "1j",
  "'a'",
  '"b"',
  "f'{x}'",
  'f"{x!r:>{w}}"',
  "'''doc",
  '"""',
  "b'\\xff'",
  "r'\\d'",
  "'unterminated",
  "'test_f1'",
  "'train/loss'",
];
const PY_TRIVIA = [
  "\n",
  "\n    ",
  "\n        ",
  "\t",
  " ",
  "  ",
  "# comment",
  "# noqa",
  "# noqa: require-seed",
  "# eslint-disable-next-line exp-lint/require-seed",
  "# /// script",
  "# ///",
  "%pip install x",
  "!ls",
  "\r",
  "\r\n",
  "\\\n",
  "\u0000",
  "\ufeff",
  "😀",
];

export const pythonToken = fc.oneof(
  { weight: 4, arbitrary: identifier },
  { weight: 3, arbitrary: fc.constantFrom(...PY_KEYWORDS) },
  { weight: 4, arbitrary: fc.constantFrom(...PY_OPS) },
  { weight: 2, arbitrary: fc.constantFrom(...PY_CALLS) },
  { weight: 2, arbitrary: fc.constantFrom(...PY_LITERALS) },
  { weight: 3, arbitrary: fc.constantFrom(...PY_TRIVIA) },
);

const TS_KEYWORDS = [
  "import",
  "export",
  "from",
  "const",
  "let",
  "var",
  "function",
  "async",
  "await",
  "class",
  "interface",
  "type",
  "return",
  "if",
  "else",
  "for",
  "of",
  "in",
  "while",
  "try",
  "catch",
  "finally",
  "new",
  "this",
  "as",
  "satisfies",
  "enum",
  "namespace",
  "declare",
  "yield",
  "typeof",
  "keyof",
  "null",
  "undefined",
  "true",
];
const TS_OPS = [
  "(",
  ")",
  "[",
  "]",
  "{",
  "}",
  "<",
  ">",
  "=>",
  ":",
  ";",
  ",",
  ".",
  "?.",
  "??",
  "!",
  "=",
  "===",
  "+",
  "*",
  "/",
  "`",
  "${",
  "...",
  "@",
  "#",
  "|",
  "&",
];
const TS_CALLS = [
  "Math.random()",
  "client.logParam(",
  "client.logMetric(",
  "client.createRun(",
  "tf.randomNormal(",
  "require(",
  "import(",
  "mlflow.",
  "wandb.init(",
];
const TS_TRIVIA = [
  "\n",
  " ",
  "\t",
  "// c",
  "/* c */",
  "/*",
  "// eslint-disable-line",
  "'s'",
  '"t"',
  "`x${y}`",
  "/re/g",
  "1e3",
  "0n",
  "\r\n",
  "\u2028",
  "\u0000",
];

export const tsToken = fc.oneof(
  { weight: 4, arbitrary: identifier },
  { weight: 3, arbitrary: fc.constantFrom(...TS_KEYWORDS) },
  { weight: 4, arbitrary: fc.constantFrom(...TS_OPS) },
  { weight: 2, arbitrary: fc.constantFrom(...TS_CALLS) },
  { weight: 3, arbitrary: fc.constantFrom(...TS_TRIVIA) },
);

const REQ_TOKENS = [
  "numpy",
  "scikit-learn",
  "torch",
  "Pandas_Extra.x",
  "[",
  "]",
  "extra",
  ",",
  "==",
  ">=",
  "~=",
  "===",
  "!=",
  "<",
  "1.26.4",
  "2.*",
  "1!2.0",
  "v1",
  ";",
  " python_version >= '3.8'",
  " and ",
  "@",
  "https://example.com/x.whl",
  "git+https://github.com/a/b@main#egg=b",
  "-r ",
  "-c ",
  "-e ",
  "--hash=sha256:00",
  "--index-url",
  "--",
  "-",
  "\\\n",
  "\\",
  "#",
  " # c",
  "\n",
  "\r\n",
  " ",
  "\t",
  "file:./x",
  "./pkg",
  "..",
  "%",
  "\u0000",
  "é",
  "${HOME}",
];
export const requirementsToken = fc.oneof(fc.constantFrom(...REQ_TOKENS), identifier);

const TOML_TOKENS = [
  "[project]",
  "[tool.poetry.dependencies]",
  "[tool.poetry.group.dev.dependencies]",
  "[dependency-groups]",
  "[[tool.x]]",
  "dependencies",
  "optional-dependencies",
  " = ",
  "=",
  "[",
  "]",
  "{",
  "}",
  ",",
  '"numpy>=1"',
  '"torch"',
  "'pandas'",
  '"""',
  "'''",
  "version",
  "extras",
  "python",
  "true",
  "1",
  "1979-05-27",
  "inf",
  "nan",
  "# c",
  "\n",
  "\r\n",
  ".",
  '"',
  "\\u00e9",
  "\\",
];
export const tomlToken = fc.oneof(fc.constantFrom(...TOML_TOKENS), identifier);

const YAML_TOKENS = [
  "name:",
  "dependencies:",
  "channels:",
  "pip:",
  "- ",
  "  ",
  "    - ",
  "numpy",
  "numpy>=1",
  "pandas=2.2",
  "conda-forge::torch",
  "&a",
  "*a",
  "!!str",
  "!!binary",
  "{",
  "}",
  "[",
  "]",
  ": ",
  "? ",
  "|",
  ">",
  "---",
  "...",
  "#",
  "\n",
  "\r\n",
  "\t",
  "'",
  '"',
  "%YAML 1.2",
  "<<: *a",
  "~",
  "null",
  "-1",
];
export const yamlToken = fc.oneof(fc.constantFrom(...YAML_TOKENS), identifier);

/** Tokens joined, sometimes by spaces, sometimes glued. */
const joined = (token: fc.Arbitrary<string>, maxLength = 120) =>
  fc.tuple(fc.array(token, { maxLength }), fc.constantFrom("", " ", "\n")).map(([ts, sep]) => enc.encode(ts.join(sep)));

// ---- Python ----

/** A template with random calls spliced in at line starts. */
const pythonVariant = fc
  .tuple(fc.constantFrom(...PYTHON_SCRIPTS), fc.array(fc.tuple(at, fc.array(pythonToken, { minLength: 1, maxLength: 12 })), { maxLength: 4 }))
  .map(([script, inserts]) => {
    const lines = script.split("\n");
    for (const [where, tokens] of inserts) lines.splice(Math.floor(where * lines.length), 0, tokens.join(" "));
    return lines.join("\n");
  });

const pythonBytes = fc.oneof(
  { weight: 3, arbitrary: joined(pythonToken) },
  {
    weight: 4,
    arbitrary: mutated(
      pythonVariant,
      fc.array(pythonToken, { maxLength: 6 }).map((t) => t.join(" ")),
    ),
  },
  { weight: 1, arbitrary: pythonVariant.map((t) => enc.encode(t)) },
);

// ---- Notebooks ----

const junk: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.string(),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 3 }),
);

const source = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...NOTEBOOK_CELLS).map((s) => s.split("\n").map((l, i, a) => (i < a.length - 1 ? `${l}\n` : l))) },
  { weight: 2, arbitrary: fc.constantFrom(...NOTEBOOK_CELLS) },
  { weight: 2, arbitrary: fc.array(pythonToken, { maxLength: 20 }).map((t) => [t.join(" ")]) },
  { weight: 1, arbitrary: fc.array(fc.oneof(fc.string(), junk), { maxLength: 4 }) },
  { weight: 1, arbitrary: junk },
);

const cell = fc.record(
  {
    cell_type: fc.oneof({ weight: 5, arbitrary: fc.constantFrom("code", "markdown", "raw") }, { weight: 1, arbitrary: junk }),
    source,
    input: source,
    outputs: fc.oneof(fc.constant([]), junk, fc.array(fc.record({ output_type: fc.string(), text: source }), { maxLength: 2 })),
    metadata: fc.oneof(fc.constant({}), junk),
    execution_count: fc.oneof(fc.constant(null), junk),
    id: fc.oneof(fc.string({ maxLength: 8 }), junk),
  },
  { requiredKeys: ["cell_type"] },
);

const notebookObject = fc.oneof(
  // nbformat 4
  fc.record(
    {
      cells: fc.oneof(
        { weight: 6, arbitrary: fc.array(fc.oneof({ weight: 5, arbitrary: cell }, { weight: 1, arbitrary: junk }), { maxLength: 6 }) },
        { weight: 1, arbitrary: junk },
      ),
      metadata: fc.oneof(fc.constant({ language_info: { name: "python" } }), fc.record({ language_info: junk }), junk),
      nbformat: fc.oneof(fc.constant(4), junk),
      nbformat_minor: fc.oneof(fc.constant(5), junk),
    },
    { requiredKeys: [] },
  ),
  // nbformat 3: cells in worksheets, code in "input"
  fc.record({
    nbformat: fc.constant(3),
    worksheets: fc.oneof(fc.array(fc.record({ cells: fc.oneof(fc.array(cell, { maxLength: 4 }), junk) }), { maxLength: 2 }), junk),
    metadata: fc.oneof(fc.constant({ name: "old" }), junk),
  }),
  junk,
);

const notebookText = fc.tuple(notebookObject, fc.constantFrom(undefined, 1, 2)).map(([nb, indent]) => JSON.stringify(nb, null, indent) ?? "null");

const notebookBytes = fc.oneof(
  { weight: 5, arbitrary: notebookText.map((t) => enc.encode(t)) },
  { weight: 3, arbitrary: mutated(notebookText, fc.constantFrom("{", "}", "[", "]", ",", ":", '"', "\\", "\\u", "\\ud800", "null", "1e999", '"cells"')) },
  { weight: 1, arbitrary: fc.json().map((t) => enc.encode(t)) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 3000 }).map((n) => enc.encode(`${"[".repeat(n)}${"]".repeat(n)}`)) },
);

// ---- Manifests and TS/JS ----

const requirementsBytes = fc.oneof(
  { weight: 3, arbitrary: joined(requirementsToken, 60) },
  {
    weight: 3,
    arbitrary: mutated(
      fc.constant(REQUIREMENTS),
      fc.array(requirementsToken, { maxLength: 5 }).map((t) => t.join("")),
    ),
  },
  {
    weight: 1,
    arbitrary: fc
      .array(
        fc.array(requirementsToken, { maxLength: 8 }).map((t) => t.join("")),
        { maxLength: 20 },
      )
      .map((ls) => enc.encode(ls.join("\n"))),
  },
);

/** A pyproject whose dependency values have every TOML type in every place. */
const tomlValue: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '"numpy>=1.2"',
    '"*"',
    '"^2.1"',
    "1",
    "true",
    "[]",
    '["torch", 2]',
    '{ version = "^2", extras = ["x"] }',
    '{ git = "https://x", rev = "main" }',
    '[{ version = "<2" }, "bad"]',
    "{ version = 3 }",
    "[[[]]]",
  ),
  fc.string({ maxLength: 10 }).map((s) => JSON.stringify(s)),
);
const pyprojectVariant = fc
  .tuple(
    fc.array(
      fc.tuple(
        fc.constantFrom(
          "[project]\ndependencies",
          "[tool.poetry.dependencies]\nnumpy",
          "[project.optional-dependencies]\nx",
          "[dependency-groups]\ndev",
          "[tool.poetry.group.g.dependencies]\ntorch",
          "[project]\nname",
        ),
        tomlValue,
      ),
      { maxLength: 5 },
    ),
  )
  .map((entries) => entries.map(([k, v]) => `${k} = ${v}\n`).join("\n"));

const pyprojectBytes = fc.oneof(
  {
    weight: 3,
    arbitrary: mutated(
      fc.constant(PYPROJECT),
      fc.array(tomlToken, { maxLength: 5 }).map((t) => t.join("")),
    ),
  },
  { weight: 3, arbitrary: pyprojectVariant.map((t) => enc.encode(t)) },
  { weight: 2, arbitrary: joined(tomlToken, 80) },
);

const condaVariant = fc
  .tuple(
    fc.constantFrom("dependencies:", "dependencies: ", "channels:", "name:"),
    fc.array(
      fc.oneof(
        fc.constantFrom(
          "  - numpy>=1",
          "  - pip:",
          "      - torch",
          "  - {a: 1}",
          "  - [x]",
          "  - 1.5",
          "  -",
          "  pip: x",
          "  - pip: 3",
          "  - !!binary aGk=",
          "  - &a numpy",
          "  - *a",
          "  - *missing",
        ),
        yamlToken,
      ),
      { maxLength: 10 },
    ),
  )
  .map(([head, lines]) => `name: env\n${head}\n${lines.join("\n")}\n`);

const condaBytes = fc.oneof(
  {
    weight: 3,
    arbitrary: mutated(
      fc.constant(CONDA),
      fc.array(yamlToken, { maxLength: 5 }).map((t) => t.join("")),
    ),
  },
  { weight: 3, arbitrary: condaVariant.map((t) => enc.encode(t)) },
  { weight: 2, arbitrary: joined(yamlToken, 80) },
);

const tsBytes = fc.oneof(
  { weight: 3, arbitrary: joined(tsToken) },
  {
    weight: 4,
    arbitrary: mutated(
      fc.constant(TYPESCRIPT),
      fc.array(tsToken, { maxLength: 6 }).map((t) => t.join(" ")),
    ),
  },
  { weight: 1, arbitrary: fc.constant(enc.encode(TYPESCRIPT)) },
);

// ---- Hostile files (issue 13) ----

/** Where a link in a stranger's tree may lead: devices, pseudo-files that lie about their size, folders, nowhere, a loop. */
export const SPECIAL_TARGETS = [
  "/dev/zero",
  "/dev/null",
  "/dev/urandom",
  "/dev/full",
  "/proc/self/mem",
  "/proc/self/pagemap",
  "/proc/self/environ",
  "/proc/self/maps",
  "/proc/self/fd/0",
  "/",
  "/etc",
  "/nonexistent/x",
  ".",
  "fifo",
];

/** Flat manifests around the work budget: many short entries, or a few very long lines. */
const flatManifest = fc
  .tuple(
    fc.constantFrom("requirements.txt", "pyproject.toml", "environment.yml", "package.json"),
    // At the line budget a case costs seconds: rarely.
    fc.oneof(
      { weight: 18, arbitrary: fc.integer({ min: 10, max: 3_000 }) },
      { weight: 1, arbitrary: fc.integer({ min: 19_990, max: 20_010 }) },
      { weight: 1, arbitrary: fc.constant(70_000) },
    ),
    fc.integer({ min: 1, max: 400_000 }),
    fc.boolean(),
  )
  .map(([name, lines, width, long]) => {
    const entry = (i: number) => {
      if (name === "requirements.txt") return `pkg${i}==1.${i}`;
      if (name === "pyproject.toml") return `k${i} = "v"`;
      if (name === "environment.yml") return `  - pkg${i}=1.${i}`;
      return `"k${i}": "1.0.${i}",`;
    };
    const head =
      name === "pyproject.toml"
        ? '[project]\nname = "x"\n'
        : name === "environment.yml"
          ? "dependencies:\n"
          : name === "package.json"
            ? '{"dependencies": {\n'
            : "";
    const tail = name === "package.json" ? '"z": "1"}}\n' : "";
    // A few lines of 400k characters, or many short ones.
    const body = long ? `${entry(0)}${" ".repeat(width)}#${"x".repeat(width)}\n`.repeat(3) : Array.from({ length: lines }, (_, i) => entry(i)).join("\n");
    return { name, bytes: enc.encode(`${head}${body}\n${tail}`) };
  });

/** Nesting from just under the cap to a hundred thousand levels, in each syntax's brackets and blocks. */
const deepManifest = fc
  .tuple(
    fc.constantFrom("toml-inline", "toml-array", "yaml-flow", "yaml-block", "yaml-dash", "json"),
    fc.oneof(fc.integer({ min: 90, max: 110 }), fc.integer({ min: 1, max: 100_000 })),
    fc.boolean(),
  )
  .map(([shape, n, closed]) => {
    const close = (s: string) => (closed ? s : "");
    switch (shape) {
      case "toml-inline":
        return { name: "pyproject.toml", text: `[project]\nname = "x"\nx = ${"{a=".repeat(n)}1${close("}".repeat(n))}\n` };
      case "toml-array":
        return { name: "pyproject.toml", text: `[project]\ndependencies = ${"[".repeat(n)}"numpy"${close("]".repeat(n))}\n` };
      case "yaml-flow":
        return { name: "environment.yml", text: `dependencies: ${"[".repeat(n)}numpy${close("]".repeat(n))}\n` };
      case "yaml-block":
        return {
          name: "environment.yml",
          text: `dependencies:\n${Array.from({ length: Math.min(n, 3000) }, (_, i) => `${" ".repeat(i + 1)}k${i}:`).join("\n")}\n`,
        };
      case "yaml-dash":
        return { name: "environment.yml", text: `dependencies:\n  ${"- ".repeat(n)}numpy\n` };
      default:
        return { name: "package.json", text: `{"dependencies": ${"[".repeat(n)}1${close("]".repeat(n))}}` };
    }
  })
  .map(({ name, text }) => ({ name, bytes: enc.encode(text) }));

const NAMES: Record<FuzzKind, readonly string[]> = {
  python: ["train.py", "données é.py"],
  notebook: ["experiment.ipynb"],
  requirements: ["requirements.txt", "requirements/dev.txt", "constraints.txt"],
  pyproject: ["pyproject.toml"],
  conda: ["environment.yml", "environment-gpu.yaml"],
  typescript: ["train.ts", "model.tsx", "run.mts"],
  javascript: ["train.js", "train.mjs", "train.cjs"],
  special: ["train.py", "requirements.txt", "pyproject.toml", "environment.yml", "experiment.ipynb", "package.json"],
  flat: [],
  deep: [],
};

const BYTES: Record<Exclude<FuzzKind, "special" | "flat" | "deep">, fc.Arbitrary<Uint8Array>> = {
  python: pythonBytes,
  notebook: notebookBytes,
  requirements: requirementsBytes,
  pyproject: pyprojectBytes,
  conda: condaBytes,
  typescript: tsBytes,
  javascript: tsBytes,
};

export function caseOf(kind: FuzzKind): fc.Arbitrary<FuzzCase> {
  if (kind === "special")
    return fc
      .tuple(fc.constantFrom(...NAMES.special), fc.constantFrom(...SPECIAL_TARGETS))
      .map(([name, link]) => ({ kind, name, bytes: new Uint8Array(), link }));
  if (kind === "flat") return flatManifest.map((c) => ({ kind, ...c }));
  if (kind === "deep") return deepManifest.map((c) => ({ kind, ...c }));
  return fc
    .tuple(fc.constantFrom(...NAMES[kind]), BYTES[kind as Exclude<FuzzKind, "special" | "flat" | "deep">])
    .map(([name, bytes]) => ({ kind, name, bytes }));
}

export const anyCase: fc.Arbitrary<FuzzCase> = fc.oneof(...KINDS.map(caseOf));
