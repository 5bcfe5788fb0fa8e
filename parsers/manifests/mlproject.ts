/**
 * An MLflow `MLproject` file names the environment its runs are built from:
 * `conda_env:` (a conda environment file) or `python_env:` (a
 * python_env.yaml), by a path relative to the project folder. Those files are
 * manifests whatever their names.
 */

import { dirname, resolve } from "node:path";
import { yamlParser } from "./libraries.js";

export const MLPROJECT_FILE = "MLproject";

/** Absolute paths of the environment files an MLproject names; `[]` when it cannot be read. */
export function mlprojectEnvironments(text: string, path: string): string[] {
  let data: unknown;
  try {
    data = yamlParser().getStaticYAMLValue(yamlParser().parseYAML(text));
  } catch {
    return [];
  }
  if (!data || typeof data !== "object") return [];
  const out: string[] = [];
  for (const key of ["conda_env", "python_env"]) {
    const value = (data as Record<string, unknown>)[key];
    // Local files only: a URL would need the network.
    if (typeof value === "string" && value && !/^[a-z][a-z0-9+.-]*:\/\//iu.test(value)) out.push(resolve(dirname(path), value));
  }
  return out;
}
