/**
 * A manifest's syntax by its file name: for parse-error messages, the size and nesting budget
 * (parsers/shared/bounds.ts), and the choice of reader (kinds.ts). Kept apart from kinds.ts so that
 * the CLI's file discovery can ask it without loading every manifest parser.
 */

/** The syntax a manifest is written in, for parse-error messages. */
export type Syntax = "pip" | "TOML" | "YAML" | "JSON" | "INI" | "Dockerfile";

export const baseName = (path: string): string => path.slice(Math.max(path.lastIndexOf("/"), path.lastIndexOf("\\")) + 1);

export function isDockerfile(path: string): boolean {
  const name = baseName(path);
  return /^Dockerfile(?:\..+)?$/u.test(name) || /\.dockerfile$/iu.test(name);
}

/** The syntax of a manifest, by its name. */
export function syntaxOf(path: string | undefined): Syntax {
  if (!path) return "pip";
  const name = baseName(path);
  if (/\.toml$/iu.test(name) || name === "Pipfile") return "TOML";
  if (/\.json$/iu.test(name)) return "JSON";
  if (/\.ya?ml$/iu.test(name)) return "YAML";
  if (name === "setup.cfg") return "INI";
  if (isDockerfile(name)) return "Dockerfile";
  return "pip";
}
