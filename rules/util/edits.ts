import type { CallExpr, Range } from "../../semantic/ir.js";
import type { ArgRef, SemanticModel } from "../../semantic/model.js";

/**
 * Text edits that suggestions are made of. They are computed from the model's
 * ranges, never by searching the source, and touch only the characters they
 * add or replace, so indentation, quotes and line endings stay as they were.
 */
export interface Edit {
  range: Range;
  text: string;
}

/** Insert `text` at `offset`. */
export const insertAt = (offset: number, text: string): Edit => ({ range: [offset, offset], text });

/** Replace what `range` covers with `text`. */
export const replace = (range: Range, text: string): Edit => ({ range, text });

/** The file's line ending, so an inserted line matches the lines around it. */
export const eolOf = (text: string): string => (text.includes("\r\n") ? "\r\n" : "\n");

/**
 * The edit that passes `value` as the argument `ref` names, on a call that
 * does not pass it yet: a keyword argument (`nested=True`), the first
 * positional argument of a call that has none (`default_rng(SEED)`), or a
 * property of the call's options object (`{ seed: SEED }`). `null` when the
 * argument can only be placed by knowing more of the signature than `ref` says.
 */
export function addArgument(call: CallExpr, ref: ArgRef, value: string, optionObjects: boolean): Edit | null {
  // Before the closing parenthesis: the call's last character.
  const close = call.range[1] - 1;
  const last = call.args.at(-1);
  if (ref.index === 0 && ref.property === undefined && !call.args.length) return insertAt(close, value);
  if (ref.property !== undefined) {
    if (ref.index !== 0 || !optionObjects) return null;
    const entry = `${ref.property}: ${value}`;
    if (!call.args.length) return insertAt(close, `{ ${entry} }`);
    const holder = call.args[0]!;
    if (holder.value.kind !== "dict" || holder.spread !== "") return null;
    const lastEntry = holder.value.entries.at(-1);
    return lastEntry ? insertAt(lastEntry.range[1], `, ${entry}`) : replace(holder.value.range, `{ ${entry} }`);
  }
  if (ref.keyword && !optionObjects) {
    // After a `**kwargs` only keyword arguments may follow, and a keyword may not come twice: both stay valid.
    return last ? insertAt(last.range[1], `, ${ref.keyword}=${value}`) : insertAt(close, `${ref.keyword}=${value}`);
  }
  return null;
}

/**
 * The edit that declares a module-level constant on its own line after the
 * last top-level import before `before` (`SEED = 42`, `const SEED = 42;`).
 * `null` when no such import exists, as the start of a file may hold a
 * docstring, a shebang or `from __future__` lines that must stay first.
 */
export function addModuleConstant(model: SemanticModel, fileText: string, before: number, name: string, value: string): Edit | null {
  const imports = model.facts.bindings.filter((b) => b.kind === "import" && b.scope === 0 && b.pos <= before && !model.enclosing(b.range).length);
  const last = imports.reduce<number>((end, b) => Math.max(end, b.pos), -1);
  if (last < 0) return null;
  const eol = eolOf(fileText);
  const lineEnd = fileText.indexOf("\n", last);
  const declaration = model.language === "javascript" ? `const ${name} = ${value};` : `${name} = ${value}`;
  // After the import's line, comment included; at the end of a file without a final newline, on a new line.
  return lineEnd < 0 ? insertAt(fileText.length, `${eol}${declaration}${eol}`) : insertAt(lineEnd + 1, `${declaration}${eol}`);
}

/** `learning-rate` → `LEARNING_RATE`: a module constant's name for a key, or null when the key makes no identifier. */
export function constantName(key: string): string | null {
  const name = key
    .replace(/([a-z0-9])([A-Z])/gu, "$1_$2")
    .replace(/[^A-Za-z0-9]+/gu, "_")
    .replace(/^_+|_+$/gu, "")
    .toUpperCase();
  return /^[A-Z_][A-Z0-9_]*$/u.test(name) ? name : null;
}
