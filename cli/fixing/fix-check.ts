import { readNotebook } from "../../parsers/notebook/notebook.js";
import { readScriptBlock } from "../../parsers/manifests/python-side.js";
import { extractFacts } from "../../parsers/python/facts.js";
import { parsePython } from "../../parsers/python/tree-sitter.js";
import { buildTree } from "../../parsers/manifests/language.js";
import { kindOf } from "../discovery/files.js";

/** How well a file reads: unreadable at all, how many syntax problems, how many requirement entries. */
export interface Readability {
  fatal: boolean;
  problems: number;
  entries: number;
}

/** Reads `text` as the file at `path` would be read by its front end. */
export function readability(path: string, text: string): Readability {
  const body = text.startsWith("\ufeff") ? text.slice(1) : text;
  switch (kindOf(path)) {
    case "python": {
      if (body.includes("\u0000")) return { fatal: true, problems: 0, entries: 0 };
      const facts = extractFacts(parsePython(body), body);
      return { fatal: false, problems: facts.syntaxProblem ? 1 : 0, entries: readScriptBlock(body).length };
    }
    case "notebook": {
      const nb = readNotebook(body);
      return nb.ok ? { fatal: false, problems: 0, entries: nb.cells.filter((c) => c.type === "code").length } : { fatal: true, problems: 0, entries: 0 };
    }
    case "typescript":
      // exp-lint has no TS/JS fixes; ESLint's own parser checks those.
      return { fatal: false, problems: 0, entries: 0 };
    default: {
      // Requirements files, pyproject.toml, conda files, and includes of any name.
      try {
        const tree = buildTree(body, path);
        const problems = tree.body.filter((l) => l.type === "InvalidLine").length;
        return { fatal: false, problems, entries: tree.body.filter((l) => l.type === "Requirement").length };
      } catch {
        return { fatal: true, problems: 0, entries: 0 };
      }
    }
  }
}

/**
 * Why a fixed text must not be written, or null when it reads as well as the
 * original: a fix may change versions, never make a file (or a requirement in
 * it) unreadable.
 */
export function brokenByFix(path: string, before: string, after: string): string | null {
  const a = readability(path, before);
  const b = readability(path, after);
  if (!a.fatal && b.fatal) return "the fixed file would no longer parse";
  if (b.problems > a.problems) return "the fixed file would have new syntax errors";
  if (!a.fatal && b.entries < a.entries) return "the fixed file would lose requirements";
  return null;
}
