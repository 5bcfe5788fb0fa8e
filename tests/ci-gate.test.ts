import { chmodSync, chownSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import type { ESLint } from "eslint";
import { describe, expect, it } from "vitest";
import { fingerprints } from "../cli/reporting/fingerprint.js";
import { formatSarif } from "../cli/reporting/format/sarif.js";
import { redact } from "../cli/reporting/format/redact.js";
import { visible } from "../cli/reporting/format/escape.js";
import { globMatcher } from "../cli/config/glob-match.js";
import { buildHostileTree, OUTSIDE_SECRET, removeTree, SECRET } from "../fuzz/hostile-tree.js";
import { checkFile, MAX_FILE_BYTES, readText } from "../io/read.js";
import { writeAtomic } from "../io/write.js";
import { readNotebook } from "../parsers/notebook/notebook.js";
import { maskMagics } from "../parsers/notebook/magics.js";
import { poetrySpecifiers } from "../parsers/manifests/pyproject.js";
import { readScriptBlocks } from "../parsers/manifests/python-side.js";
import { manifestTooCostly, yamlExpansion, MAX_MANIFEST_BYTES, MAX_MANIFEST_LINES, MAX_NESTING, MAX_YAML_EXPANSION } from "../parsers/shared/bounds.js";
import { readDirectives } from "../parsers/shared/directives.js";
import { parseYAML } from "yaml-eslint-parser";
import { runCli, tempProject } from "./util/cli.js";

/** Issue 13: exp-lint as a CI gate for strangers' pull requests. Each block names the failure of the issue's list it covers. */

interface JsonResult {
  filePath: string;
  messages: { ruleId: string | null; severity: number; message: string }[];
}

describe("a scan of a tree holding every hostile file (issue 13, done-when)", () => {
  it("finishes with one message per bad file and the right findings for the rest, and echoes no secret", async () => {
    const tree = buildHostileTree(process.env.EXP_LINT_TEST_TMP);
    // A link to a pseudo-file named on the command line is read, but only to the limit.
    const r = await runCli(["-f", "json", ".", "links/pagemap.py"], tree.root);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(1);
    const results = JSON.parse(r.stdout) as JsonResult[];
    const byPath = new Map(results.map((x) => [x.filePath.startsWith(tree.root) ? x.filePath.slice(tree.root.length + 1) : x.filePath, x]));
    for (const [path, want] of tree.expect) {
      const got = byPath.get(path);
      expect(got, path).toBeDefined();
      if ("rule" in want)
        expect(
          got!.messages.map((m) => m.ruleId),
          path,
        ).toContain(want.rule);
      else {
        // Pseudo-files are named twice over when linked and named: once per path; never more than one message per file.
        expect(got!.messages.length, path).toBe(1);
        // Named, the link to /proc/self/pagemap is read, up to the limit or until the kernel refuses an unaligned read.
        expect(got!.messages[0]!.message, path).toMatch(path === "links/pagemap.py" ? /over the 10 MiB limit|cannot read file \(EINVAL/u : want.message);
      }
    }
    expect(r.stdout).toMatch(/ENAMETOOLONG/u);
    // 9. Two PEP 723 blocks: one finding naming both, and the first block's unpinned numpy; the second block is not read.
    const twoBlocks = byPath.get("odd/two-blocks.py")!.messages.map((m) => m.message);
    expect(twoBlocks.filter((m) => /^two-blocks\.py has 2 PEP 723 .* at lines 1 and 6:/u.test(m))).toHaveLength(1);
    expect(twoBlocks.filter((m) => m.startsWith("numpy "))).toHaveLength(1);
    expect(twoBlocks).toHaveLength(2);
    expect(r.stdout).not.toContain(SECRET);
    expect(r.stdout).not.toContain(OUTSIDE_SECRET);

    // 5. Stylish output: no raw newline from a file name, no ESC, no secret.
    const human = await runCli(["."], tree.root);
    expect(human.stdout.split("\n").some((line) => line.startsWith("::"))).toBe(false);
    expect(human.stdout).not.toContain("\u001b");
    expect(human.stdout).toContain("names/evil␊::error file=x::pwned.py");
    expect(human.stdout).not.toContain(SECRET);
    const sarif = await runCli(["-f", "sarif", "."], tree.root);
    expect(sarif.code).toBe(1);
    expect(sarif.stdout).not.toContain(SECRET);
    removeTree(tree.root);
    removeTree(tree.outside);
  }, 300_000);
});

describe("1. special files are never read without limit", () => {
  it("reads a /proc file only to the limit, refuses devices and FIFOs, and refuses links out of the roots", () => {
    // Size 0 by stat: read to the limit (or until the kernel refuses an unaligned read), never further.
    expect(["ETOOBIG", "EINVAL"]).toContain((checkFile("/proc/self/pagemap") as { code: string }).code);
    expect(readText("/proc/self/mem")).toMatchObject({ ok: false, code: "EIO" });
    expect(readText("/dev/zero")).toMatchObject({ ok: false, code: "ENOTREG" });
    const dir = tempProject({ "a.txt": "numpy\n" });
    symlinkSync("/etc/hostname", join(dir, "host.txt"));
    expect(readText(join(dir, "host.txt"), { roots: [dir] })).toMatchObject({ ok: false, code: "EOUTSIDE" });
    expect(readText(join(dir, "a.txt"), { roots: [dir] })).toMatchObject({ ok: true, text: "numpy\n" });
  });

  it("does not read a config, a node_modules manifest or the cache through a link to /dev/zero", async () => {
    const dir = tempProject({ "train.py": "import random\nrandom.seed(0)\n", "package.json": '{"dependencies": {"left-pad": "^1.0.0"}}\n' });
    symlinkSync("/dev/zero", join(dir, "exp-lint.toml"));
    mkdirSync(join(dir, "node_modules/left-pad"), { recursive: true });
    symlinkSync("/dev/zero", join(dir, "node_modules/left-pad/package.json"));
    symlinkSync("/dev/zero", join(dir, ".exp-lint-cache"));
    const r = await runCli(["--cache", "-f", "json", "."], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("exp-lint.toml: leads outside the scanned folders");
    const ok = await runCli(["--no-config", "--cache", "-f", "json", "."], dir);
    expect(ok.stderr).toContain("not using the cache");
    expect(JSON.parse(ok.stdout).length).toBeGreaterThan(0);
    expect(lstatSync(join(dir, ".exp-lint-cache")).isSymbolicLink()).toBe(true);
  }, 120_000);
});

/** CPU time of `f(big)` over `f(small)`, inputs 10x apart, best of five each after a warm-up (CPU, not wall: the machine is shared). */
function growth(f: (s: string) => unknown, small: string, big: string): number {
  const best = (s: string) => {
    let t = Infinity;
    for (let i = 0; i < 5; i++) {
      const start = process.cpuUsage();
      f(s);
      const used = process.cpuUsage(start);
      t = Math.min(t, used.user + used.system + 1);
    }
    return t;
  };
  f(big);
  return best(big) / best(small);
}

// A linear scan of the same strings: how 10x the input grows on this machine now (memory and caches included).
const linear = (s: string) => {
  let n = 0;
  for (let i = 0; i < s.length; i++) n += s.charCodeAt(i) === 32 ? 1 : 0;
  return s.split("").reverse().join("").length + n;
};

describe("2. matching on file contents is linear", () => {
  const loc = { start: { line: 1, column: 0 }, end: { line: 1, column: 0 } };
  const cases: [string, (s: string) => unknown, (n: number) => string][] = [
    ["noqa directive", (s) => readDirectives([{ value: s, range: [0, 1], loc }]), (n) => ` noqa:${" ".repeat(n)}!`],
    ["noqa list and justification", (s) => readDirectives([{ value: s, range: [0, 1], loc }]), (n) => ` noqa: ${"a- ".repeat(n / 3)}\u0001`],
    ["notebook shell assignment", maskMagics, (n) => `${" ".repeat(n)}x`],
    ["notebook help line", maskMagics, (n) => `${"a.".repeat(n / 2)}?x`],
    ["Poetry constraint", (s) => poetrySpecifiers(s, [0, 1]), (n) => `1${" ".repeat(n)},`],
    ["configured exclude glob", (s) => globMatcher(["*a*a*a*a*a*a*a*a*a*a*b"])(s), (n) => "a".repeat(n)],
    ["credential masking", redact, (n) => `a://${"b".repeat(n)}`],
    ["PEP 723 block openings", readScriptBlocks, (n) => "# /// script\n".repeat(n / 13)],
  ];
  for (const [name, f, make] of cases) {
    it(`${name}: 10x the input (100k to 1M characters) costs under half what a quadratic scan's would`, () => {
      const small = make(100_000);
      const big = make(1_000_000);
      // Linear grows about as the linear scan does (10x, more with memory effects); quadratic 100x; cubic 1000x.
      expect(growth(f, small, big)).toBeLessThan(5 * Math.max(growth(linear, small, big), 10));
    });
  }

  it("reads noqa directives as before", () => {
    const ids = (v: string) => readDirectives([{ value: v, range: [0, 1], loc }]).directives.map((d) => d.value);
    expect(ids(" noqa")).toEqual([""]);
    expect(ids(" noqa: require-seed -- seeded upstream")).toEqual(["exp-lint/require-seed"]);
    expect(ids(" noqa: E501, exp-lint/pin-requirements # and more")).toEqual(["exp-lint/pin-requirements"]);
    expect(ids(" noqa: require-seed (why)")).toEqual([]);
  });
});

describe("3. manifests have a work budget", () => {
  it("names deep nesting and alias bombs before any parser runs", () => {
    expect(manifestTooCostly(`x = ${"{a=".repeat(100_000)}1${"}".repeat(100_000)}`, "TOML")).toMatch(/nested deeper than 100 levels/u);
    expect(manifestTooCostly(`a: ${"[".repeat(500)}${"]".repeat(500)}`, "YAML")).toMatch(/nested deeper/u);
    expect(manifestTooCostly(`${"  ".repeat(0)}a:\n${Array.from({ length: 150 }, (_, i) => `${" ".repeat(i + 1)}k${i}:`).join("\n")}\n`, "YAML")).toMatch(
      /nested deeper/u,
    );
    expect(manifestTooCostly("dependencies:\n  - numpy=1.26\n  - pip:\n    - pandas\n", "YAML")).toBeNull();
    const bomb = [
      "a: &a [x, x, x, x, x, x, x, x, x]",
      "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]",
      "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]",
      "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]",
      "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]",
      "package: [*e, *e, *e, *e, *e, *e, *e, *e, *e]",
    ].join("\n");
    expect(yamlExpansion(parseYAML(bomb))).toBeGreaterThan(MAX_YAML_EXPANSION);
  });

  it("reads an alias bomb in conda-lock.yml under --fix as one problem, and fixes the rest", async () => {
    const bomb = [
      "a: &a [x, x, x, x, x, x, x, x, x]",
      "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]",
      "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]",
      "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]",
      "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]",
      "f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]",
      "package: [*f, *f, *f, *f, *f, *f, *f, *f, *f]",
    ].join("\n");
    const dir = tempProject({ "conda-lock.yml": bomb, "requirements.txt": "numpy\n", "frozen.txt": "numpy==1.26.4\n" });
    const r = await runCli(["--fix", "--pin-from", "frozen.txt", "requirements.txt"], dir);
    expect(r.stderr).toContain("conda-lock.yml: cannot read versions (YAML aliases expand past");
    expect(readFileSync(join(dir, "requirements.txt"), "utf8")).toBe("numpy==1.26.4\n");
  }, 120_000);
});

describe("4. secrets are never echoed", () => {
  it("masks URL credentials and token-shaped words, and leaves hashes and names alone", () => {
    expect(redact("git+https://bot:hunter2@github.com/a/b.git")).toBe("git+https://***@github.com/a/b.git");
    expect(redact("--index-url https://__token__:pypi-AgEIcHlwaS5vcmcCJGFi@upload.pypi.org/legacy/")).toBe("--index-url https://***@upload.pypi.org/legacy/");
    expect(redact("git+https://ghp_A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8@github.com/x")).toBe("git+https://***@github.com/x");
    expect(redact("TOKEN=ghp_A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8")).toBe("TOKEN=***");
    const hash = "--hash=sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    expect(redact(hash)).toBe(hash);
    expect(redact("scikit-learn-intelex==2024.1.0")).toBe("scikit-learn-intelex==2024.1.0");
  });

  it("does not read a -r include outside the repository, so none of its lines is printed", async () => {
    const outside = tempProject({ creds: `--extra-index-url https://ci:${OUTSIDE_SECRET}@example.com/simple\nprivate\n` });
    const dir = tempProject({ "requirements.txt": `-r ${join(outside, "creds")}\nnumpy==1.26.4\n` });
    for (const format of ["stylish", "json", "sarif", "github"]) {
      const r = await runCli(["-f", format, "."], dir);
      expect(r.stdout).not.toContain(OUTSIDE_SECRET);
      expect(r.stdout).toContain("outside the scanned folders");
    }
  }, 120_000);
});

describe("5. output escaping", () => {
  it("shows control characters as pictures, one character each", () => {
    expect(visible("a\nb\u001b]52;c;eA==\u0007\u009b")).toBe("a␊b␛]52;c;eA==␇\ufffd");
    expect(visible("tab\tstays")).toBe("tab\tstays");
  });
});

describe("6. data never ends in exit 2 with a stack trace", () => {
  it("fingerprints a notebook with a 9.5M-character cell", () => {
    const source = `{"cells": [{"cell_type": "code", "source": ${JSON.stringify(`x = 1\n${"#".repeat(9_500_000)}\nimport random\nrandom.shuffle(x)\n`)}}], "nbformat": 4}`;
    const result = {
      filePath: "/r/big.ipynb",
      source,
      messages: [{ ruleId: "exp-lint/require-seed", severity: 2, message: "m", line: 1, column: 1, cell: 1, cellLine: 4, cellColumn: 1 }],
    } as unknown as ESLint.LintResult;
    expect(fingerprints([result], "/r")[0]![0]!.code).toBe("random.shuffle(x)");
  });

  it("under --fix: .venv/lib as a file, an unwritable folder, a folder named pyproject.toml", async () => {
    const dir = tempProject({ ".venv/lib": "not a folder", "a/requirements.txt": "numpy\n", "b/requirements.txt": "numpy\n", "frozen.txt": "numpy==1.26.4\n" });
    mkdirSync(join(dir, "pyproject.toml"));
    // (Run as root, the folder stays writable; as a user, b/ is not fixed and says so, and a/ still is.)
    chmodSync(join(dir, "b"), 0o555);
    const r = await runCli(["--fix", "--pin-from", "frozen.txt", "-f", "json", "."], dir);
    expect(r.stderr).not.toContain("internal error");
    expect(r.code === 0 || r.code === 1).toBe(true);
    expect(readFileSync(join(dir, "a/requirements.txt"), "utf8")).toBe("numpy==1.26.4\n");
    chmodSync(join(dir, "b"), 0o755);
  }, 120_000);
});

describe("7. SARIF and baselines cost linear time in the number of findings", () => {
  it("reads each file once however many findings it has", () => {
    const make = (n: number) => {
      const source = "random.shuffle(x)\n".repeat(n);
      const messages = Array.from({ length: n }, (_, i) => ({ ruleId: "exp-lint/require-seed", severity: 2, message: "m", line: i + 1, column: 1 }));
      return [{ filePath: "/r/t.py", source, messages, errorCount: n, warningCount: 0 } as unknown as ESLint.LintResult];
    };
    const time = (n: number) => {
      const results = make(n);
      const start = process.hrtime.bigint();
      formatSarif(results, {}, "/r");
      return Number(process.hrtime.bigint() - start);
    };
    time(500);
    expect(time(20_000) / time(2_000)).toBeLessThan(30);
  });
});

describe("8. writes never go through links, keep the owner, leave no temp file", () => {
  it("refuses a planted or dangling link for --update-baseline and --cache", async () => {
    const dir = tempProject({ "train.py": "import random\nrandom.shuffle([1])\n", "victim.txt": "keep\n" });
    symlinkSync(join(dir, "victim.txt"), join(dir, "baseline.json"));
    symlinkSync(join(dir, "nowhere.json"), join(dir, ".exp-lint-cache"));
    const b = await runCli(["--baseline", "baseline.json", "--update-baseline", "."], dir);
    expect(b.code).toBe(2);
    expect(b.stderr).toContain("cannot write baseline baseline.json (ESYMLINK");
    expect(readFileSync(join(dir, "victim.txt"), "utf8")).toBe("keep\n");
    const c = await runCli(["--cache", "."], dir);
    expect(c.stderr).toContain("not using the cache");
    expect(existsSync(join(dir, "nowhere.json"))).toBe(false);
  }, 120_000);

  it("keeps the owner and mode of a file a root run rewrites, and removes temp files a killed run left", () => {
    const dir = tempProject({ "r.txt": "old\n", ".r.txt.exp-lint-999999-0.tmp": "left by a killed run" });
    chmodSync(join(dir, "r.txt"), 0o640);
    if (process.getuid?.() === 0) chownSync(join(dir, "r.txt"), 1234, 5678);
    writeAtomic(join(dir, "r.txt"), "new\n");
    const st = statSync(join(dir, "r.txt"));
    expect(st.mode & 0o7777).toBe(0o640);
    if (process.getuid?.() === 0) expect([st.uid, st.gid]).toEqual([1234, 5678]);
    expect(readdirSync(dir)).toEqual(["r.txt"]);
    symlinkSync(join(dir, "r.txt"), join(dir, "link.txt"));
    expect(() => writeAtomic(join(dir, "link.txt"), "x")).toThrow(/symbolic link/u);
  });

  // The swap itself, at fixed steps of the write: tests/write-race.test.ts.
  it("writes inside the roots and refuses a file outside them", () => {
    const dir = tempProject({ "in/r.txt": "old\n", "elsewhere/r.txt": "theirs\n" });
    writeAtomic(join(dir, "in/r.txt"), "new\n", { roots: [join(dir, "in")] });
    expect(readFileSync(join(dir, "in/r.txt"), "utf8")).toBe("new\n");
    expect(() => writeAtomic(join(dir, "elsewhere/r.txt"), "x", { roots: [join(dir, "in")] })).toThrow(/outside/u);
    expect(readFileSync(join(dir, "elsewhere/r.txt"), "utf8")).toBe("theirs\n");
  });
});

describe("the documented budgets", () => {
  it("are the ones the code uses", () => {
    const doc = readFileSync(new URL("../docs/ci.md", import.meta.url), "utf8");
    expect(doc).toContain(`at most ${MAX_FILE_BYTES / 1048576} MiB of each`);
    expect(doc).toContain(
      `over ${MAX_MANIFEST_BYTES / 1048576} MiB or ${MAX_MANIFEST_LINES.toLocaleString("en")} lines, or nested deeper than ${MAX_NESTING} levels`,
    );
    expect(doc).toContain(`at most ${MAX_YAML_EXPANSION.toLocaleString("en")} nodes`);
  });
});

describe("9. smaller gaps", () => {
  it("reads a duplicate cells key last-wins, as Jupyter does", () => {
    const nb = readNotebook('{"cells": [{"cell_type": "code", "source": "a = 1"}], "cells": [{"cell_type": "code", "source": "hidden = 2"}]}');
    expect(nb.ok && nb.cells.map((c) => c.source)).toEqual(["hidden = 2"]);
  });
});
