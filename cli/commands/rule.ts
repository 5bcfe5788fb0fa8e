import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Chalk, type ChalkInstance } from "chalk";
import { rules } from "../../rules/index.js";

interface Meta {
  docs?: { description?: string; recommended?: boolean; url?: string };
  languages?: string[];
  type?: string;
  fixable?: string;
  schema?: unknown;
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
  // docs/ ships at the package root: two levels above cli/commands/ and the bundle (dist/bundle/), three above dist/cli/commands/.
  for (const rel of ["../../docs/rules/", "../../../docs/rules/"]) {
    try {
      return readFileSync(fileURLToPath(new URL(`${rel}${bare}.md`, import.meta.url)), "utf8");
    } catch {
      // try the next layout
    }
  }
  return null;
}

interface RuleIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  isTTY: boolean;
  columns?: number;
}

/** A rule's page for a terminal: headings and code blocks styled, paragraphs wrapped to its width. */
async function forTerminal(markdown: string, columns: number): Promise<string> {
  // Loaded only here: marked-terminal (with its syntax highlighter) costs about half a second of start-up.
  const [{ Marked }, { markedTerminal }, { default: wrapAnsi }] = await Promise.all([import("marked"), import("marked-terminal"), import("wrap-ansi")]);
  const width = Math.max(40, Math.min(columns, 100));
  // Its own chalk would look at this thread's stdout (a worker's, never a terminal): styles come from a chalk the CLI chose.
  const c = new Chalk({ level: 1 });
  const styles = {
    firstHeading: c.bold.underline,
    heading: c.bold.green,
    code: c.yellow,
    codespan: c.yellow,
    strong: c.bold,
    em: c.italic,
    link: c.blue,
    href: c.blue.underline,
    blockquote: c.gray.italic,
  };
  const marked = new Marked(markedTerminal({ width, reflowText: true, tab: 2, showSectionPrefix: false, ...styles }) as import("marked").MarkedExtension);
  // marked-terminal reflows paragraphs only: list items and code lines are wrapped here, under their own indent.
  return (marked.parse(markdown) as string)
    .split("\n")
    .map((line) => {
      const prefix = /^\s*(?:[*-] |\d+\. )?/u.exec(line)![0];
      const body = wrapAnsi(line.slice(prefix.length), Math.max(20, width - prefix.length), { hard: true, trim: false }).split("\n");
      return body.map((part, i) => (i === 0 ? prefix : " ".repeat(prefix.length)) + (i === 0 ? part : part.trimStart())).join("\n");
    })
    .join("\n");
}

/** `exp-lint rule <id> [--format json]`: the page styled on a terminal, plain Markdown in a pipe, or JSON. */
export async function printRuleDoc(args: string[], io: RuleIo): Promise<number> {
  const format = args.indexOf("--format") === -1 ? (args.find((a) => a.startsWith("--format="))?.slice(9) ?? "text") : args[args.indexOf("--format") + 1];
  const ids = args.filter((a, i) => !a.startsWith("--") && args[i - 1] !== "--format");
  const doc = ids.length === 1 ? ruleDoc(ids[0]!) : null;
  if (doc === null || (format !== "text" && format !== "json")) {
    const why =
      format !== "text" && format !== "json"
        ? `unknown format "${format}" (text or json)`
        : ids.length === 1
          ? `no rule named "${ids[0]}"`
          : "usage: exp-lint rule <id> [--format json]";
    io.stderr(`exp-lint: ${why}; "exp-lint rules" lists them\n`);
    return 2;
  }
  const id = ids[0]!.replace(/^exp-lint\//u, "");
  if (format === "json") {
    const meta = metaOf(id)!;
    const data = {
      id: `exp-lint/${id}`,
      description: meta.docs?.description ?? "",
      type: meta.type,
      recommended: meta.docs?.recommended === true,
      languages: meta.languages ?? [],
      fixable: meta.fixable !== undefined,
      url: meta.docs?.url,
      options: meta.schema ?? [],
      markdown: doc,
    };
    io.stdout(`${JSON.stringify(data, null, 2)}\n`);
  } else io.stdout(io.isTTY ? await forTerminal(doc, io.columns ?? 80) : doc);
  return 0;
}
