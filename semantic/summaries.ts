import type { Binding, CallSite, Return, Scope } from "./ir.js";
import type { SemanticModel } from "./model.js";

/**
 * Function summaries: what a function does to its arguments and for its
 * caller, computed once per function and read at every call site, in this
 * file or (through the project index) in the files that import it.
 *
 * A summary KIND is data plus one pure function: `compute` reads one
 * function's body through a `FunctionView` and may ask for the same or
 * another kind of the functions it calls (`view.callee`). Values must be
 * plain JSON (the CLI hands the project's summaries to its lint workers).
 * New kinds are added to SUMMARY_KINDS in summary-kinds.ts, their one home.
 */
export interface SummaryKind<T> {
  /** Stable key in project records: `seeds`, `runEnds`, `split`... */
  readonly id: string;
  /** The kind's value for one function, or `null` (nothing to say). */
  compute(fn: FunctionView): T | null;
}

/** One function of a file, as a summary kind sees it. */
export interface FunctionView {
  readonly model: SemanticModel;
  readonly scope: Scope;
  /** Parameters a caller fills, in order (a method's `self`/`cls` left out). */
  readonly params: Binding[];
  /** Calls made by the function's own body (not by functions nested in it). */
  readonly calls: CallSite[];
  /** `return`/`yield` values of the function's own body. */
  readonly returns: Return[];
  /** The summary of `kind` for the function `site` calls, when the model can find it (this file or the project), else `null`. */
  callee<T>(kind: SummaryKind<T>, site: CallSite): T | null;
}

/** What a call site reaches: a function of this file, or a summarised function of another module of the project. */
export type CalleeFunction = { local: Scope; params: string[] } | { external: FunctionRecord };

/** A function of another module of the project: its parameter names and every kind's value (JSON). */
export interface FunctionRecord {
  params: string[];
  kinds: Record<string, unknown>;
}

/** What the project index keeps of one module. */
export interface ModuleRecord {
  functions: Record<string, FunctionRecord>;
  /** Names the module takes from others with `from x import *`, so a star import of it reaches them: the modules' qualified names as written. */
  stars: string[];
  /** Tables the module writes after fitting on all their rows (semantic/table-files.ts), for the scripts that read them. */
  writes?: { path: string; line: number; what: string }[];
}

// A summary may ask for the summary of a callee, which may ask for its callee's: this deep, then "unknown".
// The bound keeps the nesting (and the stack) constant whatever the input.
export const MAX_SUMMARY_DEPTH = 4;

/**
 * The summaries of one file's functions, computed on first request and
 * memoised per (kind, function). A cycle (`f` calls `g` calls `f`) or a chain
 * deeper than MAX_SUMMARY_DEPTH yields `null` for the part not yet known.
 */
export class FileSummaries {
  readonly #model: SemanticModel;
  readonly #memo = new Map<string, Map<number, unknown>>();
  readonly #inProgress = new Set<string>();
  #depth = 0;
  #views = new Map<number, FunctionView>();

  constructor(model: SemanticModel) {
    this.#model = model;
  }

  /** The value of `kind` for the function scope `scope` of this file. */
  of<T>(kind: SummaryKind<T>, scope: number): T | null {
    let byScope = this.#memo.get(kind.id);
    if (!byScope) this.#memo.set(kind.id, (byScope = new Map()));
    if (byScope.has(scope)) return byScope.get(scope) as T | null;
    const key = `${kind.id}:${scope}`;
    if (this.#inProgress.has(key) || this.#depth >= MAX_SUMMARY_DEPTH) return null;
    this.#inProgress.add(key);
    this.#depth++;
    let value: T | null;
    try {
      value = kind.compute(this.view(scope));
    } finally {
      this.#depth--;
      this.#inProgress.delete(key);
    }
    byScope.set(scope, value);
    return value;
  }

  /** The value of `kind` for whatever function `site` calls, in this file or the project. */
  atCall<T>(kind: SummaryKind<T>, site: CallSite): T | null {
    const fn = this.#model.calledFunction(site);
    if (!fn) return null;
    if ("local" in fn) return this.of(kind, fn.local.id);
    return (fn.external.kinds[kind.id] as T | undefined) ?? null;
  }

  view(scope: number): FunctionView {
    let v = this.#views.get(scope);
    if (!v) {
      const model = this.#model;
      const s = model.scopeById(scope);
      const params = model.parametersOf(scope);
      const calls = model.callsIn(scope);
      const returns = model.returnsIn(scope);
      v = { model, scope: s, params, calls, returns, callee: (kind, site) => this.atCall(kind, site) };
      this.#views.set(scope, v);
    }
    return v;
  }

  /** Every kind's value for every named function at the top of the module (and methods of its top-level classes), for the project index. */
  record(kinds: readonly SummaryKind<unknown>[]): ModuleRecord["functions"] {
    const out: ModuleRecord["functions"] = {};
    const model = this.#model;
    for (const s of model.functionScopes()) {
      const parent = s.parent === null ? null : model.scopeById(s.parent);
      if (!s.name || !(s.parent === 0 || (parent?.kind === "class" && parent.parent === 0))) continue;
      const key = parent?.kind === "class" ? `${parent.name}.${s.name}` : s.name;
      const values: Record<string, unknown> = {};
      for (const k of kinds) {
        const v = this.of(k, s.id);
        if (v !== null) values[k.id] = v;
      }
      out[key] = { params: model.parametersOf(s.id).map((p) => p.name), kinds: values };
    }
    return out;
  }
}
