import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

/**
 * Peer linters, measured when installed: in this project's node_modules, or in
 * the folder named by BENCH_PEERS (`npm install --prefix <dir> @astral-sh/ruff-wasm-nodejs @ast-grep/cli`).
 * They are not dependencies: the bench must run without them.
 */
function peerRequire(): NodeRequire[] {
  const here = createRequire(import.meta.url);
  const dir = process.env.BENCH_PEERS;
  return dir ? [here, createRequire(join(dir, "node_modules", "x.js"))] : [here];
}

export function resolvePeer(specifier: string): string | null {
  for (const req of peerRequire()) {
    try {
      return req.resolve(specifier);
    } catch {
      // try the next place
    }
  }
  return null;
}

/** ast-grep's binary, if installed. */
export function astGrepBinary(): string | null {
  const pkg = resolvePeer("@ast-grep/cli/package.json");
  if (!pkg) return null;
  const bin = join(pkg, "..", "ast-grep");
  try {
    execFileSync(bin, ["--version"], { stdio: "ignore" });
    return bin;
  } catch {
    return null;
  }
}

// Ruff's rules closest to two of ours: NPY002 (legacy numpy global RNG, as require-seed) and
// S311 (the `random` module's global generator).
export const RUFF_EQUIVALENT = ["NPY002", "S311"];
// Ruff's own defaults, for scale.
export const RUFF_DEFAULT = ["E4", "E7", "E9", "F"];

/**
 * ast-grep rules equivalent in intent to two of ours, by pattern (ast-grep does
 * not resolve imports): numpy's global generator (require-seed) and a literal
 * logged with mlflow.log_param (no-literal-log-param).
 */
export function writeAstGrepProject(dir: string): string {
  mkdirSync(join(dir, "rules"), { recursive: true });
  writeFileSync(join(dir, "sgconfig.yml"), "ruleDirs:\n  - rules\n");
  writeFileSync(
    join(dir, "rules", "numpy-global-rng.yml"),
    "id: numpy-global-rng\nlanguage: python\nseverity: error\nmessage: numpy global generator\nrule:\n  pattern: np.random.$F($$$A)\n  not:\n    pattern: np.random.seed($$$S)\n",
  );
  writeFileSync(
    join(dir, "rules", "literal-log-param.yml"),
    'id: literal-log-param\nlanguage: python\nseverity: error\nmessage: literal logged\nrule:\n  pattern: mlflow.log_param($K, $V)\nconstraints:\n  V:\n    any:\n      - kind: integer\n      - kind: float\n      - kind: string\n      - kind: "true"\n      - kind: "false"\n',
  );
  return join(dir, "sgconfig.yml");
}

export const hasGnuTime = existsSync("/usr/bin/time");
