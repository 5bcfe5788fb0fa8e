import type { ESLint, Linter } from "eslint";
import { typescriptParser } from "../parsers/estree/parser.js";
import { namedByManifest } from "../parsers/manifests/includes.js";
import { MANIFEST_FILES } from "../parsers/manifests/kinds.js";
import type { ExpLintDocs } from "../rules/util/create-rule.js";

/** Files each language lints, shared by the configs and the CLI's file discovery. */
export const FILES = {
  python: ["**/*.py"],
  // Every dependency manifest, each read by its own front end into the same requirement entries.
  requirements: MANIFEST_FILES,
  // TypeScript and JavaScript, parsed by typescript-eslint's parser with ESLint's own JavaScript language.
  typescript: ["**/*.{ts,tsx,mts,cts,js,mjs,cjs}"],
} as const;

/** Notebooks are not a language: a processor turns their code cells into one Python file. */
export const NOTEBOOK_FILES = ["**/*.ipynb"];

export type Language = keyof typeof FILES;

/** The ESLint language of each entry of FILES: exp-lint's own, or ESLint's JavaScript language for TS/JS. */
export const LANGUAGE_IDS: Record<Language, string> = { python: "exp-lint/python", requirements: "exp-lint/requirements", typescript: "js/js" };

/** Per-language config fields. TS/JS configs keep the user's linter options: only the parser is set. */
const LANGUAGE_FIELDS: Partial<Record<Language, Linter.Config>> = { typescript: { languageOptions: { parser: typescriptParser } } };

interface RuleLike {
  meta?: { languages?: string[]; docs?: Partial<ExpLintDocs> };
}

/** Severity a rule gets in the shipped configs: findings are errors, analysis notes are warnings. */
const WARN_RULES = new Set(["syntax-error"]);

export const defaultSeverity = (id: string): "warn" | "error" => (WARN_RULES.has(id) ? "warn" : "error");

function rulesFor(language: Language, rules: Record<string, RuleLike>, strict: boolean): Linter.RulesRecord {
  const out: Linter.RulesRecord = {};
  for (const [id, rule] of Object.entries(rules)) {
    const docs = rule.meta?.docs;
    if (!rule.meta?.languages?.includes(LANGUAGE_IDS[language])) continue;
    if (!docs?.recommended && !strict) continue;
    const severity = defaultSeverity(id);
    out[`exp-lint/${id}`] = strict && docs?.strictOptions ? [severity, docs.strictOptions] : severity;
  }
  return out;
}

/** `recommended` and `strict` flat configs, one block per language. */
export function buildConfigs(plugin: ESLint.Plugin, rules: Record<string, RuleLike>): Record<"recommended" | "strict", Linter.Config[]> {
  const make = (strict: boolean): Linter.Config[] => [
    { name: `exp-lint/${strict ? "strict" : "recommended"}/notebook`, files: NOTEBOOK_FILES, plugins: { "exp-lint": plugin }, processor: "exp-lint/notebook" },
    ...(Object.keys(FILES) as Language[]).map((language) => ({
      name: `exp-lint/${strict ? "strict" : "recommended"}/${language}`,
      // Manifests named by others (`-r base.txt`, an MLproject's `conda_env:`) whatever their names, as the CLI lints them.
      // (ESLint's config arrays take matcher functions beside globs; its types list only globs.)
      files: language === "requirements" ? [...FILES[language], namedByManifest as unknown as string] : [...FILES[language]],
      plugins: { "exp-lint": plugin },
      // ESLint's default language (JavaScript) needs no `language` key.
      ...(LANGUAGE_IDS[language].startsWith("exp-lint/") ? { language: LANGUAGE_IDS[language] } : {}),
      // `# noqa` comments are often meant for flake8 or Ruff; unused ones are reported only when asked.
      ...(LANGUAGE_FIELDS[language] ?? { linterOptions: { reportUnusedDisableDirectives: "off" as const } }),
      rules: rulesFor(language, rules, strict),
    })),
  ];
  return { recommended: make(false), strict: make(true) };
}
