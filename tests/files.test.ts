import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { tempProject } from "./util/cli.js";

// Root reads every file, so an unreadable one is simulated where the CLI asks the file system.
vi.mock("node:fs", async (importOriginal) => {
  const fs = await importOriginal<typeof import("node:fs")>();
  return {
    ...fs,
    openSync: (path: string, ...rest: unknown[]) => {
      if (String(path).endsWith("secret.py")) throw Object.assign(new Error("EACCES: permission denied"), { code: "EACCES" });
      return (fs.openSync as (...a: unknown[]) => number)(path, ...rest);
    },
  };
});

const { plan } = await import("../cli/discovery/files.js");

describe("file discovery", () => {
  it("names an unreadable file as an error and keeps the others", async () => {
    const dir = tempProject({ "secret.py": "x = 1\n", "train.py": "x = 2\n", "requirements.txt": "numpy==1.26.4\n", "notes.md": "# no\n" });
    const p = await plan(["."], dir);
    expect(p.targets.map((t) => [t.path.slice(dir.length + 1), t.kind])).toEqual([
      ["requirements.txt", "requirements"],
      ["train.py", "python"],
    ]);
    expect(p.skipped).toEqual([{ path: join(dir, "secret.py"), message: "cannot read file (EACCES)", severity: 2 }]);
  });

  it("follows -r and -c includes once, even when they include each other", async () => {
    const dir = tempProject({
      "requirements.txt": "-r deps/base.txt\n-c constraints/pins.txt\n",
      "deps/base.txt": "-r ../requirements.txt\nnumpy==1.26.4\n",
      "constraints/pins.txt": "numpy==1.26.4\n",
    });
    const p = await plan(["requirements.txt"], dir);
    expect(p.targets.map((t) => t.path.slice(dir.length + 1)).sort()).toEqual(["constraints/pins.txt", "deps/base.txt", "requirements.txt"]);
  });

  it("lints package.json files as manifests, but not those of installed packages", async () => {
    const dir = tempProject({
      "package.json": '{ "dependencies": { "@tensorflow/tfjs-node": "^4.17.0" } }',
      "packages/trainer/package.json": '{ "dependencies": { "seedrandom": "3.0.5" } }',
      "node_modules/seedrandom/package.json": '{ "name": "seedrandom", "version": "3.0.5", "dependencies": { "x": "*" } }',
      "package-lock.json": "{}",
      "tsconfig.json": "{}",
    });
    const p = await plan(["."], dir);
    expect(p.targets.map((t) => [t.path.slice(dir.length + 1), t.kind])).toEqual([
      ["package.json", "requirements"],
      ["packages/trainer/package.json", "requirements"],
    ]);
  });

  it("lints an MLflow project's conda.yaml as a conda environment file", async () => {
    const dir = tempProject({
      MLproject: "conda_env: conda.yaml\n",
      "conda.yaml": "dependencies:\n  - pandas\n",
      "components/get_data/conda.yml": "dependencies:\n  - wandb\n",
    });
    const p = await plan(["."], dir);
    expect(p.targets.map((t) => [t.path.slice(dir.length + 1), t.kind])).toEqual([
      ["components/get_data/conda.yml", "requirements"],
      ["conda.yaml", "requirements"],
    ]);
  });

  it("reports paths that do not exist", async () => {
    const dir = tempProject({ "a.py": "" });
    expect((await plan(["a.py", "nope.py"], dir)).missing).toEqual(["nope.py"]);
  });
});
