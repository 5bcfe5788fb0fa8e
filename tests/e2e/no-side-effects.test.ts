import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BIN, tempProject } from "../util/cli.js";

/**
 * exp-lint reads code and never runs it: a scan spawns no process and opens
 * no connection, even in a repository whose files would do both if anything
 * imported or executed them. A preload (tests/util/trap-side-effects.mjs)
 * records and refuses every such call, in the main thread and every worker.
 */

const TRAP = new URL("../util/trap-side-effects.mjs", import.meta.url).pathname;

// Each file, if executed or imported, would leave a PWNED-* file behind, spawn a process and reach the network.
const REPO: Record<string, string> = {
  "setup.py":
    'import subprocess, urllib.request\nopen("PWNED-setup", "w").close()\nsubprocess.run(["curl", "https://example.com"])\nurllib.request.urlopen("https://example.com")\nfrom setuptools import setup\nsetup(name="churn", install_requires=["numpy"])\n',
  "conftest.py": 'import os, socket\nopen("PWNED-conftest", "w").close()\nos.system("echo hi")\nsocket.create_connection(("example.com", 80))\n',
  "noxfile.py": 'import nox\nopen("PWNED-nox", "w").close()\n\n@nox.session\ndef tests(session):\n    session.install("-r", "requirements.txt")\n',
  "eslint.config.js":
    'import { execSync } from "node:child_process";\nimport { writeFileSync } from "node:fs";\nwriteFileSync("PWNED-eslint-config", "");\nexecSync("curl https://example.com");\nexport default [];\n',
  "scripts/fetch_data.ts":
    'import { spawn } from "node:child_process";\nawait fetch("https://example.com/data.csv");\nspawn("wget", ["https://example.com"]);\nexport const rows = Math.random();\n',
  "package.json": '{ "name": "x", "type": "module", "scripts": { "postinstall": "touch PWNED-npm" } }\n',
  "requirements.txt":
    "--index-url https://pypi.example.com/simple\n--extra-index-url https://download.pytorch.org/whl/cu121\n-e git+https://github.com/acme/features.git@v1.2#egg=features\nnumpy\ntorch @ https://download.pytorch.org/whl/torch-2.1.2.whl\n-r https://example.com/more-requirements.txt\n",
  "pyproject.toml":
    '[build-system]\nrequires = ["setuptools>=68"]\nbuild-backend = "setuptools.build_meta"\n\n[project]\nname = "churn"\nversion = "0.1.0"\ndependencies = ["pandas>=2"]\n',
  "environment.yml": "name: churn\nchannels:\n  - https://conda.example.com/channel\ndependencies:\n  - numpy\n  - pip:\n      - mlflow\n",
  "notebooks/explore.ipynb": JSON.stringify({
    cells: [
      {
        cell_type: "code",
        metadata: {},
        outputs: [],
        execution_count: null,
        source: ["!pip install wandb\n", "!curl -O https://example.com/data.csv\n", "import numpy as np\n", "x = np.random.rand(3)"],
      },
    ],
    metadata: {},
    nbformat: 4,
    nbformat_minor: 5,
  }),
  "train.py": 'import os\nimport numpy as np\nos.system("rm -rf /tmp/nothing")\nnoise = np.random.rand(3)\n',
  "frozen.txt": "numpy==1.26.4\npandas==2.2.0\nmlflow==2.12.1\n",
};

function trapped(args: string[], cwd: string) {
  const log = join(cwd, "..", `trap-${Math.random().toString(36).slice(2)}.log`);
  const r = spawnSync(process.execPath, ["--import", TRAP, ...args], {
    cwd,
    encoding: "utf8",
    timeout: 300_000,
    env: { ...process.env, EXP_LINT_TRAP_LOG: log },
  });
  const lines = existsSync(log) ? readFileSync(log, "utf8").trim().split("\n") : [];
  return {
    code: r.status,
    stdout: r.stdout,
    stderr: r.stderr,
    calls: lines.filter((l) => l.startsWith("CALL")),
    workers: lines.filter((l) => l === "loaded worker").length,
  };
}

describe("a scan has no side effects", () => {
  it("the trap catches processes, connections, lookups and fetches (the control)", () => {
    const dir = tempProject({
      "x.mjs":
        'import { execSync } from "node:child_process";\nimport dns from "node:dns";\nimport net from "node:net";\nfor (const f of [() => execSync("true"), () => net.connect(80, "example.com"), () => dns.lookup("example.com", () => {})]) { try { f(); } catch {} }\nawait fetch("https://example.com").catch(() => {});\n',
    });
    const r = trapped(["x.mjs"], dir);
    expect(r.calls).toEqual(["CALL child_process.execSync true", "CALL net.connect 80", "CALL dns.lookup example.com", "CALL fetch https://example.com"]);
  });

  it.each([
    ["a plain scan", ["-f", "json", "."]],
    ["--fix from a freeze file", ["--fix", "--pin-from", "frozen.txt", "-f", "json", "."]],
    ["worker threads", ["--concurrency", "2", "-f", "json", "."]],
    ["the human format", ["."]],
  ])("spawns nothing and connects nowhere: %s", (_name, args) => {
    const dir = tempProject(REPO);
    const r = trapped([BIN, ...args], dir);
    expect(r.calls).toEqual([]);
    expect(r.stderr).toBe("");
    expect([0, 1]).toContain(r.code);
    // The trap was loaded where the linting ran: the CLI's own thread, which lints too, and one more for two threads.
    expect(r.workers).toBe(args[0] === "--concurrency" ? 2 : 1);
    if (args[0] === "-f") {
      const linted = (JSON.parse(r.stdout) as { filePath: string }[]).map((x) => x.filePath.slice(dir.length + 1)).sort();
      expect(linted).toEqual(
        expect.arrayContaining([
          "conftest.py",
          "noxfile.py",
          "eslint.config.js",
          "scripts/fetch_data.ts",
          "setup.py",
          "requirements.txt",
          "train.py",
          "notebooks/explore.ipynb",
        ]),
      );
    }
    expect(readdirSync(dir).filter((f) => f.startsWith("PWNED"))).toEqual([]);
  });
});
