/**
 * The server's one door into the engine: everything it takes from the CLI and
 * the plugin comes through this file, so the CLI can move its files around
 * and only these imports follow.
 */
import { dirname, parse as parsePath } from "node:path";
import { ESLint, type Linter } from "eslint";
import { settingsForFile as cliSettingsForFile, ConfigError, type ProjectSettings } from "../cli/config/index.js";
import { engineOptions } from "../cli/engine/eslint-config.js";
import type { EngineSettings } from "../cli/engine/eslint-options.js";
import { kindOf, MAX_FILE_BYTES, type Kind } from "../cli/discovery/files.js";
import { crashResult } from "../cli/engine/lint-files.js";
import { collectPins } from "../cli/fixing/pins.js";
import { ruleDoc } from "../cli/commands/rule.js";
import { rules } from "../rules/index.js";
import type { PinSettings } from "../rules/pin-requirements.js";

export { ConfigError, kindOf, ruleDoc, type Kind };
export type { NotebookMessage } from "../parsers/notebook/processor.js";

/** The configuration that applies to one file, found as the CLI finds it (the nearest one, up to the repository root). Throws ConfigError. */
export function settingsForFile(file: string): ProjectSettings {
  return cliSettingsForFile(file, dirname(file));
}

/** The documentation page of a rule (`exp-lint/<id>` or `<id>`), if it has one. */
export function docsUrl(ruleId: string): string | undefined {
  const id = ruleId.replace(/^exp-lint\//u, "");
  return (rules as Record<string, { meta?: { docs?: { url?: string } } }>)[id]?.meta?.docs?.url;
}

/** Exact versions for pin fixes from the lock files and virtual environments beside a file and at the workspace root, as `--fix` finds them. */
export function pinsFor(file: string, root: string): PinSettings {
  return collectPins({ cwd: root, dirs: [dirname(file)], virtualEnv: process.env.VIRTUAL_ENV }).settings;
}

export const MAX_TEXT = MAX_FILE_BYTES;

export interface EngineKey {
  settings: ProjectSettings;
  pins?: PinSettings;
  /** A requirements file the globs do not name (opened as pip-requirements). */
  extraRequirement?: string;
}

/** ESLint options for one file, as the CLI builds them; rooted at the file system root so one instance serves every file under a configuration. */
export async function eslintFor(file: string, key: EngineKey): Promise<ESLint> {
  const settings: EngineSettings = {
    cwd: parsePath(file).root,
    extraRequirements: key.extraRequirement ? [key.extraRequirement] : [],
    concurrency: "off",
    config: key.settings.strict ? "strict" : "recommended",
    cache: false,
    ...(key.settings.rules ? { projects: [key.settings.rules] } : {}),
    ...(key.pins ? { pins: key.pins } : {}),
  };
  return new ESLint(await engineOptions(settings));
}

/** One message standing for a lint that threw, as the CLI words it. */
export function crashMessage(file: string, error: unknown): Linter.LintMessage {
  return crashResult(file, error).messages[0]!;
}
export { readNotebook } from "../parsers/notebook/notebook.js";
export { lastAtOrBefore } from "../parsers/shared/lines.js";
export { PACKAGE_VERSION } from "../plugin/package-info.js";
