import type { ESLint, Linter } from "eslint";
import { notebookProcessor } from "../parsers/notebook/processor.js";
import { pythonLanguage } from "../parsers/python/language.js";
import { requirementsLanguage } from "../parsers/manifests/language.js";
import { rules } from "../rules/index.js";
import { buildConfigs } from "./configs.js";
import { PACKAGE_VERSION as version } from "./package-info.js";

// typescript-eslint's rule types and ESLint's language types describe the same objects differently.
const plugin = {
  meta: { name: "exp-lint", version, namespace: "exp-lint" },
  languages: { python: pythonLanguage, requirements: requirementsLanguage } as unknown as ESLint.Plugin["languages"],
  processors: { notebook: notebookProcessor },
  rules: rules as unknown as NonNullable<ESLint.Plugin["rules"]>,
  configs: {} as Record<"recommended" | "strict", Linter.Config[]>,
};

Object.assign(plugin.configs, buildConfigs(plugin as ESLint.Plugin, rules));

export default plugin;
export { plugin };
