import "../../parsers/python/project-module.js";
import { projectIndex, type IndexEntry } from "../../semantic/project.js";
import type { Target } from "./files.js";
import { readText } from "../../io/read.js";

// `from x import`, `import x, y`: module names a Python file (or a notebook's JSON) may take from the project.
// Over-matching only costs a failed look-up: the index resolves each name against the disk, and only project files count.
// `[\w.]*` rather than `\.*[\w.]*` (the same strings): the two overlapping runs made a line of dots cost its length squared.
const IMPORTS = /\bfrom[ \t]+([\w.]*)[ \t]+import\b|\bimport[ \t]+([\w.]+(?:[ \t]*,[ \t]*[\w.]+)*)/gu;

/**
 * Build the project index once, on the CLI's thread, before the lint
 * workers start: every module of the project that a scanned Python file or
 * notebook imports is parsed and summarised here, once, and the entries go to
 * every worker with its settings (instead of each worker parsing them again).
 */
export function buildProjectIndex(targets: readonly Target[]): IndexEntry[] {
  for (const t of targets) {
    if (t.kind !== "python" && t.kind !== "notebook") continue;
    const read = readText(t.path);
    if (!read.ok) continue;
    const text = read.text;
    const modules = new Set<string>();
    for (const m of text.matchAll(IMPORTS)) {
      if (m[1] !== undefined && m[1] !== "") modules.add(m[1]);
      for (const name of m[2]?.split(",") ?? []) modules.add(name.trim());
    }
    for (const module of modules) {
      const path = projectIndex.resolveModule(t.path, module);
      if (path) projectIndex.moduleAt(path);
    }
  }
  return projectIndex.exportEntries();
}
