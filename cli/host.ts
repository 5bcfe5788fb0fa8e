// What the CLI is handed by whoever runs it (the real process, a test, the language server) and what it hands back.

export const EXIT = { ok: 0, findings: 1, error: 2 } as const;

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  isTTY: boolean;
  /** Whether stderr is a terminal (progress is shown only there). */
  stderrIsTTY?: boolean;
  cwd: string;
  /** The environment (NO_COLOR, FORCE_COLOR, EXP_LINT_DEBUG); process.env when absent. */
  env?: NodeJS.ProcessEnv;
  /** Standard input, read before the CLI starts, for --stdin-filename. */
  stdin?: string;
  /** The terminal's width in columns, when stdout is one. */
  columns?: number;
  /** Ends --watch. */
  signal?: AbortSignal;
}
