import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { kindOf } from "../cli/discovery/files.js";

// The hook itself, run by pre-commit, is tested in tests/e2e/pre-commit-hook.test.ts.
const repo = new URL("../", import.meta.url).pathname;

describe("the pre-commit hook's files pattern", () => {
  const hooks = readFileSync(join(repo, ".pre-commit-hooks.yaml"), "utf8");
  const files = new RegExp(/^\s*files: '(.*)'$/mu.exec(hooks)![1]!, "u");
  const exclude = new RegExp(/^\s*exclude: '(.*)'$/mu.exec(hooks)![1]!, "u");
  const hooked = (path: string) => files.test(path) && !exclude.test(path);

  it.each([
    "train.py",
    "notebooks/eda.ipynb",
    "src/train.ts",
    "src/App.tsx",
    "lib/a.mts",
    "lib/b.cts",
    "scripts/run.js",
    "esm/c.mjs",
    "cjs/d.cjs",
    "requirements.txt",
    "requirements-dev.txt",
    "requirements/base.txt",
    "constraints.txt",
    "pyproject.toml",
    "environment.yml",
    "envs/environment-gpu.yaml",
    "package.json",
    "packages/trainer/package.json",
    "dev-requirements.txt",
    "requirements_dev.txt",
    "test-requirements.txt",
    "Pipfile",
    "api/Pipfile",
    "setup.py",
    "setup.cfg",
    "conda.yaml",
    "mlflow/conda.yml",
    "mlflow/python_env.yaml",
    "Dockerfile",
    "docker/Dockerfile.gpu",
    "docker/serve.dockerfile",
  ])("hooks %s, which the CLI lints", (path) => {
    expect(kindOf(path)).not.toBeNull();
    expect(hooked(path)).toBe(true);
  });

  it("hooks MLproject, which names the environment file the CLI lints", () => {
    expect(hooked("mlflow/MLproject")).toBe(true);
  });

  it.each([
    "README.md",
    "package-lock.json",
    "tsconfig.json",
    "data/train.csv",
    "notes.txt",
    "config.yml",
    "node_modules/lodash/package.json",
    "src/types.d.json",
    "requirements.in",
    "Pipfile.lock",
    "docker-compose.yml",
    "Dockerfile/notes.md",
  ])("skips %s", (path) => {
    expect(hooked(path)).toBe(false);
  });
});
