// After tsc: what dist/ needs besides compiled code. Plain JS so it runs before anything is built.
import { chmodSync, copyFileSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const require = createRequire(import.meta.url);
const root = join(dirname(new URL(import.meta.url).pathname), "..");

// The Python grammar ships as its wasm alone, with its licence: tree-sitter-python's npm package also
// carries native prebuilds and an install script that users would otherwise download and run for nothing.
const grammarDir = join(root, "dist/parsers/python");
mkdirSync(grammarDir, { recursive: true });
const grammar = dirname(require.resolve("tree-sitter-python/package.json"));
copyFileSync(join(grammar, "tree-sitter-python.wasm"), join(grammarDir, "tree-sitter-python.wasm"));
copyFileSync(join(grammar, "LICENSE"), join(grammarDir, "tree-sitter-python.LICENSE"));

chmodSync(join(root, "dist/cli/bin.js"), 0o755);
