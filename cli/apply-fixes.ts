import { lstatSync, readFileSync, readlinkSync, realpathSync } from "node:fs";
import { sep } from "node:path";
import type { ESLint } from "eslint";
import { decodeBytes, encodeText } from "../parsers/shared/encoding.js";
import { brokenByFix } from "./fix-check.js";
import type { FileChange } from "./fix-report.js";
import { writeFileAtomic } from "./write.js";

/** The real path, or null when it cannot be resolved. */
function real(path: string): string | null {
  try {
    return realpathSync(path);
  } catch {
    return null;
  }
}

/** Why a fixed file must not be written, or null to write it. */
function refusal(path: string, before: string, output: string, roots: string[]): string | null {
  const link = lstatSync(path, { throwIfNoEntry: false });
  if (!link) return "the file is gone";
  // Renaming over a link would replace the link; writing through it would change a file elsewhere.
  if (link.isSymbolicLink()) return `it is a symbolic link (to ${readlinkSync(path)}); run --fix on the file it points to`;
  const target = real(path);
  const inside = target !== null && roots.some((root) => target === root || target.startsWith(root.endsWith(sep) ? root : root + sep));
  if (!inside) return "it is outside the paths being linted (pulled in with -r or -c); run --fix on it directly";
  return brokenByFix(path, before, output);
}

/**
 * Writes ESLint's fixed outputs, atomically, but only files inside the
 * linted paths, never through a symbolic link, and never a fix that makes
 * the file read worse than before; each file keeps its encoding. A refused
 * file keeps its text and gets an error saying why (ESLint already dropped
 * the findings the fixes resolved). With `write: false` (`--fix-dry-run`)
 * nothing is written. Returns the changes written, or that would be.
 */
export function applyFixes(results: ESLint.LintResult[], paths: string[], { write = true }: { write?: boolean } = {}): FileChange[] {
  const roots = paths.map(real).filter((r): r is string => r !== null);
  const changes: FileChange[] = [];
  for (const r of results) {
    if (r.output === undefined) continue;
    let stored: ReturnType<typeof decodeBytes> | null = null;
    try {
      stored = decodeBytes(readFileSync(r.filePath));
    } catch {
      // Gone since it was linted: refusal() says so.
    }
    const why = stored === null ? "the file is gone" : refusal(r.filePath, stored.text, r.output, roots);
    if (why === null && stored !== null) {
      // The encoding the file has: a UTF-16 requirements file stays UTF-16, with its byte-order mark.
      if (write) writeFileAtomic(r.filePath, encodeText(r.output, stored.encoding));
      changes.push({ path: r.filePath, before: stored.text, after: r.output });
      continue;
    }
    delete r.output;
    r.messages.push({ ruleId: null, severity: 2, message: `Fixes not ${write ? "written" : "possible"}: ${why}.`, line: 1, column: 1 });
    r.errorCount++;
  }
  return changes.sort((a, b) => a.path.localeCompare(b.path));
}
