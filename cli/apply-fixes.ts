import { lstatSync, readlinkSync } from "node:fs";
import type { ESLint } from "eslint";
import { brokenByFix } from "./fix-check.js";
import { isInside, readText, realPath } from "../io/read.js";
import { writeAtomic, WriteRefused } from "../io/write.js";

/** Why a fixed file must not be written, or null to write it. */
function refusal(path: string, output: string, roots: string[]): string | null {
  const link = lstatSync(path, { throwIfNoEntry: false });
  if (!link) return "the file is gone";
  // Renaming over a link would replace the link; writing through it would change a file elsewhere.
  if (link.isSymbolicLink()) return `it is a symbolic link (to ${readlinkSync(path)}); run --fix on the file it points to`;
  const target = realPath(path);
  const inside = target !== null && roots.some((root) => isInside(target, root));
  if (!inside) return "it is outside the paths being linted (pulled in with -r or -c); run --fix on it directly";
  const before = readText(path, { roots });
  if (!before.ok) return before.message;
  return brokenByFix(path, before.text, output);
}

/**
 * Writes ESLint's fixed outputs, atomically, but only files inside the
 * linted paths, never through a symbolic link, and never a fix that makes
 * the file read worse than before. A refused file, or one that cannot be
 * written (a read-only folder), keeps its text and gets an error saying why
 * (ESLint already dropped the findings the fixes resolved); the others are
 * written all the same.
 */
export function applyFixes(results: ESLint.LintResult[], paths: string[]): void {
  const roots = paths.map(realPath).filter((r): r is string => r !== null);
  for (const r of results) {
    if (r.output === undefined) continue;
    let why = refusal(r.filePath, r.output, roots);
    if (why === null) {
      try {
        writeAtomic(r.filePath, r.output, { roots });
        continue;
      } catch (error) {
        why = error instanceof WriteRefused ? error.message : `cannot write it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`;
      }
    }
    delete r.output;
    r.messages.push({ ruleId: null, severity: 2, message: `Fixes not written: ${why}.`, line: 1, column: 1 });
    r.errorCount++;
  }
}
