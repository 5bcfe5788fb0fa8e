import { execFileSync } from "node:child_process";
import { chmodSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, tempProject } from "./util/cli.js";

interface JsonResult {
  filePath: string;
  messages: { ruleId: string | null; fatal?: boolean; severity: number; line: number; column: number; message: string }[];
}

// A small script with one known finding, to prove the other files are still linted.
const UNSEEDED = "import numpy as np\n\nweights = np.random.randn(10, 3)\nprint(weights.mean())\n";
const UNSEEDED_AT = { ruleId: "exp-lint/require-seed", line: 3, column: 11 };

async function lintJson(files: Record<string, string | Buffer>, args: string[] = []) {
  const dir = tempProject({ "good/witness.py": UNSEEDED, ...files });
  const r = await runCli(["-f", "json", ...args], dir);
  const results = JSON.parse(r.stdout) as JsonResult[];
  const byName = (name: string) => results.find((x) => x.filePath === join(dir, name));
  return { r, dir, results, byName };
}

function expectWitness(byName: (n: string) => JsonResult | undefined) {
  expect(byName("good/witness.py")!.messages.map(({ ruleId, line, column }) => ({ ruleId, line, column }))).toEqual([UNSEEDED_AT]);
}

describe("bad input never stops the run", () => {
  it("reports a syntax error as one warning and still analyses the rest", async () => {
    const { r, byName } = await lintJson({ "broken.py": "import numpy as np\n\ndef f(:\n    pass\n\nnp.random.shuffle([1, 2])\n" });
    const msgs = byName("broken.py")!.messages;
    expect(msgs.find((m) => m.ruleId === "exp-lint/syntax-error")).toMatchObject({ severity: 1, line: 3 });
    expect(msgs.find((m) => m.ruleId === "exp-lint/require-seed")).toMatchObject({ line: 6 });
    expectWitness(byName);
    expect(r.code).toBe(1);
  });

  it("names an invalid package.json once, at the bad token, and goes on", async () => {
    const { r, byName } = await lintJson({ "package.json": '{\n  "dependencies": {\n    "seedrandom": "^3.0.5",\n  }\n}\n' });
    const msgs = byName("package.json")!.messages;
    expect(msgs).toHaveLength(1);
    expect(msgs[0]).toMatchObject({ fatal: true, severity: 2, line: 4, column: 3, message: "Parsing error: invalid JSON: Unexpected token RBrace found." });
    expectWitness(byName);
    expect(r.code).toBe(1);
  });

  it("handles an empty file", async () => {
    const { byName } = await lintJson({ "empty.py": "" });
    expect(byName("empty.py")!.messages).toEqual([]);
    expectWitness(byName);
  });

  it("names a binary file that is called .py and goes on", async () => {
    const { r, byName } = await lintJson({ "model.py": Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x00, 0x01, 0x02, 0x00, 0xff]) });
    const [m] = byName("model.py")!.messages;
    expect(m).toMatchObject({ fatal: true, severity: 2 });
    expect(m!.message).toMatch(/binary file/u);
    expectWitness(byName);
    expect(r.code).toBe(1);
  });

  it("survives invalid UTF-8 and still finds the problem after it", async () => {
    const bytes = Buffer.concat([Buffer.from("# caf\xe9 \xff\xfe\n", "latin1"), Buffer.from(UNSEEDED)]);
    const { byName } = await lintJson({ "latin.py": bytes });
    expect(byName("latin.py")!.messages.map((m) => [m.ruleId, m.line])).toEqual([["exp-lint/require-seed", 4]]);
  });

  it("keeps locations right with a BOM, CRLF line endings and non-ASCII text", async () => {
    const text = "\ufeff# é 😀 data\r\nimport numpy as np\r\nname = 'naïve 😀'; w = np.random.randn(3)\r\n";
    const { byName } = await lintJson({ "bom.py": text });
    expect(byName("bom.py")!.messages.map(({ ruleId, line, column }) => ({ ruleId, line, column }))).toEqual([
      { ruleId: "exp-lint/require-seed", line: 3, column: 24 },
    ]);
  });

  it("lints a 5 MB file", async () => {
    const chunk = "def step_{i}(x):\n    return x * {i} + 1\n\n";
    let big = "import numpy as np\n";
    for (let i = 0; big.length < 5 * 1024 * 1024; i++) big += chunk.replaceAll("{i}", String(i));
    big += "noise = np.random.rand(4)\n";
    const { byName } = await lintJson({ "big.py": big });
    expect(byName("big.py")!.messages.map((m) => m.ruleId)).toEqual(["exp-lint/require-seed"]);
  });

  it("does not overflow on 10,000-deep nesting", async () => {
    const n = 10_000;
    const files = {
      "parens.py": `x = ${"(".repeat(n)}1${")".repeat(n)}\n`,
      "calls.py": `import numpy as np\ny = ${"f(".repeat(n)}np.random.rand(2)${")".repeat(n)}\n`,
      "lists.py": `z = ${"[".repeat(n)}${"]".repeat(n)}\n`,
      "binop.py": `w = ${Array.from({ length: n }, (_, i) => `a${i}`).join(" + ")}\n`,
      "unclosed.py": `v = ${"(".repeat(n)}\n`,
    };
    const { r, byName } = await lintJson(files);
    expect(r.stderr).toBe("");
    for (const name of Object.keys(files)) expect(byName(name), name).toBeDefined();
    expect(byName("calls.py")!.messages.map((m) => m.ruleId)).toEqual(["exp-lint/require-seed"]);
    expectWitness(byName);
  });

  it("names an unreadable file or a FIFO and goes on", async () => {
    const { dir } = await lintJson({});
    execFileSync("mkfifo", [join(dir, "pipe.py")]);
    const files: string[] = ["pipe.py"];
    if (process.getuid?.() !== 0) {
      // root reads everything, so this half only runs for ordinary users.
      execFileSync("sh", ["-c", `printf 'x = 1\\n' > '${join(dir, "secret.py")}'`]);
      chmodSync(join(dir, "secret.py"), 0o000);
      files.push("secret.py");
    }
    const r = await runCli(["-f", "json", "pipe.py", ...files.slice(1), "good"], dir);
    const results = JSON.parse(r.stdout) as JsonResult[];
    const pipe = results.find((x) => x.filePath === join(dir, "pipe.py"))!;
    expect(pipe.messages[0]!.message).toMatch(/not a regular file/u);
    if (files.includes("secret.py")) {
      expect(results.find((x) => x.filePath === join(dir, "secret.py"))!.messages[0]).toMatchObject({
        fatal: true,
        message: expect.stringMatching(/cannot read/u),
      });
    }
    expectWitness((n) => results.find((x) => x.filePath === join(dir, n)));
  });
});
