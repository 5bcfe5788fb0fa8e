import { relative } from "node:path";
import { defaultSeverity } from "../../plugin/configs.js";
import { rules } from "../../rules/index.js";
import type { ExpLintDocs } from "../../rules/util/create-rule.js";
import { resolveRules } from "./apply.js";
import { pathMatcher } from "./globs.js";
import type { ResolvedConfig } from "./lookup.js";

const docsOf = (id: string) => (rules[id as keyof typeof rules].meta.docs ?? {}) as Partial<ExpLintDocs>;

/**
 * `--show-settings FILE`: the configuration files that apply to FILE, each setting with the file it came from,
 * and the rules that run on FILE with their severity and options (as Ruff's `--show-settings` does).
 */
export function showSettings(file: string, resolved: ResolvedConfig, cwd: string): string {
  const shown = (p: string) => relative(cwd, p) || p;
  const out = [`Settings for ${shown(file)}`, ""];
  out.push(resolved.chain.length ? `Configuration: ${resolved.chain.map(shown).join(" extended by ")}` : "Configuration: none (the shipped defaults)");
  out.push(`Base: ${resolved.strict ? "strict" : "recommended"}${resolved.sources.strict ? `  (from ${resolved.sources.strict})` : ""}`);
  const config = resolved.config;
  if (config) {
    const from = (key: string) => (resolved.sources[key] ? `  (from ${resolved.sources[key]})` : "");
    // Each glob as written, with the folder it is relative to.
    const globs = (gs: { dir: string; pattern: string }[]) => gs.map((g) => `"${g.pattern}" in ${relative(cwd, g.dir) || "."}/`).join(", ");
    out.push("", "Settings:");
    if (config.select) out.push(`  select = ${config.select.join(", ")}${from("select")}`);
    if (config.extendSelect.length) out.push(`  extend-select = ${config.extendSelect.join(", ")}${from("extend-select")}`);
    if (config.ignore.length) out.push(`  ignore = ${config.ignore.join(", ")}${from("ignore")}`);
    for (const [id, level] of Object.entries(config.severity)) out.push(`  severity.${id} = ${level}${from(`severity.${id}`)}`);
    for (const g of config.perFileIgnores) out.push(`  per-file-ignores: ${globs([g])} = ${g.rules.join(", ")}${from("per-file-ignores")}`);
    if (config.include) out.push(`  include = ${globs(config.include)}${from("include")}`);
    if (config.exclude) out.push(`  exclude = ${globs(config.exclude)}${from("exclude")}`);
    if (config.extendExclude.length) out.push(`  extend-exclude = ${globs(config.extendExclude)}${from("extend-exclude")}`);
    for (const [id, options] of Object.entries(config.ruleOptions)) out.push(`  rules.${id} = ${JSON.stringify(options)}${from(`rules.${id}`)}`);
  }
  // The rules as ESLint will see them for this file: per-file ignores applied.
  const project = config ? resolveRules(config, resolved.strict, resolved.strict) : null;
  const ignoredHere = new Set(config?.perFileIgnores.filter((g) => matches(g, file)).flatMap((g) => g.rules) ?? []);
  out.push("", "Rules:");
  for (const id of Object.keys(rules).sort()) {
    const changed = project?.configs.flatMap((c) => Object.entries(c.rules ?? {})).find(([name]) => name === `exp-lint/${id}`)?.[1];
    const shipped =
      resolved.strict || docsOf(id).recommended
        ? [defaultSeverity(id), ...(resolved.strict && docsOf(id).strictOptions ? [docsOf(id).strictOptions] : [])]
        : ["off"];
    const [level, ...options] = [changed ?? shipped].flat() as unknown[];
    if (level === "off") continue;
    if (ignoredHere.has(id)) {
      out.push(`  ${id}: off (per-file-ignores)`);
      continue;
    }
    out.push(`  ${id}: ${String(level)}${options.length && Object.keys(options[0] as object).length ? ` ${JSON.stringify(options[0])}` : ""}`);
  }
  return `${out.join("\n")}\n`;
}
const matches = (g: { dir: string; pattern: string }, file: string) => pathMatcher(g.dir, [g.pattern])(file);
