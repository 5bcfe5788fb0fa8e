// npm run build, after tsc: the CLI's thread and its lint workers as one file each (dist/bundle/), so a run
// reads one file instead of resolving and loading some 840 modules. See ARCHITECTURE.md, "Start-up".
import { chmodSync, readFileSync, rmSync } from "node:fs";
import { LAZY_PACKAGES } from "../dist/parsers/manifests/libraries.js";

chmodSync("dist/cli/bin.js", 0o755);

// A production install (pre-commit's `npm install --production` from a checkout) has no devDependencies:
// the CLI then runs its unbundled modules (cli/bin.ts falls back to them), slower to start but the same.
const esbuild = await import("esbuild").catch(() => null);
if (!esbuild) {
  rmSync("dist/bundle", { recursive: true, force: true });
  console.warn("exp-lint: esbuild is not installed; the CLI is not bundled and starts more slowly");
  process.exit(0);
}

/**
 * ESLint's ~290 core JavaScript rules are a third of the bundle, and exp-lint's
 * configs use none of them (a user's --eslint-config may). Their index keeps its
 * lazy map, but each rule is required from the installed ESLint when first used.
 */
const eslintCoreRulesOnDemand = {
  name: "eslint-core-rules-on-demand",
  setup(b) {
    // esbuild filters are Go regular expressions: no flags.
    b.onLoad({ filter: /[\\/]eslint[\\/]lib[\\/]rules[\\/]index\.js$/ }, (args) => {
      // An entry may wrap after its arrow (`"padding-line-between-statements": () =>\n require(...)`).
      const source = readFileSync(args.path, "utf8").replace(/\(\)\s*=>\s*require\("\.\/([a-z-]+)"\)/gu, '() => require(__eslintRulesDir + "/$1.js")');
      return { contents: source, loader: "js", resolveDir: args.path.replace(/[\\/]index\.js$/u, "") };
    });
  },
};

// Chunk names carry a content hash: without a clean folder every build would leave the last one's chunks to ship.
rmSync("dist/bundle", { recursive: true, force: true });
await esbuild.build({
  entryPoints: { cli: "dist/cli/thread.js", "pool-worker": "dist/cli/engine/pool-worker.js", "options-module": "dist/cli/engine/options-module.js" },
  outdir: "dist/bundle",
  bundle: true,
  platform: "node",
  format: "esm",
  // What only some runs need (the language server, --watch, `exp-lint rule`'s Markdown renderer and its syntax
  // highlighter, ~1.8 MB) is loaded through import(): split into chunks of its own, it is not read by a lint run.
  // Code shared by the three entries is one more chunk.
  splitting: true,
  chunkNames: "chunk-[hash]",
  target: "node20",
  // Loaded only when a run needs them, from node_modules: the TypeScript compiler (for TS/JS files, ~9 MB),
  // jiti (TypeScript ESLint config files). The config check requires Ajv 8 lazily through createRequire, so it is
  // loaded from node_modules too, only for a config file; ESLint's own Ajv 6 is bundled.
  // The YAML, TOML and npm-version libraries are required on first use, from node_modules (parsers/manifests/libraries.ts).
  external: ["typescript", "@typescript-eslint/parser", "@typescript-eslint/typescript-estree", "jiti", ...LAZY_PACKAGES],
  minifyWhitespace: true,
  legalComments: "none",
  logLevel: "error",
  plugins: [eslintCoreRulesOnDemand],
  // ESLint's Ajv 6 resolves its meta-schema's ids through uri-js, whose first calls build large regular
  // expressions: ~55 ms of every run's config step. fast-uri (Ajv 8's own) answers the same calls.
  alias: { "uri-js": "fast-uri" },
  banner: {
    js: [
      // ESLint and other CommonJS packages call require(); in an ES module it is made here.
      'import { createRequire as __expLintRequire } from "node:module";',
      "const require = __expLintRequire(import.meta.url);",
      // ESLint names two files by its own folder: its worker (lib/eslint/worker.js, with --cache on threads)
      // and its formatters (lib/cli-engine/formatters/). They are read from the installed package.
      // Every chunk carries this banner: ESLint's folder is resolved by the first one loaded, not once per chunk.
      'const __eslintLib = (globalThis.__expLintEslintLib ??= require("node:path").dirname(require.resolve("eslint")));',
      'const __dirname = __eslintLib + "/eslint";',
      'const __eslintRulesDir = __eslintLib + "/rules";',
    ].join("\n"),
  },
});
