import { readFileSync, symlinkSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";
import { runCli, tempProject } from "./util/cli.js";
import { FIXTURES, fixtureFiles } from "./util/fixtures.js";

const repo = new URL("../", import.meta.url).pathname;
const readme = readFileSync(join(repo, "README.md"), "utf8");

/** The first `js` block of the README's ESLint plugin section: what users copy. */
function readmeConfig(): string {
  const section = readme.slice(readme.indexOf("## ESLint plugin"));
  const m = /```js\n([\s\S]*?)```/u.exec(section);
  if (!m) throw new Error("README has no eslint.config.js example");
  return m[1]!;
}

/** A user project: the fixtures, the README's eslint.config.js, and exp-lint installed in node_modules. */
function userProject(): string {
  const files: Record<string, string> = { "eslint.config.js": readmeConfig(), "package.json": '{ "type": "module" }' };
  // One folder per rule; the configs' globs match the fixtures by their names (requirements.txt, pyproject.toml, *.py, ...).
  for (const rel of fixtureFiles()) files[rel] = readFileSync(join(FIXTURES, rel), "utf8");
  const dir = tempProject(files);
  mkdirSync(join(dir, "node_modules"));
  symlinkSync(repo, join(dir, "node_modules", "exp-lint"));
  return dir;
}

type Finding = [string, string | null, number, number];
const flatten = (dir: string, results: ESLint.LintResult[]): Finding[] =>
  results
    .flatMap((r) => r.messages.map((m): Finding => [r.filePath.slice(dir.length + 1), m.ruleId, m.line, m.column]))
    .sort((a, b) => a.join().localeCompare(b.join()));

describe("the ESLint plugin, configured as the README shows", () => {
  const dir = userProject();

  it("lints Python and requirements files through ESLint's Node API", async () => {
    const eslint = new ESLint({ cwd: dir });
    const results = await eslint.lintFiles(["."]);
    const findings = flatten(dir, results);
    expect(findings.some(([f, rule]) => f.endsWith(".py") && rule?.startsWith("exp-lint/"))).toBe(true);
    expect(findings.some(([f, rule]) => f === "pin-requirements/requirements.txt" && rule === "exp-lint/pin-requirements")).toBe(true);
    expect(findings.filter(([, rule]) => !rule)).toEqual([]);
  });

  it("gives the same findings as the CLI on the same files", async () => {
    const eslint = new ESLint({ cwd: dir });
    const viaEslint = flatten(dir, await eslint.lintFiles(["."]));
    const viaCli = flatten(dir, JSON.parse((await runCli(["-f", "json", "."], dir)).stdout) as ESLint.LintResult[]);
    expect(viaCli).toEqual(viaEslint);
    expect(viaCli.length).toBeGreaterThan(10);
  });

  it("lints unsaved editor text for a .py path (the editor path)", async () => {
    const eslint = new ESLint({ cwd: dir });
    const [result] = await eslint.lintText("import random\n\nrandom.shuffle(rows)\n", { filePath: join(dir, "scratch.py") });
    expect(result!.messages.map((m) => [m.ruleId, m.line, m.column])).toEqual([["exp-lint/require-seed", 3, 1]]);
  });
});
