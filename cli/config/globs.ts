import { relative, sep } from "node:path";
import { globMatcher } from "./glob-match.js";

/** A notebook's code cells reach ESLint as `<notebook>.ipynb/<n>.py`: match them as the notebook. */
function physicalPath(path: string): string {
  const i = path.indexOf(".ipynb" + sep);
  return i === -1 ? path : path.slice(0, i + ".ipynb".length);
}

/**
 * Ruff-like path globs, relative to `baseDir` (a config file's folder). A pattern without a slash
 * names a file or folder anywhere (`tests`, `*_draft.py`); one with a slash is anchored at `baseDir`
 * (`scripts/legacy`, `notebooks/*.ipynb`). A pattern that matches a folder matches everything in it.
 */
export function pathMatcher(baseDir: string, patterns: readonly string[]): (absPath: string) => boolean {
  const anchored: string[] = [];
  const anywhere: string[] = [];
  for (const raw of patterns) {
    const p = raw.replace(/^\.\//u, "").replace(/\/+$/u, "");
    (p.includes("/") ? anchored : anywhere).push(p);
  }
  const isAnchored = anchored.length ? globMatcher(anchored) : () => false;
  const isAnywhere = anywhere.length ? globMatcher(anywhere) : () => false;
  return (absPath) => {
    const rel = relative(baseDir, physicalPath(absPath)).split(sep).join("/");
    const parts = rel.split("/");
    const inside = parts[0] !== "..";
    // Outside the config's folder only the file name can match.
    if (!inside) return isAnywhere(parts.at(-1)!);
    for (let i = 0; i < parts.length; i++) {
      if (isAnywhere(parts[i]!)) return true;
      if (isAnchored(parts.slice(0, i + 1).join("/"))) return true;
    }
    return false;
  };
}
