/**
 * setup.py front end: the literal `install_requires=[...]`,
 * `setup_requires`, `tests_require` and `extras_require={...}` arguments of
 * a `setuptools.setup()` (or `distutils.core.setup()`) call, read from the
 * semantic model of the tree-sitter tree; setup.py is never run. A name
 * assigned a literal list (`install_requires=REQUIRED`) is followed to it;
 * anything computed (a list read from a file, a comprehension) is left alone.
 */

import type { SemanticModel } from "../../semantic/model.js";
import type { Expr } from "../../semantic/ir.js";
import { mapRecord, pep508Entry, type Entry } from "./entries.js";

const SETUP_CALLS = ["setuptools.setup", "distutils.core.setup"];
const LIST_ARGS = new Set(["install_requires", "setup_requires", "tests_require"]);

/** `[start, end)` of a one-line string literal's text between its quotes, or `null` when the text is not the value (escapes, triple quotes). */
function literalContent(range: readonly [number, number], value: string, text: string): number | null {
  let i = range[0];
  while (/[rRuUbB]/u.test(text[i] ?? "")) i++;
  const q = text[i];
  if ((q !== '"' && q !== "'") || text.startsWith(q.repeat(3), i)) return null;
  return text.slice(i + 1, range[1] - 1) === value ? i + 1 : null;
}

function requirement(item: Expr, text: string): Entry | null {
  if (item.kind !== "literal" || typeof item.value !== "string") return null;
  const at = literalContent(item.range, item.value, text);
  if (at !== null) {
    const entry = pep508Entry(item.value, at, "setup");
    return entry?.type === "Requirement" ? entry : null;
  }
  // Escapes or triple quotes: reported over the whole literal, never fixed.
  const entry = pep508Entry(item.value, 0, "setup");
  if (entry?.type !== "Requirement") return null;
  return { ...mapRecord(entry, (i) => (i === 0 ? item.range[0] : item.range[1])), pin: null };
}

/** Requirement entries of a setup.py's `setup()` call(s), in file order. */
export function readSetupPy(model: SemanticModel, text: string): Entry[] {
  if (!model.imports("setuptools", "distutils")) return [];
  const out: Entry[] = [];
  const list = (value: Expr, scope: number): void => {
    const shown = model.definition(value, scope);
    if (shown.kind !== "collection") return;
    for (const item of shown.items) {
      const entry = requirement(item, text);
      if (entry) out.push(entry);
    }
  };
  for (const { site } of model.callsTo(SETUP_CALLS)) {
    for (const arg of site.call.args) {
      if (arg.name !== null && LIST_ARGS.has(arg.name)) list(arg.value, site.scope);
      if (arg.name !== "extras_require") continue;
      const extras = model.definition(arg.value, site.scope);
      if (extras.kind === "dict") for (const e of extras.entries) list(e.value, site.scope);
    }
  }
  return out.sort((a, b) => a.range[0] - b.range[0]);
}
