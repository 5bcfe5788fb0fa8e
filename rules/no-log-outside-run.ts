import { apiNames, runApis, TRACKER_PACKAGES, type RunApi } from "../catalogue/tracking.js";
import type { RuleFixer } from "@typescript-eslint/utils/ts-eslint";
import type { CallExpr, CallSite, Range, WithBlock } from "../semantic/ir.js";
import { argument, contains, hasSpread, type SemanticModel } from "../semantic/model.js";
import { createRule } from "./util/create-rule.js";
import { replace, type Edit } from "./util/edits.js";
import { indentAt, moveBefore, onlyBlankBetween, statementOf, withLeadingComments } from "./util/layout.js";
import { onProgram } from "./util/program.js";
import { loops } from "../semantic/queries.js";

type MessageIds = "afterRunClosed" | "afterRunEnded" | "beforeRun" | "moveIntoBlock" | "moveBeforeEnd";

const before = (a: Range, b: Range) => a[1] <= b[0];

/** `nested=True` (or a flag the rule cannot read): the run stacked on another, which becomes active again when it ends. */
function mayNest(call: CallExpr, api: RunApi): boolean {
  if (!api.nestedKeyword) return false;
  const arg = argument(call, { keyword: api.nestedKeyword });
  if (!arg) return hasSpread(call);
  return !(arg.value.kind === "literal" && arg.value.value === false);
}

/** The `with` body a start call opens, or null for a bare start. */
const withBody = (model: SemanticModel, site: CallSite): Range | null => model.withOf(site.call)?.body ?? null;

/**
 * The edit that moves the logging statement at `call` into the `with` block
 * ending just before it: the statement must directly follow the block (blank
 * lines only between; comments right above it move with it), at the `with`'s own indentation. It goes after the
 * block's last line, indented like the block's first statement.
 */
function intoWith(model: SemanticModel, w: WithBlock, call: Range): Edit | null {
  const own = statementOf(model, call);
  const stmt = own && withLeadingComments(model, own);
  const text = model.text;
  if (!stmt || stmt.head || indentAt(text, w.range[0]) !== stmt.indent || !onlyBlankBetween(text, w.range[1], stmt.start)) return null;
  const bodyIndent = indentAt(text, w.body[0]);
  if (!bodyIndent.startsWith(stmt.indent) || bodyIndent === stmt.indent) return null;
  const extra = bodyIndent.slice(stmt.indent.length);
  const moved = text
    .slice(stmt.start, stmt.end)
    .split("\n")
    .map((l) => (l.trim() ? extra + l : l))
    .join("\n");
  // The line break that ended the block's last line now ends the moved statement's.
  const gap = text.slice(w.range[1], stmt.start);
  const brk = gap.startsWith("\r\n") ? "\r\n" : "\n";
  return replace([w.range[1], stmt.end], brk + moved + gap.slice(brk.length));
}

/** The edit that moves the logging statement at `call` before the end call statement it directly follows, at the same indentation. */
function beforeEnd(model: SemanticModel, end: Range, call: Range): Edit | null {
  const own = statementOf(model, call);
  const stmt = own && withLeadingComments(model, own);
  const closer = statementOf(model, end);
  if (!stmt || !closer || closer.indent !== stmt.indent || !/^(?:await\s+)?$/u.test(closer.head) || !onlyBlankBetween(model.text, closer.end, stmt.start))
    return null;
  if (!/^(?:await\s+)?$/u.test(stmt.head)) return null;
  return moveBefore(model, stmt, closer);
}

export default createRule<[], MessageIds>({
  name: "no-log-outside-run",
  meta: {
    type: "problem",
    languages: ["exp-lint/python", "js/js"],
    docs: {
      description: "Disallow logging to the active run after it has ended or before any run has started",
      recommended: true,
    },
    messages: {
      afterRunClosed: "{{call}} runs after the `with` block of the run started on {{line}} has closed, so {{cost}}; move it into the block.",
      afterRunEnded: "{{call}} runs after {{end}} on {{line}} ended the run, so {{cost}}; log before ending the run.",
      beforeRun: "{{call}} runs before {{start}} on {{line}} starts the run, so {{cost}}; log inside the run.",
      moveIntoBlock: "Move {{call}} to the end of the `with` block.",
      moveBeforeEnd: "Move {{call}} before {{end}}.",
    },
    hasSuggestions: true,
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return onProgram(context, ({ model, loc, text, lineOf }) => {
      if (!model.imports(...TRACKER_PACKAGES)) return;
      for (const api of runApis) {
        const cost = api.noActiveRun;
        if (!api.activeLoggers?.length || !cost) continue;
        const starts = model.callsTo([api.start]).map((m) => m.site);
        if (!starts.length) continue;
        const bare = starts.filter((s) => !withBody(model, s));
        // Runs an integration starts on its own count as started, but are not ours to close.
        const anyStart = [...starts, ...model.callsTo(api.startedBy ?? []).map((m) => m.site)];
        const ends = model.callsTo(apiNames(api, api.ends)).map((m) => m.site);
        const loopBlocks = loops(model);

        for (const { site } of model.callsTo(apiNames(api, api.activeLoggers))) {
          const r = site.call.range;
          // Written to the run it names.
          if (api.runKeyword && argument(site.call, { keyword: api.runKeyword })) continue;
          // Inside a run's `with` body (also in a function defined there): the run may be active.
          if (anyStart.some((s) => contains(withBody(model, s) ?? [0, 0], r))) continue;
          // A run started without `with` elsewhere and not ended there (a helper, a caller) may be the active one here.
          if (bare.some((s) => s.scope !== site.scope && !ends.some((e) => e.scope === s.scope && before(s.call.range, e.call.range)))) continue;
          // A run started later in a loop around the call is active on the next iteration.
          if (bare.some((s) => loopBlocks.some((l) => contains(l.body, r) && contains(l.body, s.call.range)))) continue;
          const mine = (s: CallSite) => s.scope === site.scope;
          const startedSince = (from: Range) => anyStart.some((s) => mine(s) && from[1] <= s.call.range[0] && before(s.call.range, r));
          const inFunction = model.scopeById(site.scope).kind !== "module";

          // The last event before the call, on every path to it, that left no run active.
          const call = text(site.call.callee.range) + "()";
          const closers: { at: Range; messageId: MessageIds; data: Record<string, string>; edit: () => Edit | null }[] = [];
          for (const s of starts) {
            const w = model.withOf(s.call);
            if (!w || !mine(s) || !before(w.range, r) || mayNest(s.call, api) || !model.dominates(w.range, r, { loopsRun: true })) continue;
            closers.push({ at: w.range, messageId: "afterRunClosed", data: { call, line: lineOf(s.call.range), cost }, edit: () => intoWith(model, w, r) });
          }
          for (const e of ends) {
            // A `with` closes its run even on an exception; an end call in a `try` body is skipped by one.
            if (!mine(e) || !before(e.call.range, r) || !model.dominates(e.call.range, r, { loopsRun: true, mayRaise: true })) continue;
            // In a function, ending a nested run makes the caller's run active again, unless this function's own start proves there was none.
            if (inFunction && api.nestedKeyword && !bare.some((s) => mine(s) && before(s.call.range, e.call.range) && !mayNest(s.call, api))) continue;
            // Anywhere, ending a run opened with nested=True leaves its parent active.
            if (bare.some((s) => mine(s) && before(s.call.range, e.call.range) && mayNest(s.call, api))) continue;
            const end = text(e.call.callee.range) + "()";
            closers.push({
              at: e.call.range,
              messageId: "afterRunEnded",
              data: { call, end, line: lineOf(e.call.range), cost },
              edit: () => beforeEnd(model, e.call.range, r),
            });
          }
          const last = closers.sort((a, b) => a.at[1] - b.at[1]).at(-1);
          if (last) {
            if (!startedSince(last.at)) {
              const edit = last.edit();
              const messageId: MessageIds = last.messageId === "afterRunClosed" ? "moveIntoBlock" : "moveBeforeEnd";
              const suggest = edit ? [{ messageId, data: last.data, fix: (fixer: RuleFixer) => fixer.replaceTextRange(edit.range, edit.text) }] : [];
              context.report({ loc: loc(r), messageId: last.messageId, data: last.data, suggest });
            }
            continue;
          }

          // Before the first start: only at module level, where no caller can have started a run.
          if (inFunction || startedSince([0, 0])) continue;
          const next = starts.find((s) => mine(s) && before(r, s.call.range));
          if (!next) continue;
          const line = lineOf(next.call.range);
          context.report({ loc: loc(r), messageId: "beforeRun", data: { call, start: text(next.call.callee.range) + "()", line, cost } });
        }
      }
    });
  },
});
