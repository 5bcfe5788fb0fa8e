import { lstatSync, readFileSync, readlinkSync, realpathSync } from "node:fs";
import { sep } from "node:path";
import type { ESLint } from "eslint";
import { decodeBytes, encodeText } from "../parsers/shared/encoding.js";
import { brokenByFix } from "./fix-check.js";
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
function refusal(path: string, output: string, roots: string[]): string | null {
  const link = lstatSync(path, { throwIfNoEntry: false });
  if (!link) return "the file is gone";
  // Renaming over a link would replace the link; writing through it would change a file elsewhere.
  if (link.isSymbolicLink()) return `it is a symbolic link (to ${readlinkSync(path)}); run --fix on the file it points to`;
  const target = real(path);
  const inside = target !== null && roots.some((root) => target === root || target.startsWith(root.endsWith(sep) ? root : root + sep));
  if (!inside) return "it is outside the paths being linted (pulled in with -r or -c); run --fix on it directly";
  return brokenByFix(path, decodeBytes(readFileSync(path)).text, output);
}

/**
 * Writes ESLint's fixed outputs, atomically, but only files inside the
 * linted paths, never through a symbolic link, and never a fix that makes
 * the file read worse than before. A refused file keeps its text and gets an
 * error saying why (ESLint already dropped the findings the fixes resolved).
 */
export function applyFixes(results: ESLint.LintResult[], paths: string[]): void {
  const roots = paths.map(real).filter((r): r is string => r !== null);
  for (const r of results) {
    if (r.output === undefined) continue;
    const why = refusal(r.filePath, r.output, roots);
    if (why === null) {
      // The encoding the file has: a UTF-16 requirements file stays UTF-16, with its byte-order mark.
      writeFileAtomic(r.filePath, encodeText(r.output, decodeBytes(readFileSync(r.filePath)).encoding));
      continue;
    }
    delete r.output;
    r.messages.push({ ruleId: null, severity: 2, message: `Fixes not written: ${why}.`, line: 1, column: 1 });
    r.errorCount++;
  }
}
