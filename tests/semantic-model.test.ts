import { mkdtempSync, mkdirSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { extractFacts } from "../parsers/python/facts.js";
import "../parsers/python/project-module.js";
import { parsePython } from "../parsers/python/tree-sitter.js";
import { SemanticModel } from "../semantic/model.js";
import { ProjectIndex, projectIndex } from "../semantic/project.js";
import { qualifiedName } from "../semantic/qname.js";
import { runEndsKind, runStartKind } from "../semantic/runs.js";
import { seedsKind } from "../semantic/seeding.js";
import { summarisePythonModule } from "../parsers/python/project-module.js";

const modelOf = (code: string, where?: { file: string; project: ProjectIndex }) => new SemanticModel(extractFacts(parsePython(code), code), code, where);

function project(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), "exp-lint-project-"));
  mkdirSync(join(root, ".git"));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(join(root, rel, ".."), { recursive: true });
    writeFileSync(join(root, rel), text);
  }
  return root;
}

describe("the semantic model", () => {
  it("fails loudly when a fact is read after the next file was parsed", () => {
    const facts = extractFacts(parsePython("import numpy as np\nnp.random.seed(0)\n"), "import numpy as np\nnp.random.seed(0)\n");
    parsePython("x = 1\n");
    expect(() => facts.calls[0]!.call.args).toThrow(/read after its syntax tree was freed/u);
  });

  it("keeps every read of a binding, and whether it is used in place or passed on", () => {
    const code = "import wandb\nrun = wandb.init()\nrun.log({'a': 1})\nhelper(run)\nrun = None\nprint(run)\n";
    const model = modelOf(code);
    const first = model.facts.bindings.find((b) => b.name === "run")!;
    expect(model.references(first).map((r) => [code.slice(r.range[0], r.range[1]), r.range[0], r.used])).toEqual([
      ["run", code.indexOf("run.log"), true],
      ["run", code.indexOf("run)"), false],
    ]);
    const call = model.facts.calls.find((s) => model.callee(s) === "wandb.init")!;
    expect(model.holder(call.call)).toBe(first);
  });

  it("summarises a function once and reads the summary at every call site, through helpers", () => {
    const code = [
      "import numpy as np, random, wandb",
      "def inner(s):\n    np.random.seed(s)",
      "def seed_all(s):\n    inner(s)\n    random.seed(s)",
      "def make_run():\n    run = wandb.init()\n    return run",
      "def close(r):\n    r.finish()",
      "def keep(r):\n    r.log({})",
      "seed_all(1)\nrun = make_run()\nclose(run)\nkeep(run)\n",
    ].join("\n");
    const model = modelOf(code);
    const site = (name: string) => model.facts.calls.find((s) => s.scope === 0 && s.call.callee.kind === "name" && s.call.callee.name === name)!;
    expect(model.summaryAt(seedsKind, site("seed_all"))).toEqual(["numpy", "random"]);
    expect(model.summaryAt(runStartKind, site("make_run"))).toBe("wandb.init");
    expect(model.summaryAt(runEndsKind, site("close"))).toEqual({ params: ["r"], active: false });
    expect(model.summaryAt(runEndsKind, site("keep"))).toBeNull();
  });

  it("stays bounded on recursive and deeply chained helpers", () => {
    const chain = Array.from({ length: 50 }, (_, i) => `def f${i}():\n    f${i + 1}()`).join("\n");
    const code = `import numpy as np\ndef g():\n    g()\n    np.random.seed(0)\n${chain}\ndef f50():\n    np.random.seed(1)\ng()\nf0()\n`;
    const model = modelOf(code);
    const site = (name: string) => model.facts.calls.find((s) => s.scope === 0 && s.call.callee.kind === "name" && s.call.callee.name === name)!;
    expect(model.summaryAt(seedsKind, site("g"))).toEqual(["numpy"]);
    // Past the depth bound the chain is unknown, not wrong and not a stack overflow.
    expect(model.summaryAt(seedsKind, site("f0"))).toBeNull();
  });

  it("resolves the project's own modules: from-imports, relative and star imports, module attributes", () => {
    const root = project({
      "src/utils.py": "import numpy as np\ndef set_up(seed):\n    np.random.seed(seed)\n",
      "src/pkg/__init__.py": "",
      "src/pkg/data.py": "from ..utils import set_up\ndef load(seed):\n    set_up(seed)\n",
      "src/pkg/libraries.py": "from .data import *\n",
      "src/train.py": "",
    });
    const index = new ProjectIndex();
    index.setSummariser(summarisePythonModule);
    const code = "import utils\nfrom pkg.data import load\nfrom pkg.libraries import *\nutils.set_up(1)\nload(2)\nload_more = 3\nload(4)\n";
    const model = modelOf(code, { file: join(root, "src/train.py"), project: index });
    const seeds = model.facts.calls.map((s) => model.summaryAt(seedsKind, s));
    expect(seeds).toEqual([["numpy"], ["numpy"], ["numpy"]]);
    expect(index.summarised).toBe(2);
    const star = modelOf("from pkg.libraries import *\nload(1)\n", { file: join(root, "src/train.py"), project: index });
    expect(star.summaryAt(seedsKind, star.facts.calls[0]!)).toEqual(["numpy"]);
  });

  it("re-reads a module of the project when it changes on disk, and only then", async () => {
    const root = project({ "helpers.py": "import random\ndef prepare():\n    random.seed(0)\n" });
    const index = new ProjectIndex();
    index.setSummariser(summarisePythonModule);
    const file = join(root, "train.py");
    const ask = () => {
      const m = modelOf("from helpers import prepare\nprepare()\n", { file, project: index });
      return m.summaryAt(seedsKind, m.facts.calls[0]!);
    };
    expect(ask()).toEqual(["random"]);
    expect(ask()).toEqual(["random"]);
    expect(index.summarised).toBe(1);
    writeFileSync(join(root, "helpers.py"), "import torch\ndef prepare():\n    torch.manual_seed(0)\n");
    utimesSync(join(root, "helpers.py"), new Date(), new Date(Date.now() + 5000));
    // The disk is looked at again at most once a second.
    await new Promise((done) => setTimeout(done, 1100));
    expect(ask()).toEqual(["torch"]);
    expect(index.summarised).toBe(2);
    // What the CLI hands its workers: another index answers from the entries alone.
    const worker = new ProjectIndex();
    worker.importEntries(index.exportEntries());
    const m = modelOf("from helpers import prepare\nprepare()\n", { file, project: worker });
    expect(m.summaryAt(seedsKind, m.facts.calls[0]!)).toEqual(["torch"]);
    expect(worker.summarised).toBe(0);
  });

  it("gives qualified names as segments, root and short name", () => {
    const q = qualifiedName("mlflow.MlflowClient().log_param");
    expect([q.segments, q.root, q.short, q.level, String(q)]).toEqual([
      ["mlflow", "MlflowClient()", "log_param"],
      "mlflow",
      "log_param",
      0,
      "mlflow.MlflowClient().log_param",
    ]);
    expect(qualifiedName("..data.load").level).toBe(2);
    expect(projectIndex).toBeInstanceOf(ProjectIndex);
  });
});
