import { createRequire } from "node:module";
import { dirname } from "node:path";
import type { Ajv, ErrorObject } from "ajv";
import { rules } from "../../rules/index.js";
import { ConfigError, type RawConfig } from "./load.js";

export type Level = "error" | "warn" | "off";

/** A glob and the folder it is relative to: the folder of the configuration file that wrote it. */
export interface Glob {
  dir: string;
  pattern: string;
}

/** A validated project configuration; rule ids are bare (`require-seed`), each glob keeps its own folder. */
export interface ProjectConfig {
  path: string;
  /** The folder of the file. */
  dir: string;
  /** `extend = "../pyproject.toml"`: the file this one builds on, as written. */
  extend?: string;
  select?: string[];
  extendSelect: string[];
  ignore: string[];
  severity: Record<string, Level>;
  perFileIgnores: (Glob & { rules: string[] })[];
  include?: Glob[];
  exclude?: Glob[];
  extendExclude: Glob[];
  strict?: boolean;
  /** Options per rule, keyed as the rule's schema names them. */
  ruleOptions: Record<string, Record<string, unknown>>;
}

const KEYS = [
  "extend",
  "select",
  "extend-select",
  "ignore",
  "severity",
  "per-file-ignores",
  "include",
  "exclude",
  "extend-exclude",
  "strict",
  "rules",
] as const;
const LEVELS: readonly Level[] = ["error", "warn", "off"];
const RULE_IDS = Object.keys(rules);

function distance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length]!;
}

/** ` (did you mean "x"?)` when one known name is a typo away. */
function suggest(word: string, known: readonly string[]): string {
  const best = known.map((k) => ({ k, d: distance(word, k) })).sort((x, y) => x.d - y.d)[0];
  return best && best.d <= Math.max(2, Math.floor(word.length / 4)) ? ` (did you mean "${best.k}"?)` : "";
}

const isTable = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof Date);
const isStringList = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === "string");
const camel = (key: string) => key.replace(/-([a-z])/gu, (_, c: string) => c.toUpperCase());

// Loaded only for a file with rule options: it costs a run without one a fifth of a second of start-up.
let ajv: Ajv | undefined;
function compile(schema: object) {
  ajv ??= new (createRequire(import.meta.url)("ajv") as typeof import("ajv")).Ajv({ allErrors: true, strict: false });
  return ajv.compile(schema);
}

/** A configuration at `path` that sets nothing. */
export const emptyConfig = (path: string): ProjectConfig => ({
  path,
  dir: dirname(path),
  extendSelect: [],
  ignore: [],
  severity: {},
  perFileIgnores: [],
  extendExclude: [],
  ruleOptions: {},
});

/** Check a config file's table; every problem is collected, then thrown as one ConfigError. */
export function validateConfig(raw: RawConfig): ProjectConfig {
  const problems: string[] = [];
  const at = `${raw.label}: ${raw.section}`;
  const table = (sub: string) => `${raw.label}: [${raw.section ? `tool.exp-lint.${sub}` : sub}] `;
  const config = emptyConfig(raw.path);

  /** A rule id as written (`exp-lint/` prefix optional), or null after reporting it. */
  const ruleId = (written: string, key: string): string | null => {
    const id = written.replace(/^exp-lint\//u, "");
    if (Object.hasOwn(rules, id)) return id;
    problems.push(`${at}"${key}": unknown rule id "${written}"${suggest(id, RULE_IDS)}`);
    return null;
  };
  const ruleList = (value: unknown, key: string): string[] => {
    if (!isStringList(value)) {
      problems.push(`${at}"${key}" must be a list of rule ids`);
      return [];
    }
    return value.map((v) => ruleId(v, key)).filter((id): id is string => id !== null);
  };
  const globList = (value: unknown, key: string): Glob[] => {
    if (isStringList(value)) return value.map((pattern) => ({ dir: config.dir, pattern }));
    problems.push(`${at}"${key}" must be a list of glob patterns`);
    return [];
  };

  for (const [key, value] of Object.entries(raw.table)) {
    switch (key as (typeof KEYS)[number]) {
      case "extend":
        if (typeof value === "string" && value) config.extend = value;
        else problems.push(`${at}"extend" must be the path of another configuration file`);
        break;
      case "select":
        config.select = ruleList(value, key);
        break;
      case "extend-select":
        config.extendSelect = ruleList(value, key);
        break;
      case "ignore":
        config.ignore = ruleList(value, key);
        break;
      case "include":
        config.include = globList(value, key);
        break;
      case "exclude":
        config.exclude = globList(value, key);
        break;
      case "extend-exclude":
        config.extendExclude = globList(value, key);
        break;
      case "strict":
        if (typeof value === "boolean") config.strict = value;
        else problems.push(`${at}"strict" must be true or false`);
        break;
      case "severity":
        if (!isTable(value)) {
          problems.push(`${at}"severity" must be a table of rule id = "error" | "warn" | "off"`);
          break;
        }
        for (const [written, level] of Object.entries(value)) {
          const id = ruleId(written, `severity.${written}`);
          if (!LEVELS.includes(level as Level)) problems.push(`${at}"severity.${written}" must be "error", "warn" or "off", not ${JSON.stringify(level)}`);
          else if (id) config.severity[id] = level as Level;
        }
        break;
      case "per-file-ignores":
        if (!isTable(value)) {
          problems.push(`${at}"per-file-ignores" must be a table of glob = [rule ids]`);
          break;
        }
        for (const [pattern, ids] of Object.entries(value))
          config.perFileIgnores.push({ dir: config.dir, pattern, rules: ruleList(ids, `per-file-ignores.${pattern}`) });
        break;
      case "rules":
        if (!isTable(value)) {
          problems.push(`${at}"rules" must be a table of rule option tables`);
          break;
        }
        for (const [written, options] of Object.entries(value)) {
          const id = ruleId(written, `rules.${written}`);
          if (!id) continue;
          if (!isTable(options)) problems.push(`${at}"rules.${written}" must be a table of options`);
          else config.ruleOptions[id] = ruleOptions(id, options, table(`rules.${written}`), problems);
        }
        break;
      default:
        problems.push(`${at}unknown key "${key}"${suggest(key, KEYS)}`);
    }
  }
  if (problems.length) throw new ConfigError(problems.join("\n"));
  return config;
}

function describe(e: ErrorObject, original: Map<string, string>): string {
  const path = e.instancePath
    .split("/")
    .slice(1)
    .map((p) => original.get(p) ?? p)
    .join(".");
  if (e.keyword === "additionalProperties") {
    const name = (e.params as { additionalProperty: string }).additionalProperty;
    return `unknown option "${original.get(name) ?? name}"`;
  }
  if (e.keyword === "enum")
    return `"${path}" must be one of ${(e.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(", ")}`;
  return path ? `"${path}" ${e.message ?? "is invalid"}` : `options ${e.message ?? "are invalid"}`;
}

/** A rule's options table checked against the rule's own `meta.schema`; kebab-case keys become camelCase. */
function ruleOptions(id: string, options: Record<string, unknown>, where: string, problems: string[]): Record<string, unknown> {
  const schema = (rules[id as keyof typeof rules].meta as { schema?: unknown }).schema;
  const first = Array.isArray(schema) ? schema[0] : schema;
  if (!first) {
    if (Object.keys(options).length) problems.push(`${where}rule "${id}" takes no options`);
    return {};
  }
  const properties = Object.keys((first as { properties?: object }).properties ?? {});
  const original = new Map<string, string>();
  const named: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(options)) {
    const name = key.includes("-") && properties.includes(camel(key)) ? camel(key) : key;
    original.set(name, key);
    named[name] = value;
  }
  const validate = compile(Array.isArray(schema) ? first : (schema as object));
  const ok = Array.isArray(schema) ? validate(named) : validate([named]);
  if (!ok) for (const e of validate.errors ?? []) problems.push(`${where}${describe(e, original)}`);
  return named;
}
