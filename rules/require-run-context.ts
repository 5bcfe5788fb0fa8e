import type { RuleFixer } from "@typescript-eslint/utils/ts-eslint";
import { runApis, TRACKER_PACKAGES, type RunApi } from "../catalogue/tracking.js";
import type { CallExpr, CallSite, LoopBlock, Range, TryBlock } from "../semantic/ir.js";
import { argument, contains, hasSpread, type SemanticModel } from "../semantic/model.js";
import { handedOn, runLeaves } from "../semantic/runs.js";
import { createRule } from "./util/create-rule.js";
import { addArgument, replace, type Edit } from "./util/edits.js";
import { eol, indented, indentUnit, siblingsBetween, statementOf } from "./util/layout.js";
import { onProgram } from "./util/program.js";
import { bindings, callbacksTo } from "../semantic/queries.js";

type MessageIds = "neverEnded" | "endNotGuaranteed" | "runInLoop" | "nestedWithoutFlag" | "addNestedFlag" | "useWith" | "wrapTryFinally";

/** Qualified names that end runs of `api`: `@result.finish` is a method of what the start call returned. */
const endNames = (api: RunApi) => api.ends.map((e) => (e.startsWith("@result.") ? `${api.start}()${e.slice("@result".length)}` : e));

const before = (a: Range, b: Range) => a[1] <= b[0];
const same = (a: Range, b: Range) => a[0] === b[0] && a[1] === b[1];

/** What to do instead, for messages: there is no context manager for client-created runs. */
const fixFor = (api: RunApi) => (api.contextManager ? `open it with \`with ${api.label} as run:\`` : `call ${api.endLabel} in a finally block`);

/** What an open run costs: an active run captures later logging; a client run only stays RUNNING. */
const openCost = (api: RunApi) => (api.becomesActive ? "later logging in this process goes to it" : "the tracking server shows it as RUNNING forever");

/** The start call's run is handed on, directly or through the name it is bound to (`run = start(); return run`), to code that may end it. */
function managedElsewhere(model: SemanticModel, site: CallSite): boolean {
  const r = site.call.range;
  if (handedOn(model, r, (e) => same(e.range, r))) return true;
  const bound = model.holder(site.call);
  return bound !== null && bound.kind === "assign" && runLeaves(model, bound);
}

/** Function scopes handed to a runner of `api` that ends their run (`wandb.agent(id, function=train)`, also through `functools.partial`). */
function runByRunner(model: SemanticModel, api: RunApi): Set<number> {
  const out = new Set<number>();
  for (const runner of api.runners ?? []) {
    for (const { site } of model.callsTo([runner.qname])) {
      let fn = argument(site.call, runner.function)?.value;
      if (fn?.kind === "call" && model.resolve(fn.callee, site.scope) === "functools.partial") fn = argument(fn, { index: 0 })?.value;
      const scope = fn ? model.functionNamed(fn, site.scope) : null;
      if (scope !== null) out.add(scope);
    }
  }
  return out;
}

/** An end call that runs on every path after `start`: in a finally, or on the normal path and in handlers that catch everything. */
function endGuaranteed(start: CallSite, ends: CallSite[], tries: TryBlock[]): boolean {
  const relevant = tries.filter((t) => contains(t.body, start.call.range) || before(start.call.range, t.range));
  const within = (r: Range | null) => r !== null && ends.some((e) => contains(r, e.call.range));
  return relevant.some((t) => {
    if (within(t.finalbody)) return true;
    if (!t.handlers.length || !t.handlers.every((h) => within(h.range)) || !t.handlers.some((h) => h.catchesAll)) return false;
    return within(t.body) || within(t.orelse) || ends.some((e) => before(t.range, e.call.range));
  });
}

/** `true` when the call may start a run inside an active one; `null` when the flag is not a literal. */
function isNestedFlag(call: CallExpr, api: RunApi): boolean | null {
  if (!api.nestedKeyword) return true;
  const arg = argument(call, { keyword: api.nestedKeyword });
  if (!arg) return hasSpread(call) ? null : false;
  return arg.value.kind === "literal" ? arg.value.value === true : null;
}

/**
 * The innermost loop of the start's own function whose body holds it, unless
 * the start itself ends the previous run (`wandb.init(reinit=True)`): then
 * only the last run needs an end, after the loop.
 */
function loopOf(model: SemanticModel, site: CallSite, api: RunApi): LoopBlock | undefined {
  if (api.endsPrevious) {
    const arg = argument(site.call, { keyword: api.endsPrevious.keyword });
    if (arg?.value.kind === "literal" && api.endsPrevious.values.includes(arg.value.value as string | boolean)) return undefined;
  }
  const scope = model.scopeById(site.scope).range;
  return model.enclosing(site.call.range).findLast((b): b is LoopBlock => b.kind === "loop" && contains(b.body, site.call.range) && contains(scope, b.range));
}

/** What runs left open in a loop cost: MLflow refuses a second active run unless nested, and nested ones chain. */
function loopCost(api: RunApi, call: CallExpr): string {
  if (!api.becomesActive) return "the tracking server shows every one of them as RUNNING forever";
  if (isNestedFlag(call, api) === false) return "the second iteration fails because the first run is still active";
  return "the runs bleed into each other";
}

/** Names declared between two offsets and read after `after`: wrapping their declarations in a JavaScript block would hide them. */
function usedAfter(model: SemanticModel, scope: number, from: number, to: number, after: number): boolean {
  return bindings(model).some((b) => b.scope === scope && b.range[0] >= from && b.range[1] <= to && model.references(b).some((r) => r.range[0] >= after));
}

/**
 * The edit that guarantees the end: `with start() as run:` when the start and
 * its one end are statements of the same block with only sibling statements
 * between (and the end takes no arguments a `with` could not pass), else the
 * statements between wrapped in `try`/`finally`. `null` when the layout does not allow either.
 */
function guaranteeEnd(model: SemanticModel, api: RunApi, start: CallSite, end: CallSite): { messageId: "useWith" | "wrapTryFinally"; edit: Edit } | null {
  if (start.scope !== end.scope) return null;
  const outer = model.enclosing(start.call.range);
  const endOuter = model.enclosing(end.call.range);
  if (outer.length !== endOuter.length || outer.some((b, i) => b !== endOuter[i])) return null;
  const s = statementOf(model, start.call.range);
  const e = statementOf(model, end.call.range);
  if (!s || !e || e.indent !== s.indent || !/^(?:await\s+)?$/u.test(e.head) || s.next > e.start) return null;
  const text = model.text;
  if (!text.slice(s.next, e.start).trim() || !siblingsBetween(model, s.next, e.start, s.indent)) return null;
  const unit = indentUnit(model);
  const nl = eol(model);
  const between = indented(text, s.next, e.start, unit);
  const endLines = indented(text, e.start, e.end, unit);
  if (model.language === "javascript") {
    if (usedAfter(model, start.scope, s.next, e.start, e.end)) return null;
    const body = `${s.indent}try {${nl}${between}${s.indent}} finally {${nl}${endLines}${nl}${s.indent}}`;
    return { messageId: "wrapTryFinally", edit: replace([s.next, e.end], body) };
  }
  const bound = /^([A-Za-z_]\w*)\s*=\s*$/u.exec(s.head);
  if (api.contextManager && !end.call.args.length && (bound || !s.head)) {
    const header = `${s.indent}with ${model.sourceText(start.call.range)}${bound ? ` as ${bound[1]}` : ""}:${text.slice(start.call.range[1], s.next)}`;
    return { messageId: "useWith", edit: replace([s.start, e.next], header + between) };
  }
  return { messageId: "wrapTryFinally", edit: replace([s.next, e.end], `${s.indent}try:${nl}${between}${s.indent}finally:${nl}${endLines}`) };
}

export default createRule<[], MessageIds>({
  name: "require-run-context",
  meta: {
    type: "problem",
    languages: ["exp-lint/python", "js/js"],
    docs: {
      description: "Require tracking runs to be opened as context managers or ended in a finally block",
      recommended: true,
    },
    messages: {
      neverEnded: "{{start}} starts a run that is never ended, so {{cost}}; {{fix}}.",
      endNotGuaranteed: "{{end}} is not in a finally block: an exception before it leaves the run from {{start}} open, so {{cost}}; {{fix}}.",
      runInLoop: "{{start}} starts a run on every loop iteration and never ends it, so {{cost}}; {{fix}} inside the loop.",
      nestedWithoutFlag: "{{start}} starts a run inside the run opened on {{line}} without {{flag}}=True, which fails at run time; pass {{flag}}=True.",
      addNestedFlag: "Pass {{flag}}=True to {{start}}.",
      useWith: "Open the run with `with {{start}}:` around the statements up to {{end}}.",
      wrapTryFinally: "Call {{end}} in a finally block around the statements since {{start}}.",
    },
    hasSuggestions: true,
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return onProgram(context, ({ model, loc, text, lineOf }) => {
      if (!model.imports(...TRACKER_PACKAGES)) return;
      const tries = model.tries();
      for (const api of runApis) {
        const starts = model.callsTo([api.start]).map((m) => m.site);
        if (!starts.length) continue;
        const endQnames = endNames(api);
        const ends = model.callsTo(endQnames).map((m) => m.site);
        const byRunner = runByRunner(model, api);
        const elsewhere = new Map(starts.map((s) => [s, byRunner.has(s.scope) || managedElsewhere(model, s)]));
        // An end in a function that starts no run of its own is a helper that may end any of them.
        const startScopes = new Set(starts.map((s) => s.scope));
        const helperEnds = ends.some((e) => !startScopes.has(e.scope));
        // `atexit.register(mlflow.end_run)`: ended at exit, by a callback.
        const callbackEnd = () => callbacksTo(model, endQnames).length > 0;
        const endedBetween = (a: CallSite, b: CallSite) =>
          ends.some((e) => e.scope === a.scope && before(a.call.range, e.call.range) && before(e.call.range, b.call.range));

        /** The run active around `site` in the same function: a `with` whose body holds it, or an earlier start not yet ended. */
        const activeRunAt = (site: CallSite): CallSite | undefined => {
          const inScope = (o: CallSite) => o !== site && o.scope === site.scope && before(o.call.range, site.call.range) && !endedBetween(o, site);
          const opened = starts.findLast((o) => inScope(o) && contains(model.withOf(o.call)?.body ?? [0, 0], site.call.range));
          if (opened) return opened;
          if (helperEnds) return undefined;
          const enclosingSite = model.enclosing(site.call.range);
          return starts.findLast(
            (o) =>
              inScope(o) &&
              !elsewhere.get(o) &&
              model.enclosing(o.call.range).every((b) => enclosingSite.includes(b)) &&
              before(o.call.range, site.call.range) &&
              model.dominates(o.call.range, site.call.range),
          );
        };

        for (const site of starts) {
          const start = text(site.call.callee.range) + "()";
          if (isNestedFlag(site.call, api) === false) {
            const outer = activeRunAt(site);
            if (outer) {
              const line = lineOf(outer.call.range);
              const flag = api.nestedKeyword ?? "";
              // `nested=False` is flipped in place: a second `nested=` would not parse.
              const given = api.nestedKeyword ? argument(site.call, { keyword: api.nestedKeyword }) : null;
              const edit = given
                ? replace(given.value.range, "True")
                : api.nestedKeyword
                  ? addArgument(site.call, { keyword: api.nestedKeyword }, "True", model.optionObjects)
                  : null;
              const suggest = edit
                ? [{ messageId: "addNestedFlag" as const, data: { flag, start }, fix: (fixer: RuleFixer) => fixer.replaceTextRange(edit.range, edit.text) }]
                : [];
              context.report({ loc: loc(site.call.range), messageId: "nestedWithoutFlag", data: { start, line, flag }, suggest });
              continue;
            }
          }
          if (elsewhere.get(site)) continue;

          // In a loop, only an end inside the loop body ends each iteration's run (before the start, it ends the previous one).
          const loop = loopOf(model, site, api);
          const mine = ends.filter((e) => e.scope === site.scope && (loop ? contains(loop.body, e.call.range) : before(site.call.range, e.call.range)));
          if (mine.length) {
            if (!endGuaranteed(site, mine, tries)) {
              const end = text(mine[mine.length - 1]!.call.callee.range) + "()";
              const fix = mine.length === 1 ? guaranteeEnd(model, api, site, mine[0]!) : null;
              const suggest = fix
                ? [{ messageId: fix.messageId, data: { start, end }, fix: (fixer: RuleFixer) => fixer.replaceTextRange(fix.edit.range, fix.edit.text) }]
                : [];
              context.report({
                loc: loc(site.call.range),
                messageId: "endNotGuaranteed",
                data: { start, end, cost: openCost(api), fix: fixFor(api) },
                suggest,
              });
            }
            continue;
          }
          if (helperEnds || (!loop && callbackEnd())) continue;
          if (!loop) {
            context.report({ loc: loc(site.call.range), messageId: "neverEnded", data: { start, cost: openCost(api), fix: fixFor(api) } });
            continue;
          }
          context.report({ loc: loc(site.call.range), messageId: "runInLoop", data: { start, cost: loopCost(api, site.call), fix: fixFor(api) } });
        }
      }
    });
  },
});
