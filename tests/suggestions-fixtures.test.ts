import { ESLint, type Linter } from "eslint";
import { describe, expect, it } from "vitest";
import { fixtureRules } from "./util/every-rule.js";
import { FIXTURES, fixtureFiles, readFixture } from "./util/fixtures.js";

/**
 * Every suggestion the rules offer on the realistic fixtures, applied one at a
 * time: the file still parses, the finding it addressed is gone, and no
 * finding appears that was not there before.
 */
const eslint = new ESLint({ cwd: FIXTURES, overrideConfigFile: true, overrideConfig: fixtureRules });
const scripts = fixtureFiles().filter((f) => /\.(py|ts)$/u.test(f));

/** Offset of a message's start in `text`. */
function offsetOf(text: string, m: Linter.LintMessage): number {
  let at = 0;
  for (let line = 1; line < m.line; line++) at = text.indexOf("\n", at) + 1;
  return at + m.column - 1;
}

const kind = (m: Linter.LintMessage) => `${m.ruleId} ${m.messageId}`;

async function lint(text: string, rel: string): Promise<Linter.LintMessage[]> {
  const [result] = await eslint.lintText(text, { filePath: `${FIXTURES}${rel}` });
  return result!.messages;
}

describe("suggestions on the fixtures", () => {
  it("finds suggestions to apply for every rule that offers them", async () => {
    const rules = new Set<string>();
    for (const rel of scripts) for (const m of await lint(readFixture(rel), rel)) if (m.suggestions?.length) rules.add(m.ruleId!);
    expect([...rules].sort()).toEqual([
      "exp-lint/no-literal-log-param",
      "exp-lint/no-log-outside-run",
      "exp-lint/no-mislabeled-metric",
      "exp-lint/no-unlogged-hyperparameter",
      "exp-lint/require-run-context",
      "exp-lint/require-seed",
    ]);
  });

  it.each(scripts)("%s: each suggestion removes its finding and adds none", async (rel) => {
    const text = readFixture(rel);
    const before = await lint(text, rel);
    for (const m of before) {
      for (const s of m.suggestions ?? []) {
        const [from, to] = s.fix.range;
        const fixed = text.slice(0, from) + s.fix.text + text.slice(to);
        const after = await lint(fixed, rel);
        const where = `${rel}:${m.line} ${s.desc}`;
        expect(
          after.filter((a) => a.fatal),
          where,
        ).toEqual([]);
        // Findings of each kind: none more than before, and one fewer of the addressed kind.
        const count = (list: Linter.LintMessage[], k: string) => list.filter((x) => kind(x) === k).length;
        for (const k of new Set(after.map(kind))) expect(count(after, k), `${where}: ${k}`).toBeLessThanOrEqual(count(before, k));
        expect(count(after, kind(m)), where).toBeLessThan(count(before, kind(m)));
        // Outside the edited lines, every finding was there before, at the same place once the edit's length is taken off.
        const delta = s.fix.text.length - (to - from);
        const old = new Set(before.map((b) => `${kind(b)}@${offsetOf(text, b)}`));
        for (const a of after) {
          const at = offsetOf(fixed, a);
          if (at >= from && at < from + s.fix.text.length) continue;
          expect(old.has(`${kind(a)}@${at >= to + delta ? at - delta : at}`), `${where}: new ${kind(a)} on line ${a.line}`).toBe(true);
        }
      }
    }
  });
});
