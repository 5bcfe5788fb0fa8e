import { dirname } from "node:path";
import type { ESLint } from "eslint";
import { ConfigError, crashMessage, eslintFor, kindOf, MAX_TEXT, pinsFor, settingsForFile, type EngineKey, type NotebookMessage } from "./engine.js";

/** What the server lints a document as, from its path, or from the editor's language id when the name says nothing. */
export function lintPath(file: string, languageId: string | undefined): { path: string; extraRequirement?: string } | null {
  // Python text under another name: a script without `.py`, or jupyterlab-lsp's notebook, sent as one Python document named `*.ipynb`.
  if (languageId === "python" && kindOf(file) !== "python") return { path: `${file}.py` };
  if (kindOf(file)) return { path: file };
  if (languageId === "pip-requirements") return { path: file, extraRequirement: file };
  return null;
}

// Engines differ only by configuration, so a long session with many projects keeps a few.
const MAX_ENGINES = 8;

/**
 * Lints one document's text as the CLI lints the file, with the configuration
 * that applies to its path. Never throws: a configuration, parser or rule
 * failure becomes one message at the top of the document.
 */
export class DocumentLinter {
  private readonly engines = new Map<string, Promise<ESLint>>();
  private readonly pins = new Map<string, ReturnType<typeof pinsFor>>();

  /** `root()`: the workspace folder, where the CLI would run from. */
  constructor(private readonly root: () => string) {}

  /** Forget what was read from disk (configuration changes are read on every lint; versions for pins are not). */
  refresh(): void {
    this.pins.clear();
  }

  async lint(file: string, text: string, languageId?: string): Promise<NotebookMessage[]> {
    const target = lintPath(file, languageId);
    if (!target) return [];
    if (text.length > MAX_TEXT) return [{ ruleId: null, severity: 1, message: `over the ${MAX_TEXT / 1048576} MiB limit; not linted`, line: 1, column: 1 }];
    try {
      const settings = settingsForFile(file);
      if (settings.scope && !settings.scope.keep(file)) return [];
      const key: EngineKey = { settings, ...(target.extraRequirement ? { extraRequirement: target.extraRequirement } : {}) };
      // Pins only make the engine differ where there are versions to pin from.
      const pins = this.pinsFor(file);
      if (Object.keys(pins.pins ?? {}).length) key.pins = pins;
      const eslint = await this.engine(target.path, key);
      const [result] = await eslint.lintText(text, { filePath: target.path, warnIgnored: false });
      return result?.messages ?? [];
    } catch (error) {
      if (error instanceof ConfigError) return [{ ruleId: null, fatal: true, severity: 2, message: `exp-lint: ${error.message}`, line: 1, column: 1 }];
      return [crashMessage(file, error)];
    }
  }

  private pinsFor(file: string): ReturnType<typeof pinsFor> {
    const dir = dirname(file);
    let pins = this.pins.get(dir);
    if (!pins) {
      pins = pinsFor(file, this.root());
      this.pins.set(dir, pins);
      if (this.pins.size > MAX_ENGINES) this.pins.delete(this.pins.keys().next().value!);
    }
    return pins;
  }

  private engine(path: string, key: EngineKey): Promise<ESLint> {
    const id = JSON.stringify({ strict: key.settings.strict, rules: key.settings.rules, pins: key.pins, extra: key.extraRequirement });
    let engine = this.engines.get(id);
    if (engine) {
      // Most recently used last.
      this.engines.delete(id);
    } else {
      engine = eslintFor(path, key);
      // A failed build is not kept.
      engine.catch(() => this.engines.delete(id));
    }
    this.engines.set(id, engine);
    if (this.engines.size > MAX_ENGINES) this.engines.delete(this.engines.keys().next().value!);
    return engine;
  }
}
