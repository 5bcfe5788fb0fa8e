import {
  BAYES_PACKAGES,
  CONVERGENCE_HELPER_NAME,
  diagnosticCalls,
  diagnosticMethods,
  divergenceFields,
  notDiagnosticWhen,
  RHAT_NAME,
  saveCalls,
  saveMethods,
  samplers,
  type Sampler,
} from "../catalogue/bayesian.js";
import { nameTokens } from "../catalogue/data.js";
import type { Binding, CallExpr, CallSite, Expr, Range } from "../semantic/ir.js";
import { argument, contains, literalString, type SemanticModel } from "../semantic/model.js";
import { createRule } from "./util/create-rule.js";
import { onProgram, snippet } from "./util/program.js";
import { qualifiedName } from "../semantic/qname.js";
import { attributeWrites, bindings, callSites, comparisons, memberReads, returns, subExpressions } from "../semantic/queries.js";

type MessageIds = "noConvergenceCheck" | "singleChain";

const SAMPLERS = new Map(samplers.map((s) => [s.qname, s]));
const DIAGNOSTICS = new Set(diagnosticCalls);
const SAVES = new Set(saveCalls);
const same = (a: Range, b: Range) => a[0] === b[0] && a[1] === b[1];
const words = (name: string) => nameTokens(name).join("_");
const rhatName = (name: string | null | undefined) => !!name && RHAT_NAME.test(words(name));

/** The expression reads the name bound by `b` (and not a later re-binding of it). */
function mentions(model: SemanticModel, e: Expr, scope: number, b: Binding): boolean {
  for (const x of subExpressions(e)) {
    if (x.kind === "name" ? x.name === b.name : x.kind === "other" && x.names.includes(b.name)) {
      if (model.binding(b.name, scope, x.range[0]) === b) return true;
    }
  }
  return false;
}

/** The expression (or what a name in it was assigned from) mentions R-hat: `max_rhat`, `summary["r_hat"]`. */
function mentionsRhat(model: SemanticModel, e: Expr, scope: number): boolean {
  const named = (x: Expr) => rhatName(literalString(x)) || (x.kind === "member" && rhatName(x.property));
  for (const x of subExpressions(e)) {
    if (named(x) || (x.kind === "name" && rhatName(x.name)) || (x.kind === "other" && x.names.some(rhatName))) return true;
    if (x.kind === "name") {
      const def = model.definition(x, scope);
      if (def !== x && [...subExpressions(def)].some(named)) return true;
    }
  }
  return false;
}

/** A literal key or attribute that names divergent transitions. */
const isDivergenceField = (e: Expr) =>
  (e.kind === "member" && divergenceFields.includes(e.property)) || (e.kind === "index" && divergenceFields.includes(literalString(e.index) ?? ""));

/** `az.summary(idata, kind="stats")`: a summary without its diagnostic columns. */
function skipsDiagnostics(call: CallExpr, qname: string): boolean {
  const when = notDiagnosticWhen[qname];
  if (!when) return false;
  const value = literalString(argument(call, { keyword: when.keyword })?.value);
  return value !== null && when.values.includes(value);
}

/** The program looks at convergence somewhere: a diagnostic call, a project helper named for it, divergences read, an R-hat compared. */
function checksConvergence(model: SemanticModel): boolean {
  for (const site of callSites(model)) {
    const q = model.callee(site);
    if (q !== null && DIAGNOSTICS.has(q) && !skipsDiagnostics(site.call, q)) return true;
    const callee = site.call.callee;
    const name = callee.kind === "name" ? callee.name : callee.kind === "member" ? callee.property : "";
    // A fit the model cannot follow (a parameter): `fit.diagnose()`.
    if (q === null && callee.kind === "member" && diagnosticMethods.includes(name)) return true;
    // `check_convergence(idata)` from the project's own code: trust the name.
    if (CONVERGENCE_HELPER_NAME.test(words(name)) && (q === null || !BAYES_PACKAGES.includes(qualifiedName(q).root))) return true;
    if (site.call.args.some((a) => divergenceFields.includes(literalString(a.value) ?? ""))) return true;
  }
  if (comparisons(model).some((c) => c.operands.some((o) => mentionsRhat(model, o, c.scope)))) return true;
  return memberReads(model).some(({ expr }) => isDivergenceField(expr));
}

/** The name that holds the draws: `idata = pm.sample()`, or the `mcmc` of `mcmc.run(key)`. */
function holder(model: SemanticModel, site: CallSite, sampler: Sampler): Binding | null {
  const call = site.call;
  if (sampler.result === "receiver") {
    const obj = call.callee.kind === "member" ? call.callee.object : null;
    return obj?.kind === "name" ? model.binding(obj.name, site.scope, obj.range[0]) : null;
  }
  const holder = model.holder(call);
  return holder?.kind === "assign" ? holder : null;
}

/** The fit itself is printed, and its printout is a diagnostic table (PyStan 2). */
function printed(model: SemanticModel, site: CallSite, sampler: Sampler): boolean {
  const b = sampler.printShowsDiagnostics ? holder(model, site, sampler) : null;
  if (!b) return false;
  return callSites(model).some(({ call, scope }) => {
    const c = call.callee;
    // The built-in print: not shadowed by anything bound in this file.
    if (c.kind !== "name" || c.name !== "print" || model.binding("print", scope, c.range[0]) !== null) return false;
    return call.args.some((a) => a.value.kind === "name" && mentions(model, a.value, scope, b));
  });
}

/**
 * Where the draws are first used for anything but storing them: a read, an
 * argument, a comparison, or a return when this file runs as a program (a
 * library module hands them to a caller elsewhere, which may check them).
 */
function firstUse(model: SemanticModel, site: CallSite, sampler: Sampler): Range | null {
  const r = site.call.range;
  const returned = model.runsAsProgram() ? returns(model) : [];
  const b = holder(model, site, sampler);
  if (!b) {
    if (sampler.result === "receiver") return null;
    // Used in place: `az.plot_posterior(pm.sample())`, `return pm.sample()`.
    const direct = [
      ...callSites(model)
        .filter((o) => o.call.args.some((a) => same(a.value.range, r)) && !SAVES.has(model.callee(o) ?? ""))
        .map((o) => o.call.range),
      ...returned.filter((ret) => same(ret.value.range, r)).map((ret) => ret.range),
    ];
    return direct[0] ?? null;
  }
  const isFit = (range: Range) => contains(r, range);
  const saves = (call: CallExpr, scope: number) =>
    SAVES.has(model.callee({ call, scope }) ?? "") ||
    (call.callee.kind === "member" &&
      saveMethods.includes(call.callee.property) &&
      call.callee.object.kind === "name" &&
      mentions(model, call.callee.object, scope, b));
  const uses: Range[] = [];
  for (const o of callSites(model)) {
    if (isFit(o.call.range) || saves(o.call, o.scope)) continue;
    if (o.call.args.some((a) => mentions(model, a.value, o.scope, b))) uses.push(o.call.range);
  }
  for (const x of bindings(model)) if (x !== b && x.value && x.kind !== "import" && mentions(model, x.value, x.scope, b)) uses.push(x.value.range);
  for (const ret of returned) if (mentions(model, ret.value, ret.scope, b)) uses.push(ret.range);
  for (const t of attributeWrites(model)) if (mentions(model, t.value, t.scope, b)) uses.push(t.range);
  for (const c of comparisons(model)) if (c.operands.some((o) => mentions(model, o, c.scope, b))) uses.push(c.range);
  for (const { expr, scope } of memberReads(model)) {
    if (isFit(expr.range) || (expr.kind === "member" && saveMethods.includes(expr.property))) continue;
    if (mentions(model, expr.object, scope, b)) uses.push(expr.range);
  }
  // The earliest, and the innermost use inside it: `idata.posterior` rather than the whole statement.
  const first = uses.sort((x, y) => x[0] - y[0])[0];
  return first ? uses.filter((u) => contains(first, u)).sort((x, y) => x[1] - x[0] - (y[1] - y[0]))[0]! : null;
}

/** The number of chains when it is a literal: on the call, or on the constructor of its receiver (`MCMC(..., num_chains=1)`). */
function chainsArg(model: SemanticModel, site: CallSite, sampler: Sampler): { value: number; range: Range } | null {
  let call: Expr = site.call;
  if (sampler.chains.onReceiver) {
    if (site.call.callee.kind !== "member") return null;
    call = model.definition(site.call.callee.object, site.scope);
  }
  const arg = argument(call, sampler.chains);
  return arg && arg.value.kind === "literal" && typeof arg.value.value === "number" ? { value: arg.value.value, range: arg.range } : null;
}

const isMcmc = (call: CallExpr, sampler: Sampler) => {
  if (!sampler.notMcmcWhen) return true;
  const method = literalString(argument(call, { keyword: sampler.notMcmcWhen.keyword })?.value);
  return method === null || !sampler.notMcmcWhen.values.includes(method);
};

export default createRule<[], MessageIds>({
  name: "require-convergence-check",
  meta: {
    type: "problem",
    languages: ["exp-lint/python"],
    docs: {
      description: "Require a convergence check (R-hat, effective sample size, divergences) before MCMC draws are used",
      recommended: true,
    },
    messages: {
      noConvergenceCheck:
        "{{fit}} draws from the posterior with {{library}}, and the draws are used ({{use}}), but this program never checks convergence: without R-hat, effective sample size and divergences, unconverged chains give wrong estimates silently; check {{fix}}.",
      singleChain:
        "{{fit}} runs {{chains}} chain: R-hat compares chains with each other and cannot be computed from fewer than 2, so non-convergence goes unseen; run at least 4 chains ({{keyword}}=4).",
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return onProgram(context, ({ model, loc, text }) => {
      if (!model.imports(...BAYES_PACKAGES)) return;
      const fits = model.callsTo(SAMPLERS.keys()).flatMap(({ site, qname }) => {
        const sampler = SAMPLERS.get(qname)!;
        return isMcmc(site.call, sampler) ? [{ site, sampler }] : [];
      });
      if (!fits.length) return;
      const fitName = (call: CallExpr) => `${snippet(text(call.callee.range))}()`;
      // One report per chains argument: an MCMC object may be run more than once.
      const seen = new Set<number>();
      for (const { site, sampler } of fits) {
        const chains = chainsArg(model, site, sampler);
        if (chains && chains.value < 2 && !seen.has(chains.range[0])) {
          seen.add(chains.range[0]);
          const data = { fit: fitName(site.call), chains: String(chains.value), keyword: sampler.chains.keyword ?? "chains" };
          context.report({ loc: loc(chains.range), messageId: "singleChain", data });
        }
      }
      if (checksConvergence(model)) return;
      for (const { site, sampler } of fits) {
        const use = firstUse(model, site, sampler);
        if (!use || printed(model, site, sampler)) continue;
        const data = { fit: fitName(site.call), library: sampler.library, use: snippet(text(use), 50), fix: sampler.fix };
        context.report({ loc: loc(site.call.range), messageId: "noConvergenceCheck", data });
      }
    });
  },
});
