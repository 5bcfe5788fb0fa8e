import type { ESLint, Linter } from "eslint";
import type { ExpLintDocs } from "../rules/util/create-rule.js";

/** Files each language lints, shared by the configs and the CLI's file discovery. */
export const FILES = {
  python: ["**/*.py"],
  requirements: ["**/requirements*.txt", "**/requirements/*.txt", "**/constraints*.txt"],
} as const;

/** Notebooks are not a language: a processor turns their code cells into one Python file. */
export const NOTEBOOK_FILES = ["**/*.ipynb"];

type Language = keyof typeof FILES;

interface RuleLike {
  meta?: { languages?: string[]; docs?: Partial<ExpLintDocs> };
}

/** Severity a rule gets in the shipped configs: findings are errors, analysis notes are warnings. */
const WARN_RULES = new Set(["syntax-error"]);

function rulesFor(language: Language, rules: Record<string, RuleLike>, strict: boolean): Linter.RulesRecord {
  const out: Linter.RulesRecord = {};
  for (const [id, rule] of Object.entries(rules)) {
    const docs = rule.meta?.docs;
    if (!rule.meta?.languages?.includes(`exp-lint/${language}`)) continue;
    if (!docs?.recommended && !strict) continue;
    const severity = WARN_RULES.has(id) ? "warn" : "error";
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
      files: [...FILES[language]],
      plugins: { "exp-lint": plugin },
      language: `exp-lint/${language}`,
      // `# noqa` comments are often meant for flake8 or Ruff; unused ones are reported only when asked.
      linterOptions: { reportUnusedDisableDirectives: "off" as const },
      rules: rulesFor(language, rules, strict),
    })),
  ];
  return { recommended: make(false), strict: make(true) };
}
