import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { ChalkInstance } from "chalk";
import { rules } from "../rules/index.js";

interface Meta {
  docs?: { description?: string; recommended?: boolean };
  languages?: string[];
}

const metaOf = (id: string) => (rules as Record<string, { meta?: Meta }>)[id]?.meta;

/** `exp-lint rules`: every rule, its one-line description, and the config that turns it on. */
export function listRules(chalk: ChalkInstance): string {
  const ids = Object.keys(rules).sort();
  const width = Math.max(...ids.map((id) => id.length));
  const lines = ids.map((id) => {
    const meta = metaOf(id);
    const config = meta?.docs?.recommended ? chalk.green("recommended") : chalk.yellow("strict     ");
    return `${id.padEnd(width)}  ${config}  ${meta?.docs?.description ?? ""}`;
  });
  return `${lines.join("\n")}\n\nRun "exp-lint rule <id>" for a rule's documentation.\n`;
}

/** `exp-lint rule <id>`: the rule's documentation page, as written in docs/rules/<id>.md. */
export function ruleDoc(id: string): string | null {
  const bare = id.replace(/^exp-lint\//u, "");
  if (!metaOf(bare)) return null;
  // dist/cli/ and cli/ are both two levels below the package root, where docs/ ships.
  for (const rel of ["../../docs/rules/", "../docs/rules/"]) {
    try {
      return readFileSync(fileURLToPath(new URL(`${rel}${bare}.md`, import.meta.url)), "utf8");
    } catch {
      // try the next layout
    }
  }
  return null;
}
