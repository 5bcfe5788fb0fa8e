/**
 * What `--fix` changed, said plainly: one line per changed line
 * (`requirements.txt:3  numpy>=1.26 -> numpy==1.26.4`) and a summary, or,
 * for `--fix-dry-run`, the unified diff of every file a fix would change.
 */

import { relative } from "node:path";
import { createTwoFilesPatch, structuredPatch } from "diff";

export interface FileChange {
  path: string;
  before: string;
  after: string;
}

// What separates a requirement from the text around it on a line.
const BOUNDARY = /[\s"',]/u;

/** The changed part of a line, widened to whole words; the whole line when that part names nothing (a Pipfile's `"*"`). */
function changedWords(before: string, after: string): [string, string] {
  let p = 0;
  while (p < before.length && p < after.length && before[p] === after[p]) p++;
  let s = 0;
  while (s < before.length - p && s < after.length - p && before[before.length - 1 - s] === after[after.length - 1 - s]) s++;
  let start = p;
  while (start > 0 && !BOUNDARY.test(before[start - 1]!)) start--;
  let end = s;
  while (end > 0 && !BOUNDARY.test(before[before.length - end]!)) end--;
  const old = before.slice(start, before.length - end);
  const now = after.slice(start, after.length - end);
  return /[A-Za-z]/u.test(old) ? [old, now] : [before.trim(), after.trim()];
}

/** One line per changed line: `path:line  before -> after`. */
export function changeLines(changes: FileChange[], cwd: string): string[] {
  const out: string[] = [];
  for (const c of changes) {
    const name = relative(cwd, c.path) || c.path;
    const patch = structuredPatch(name, name, c.before, c.after, "", "", { context: 0 });
    for (const hunk of patch.hunks) {
      const removed: { text: string; line: number }[] = [];
      const added: string[] = [];
      let line = hunk.oldStart;
      for (const l of hunk.lines) {
        if (l.startsWith("-")) removed.push({ text: l.slice(1), line: line++ });
        else if (l.startsWith("+")) added.push(l.slice(1));
        else if (!l.startsWith("\\")) line++;
      }
      removed.forEach((r, i) => {
        const [old, now] = i < added.length ? changedWords(r.text, added[i]!) : [r.text.trim(), "(removed)"];
        out.push(`${name}:${r.line}  ${old} -> ${now}`);
      });
    }
  }
  return out;
}

/** `N lines changed in M files` (or that nothing was). */
export function fixSummary(lines: number, files: number, dryRun: boolean): string {
  if (lines === 0) return dryRun ? "--fix-dry-run: nothing to fix" : "--fix: nothing to fix";
  const what = `${lines} line${lines === 1 ? "" : "s"} in ${files} file${files === 1 ? "" : "s"}`;
  return dryRun ? `--fix-dry-run: would change ${what}; nothing written` : `--fix: changed ${what}`;
}

/** A unified diff of each change, as `git diff` shows it. */
export function unifiedDiff(changes: FileChange[], cwd: string): string {
  return changes
    .map((c) => {
      const name = (relative(cwd, c.path) || c.path).split("\\").join("/");
      return createTwoFilesPatch(`a/${name}`, `b/${name}`, c.before, c.after, "", "", { context: 3 }).replace(/^=+\n/u, "");
    })
    .join("");
}
