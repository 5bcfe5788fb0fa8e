import { AUTOLOG_ALL, FLAVOR_AUTOLOG } from "../catalogue/hyperparameters.js";
import {
  AUTOLOG_METRIC_FLAVORS,
  AUTOLOG_OFF,
  DISPLAY_BUILTINS,
  DISPLAY_METHODS,
  displayCalls,
  METRIC_MODULES,
  METRIC_SUFFIXES,
  metricFunctions,
  NOT_METRICS,
  otherRecorders,
  recordingObjects,
  SCORE_METHODS,
} from "../catalogue/provenance.js";
import { metricBatchLoggers, metricLoggers, metricMappingLoggers, paramLoggers, paramMappingLoggers, runApis } from "../catalogue/tracking.js";
import type { Binding, CallSite, Expr, Range } from "../semantic/ir.js";
import { argument, contains, inPackage, pathWithin, type SemanticModel } from "../semantic/model.js";
import { attributeWrites, bindings, callSites, fitsByOwner, receiverBinding, returns, rootName } from "../semantic/queries.js";
import { trackedRunStarts } from "../semantic/runs.js";
import { createRule } from "./util/create-rule.js";
import { onProgram, snippet } from "./util/program.js";

type MessageIds = "unlogged";

/** A metric function of the catalogue: a scalar score under a metric module, or one named one by one. */
function isMetricFunction(q: string): boolean {
  if (metricFunctions.includes(q)) return true;
  const last = q.slice(q.lastIndexOf(".") + 1);
  return METRIC_MODULES.some((m) => q === `${m}.${last}`) && !NOT_METRICS.has(last) && METRIC_SUFFIXES.some((s) => last.endsWith(s));
}

/** The call shows a value or writes it to a report: `print`, a logger, `json.dump`, `f.write`, `df.to_csv`. */
function isDisplay(model: SemanticModel, site: CallSite): boolean {
  const c = site.call.callee;
  if (c.kind === "name" && DISPLAY_BUILTINS.has(c.name) && !model.binding(c.name, site.scope, c.range[0])) return true;
  const q = model.callee(site);
  if (q !== null && displayCalls.includes(q)) return true;
  return c.kind === "member" && DISPLAY_METHODS.has(c.property) && (q === null || !runApis.some((a) => inPackage(q, a.start.split(".")[0]!)));
}

/** An unpacking of the call's own result (`loss, acc = model.evaluate(...)`, `as` casts included), not of a tuple holding it. */
const unpacksResult = (b: Binding, site: CallSite) => b.value !== undefined && b.value.kind !== "collection" && b.value.range[0] === site.call.range[0];

export default createRule<[], MessageIds>({
  name: "no-unlogged-metric",
  meta: {
    type: "suggestion",
    languages: ["exp-lint/python", "js/js"],
    docs: {
      description: "Disallow metrics computed in a tracked run that are printed or written to a report but never logged to the run",
      recommended: false,
    },
    messages: {
      unlogged: "{{metric}} is computed in a tracked run and {{shown}}, but never logged, so the run does not record it; log it with {{how}}.",
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return onProgram(context, ({ model, loc, text }) => {
      const starts = trackedRunStarts(model);
      if (!starts.length) return;
      const how = [...new Set(starts.map((s) => s.api.records.metric))].join(" or ");

      // What the run records: every value handed to a logging call, with the places of those calls.
      const loggedValues: { value: Expr; scope: number }[] = [];
      const logCalls: CallSite[] = [];
      const add = (site: CallSite, e: Expr | undefined) => {
        logCalls.push(site);
        if (e) loggedValues.push({ value: e, scope: site.scope });
      };
      for (const l of [...metricLoggers, ...paramLoggers]) for (const { site } of model.callsTo([l.qname])) add(site, argument(site.call, l.value)?.value);
      for (const l of [...metricMappingLoggers, ...paramMappingLoggers])
        for (const { site } of model.callsTo([l.qname])) add(site, argument(site.call, l.mapping)?.value);
      for (const l of metricBatchLoggers) for (const { site } of model.callsTo([l.qname])) add(site, argument(site.call, l.list)?.value);
      for (const { site } of model.callsTo(otherRecorders)) for (const a of site.call.args) add(site, a.value);
      const recorders = new Set(recordingObjects);
      for (const t of attributeWrites(model)) {
        const q = model.resolve(t.target.object, t.scope);
        if (q !== null && recorders.has(q)) loggedValues.push({ value: t.value, scope: t.scope });
      }
      const loggedPaths = new Set(loggedValues.flatMap((l) => [...model.accessPaths(l.value, l.scope)]));
      // `metrics["auc"] = auc` into a mapping that is logged later.
      for (const t of attributeWrites(model)) {
        const root = [...model.accessPaths(t.target.object, t.scope)];
        if (root.some((r) => [...loggedPaths].some((p) => pathWithin(r, p) || pathWithin(p, r))))
          for (const p of model.accessPaths(t.value, t.scope)) loggedPaths.add(p);
      }
      // Logged: a path of a logged value, or read inside a logging call's arguments (`run.log({ acc: acc.item() })`).
      const logged = (b: Binding) =>
        [...loggedPaths].some((p) => pathWithin(p, `${b.name}@${b.range[0]}`)) ||
        model.references(b).some((ref) => logCalls.some((l) => contains(l.call.range, ref.range)));

      // Autologging that records the metrics a script computes itself after training.
      const autologged = callSites(model).some((site) => {
        const q = model.callee(site);
        if (q === null) return false;
        const flavor = AUTOLOG_ALL.includes(q) ? "*" : FLAVOR_AUTOLOG.exec(q)?.[1];
        if (!flavor || !(flavor === "*" || AUTOLOG_METRIC_FLAVORS.includes(flavor))) return false;
        const off = argument(site.call, { keyword: AUTOLOG_OFF.metrics })?.value;
        return !(off?.kind === "literal" && off.value === false);
      });

      // Inside a tracked run: the body of `with start():`, or a function that starts a run or logs to one.
      const runBodies: Range[] = starts.flatMap((s) => {
        const w = model.withOf(s.site.call);
        return w ? [w.body] : [];
      });
      const trackedScopes = new Set([...starts.map((s) => s.site.scope), ...logCalls.map((s) => s.scope)]);
      const activeLoggers = runApis.flatMap((a) => a.activeLoggers ?? []).filter((n) => !n.startsWith("@"));
      for (const { site } of model.callsTo(activeLoggers)) trackedScopes.add(site.scope);
      const displays = callSites(model).filter((s) => isDisplay(model, s));
      const fitted = fitsByOwner(model);

      // Follow a value a few assignments on (`results = {"auc": auc}`): how it is shown, or null when it is not, or is
      // handed to code that may log it.
      const shownNotLogged = (holder: Binding): string | null => {
        let shown: string | null = null;
        const work: Binding[] = [holder];
        const seen = new Set<Binding>(work);
        while (work.length) {
          const b = work.pop()!;
          if (b !== holder && logged(b)) return null;
          for (const ref of model.references(b)) {
            const d = displays.find((x) => contains(x.call.range, ref.range));
            if (d) shown ??= `shown by ${snippet(text(d.call.callee.range), 30)}()`;
            if (returns(model).some((r) => contains(r.range, ref.range))) return null;
            for (const o of callSites(model)) if (contains(o.call.range, ref.range) && !displays.includes(o) && model.calledFunction(o)) return null;
            for (const next of bindings(model)) {
              if (
                (next.kind === "assign" || next.kind === "unpack") &&
                next.value &&
                contains(next.value.range, ref.range) &&
                !seen.has(next) &&
                seen.size < 16
              ) {
                seen.add(next);
                work.push(next);
              }
            }
          }
        }
        return shown;
      };

      type Found = { site: CallSite; metric: string; family: string; logged: boolean; shown: string | null };
      const found: Found[] = [];
      for (const site of callSites(model)) {
        const q = model.callee(site);
        const callee = site.call.callee;
        let metric: string | null = null;
        let family = "";
        if (q !== null && isMetricFunction(q)) {
          if (autologged && inPackage(q, "sklearn")) continue;
          metric = q.slice(q.lastIndexOf(".") + 1);
          family = q;
        } else if (callee.kind === "member" && SCORE_METHODS.has(callee.property)) {
          const owner = receiverBinding(model, site);
          if (!owner || !fitted.has(owner) || (autologged && callee.property === "score")) continue;
          metric = `${snippet(text(callee.range), 40)}()`;
          family = `${owner.name}.${callee.property}`;
        }
        if (metric === null) continue;
        if (!trackedScopes.has(site.scope) && !runBodies.some((r) => contains(r, site.call.range))) continue;
        if (logCalls.some((l) => contains(l.call.range, site.call.range))) {
          found.push({ site, metric, family, logged: true, shown: null });
          continue;
        }
        const direct = displays.find((d) => d !== site && contains(d.call.range, site.call.range));
        if (direct) {
          found.push({ site, metric, family, logged: false, shown: `shown by ${snippet(text(direct.call.callee.range), 30)}()` });
          continue;
        }
        // Kept in a name, or written into a container (`report[segment] = recall_score(...)`); unpacked, each name holds one
        // of the values (`loss, acc = model.evaluate(...)`) and is followed on its own.
        let holders = model.holders(site.call, "within").filter((b) => b.kind === "assign" || (b.kind === "unpack" && unpacksResult(b, site)));
        if (holders.some((b) => b.kind === "assign")) holders = holders.filter((b) => b.kind === "assign").slice(0, 1);
        if (!holders.length) {
          const into = attributeWrites(model).find((t) => contains(t.value.range, site.call.range));
          const root = into ? rootName(into.target.object) : null;
          const b = root ? model.binding(root.name, site.scope, root.range[0]) : null;
          if (b) holders = [b];
        }
        // One finding per computation, naming the unpacked values that are shown and never logged.
        const unlogged: { name: string; family: string; shown: string }[] = [];
        for (const holder of holders) {
          const part = holder.kind === "unpack" ? { name: holder.name, family: `${family}:${holder.name}` } : { name: "", family };
          if (logged(holder)) {
            found.push({ site, metric, family: part.family, logged: true, shown: null });
            continue;
          }
          const shown = shownNotLogged(holder);
          if (shown) unlogged.push({ ...part, shown });
        }
        for (const u of unlogged) {
          const names = unlogged.filter((x) => x.name).map((x) => x.name);
          const label = names.length ? `${names.join(", ")} from ${metric}` : metric;
          found.push({ site, metric: label, family: u.family, logged: false, shown: unlogged[0]!.shown });
        }
      }
      // The same metric logged from another computation in the same function: the printed one is a repeat.
      const loggedFamilies = new Set(found.filter((f) => f.logged).map((f) => `${f.site.scope}:${f.family}`));
      const reported = new Set<CallSite>();
      for (const f of found) {
        if (f.logged || loggedFamilies.has(`${f.site.scope}:${f.family}`) || reported.has(f.site)) continue;
        reported.add(f.site);
        context.report({ loc: loc(f.site.call.range), messageId: "unlogged", data: { metric: f.metric, shown: f.shown!, how } });
      }
    });
  },
});
