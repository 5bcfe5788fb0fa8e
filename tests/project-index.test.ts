import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { lint } from "../cli/engine/lint.js";
import { plan } from "../cli/discovery/files.js";
import { buildProjectIndex } from "../cli/discovery/project-index.js";
import { runCli } from "./util/cli.js";

// A project whose scripts seed (or not) through a module of their own, with a name that does not say so.
function project(): string {
  const root = mkdtempSync(join(tmpdir(), "exp-lint-index-"));
  mkdirSync(join(root, ".git"));
  mkdirSync(join(root, "common"));
  writeFileSync(join(root, "common", "__init__.py"), "");
  writeFileSync(
    join(root, "common", "setup.py"),
    "import numpy as np\n\ndef prepare(seed):\n    np.random.seed(seed)\n\ndef describe():\n    return 'no seeding here'\n",
  );
  writeFileSync(join(root, "seeded.py"), "import numpy as np\nfrom common.setup import prepare\n\nprepare(0)\nx = np.random.rand(3)\n");
  writeFileSync(join(root, "unseeded.py"), "import numpy as np\nfrom common.setup import describe\n\ndescribe()\nx = np.random.rand(3)\n");
  return root;
}

describe("the project index in the CLI", () => {
  it("summarises each imported module of the project once, before the workers start", async () => {
    const root = project();
    const files = await plan([root], root);
    const entries = buildProjectIndex(files.targets);
    expect(entries.filter((e) => e.record).map((e) => [e.path, Object.keys(e.record!.functions)])).toContainEqual([
      join(root, "common", "setup.py"),
      ["prepare", "describe"],
    ]);
  });

  it("gives the same answers in process and on lint workers (a real process: workers load the built code)", async () => {
    const root = project();
    const files = await plan([root], root);
    const one = (await lint(files, { cwd: root, extraRequirements: [], config: "recommended", cache: false, concurrency: "off" })).results
      .flatMap((r) => r.messages.map((m) => `${r.filePath.slice(root.length + 1)}:${m.line}:${m.ruleId}`))
      .sort();
    expect(one).toEqual(["unseeded.py:5:exp-lint/require-seed"]);
    const run = await runCli(["--concurrency", "2", "--format", "json", "."], root);
    const workers = (JSON.parse(run.stdout) as { filePath: string; messages: { line: number; ruleId: string }[] }[])
      .flatMap((r) => r.messages.map((m) => `${r.filePath.slice(root.length + 1)}:${m.line}:${m.ruleId}`))
      .sort();
    expect(workers).toEqual(one);
  });
});
