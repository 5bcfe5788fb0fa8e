import { createRequire } from "node:module";

/**
 * The YAML, TOML and npm-version libraries, loaded on first use: a run over Python files alone never needs
 * them, and loading them took about 20 ms of a one-file run. scripts/bundle.mjs leaves them out of the bundle,
 * so they are required from node_modules (the two parsers are ES modules, which `require` loads since Node 20.19).
 */
const require = createRequire(import.meta.url);

let yaml: typeof import("yaml-eslint-parser") | undefined;
let toml: typeof import("toml-eslint-parser") | undefined;
let semverLib: typeof import("semver") | undefined;
let npaLib: typeof import("npm-package-arg") | undefined;

export const yamlParser = () => (yaml ??= require("yaml-eslint-parser") as typeof import("yaml-eslint-parser"));
export const tomlParser = () => (toml ??= require("toml-eslint-parser") as typeof import("toml-eslint-parser"));
export const semver = () => (semverLib ??= require("semver") as typeof import("semver"));
export const npa = () => (npaLib ??= require("npm-package-arg") as typeof import("npm-package-arg"));

/** The packages above, by name, for the bundler: one list. */
export const LAZY_PACKAGES = ["yaml-eslint-parser", "toml-eslint-parser", "semver", "npm-package-arg"];
