// The README's ESLint plugin snippet, pasted as printed into a fresh npm project of each module kind, and run with `npx eslint .`.
import { execFile } from "node:child_process";
import { mkdirSync, readFileSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempProject } from "../util/cli.js";

const repo = new URL("../../", import.meta.url).pathname;
const section = readFileSync(join(repo, "README.md"), "utf8").split("## ESLint plugin")[1]!;
// The file name the README tells users to create, and the first config it shows.
const configName = /then in `(eslint\.config\.[cm]?js)`/u.exec(section)?.[1];
const config = /```js\n([\s\S]*?)```/u.exec(section)?.[1];
const command = /and run `(npx eslint \.)`/u.exec(section)?.[1];

const TRAIN = `import numpy as np
from sklearn.model_selection import train_test_split

X, y = np.load("features.npy"), np.load("labels.npy")
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2)
`;

/** `npm init -y`'s package.json (CommonJS), or one with "type": "module"; exp-lint and ESLint installed in node_modules. */
function project(type: "commonjs" | "module"): string {
  const dir = tempProject({
    "package.json": `${JSON.stringify({ name: "churn-model", version: "1.0.0", main: "index.js", scripts: { test: 'echo "Error: no test specified" && exit 1' }, license: "ISC", type }, null, 2)}\n`,
    [configName!]: config!,
    "train.py": TRAIN,
  });
  // Installed as `npm install --save-dev eslint exp-lint` would, without the network: this checkout and its ESLint.
  mkdirSync(join(dir, "node_modules/.bin"), { recursive: true });
  symlinkSync(repo, join(dir, "node_modules/exp-lint"));
  symlinkSync(join(repo, "node_modules/eslint"), join(dir, "node_modules/eslint"));
  symlinkSync("../eslint/bin/eslint.js", join(dir, "node_modules/.bin/eslint"));
  return dir;
}

function run(cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const [npx, ...args] = command!.split(" ");
  return new Promise((done) =>
    execFile(npx!, ["--offline", ...args], { cwd, encoding: "utf8", timeout: 120_000, env: { ...process.env, NO_COLOR: "1" } }, (error, stdout, stderr) =>
      done({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    ),
  );
}

describe("the README's ESLint snippet, as printed", () => {
  it("names the file, shows the config and the command", () => {
    expect(configName).toBe("eslint.config.mjs");
    expect(config).toContain('import expLint from "exp-lint";');
    expect(command).toBe("npx eslint .");
  });

  it.each(["commonjs", "module"] as const)(
    "works in a %s project",
    async (type) => {
      const result = await run(project(type));
      expect(result.stderr).not.toMatch(/SyntaxError|Cannot use import/u);
      expect(result.code).toBe(1);
      expect(result.stdout).toMatch(/5:\d+\s+error\s+train_test_split\(\.\.\.\) has no random_state[^\n]*exp-lint\/require-seed/u);
    },
    180_000,
  );
});
