import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ESLint } from "eslint";
import plugin from "../plugin/index.js";
import { describe, expect, it } from "vitest";
import { rules } from "../rules/index.js";
import { DOCS_BASE } from "../rules/util/create-rule.js";
import { renderIndex, renderTable, replaceTable, ruleIds } from "../scripts/generate.js";
import { everyRule } from "./util/every-rule.js";
import { fixtureFiles } from "./util/fixtures.js";

const root = new URL("../", import.meta.url).pathname;
const read = (rel: string) => readFileSync(`${root}${rel}`, "utf8");
type Meta = {
  type?: string;
  languages?: string[];
  docs?: { description?: string; recommended?: boolean; url?: string };
  messages?: Record<string, string>;
  schema?: { type?: string; additionalProperties?: boolean; properties?: Record<string, { description?: string }> }[];
};
const entries = Object.entries(rules as unknown as Record<string, { meta: Meta }>);

const eslint = new ESLint({ overrideConfigFile: true, overrideConfig: everyRule });

/** Fenced blocks under every `### <heading>` of a doc page (one per language section). */
function examples(doc: string, heading: string): { lang: string; code: string }[] {
  const sections = doc.split(/^#{2,3} /mu).filter((s) => s.startsWith(heading));
  return sections.flatMap((section) => [...section.matchAll(/^```(\w+)\n([\s\S]*?)^```$/gmu)].map((m) => ({ lang: m[1]!, code: m[2]! })));
}

const EXAMPLE_FILES: Record<string, string> = {
  python: "example.py",
  ts: "example.ts",
  toml: "pyproject.toml",
  yaml: "environment.yml",
  json: "package.json",
  dockerfile: "Dockerfile",
  ini: "setup.cfg",
};

// A package.json example is linted in a repository of its own: in this one, exp-lint's own package-lock.json would pin it.
const exampleRepo = mkdtempSync(join(tmpdir(), "exp-lint-docs-"));
mkdirSync(join(exampleRepo, ".git"));
const eslintInRepo = new ESLint({ cwd: exampleRepo, overrideConfigFile: true, overrideConfig: plugin.configs.recommended });

async function findingsOf(id: string, lang: string, code: string): Promise<number> {
  const filePath = EXAMPLE_FILES[lang] ?? "requirements.txt";
  const [result] = await (lang === "json" ? eslintInRepo : eslint).lintText(code, { filePath });
  expect(result!.messages.filter((m) => m.fatal)).toEqual([]);
  return result!.messages.filter((m) => m.ruleId === `exp-lint/${id}`).length;
}

describe("generated indexes", () => {
  it("rules/index.ts exports every rule file", () => {
    expect(read("rules/index.ts")).toBe(renderIndex(ruleIds()));
  });
  it("the README rules table matches the rules", () => {
    const readme = read("README.md");
    expect(replaceTable(readme, renderTable(rules as never))).toBe(readme);
  });
});

describe("rules ask the semantic model questions", () => {
  // Convention 14: raw facts are the semantic layer's to read; a rule that needs one is missing a question in semantic/.
  const files = readdirSync(`${root}rules`).filter((f) => f.endsWith(".ts"));
  it("lists the rule files", () => expect(files.length).toBeGreaterThanOrEqual(entries.length));
  it.each(files)("rules/%s does not read model.facts", (file) => {
    const code = read(`rules/${file}`).replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gmu, "");
    expect(code).not.toMatch(/\.facts\b|\{[^{}]*\bfacts\b[^{}]*\}\s*=/u);
  });
});

describe.each(entries)("rule %s", (id, { meta }) => {
  it("follows the rule anatomy", () => {
    expect(meta.type).toMatch(/^(problem|suggestion|layout)$/u);
    expect(meta.languages?.length).toBeGreaterThan(0);
    expect(meta.docs?.description).toMatch(/^(Disallow|Require|Report)\b/u);
    expect(meta.docs?.url).toBe(`${DOCS_BASE}${id}.md`);
    expect(Object.keys(meta.messages ?? {}).length).toBeGreaterThan(0);
    for (const s of meta.schema ?? []) {
      expect(s.additionalProperties).toBe(false);
      for (const [name, p] of Object.entries(s.properties ?? {})) expect(p.description, name).toBeTruthy();
    }
  });

  it("has its doc page, with the skeleton and the description", () => {
    const path = `docs/rules/${id}.md`;
    expect(existsSync(`${root}${path}`)).toBe(true);
    const doc = read(path);
    const lines = doc.split("\n").filter((l) => l.trim());
    expect(lines[0]).toBe(`# ${id}`);
    expect(lines[1]).toBe(meta.docs!.description);
    for (const h of ["## Why", "## Rule details", "### Incorrect", "### Correct", "## Options", "## When not to use it", "## Further reading"]) {
      expect(doc, h).toContain(`\n${h}`);
    }
  });

  it("has a dirty fixture and a clean one", () => {
    const own = fixtureFiles().filter((f) => f.startsWith(`${id}/`));
    expect(own.some((f) => !/\.ok\.\w+$/u.test(f))).toBe(true);
    if (id !== "syntax-error") expect(own.some((f) => /\.ok\.\w+$/u.test(f))).toBe(true);
  });

  it("reports its Incorrect doc examples and not its Correct ones", async () => {
    const doc = read(`docs/rules/${id}.md`);
    const bad = examples(doc, "Incorrect");
    const good = examples(doc, "Correct");
    expect(bad.length).toBeGreaterThan(0);
    for (const ex of bad) expect(await findingsOf(id, ex.lang, ex.code), ex.code).toBeGreaterThan(0);
    for (const ex of good) expect(await findingsOf(id, ex.lang, ex.code), ex.code).toBe(0);
  });
});
