import { createRequire } from "node:module";
import type { ESLint, Linter } from "eslint";
import { pythonLanguage } from "../parsers/python/language.js";
import { requirementsLanguage } from "../parsers/requirements/language.js";
import { rules } from "../rules/index.js";
import { buildConfigs } from "./configs.js";

const require = createRequire(import.meta.url);
const { version } = require("../../package.json") as { version: string };

// typescript-eslint's rule types and ESLint's language types describe the same objects differently.
const plugin = {
  meta: { name: "exp-lint", version, namespace: "exp-lint" },
  languages: { python: pythonLanguage, requirements: requirementsLanguage } as unknown as ESLint.Plugin["languages"],
  rules: rules as unknown as NonNullable<ESLint.Plugin["rules"]>,
  configs: {} as Record<"recommended" | "strict", Linter.Config[]>,
};

Object.assign(plugin.configs, buildConfigs(plugin as ESLint.Plugin, rules));

export default plugin;
export { plugin };
