import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { Language, Parser, type Tree } from "web-tree-sitter";

const require = createRequire(import.meta.url);

/**
 * The grammar's wasm: in the built package (scripts/build-assets.mjs copies it to dist/parsers/python/), found
 * beside this module or, from the bundled CLI in dist/bundle/, in ../parsers/python/; from the tree-sitter-python
 * development dependency when the sources run directly (tests).
 */
function grammarWasm(): string {
  for (const rel of ["./tree-sitter-python.wasm", "../parsers/python/tree-sitter-python.wasm"]) {
    const shipped = fileURLToPath(new URL(rel, import.meta.url));
    if (existsSync(shipped)) return shipped;
  }
  return require.resolve("tree-sitter-python/tree-sitter-python.wasm");
}

// Initialised once at module load so that `parse` can stay synchronous for ESLint. The runtime's wasm is
// named by package path: in the bundled CLI, web-tree-sitter's own import.meta.url is the bundle's.
// The marks feed `EXP_LINT_DEBUG=timing` (cli/timing.ts) and the bench's one-file breakdown.
performance.mark("exp-lint:tree-sitter:start", { detail: process.cpuUsage() });
await Parser.init({ locateFile: () => require.resolve("web-tree-sitter/web-tree-sitter.wasm") });
const python = await Language.load(grammarWasm());
const parser = new Parser();
parser.setLanguage(python);
// The project index reads other modules of the project while a file is being linted: its own parser, its own trees.
const detachedParser = new Parser();
detachedParser.setLanguage(python);
performance.mark("exp-lint:tree-sitter:end", { detail: process.cpuUsage() });

/**
 * How long a tree's nodes may be read. Facts read nodes lazily (most are
 * never asked for); a read after the tree was freed would read whatever the
 * wasm heap holds now, so every lazy read checks its lease first.
 */
export class TreeLease {
  #alive = true;
  constructor(readonly generation: number) {}

  get alive(): boolean {
    return this.#alive;
  }

  end(): void {
    this.#alive = false;
  }

  /** Throws when the tree is gone: a fact kept past its file, a bug to fix where it was kept. */
  check(): void {
    if (!this.#alive)
      throw new Error(`exp-lint internal error: a fact of parse #${this.generation} was read after its syntax tree was freed (a later file was parsed)`);
  }
}

const LEASES = new WeakMap<Tree, TreeLease>();
let generation = 0;
let live: { tree: Tree; lease: TreeLease } | null = null;

/** The lease of a tree parsed here; a tree from elsewhere (a test's own parser) lives as long as its owner keeps it. */
export function leaseOf(tree: Tree): TreeLease {
  let lease = LEASES.get(tree);
  if (!lease) LEASES.set(tree, (lease = new TreeLease(++generation)));
  return lease;
}

// Python ends a line at a lone \r too; tree-sitter-python only at \n, so a comment would run to the end
// of a classic-Mac file. Same length, so every offset stays the same.
const normalise = (text: string) => (text.includes("\r") ? text.replace(/\r(?!\n)/gu, "\n") : text);

/**
 * Parse Python text. ESLint lints one file at a time, synchronously from parse
 * to the last rule, so the previous file's tree is deleted here: at most one
 * tree per worker holds wasm memory.
 */
export function parsePython(text: string): Tree {
  releaseTree();
  const tree = parser.parse(normalise(text));
  if (!tree) throw new Error("tree-sitter returned no tree");
  live = { tree, lease: leaseOf(tree) };
  return tree;
}

export function releaseTree(): void {
  if (!live) return;
  live.lease.end();
  live.tree.delete();
  live = null;
}

/** Parse a module for the project index, hand its tree to `use`, and free it right after: the file being linted keeps its own. */
export function withDetachedTree<T>(text: string, use: (tree: Tree) => T): T {
  const tree = detachedParser.parse(normalise(text));
  if (!tree) throw new Error("tree-sitter returned no tree");
  const lease = leaseOf(tree);
  try {
    return use(tree);
  } finally {
    lease.end();
    tree.delete();
  }
}

export { python as pythonGrammar };
