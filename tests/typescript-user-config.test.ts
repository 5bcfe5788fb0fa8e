// A user's eslint.config.js that combines typescript-eslint's recommended config with exp-lint's, on a mixed Python + TypeScript folder.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { ESLint } from "eslint";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "./util/cli.js";

const dir = mkdtempSync(join(tmpdir(), "exp-lint-ts-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const plugin = new URL("../dist/plugin/index.js", import.meta.url).href;
const tseslint = pathToFileURL(createRequire(import.meta.url).resolve("typescript-eslint")).href;

writeFileSync(
  join(dir, "eslint.config.js"),
  `import tseslint from ${JSON.stringify(tseslint)};
import expLint from ${JSON.stringify(plugin)};

export default [...tseslint.configs.recommended, ...expLint.configs.recommended];
`,
);
writeFileSync(join(dir, "package.json"), '{ "type": "module" }\n');
writeFileSync(
  join(dir, "train.ts"),
  `import MLflow from "mlflow";

const client = new MLflow({ endpoint: "http://localhost:5000" });
const { run } = await client.Runs.create({ experiment_id: "0" });
try {
  await client.Runs.logParameter({ run_id: run.info.run_id, key: "epochs", value: "10" });
} finally {
  await client.Runs.update({ run_id: run.info.run_id, status: "FINISHED" });
}
const unused: any = 1;
`,
);
writeFileSync(join(dir, "train.py"), 'import mlflow\n\nwith mlflow.start_run():\n    mlflow.log_param("epochs", 10)\n');

const summary = (results: ESLint.LintResult[]) =>
  results.flatMap((r) => r.messages.map((m) => `${r.filePath.slice(dir.length + 1)}:${m.line}:${m.column} ${m.ruleId}`)).sort();

describe("eslint.config.js with typescript-eslint and exp-lint", () => {
  it("lints Python and TypeScript files with both plugins", async () => {
    const eslint = new ESLint({ cwd: dir });
    const results = await eslint.lintFiles(["."]);
    const found = summary(results);
    expect(found).toEqual(
      [
        "train.py:4:32 exp-lint/no-literal-log-param",
        "train.ts:10:7 @typescript-eslint/no-unused-vars",
        "train.ts:10:15 @typescript-eslint/no-explicit-any",
        "train.ts:6:83 exp-lint/no-literal-log-param",
      ].sort(),
    );
  });

  it("the CLI gives the same exp-lint findings with no config", async () => {
    const { stdout } = await runCli(["--format", "json", "."], dir);
    const results = JSON.parse(stdout) as ESLint.LintResult[];
    expect(summary(results)).toEqual(["train.py:4:32 exp-lint/no-literal-log-param", "train.ts:6:83 exp-lint/no-literal-log-param"]);
  });
});
