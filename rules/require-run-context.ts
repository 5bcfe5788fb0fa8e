import { runApis, TRACKER_PACKAGES, type RunApi } from "../catalogue/tracking.js";
import type { CallExpr, CallSite, Range, TryBlock } from "../semantic/ir.js";
import { argument, contains, type SemanticModel } from "../semantic/model.js";
import { createRule } from "./util/create-rule.js";
import { onProgram } from "./util/program.js";

type MessageIds = "neverEnded" | "endNotGuaranteed" | "runInLoop" | "nestedWithoutFlag";

/** Qualified names that end runs of `api`: `@result.finish` is a method of what the start call returned. */
const endNames = (api: RunApi) => api.ends.map((e) => (e.startsWith("@result.") ? `${api.start}()${e.slice("@result".length)}` : e));

const before = (a: Range, b: Range) => a[1] <= b[0];

/** What to do instead, for messages. */
const fixFor = (api: RunApi) => (api.contextManager ? `open it with \`with ${api.label} as run:\`` : `call ${api.endLabel} in a finally block`);

/** The call's result is handed on (returned, yielded, passed to another call): whoever receives it ends it. */
function handedOn(model: SemanticModel, site: CallSite): boolean {
  const lineStart = model.text.lastIndexOf("\n", site.call.range[0] - 1) + 1;
  if (/\b(?:return|yield)\b[^#]*$/u.test(model.text.slice(lineStart, site.call.range[0]))) return true;
  // Inside another call: an argument of it (callees of the form `f(...)(...)` do not start runs).
  const r = site.call.range;
  return model.facts.calls.some((other) => other.call !== site.call && other.call.range[0] <= r[0] && r[1] < other.call.range[1]);
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

function isNestedFlag(call: CallExpr, api: RunApi): boolean | null {
  if (!api.nestedKeyword) return true;
  const arg = argument(call, { keyword: api.nestedKeyword });
  if (!arg) return false;
  return arg.value.kind === "literal" ? arg.value.value === true : null;
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
      neverEnded:
        "{{start}} starts a run that is never ended: the run stays open, later logging in this process goes to it, and a re-run in a notebook logs into the old run; {{fix}}.",
      endNotGuaranteed:
        "{{end}} is not in a finally block, so an exception before it leaves the run from {{start}} open and later logging goes to it; {{fix}}.",
      runInLoop:
        "{{start}} starts a run on every loop iteration and never ends it, so the runs bleed into each other; {{fix}} inside the loop.",
      nestedWithoutFlag:
        "{{start}} starts a run inside the run opened on line {{line}} without {{flag}}=True, which fails at run time; pass {{flag}}=True.",
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return onProgram(context, ({ model, loc, text }) => {
      if (!model.imports(...TRACKER_PACKAGES)) return;
      const tries = model.tries();
      for (const api of runApis) {
        const starts = model.callsTo([api.start]).map((m) => m.site);
        if (!starts.length) continue;
        const ends = model.callsTo(endNames(api)).map((m) => m.site);
        const withBodies = starts.flatMap((s) => {
          const w = model.withOf(s.call);
          return w ? [{ body: w.body, site: s }] : [];
        });

        for (const site of starts) {
          const start = text(site.call.callee.range) + "()";
          const data = { start, fix: fixFor(api), end: api.endLabel };
          const outer = withBodies.find((w) => w.site !== site && contains(w.body, site.call.range));
          if (outer && isNestedFlag(site.call, api) === false) {
            const line = String(loc(outer.site.call.range).start.line);
            context.report({ loc: loc(site.call.range), messageId: "nestedWithoutFlag", data: { start, line, flag: api.nestedKeyword ?? "" } });
            continue;
          }
          if (model.withOf(site.call) || handedOn(model, site)) continue;

          // In a loop, only an end inside the same iteration ends each run.
          const loop = model.enclosing(site.call.range).findLast((b) => b.kind === "loop" && contains(b.body, site.call.range));
          const mine = ends.filter(
            (e) => e.scope === site.scope && before(site.call.range, e.call.range) && (!loop || contains(loop.body, e.call.range)),
          );
          if (mine.length) {
            if (!endGuaranteed(site, mine, tries)) {
              context.report({ loc: loc(site.call.range), messageId: "endNotGuaranteed", data });
            }
            continue;
          }
          context.report({ loc: loc(site.call.range), messageId: loop ? "runInLoop" : "neverEnded", data });
        }
      }
    });
  },
});
