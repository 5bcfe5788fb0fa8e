import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { Language, Parser, type Tree } from "web-tree-sitter";

/**
 * The grammar's wasm: beside this module in the built package (scripts/build-assets.mjs copies it there), or
 * from the tree-sitter-python development dependency when the sources run directly (tests).
 */
function grammarWasm(): string {
  const shipped = fileURLToPath(new URL("./tree-sitter-python.wasm", import.meta.url));
  return existsSync(shipped) ? shipped : createRequire(import.meta.url).resolve("tree-sitter-python/tree-sitter-python.wasm");
}

// Initialised once at module load so that `parse` can stay synchronous for ESLint.
await Parser.init();
const python = await Language.load(grammarWasm());
const parser = new Parser();
parser.setLanguage(python);

let live: Tree | null = null;

/**
 * Parse Python text. ESLint lints one file at a time, synchronously from parse
 * to the last rule, so the previous file's tree is deleted here: at most one
 * tree per worker holds wasm memory.
 */
export function parsePython(text: string): Tree {
  releaseTree();
  // Python ends a line at a lone \r too; tree-sitter-python only at \n, so a comment would run to the end
  // of a classic-Mac file. Same length, so every offset stays the same.
  const tree = parser.parse(text.includes("\r") ? text.replace(/\r(?!\n)/gu, "\n") : text);
  if (!tree) throw new Error("tree-sitter returned no tree");
  live = tree;
  return tree;
}

export function releaseTree(): void {
  live?.delete();
  live = null;
}

export { python as pythonGrammar };
