import { Linter, RuleTester } from "eslint";
import { describe, expect, it } from "vitest";
import { requirementsLanguage } from "../parsers/manifests/language.js";
import rule from "../rules/pin-requirements.js";
import { pip } from "./util/pin-data.js";

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const plugin = { languages: { requirements: requirementsLanguage }, rules: { "pin-requirements": rule } };

const tester = new RuleTester({
  // RuleTester checks the config against "test.js" before it lints, so *.js must match too.
  files: ["**/*.js", "**/*.txt", "**/*.in"],
  plugins: { "exp-lint": plugin },
  language: "exp-lint/requirements",
} as never);

const SHA = "0123456789abcdef0123456789abcdef01234567";

tester.run("pin-requirements", rule as never, {
  valid: [
    "",
    "# only comments\n\n",
    "numpy==1.26.4\n",
    "numpy===1.26.4\n",
    "torch==2.1.0+cu121\n",
    'torch[cuda]==2.1.0 ; python_version < "3.12"  # GPU box\n',
    "numpy==1.26.4,<2\n",
    "numpy==${NUMPY_VERSION}\n",
    "scikit-learn==1.4.2 \\\n    --hash=sha256:aaa \\\n    --hash=sha256:bbb\n",
    "-r base.txt\n-c constraints.txt\n--index-url https://pypi.org/simple\n--require-hashes\n",
    "-e .\n-e ./pkg[dev]\n./vendor/pkg\nwheels/thing-1.2.3-py3-none-any.whl\n",
    "foo @ file:///opt/wheels/foo-1.0.tar.gz\n",
    `git+https://github.com/org/repo@${SHA}#egg=repo\n`,
    `-e git+https://github.com/org/repo@${SHA}#egg=repo\n`,
    `lib @ git+ssh://git@github.com/org/lib.git@${SHA}\n`,
    "foo @ https://example.com/foo-1.0.tar.gz#sha256=abcd\n",
    "foo @ https://example.com/foo-1.0.tar.gz --hash=sha256:abcd\n",
    // Not a requirement pip can read: another problem, not this rule's.
    "numpy=1.26.4\n",
    { code: "numpy>=1.26\npandas\n", filename: "requirements.in" },
    { code: "foo @ https://example.com/foo-1.0.tar.gz\n", options: [{ allowUrls: true }] },
  ],
  invalid: [
    {
      code: "numpy>=1.26.4\n",
      errors: [
        {
          message:
            'numpy>=1.26.4 is not pinned: a fresh install can resolve a different version than the one your results came from; pin an exact version such as numpy==1.26.4 ("exp-lint --fix" writes it from a lock file, from "pip freeze" output given with --pin-from, or from the project\'s virtual environment).',
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 14,
        },
      ],
    },
    {
      code: "pandas\n",
      errors: [
        {
          message:
            'pandas has no version: each fresh install takes whatever is newest that day; pin the exact version you trained with, pandas==<version> ("exp-lint --fix" writes it from a lock file, from "pip freeze" output given with --pin-from, or from the project\'s virtual environment).',
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 7,
        },
      ],
    },
    {
      code: "numpy==1.26.4\nscipy~=1.11.4  # solver\n",
      errors: [{ messageId: "notPinned", data: pip.notPinned("scipy~=1.11.4", "scipy==1.11.4"), line: 2, column: 1, endLine: 2, endColumn: 14 }],
    },
    {
      code: 'torch[cuda] >= 2.1, <3 ; python_version < "3.12"\n',
      errors: [{ messageId: "notPinned", data: pip.notPinned("torch[cuda] >= 2.1, <3", "torch[cuda]==2.1"), line: 1, column: 1, endLine: 1, endColumn: 49 }],
    },
    {
      code: "mlflow==2.*\n",
      errors: [{ messageId: "notPinnedNoHint", data: pip.noHint("mlflow==2.*", "mlflow"), line: 1, column: 1, endLine: 1, endColumn: 12 }],
    },
    {
      code: "requests>=2,<=3\nurllib3!=2.0.0\n",
      errors: [
        { messageId: "notPinnedNoHint", data: pip.noHint("requests>=2,<=3", "requests"), line: 1, column: 1, endLine: 1, endColumn: 16 },
        { messageId: "notPinnedNoHint", data: pip.noHint("urllib3!=2.0.0", "urllib3", true), line: 2, column: 1, endLine: 2, endColumn: 15 },
      ],
    },
    {
      // A hash does not pin a range: pip's hash-checking mode wants "==" too.
      code: "numpy>=1.0 \\\n    --hash=sha256:aaa\n",
      errors: [{ messageId: "notPinned", data: pip.notPinned("numpy>=1.0", "numpy==1.0"), line: 1, column: 1, endLine: 1, endColumn: 11 }],
    },
    {
      code: "-e git+https://github.com/org/lib@main#egg=lib\n",
      errors: [{ messageId: "vcsNoCommit", data: pip.vcs("lib", '"@main"'), line: 1, column: 4, endLine: 1, endColumn: 47 }],
    },
    {
      code: "git+https://github.com/org/lib#egg=lib\n",
      errors: [{ messageId: "vcsNoCommit", data: pip.vcs("lib", "the default branch"), line: 1, column: 1, endLine: 1, endColumn: 39 }],
    },
    {
      code: "lib @ git+https://github.com/org/lib@abc1234\n",
      errors: [{ messageId: "vcsNoCommit", data: pip.vcs("lib", 'the abbreviated commit "abc1234"'), line: 1, column: 1, endLine: 1, endColumn: 45 }],
    },
    {
      code: "foo @ https://example.com/foo-1.0.tar.gz\n",
      errors: [{ messageId: "urlNoHash", data: pip.url("foo", "https://example.com/foo-1.0.tar.gz"), line: 1, column: 1, endLine: 1, endColumn: 41 }],
    },
    {
      code: "numpy>=1.26  # noqa: E501\n",
      errors: [{ messageId: "notPinned", line: 1, column: 1, endLine: 1, endColumn: 12 }],
    },
    {
      code: "# données d'entraînement ✓\r\npandas\r\nnumpy\r\n",
      errors: [
        { messageId: "noVersion", data: pip.noVersion("pandas"), line: 2, column: 1, endLine: 2, endColumn: 7 },
        { messageId: "noVersion", data: pip.noVersion("numpy", true), line: 3, column: 1, endLine: 3, endColumn: 6 },
      ],
    },
    {
      code: "x = 'é'  # garbage line\nscikit_learn[alldeps]\n",
      errors: [{ messageId: "noVersion", data: pip.noVersion("scikit_learn[alldeps]"), line: 2, column: 1, endLine: 2, endColumn: 22 }],
    },
  ],
});

describe("pin-requirements with inline directives", () => {
  const linter = new Linter();
  const config = [
    {
      files: ["**/*.txt"],
      plugins: { "exp-lint": plugin },
      language: "exp-lint/requirements",
      rules: { "exp-lint/pin-requirements": "error" },
    },
  ];
  const lines = (code: string) => linter.verify(code, config as never, "requirements.txt").map((m) => `${m.line}:${m.ruleId ?? m.message}`);

  it.each([
    ["numpy>=1  # noqa: pin-requirements\npandas\n", ["2:exp-lint/pin-requirements"]],
    ["numpy>=1  # noqa: exp-lint/pin-requirements, E501\n", []],
    ["numpy>=1  # noqa\n", []],
    ["numpy>=1  # noqa: pin-requirements -- pinned in constraints-gpu.txt\n", []],
    ["numpy>=1  # NOQA:pin-requirements\n", []],
    ["numpy>=1  # noqa: E501\n", ["1:exp-lint/pin-requirements"]],
    ["# eslint-disable-next-line exp-lint/pin-requirements -- pinned in constraints.txt\nnumpy>=1\npandas\n", ["3:exp-lint/pin-requirements"]],
    ["numpy>=1  # eslint-disable-line exp-lint/pin-requirements\n", []],
    ["# eslint-disable exp-lint/pin-requirements\nnumpy\n# eslint-enable exp-lint/pin-requirements\npandas\n", ["4:exp-lint/pin-requirements"]],
    ["numpy>=1.0 \\\n    --hash=sha256:aaa  # noqa: pin-requirements\npandas\n", ["3:exp-lint/pin-requirements"]],
    ["# eslint exp-lint/pin-requirements: off\nnumpy\n", []],
  ])("%j", (code, expected) => {
    expect(lines(code)).toEqual(expected);
  });
});
