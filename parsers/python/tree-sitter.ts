import { createRequire } from "node:module";
import { Language, Parser, type Tree } from "web-tree-sitter";

const require = createRequire(import.meta.url);

// Initialised once at module load so that `parse` can stay synchronous for ESLint. The runtime's wasm is
// named by package path: in the bundled CLI, web-tree-sitter's own import.meta.url is the bundle's.
// The marks feed `EXP_LINT_DEBUG=timing` (cli/timing.ts) and the bench's one-file breakdown.
performance.mark("exp-lint:tree-sitter:start");
await Parser.init({ locateFile: () => require.resolve("web-tree-sitter/web-tree-sitter.wasm") });
const python = await Language.load(require.resolve("tree-sitter-python/tree-sitter-python.wasm"));
const parser = new Parser();
parser.setLanguage(python);
performance.mark("exp-lint:tree-sitter:end");

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
