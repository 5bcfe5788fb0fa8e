import type { ESLint, Linter } from "eslint";
import { readBytes } from "../../io/read.js";
import { decodeBytes } from "../../parsers/shared/encoding.js";

/** Passes over a file at most: each applies the suggestions that do not touch one another, then lints again. */
const MAX_PASSES = 10;

/** Each finding's first suggestion of `ruleId`, for edits that neither overlap nor touch (two insertions at one place would interleave). */
function apart(messages: Linter.LintMessage[], ruleId: string): Linter.LintMessage["fix"][] {
  const fixes = messages.filter((m) => m.ruleId === ruleId && m.suggestions?.length).map((m) => m.suggestions![0]!.fix);
  const picked: NonNullable<Linter.LintMessage["fix"]>[] = [];
  for (const f of fixes.sort((a, b) => a.range[0] - b.range[0])) if (!picked.length || picked.at(-1)!.range[1] < f.range[0]) picked.push(f);
  return picked;
}

const apply = (text: string, fixes: Linter.LintMessage["fix"][]) =>
  fixes.reduceRight((out, f) => out.slice(0, f!.range[0]) + f!.text + out.slice(f!.range[1]), text);

/**
 * `--fix-suggestions <rule>`: applies the suggestions of one rule to each
 * file's text, linting again after each pass, as ESLint does with fixes. A
 * pass whose text no longer parses is dropped, and the file stays as the
 * last pass that did. The result gets the fixed text as `output` and the
 * findings that remain; the caller writes it with --fix's checks (or shows
 * the diff with --fix-dry-run).
 */
export async function applySuggestions(eslint: ESLint, results: ESLint.LintResult[], ruleId: string): Promise<void> {
  for (const r of results) {
    if (!r.messages.some((m) => m.ruleId === ruleId && m.suggestions?.length)) continue;
    let text = r.output ?? r.source;
    if (text === undefined) {
      const read = readBytes(r.filePath);
      if (!read.ok) continue;
      text = decodeBytes(read.bytes).text;
    }
    const original = text;
    let latest: ESLint.LintResult | null = null;
    let messages = r.messages;
    for (let pass = 0; pass < MAX_PASSES; pass++) {
      const fixes = apart(messages, ruleId);
      if (!fixes.length) break;
      const next = apply(text, fixes);
      const [linted] = await eslint.lintText(next, { filePath: r.filePath });
      if (!linted || linted.fatalErrorCount > 0) break;
      text = next;
      latest = linted;
      messages = linted.messages;
    }
    if (!latest || text === original) continue;
    const { messages: left, suppressedMessages, errorCount, warningCount, fatalErrorCount, fixableErrorCount, fixableWarningCount } = latest;
    Object.assign(r, { messages: left, suppressedMessages, errorCount, warningCount, fatalErrorCount, fixableErrorCount, fixableWarningCount, output: text });
    delete r.source;
  }
}
