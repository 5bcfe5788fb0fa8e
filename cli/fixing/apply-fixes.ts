import { lstatSync, readlinkSync } from "node:fs";
import type { ESLint } from "eslint";
import { decodeBytes, encodeText, type Encoding } from "../../parsers/shared/encoding.js";
import { brokenByFix } from "./fix-check.js";
import type { FileChange } from "./fix-report.js";
import { isInside, readBytes, realPath } from "../../io/read.js";
import { writeAtomic, WriteRefused } from "../../io/write.js";

/** Why a fixed file must not be written, or null to write it. */
function refusal(path: string, before: string, output: string, roots: string[]): string | null {
  const link = lstatSync(path, { throwIfNoEntry: false });
  if (!link) return "the file is gone";
  // Renaming over a link would replace the link; writing through it would change a file elsewhere.
  if (link.isSymbolicLink()) return `it is a symbolic link (to ${readlinkSync(path)}); run --fix on the file it points to`;
  const target = realPath(path);
  const inside = target !== null && roots.some((root) => isInside(target, root));
  if (!inside) return "it is outside the paths being linted (pulled in with -r or -c); run --fix on it directly";
  return brokenByFix(path, before, output);
}

/**
 * Writes ESLint's fixed outputs, atomically, but only files inside the
 * linted paths, never through a symbolic link, and never a fix that makes
 * the file read worse than before; each file keeps its encoding (a UTF-16
 * requirements file stays UTF-16). A refused file, or one that cannot be
 * written (a read-only folder), keeps its text and gets an error saying why
 * (ESLint already dropped the findings the fixes resolved); the others are
 * written all the same. With `write: false` (`--fix-dry-run`) nothing is
 * written. Returns the changes written, or that would be.
 */
export function applyFixes(results: ESLint.LintResult[], paths: string[], { write = true }: { write?: boolean } = {}): FileChange[] {
  const roots = paths.map(realPath).filter((r): r is string => r !== null);
  const changes: FileChange[] = [];
  for (const r of results) {
    if (r.output === undefined) continue;
    const read = readBytes(r.filePath, { roots });
    let stored: { text: string; encoding: Encoding } | null = read.ok ? decodeBytes(read.bytes) : null;
    let why = read.ok ? refusal(r.filePath, stored!.text, r.output, roots) : read.message;
    if (why === null && stored !== null) {
      try {
        if (write) writeAtomic(r.filePath, encodeText(r.output, stored.encoding), { roots });
        changes.push({ path: r.filePath, before: stored.text, after: r.output });
        continue;
      } catch (error) {
        why = error instanceof WriteRefused ? error.message : `cannot write it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`;
      }
    }
    stored = null;
    delete r.output;
    r.messages.push({ ruleId: null, severity: 2, message: `Fixes not ${write ? "written" : "possible"}: ${why}.`, line: 1, column: 1 });
    r.errorCount++;
  }
  return changes.sort((a, b) => a.path.localeCompare(b.path));
}
