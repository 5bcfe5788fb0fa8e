/**
 * Which files are dependency manifests, and which reader reads each: one
 * list, used by the plugin's configs, the CLI's file discovery, the
 * pre-commit hook's pattern (checked by a test) and the fixer's safety check.
 */

import { readConda } from "./conda.js";
import { readDockerfile } from "./dockerfile.js";
import { readPackageJson } from "./package-json.js";
import { readPipfile } from "./pipfile.js";
import { readPyproject, type ManifestParse } from "./pyproject.js";
import { parseRequirements } from "./requirements.js";
import { readSetupCfg } from "./setup-cfg.js";
import { baseName, syntaxOf } from "./syntax.js";

/** Globs of the manifests found in folders (setup.py is Python: the Python language reads it). */
export const MANIFEST_FILES = [
  // pip requirements and constraints files in any naming: requirements-dev.txt, dev-requirements.txt, requirements/base.txt.
  "**/*requirements*.txt",
  "**/requirements/*.txt",
  "**/*constraints*.txt",
  "**/pyproject.toml",
  "**/Pipfile",
  "**/setup.cfg",
  // conda environments, MLflow's conda.yaml and python_env.yaml.
  "**/environment*.yml",
  "**/environment*.yaml",
  "**/conda.yml",
  "**/conda.yaml",
  "**/python_env.yml",
  "**/python_env.yaml",
  "**/Dockerfile",
  "**/Dockerfile.*",
  "**/*.dockerfile",
  "**/package.json",
] as const;

/** The reader for a manifest, by its name; any other name (a file pulled in with `-r`) is a pip requirements file. */
export function frontEnd(path: string | undefined): (text: string) => ManifestParse {
  const name = path ? baseName(path) : "";
  switch (syntaxOf(path)) {
    case "TOML":
      return name === "Pipfile" ? readPipfile : (text) => readPyproject(text);
    case "JSON":
      return readPackageJson;
    case "YAML":
      return readConda;
    case "INI":
      return readSetupCfg;
    case "Dockerfile":
      return readDockerfile;
    default:
      return parseRequirements;
  }
}
