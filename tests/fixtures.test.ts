import { ESLint } from "eslint";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import plugin from "../plugin/index.js";
import { readNotebook } from "../parsers/notebook/notebook.js";
import { fixtureRules } from "./util/every-rule.js";
import { expectations, FIXTURES, fixtureFiles, readFixture, withoutAnnotations } from "./util/fixtures.js";

const eslint = new ESLint({
  cwd: FIXTURES,
  overrideConfigFile: true,
  overrideConfig: [
    ...fixtureRules,
    // Clean variants (`requirements.ok.txt`, `pyproject.ok.toml`) are not named like manifests; lint them as such by folder.
    {
      files: ["pin-requirements/*.{txt,toml,yml}"],
      plugins: { "exp-lint": plugin },
      language: "exp-lint/requirements",
      rules: plugin.configs.recommended.find((c) => c.language === "exp-lint/requirements")?.rules,
    },
  ],
});

function notebookExpectations(raw: string): { expected: Set<string>; ok: Set<string> } {
  const nb = readNotebook(raw);
  const out = { expected: new Set<string>(), ok: new Set<string>() };
  if (!nb.ok) return out;
  for (const cell of nb.cells) {
    const { expected, ok } = expectations(cell.source);
    for (const k of expected) out.expected.add(k.replace("@", `@cell${cell.number}:`));
    for (const k of ok) out.ok.add(k.replace("@", `@cell${cell.number}:`));
  }
  return out;
}

/**
 * A package.json fixture is linted as the package.json of a repository of its
 * own: inside this one, exp-lint's own package-lock.json would pin it. Its
 * annotation lines are blanked (JSON has no comments); a `.locked.` fixture
 * gets a package-lock.json beside it.
 */
async function lintPackageJson(rel: string): Promise<ESLint.LintResult> {
  const repo = mkdtempSync(join(tmpdir(), "exp-lint-fixture-"));
  mkdirSync(join(repo, ".git"));
  const file = join(repo, "package.json");
  writeFileSync(file, withoutAnnotations(readFixture(rel)));
  if (rel.includes(".locked."))
    writeFileSync(join(repo, "package-lock.json"), JSON.stringify({ name: "fixture", lockfileVersion: 3, requires: true, packages: {} }));
  const [result] = await new ESLint({ cwd: repo, overrideConfigFile: true, overrideConfig: plugin.configs.recommended }).lintFiles([file]);
  return result!;
}

describe("fixtures carry their own expectations", () => {
  for (const rel of fixtureFiles()) {
    it(rel, async () => {
      const [result] = /\/npm-package[.\w]*\.json$/u.test(rel) ? [await lintPackageJson(rel)] : await eslint.lintFiles([join(FIXTURES, rel)]);
      const fatal = result!.messages.filter((m) => m.fatal || !m.ruleId);
      expect(fatal, "no parse errors").toEqual([]);
      const notebook = rel.endsWith(".ipynb");
      // In a notebook, expectations and findings are counted inside cells, as a reader sees them.
      const at = (m: { line: number; cell?: number; cellLine?: number }) => (notebook ? `cell${m.cell}:${m.cellLine}` : `${m.line}`);
      const actual = new Set(result!.messages.map((m) => `${m.ruleId!.replace(/^exp-lint\//u, "")}@${at(m as never)}`));
      const { expected, ok } = notebook ? notebookExpectations(readFixture(rel)) : expectations(readFixture(rel));
      if (/\.ok\.\w+$/u.test(rel)) expect(expected.size, "a clean fixture expects nothing").toBe(0);
      const missing = [...expected].filter((k) => !actual.has(k));
      const unexpected = [...actual].filter((k) => !expected.has(k));
      expect({ missing, unexpected }).toEqual({ missing: [], unexpected: [] });
      for (const k of ok) expect(actual.has(k), `ok: ${k}`).toBe(false);
    });
  }
});
