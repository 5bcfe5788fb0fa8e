// Typed linting: with the user's `parserOptions.projectService`, values the syntax cannot place
// (a type alias, a class field, a callback parameter) resolve through TypeScript's checker.
import { join } from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";
import plugin from "../plugin/index.js";
import { expectations, FIXTURES, readFixture } from "./util/fixtures.js";

const project = join(FIXTURES, "mixed/typed-project");
const rel = "mixed/typed-project/train.ts";

async function findings(parserOptions: Record<string, unknown> | null): Promise<string[]> {
  const eslint = new ESLint({
    cwd: project,
    overrideConfigFile: true,
    overrideConfig: [...plugin.configs.recommended, ...(parserOptions ? [{ files: ["**/*.ts"], languageOptions: { parserOptions } }] : [])],
  });
  const [result] = await eslint.lintFiles([join(project, "train.ts")]);
  expect(result!.messages.filter((m) => m.fatal || !m.ruleId)).toEqual([]);
  return result!.messages.map((m) => `${m.ruleId!.replace(/^exp-lint\//u, "")}@${m.line}`).sort();
}

describe("typed linting (projectService)", () => {
  it("resolves clients through the type checker: every expectation of the fixture, nothing else", async () => {
    const { expected, ok } = expectations(readFixture(rel));
    const found = await findings({ projectService: true, tsconfigRootDir: project });
    expect(found).toEqual([...expected].sort());
    for (const k of ok) expect(found).not.toContain(k);
  });

  it("without type information stays silent where only types tell, and still runs", async () => {
    const { expected } = expectations(readFixture(rel));
    const found = await findings(null);
    expect(found.every((f) => expected.has(f))).toBe(true);
    expect(found.length).toBeLessThan(expected.size);
  });
});
