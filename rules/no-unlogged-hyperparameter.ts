import {
  AUTOLOG_ALL,
  AUTOLOG_KEYWORDS,
  FLAVOR_AUTOLOG,
  hyperparameterCalls,
  keySynonyms,
  NOT_HYPERPARAMETERS,
  trackerIntegrations,
  type HyperparameterCall,
} from "../catalogue/hyperparameters.js";
import { configSources, paramBatchLoggers, paramLoggers, paramMappingLoggers, runApis, TRACKER_PACKAGES } from "../catalogue/tracking.js";
import type { Binding, CallExpr, CallSite, Expr, Range } from "../semantic/ir.js";
import { argument, inPackage, isLiteral, literalString, pathWithin, type SemanticModel } from "../semantic/model.js";
import { createRule } from "./util/create-rule.js";
import { mappingEntries, mappingOf } from "./util/mappings.js";
import { onProgram, snippet } from "./util/program.js";
import { attributeWrites, callSites, enclosingScopes, isHandedOn } from "../semantic/queries.js";
import type { RuleFixer } from "@typescript-eslint/utils/ts-eslint";
import type { DictExpr } from "../semantic/ir.js";
import { addModuleConstant, constantName, eolOf, insertAt, replace, type Edit } from "./util/edits.js";
import { bindings } from "../semantic/queries.js";
import { indentAt, portable, statementOf } from "./util/layout.js";

type MessageIds = "unlogged" | "loggedOtherValue" | "addToLogged" | "insertLogCall";

/** A value the run records: under a key, or a whole object (`log_params(vars(args))`, `wandb.init(config=cfg)`) with `key: null`. */
interface Logged {
  key: string | null;
  value: Expr;
  scope: number;
}

/** A hyper-parameter a call receives; `whole` for a mapping the rule cannot read, named as written (`**params`). */
interface Received {
  name: string;
  /** `name` as compared with logged keys. */
  key: string;
  value: Expr;
  whole: boolean;
  /** Other paths the value is read through: the mapping entry it came from (`params["lr"]`), the estimator's attribute (`model.C`). */
  via: string[];
}

const SKIP = new Set(NOT_HYPERPARAMETERS);
const START_NAMES = new Set(runApis.map((a) => a.start));
const SYNONYM = new Map(keySynonyms.flatMap((group) => group.map((k) => [k, group[0]!] as const)));

/** `optimizer/learning_rate`, `model.n_estimators`, `Learning-Rate` → one comparable key. */
function normalKey(key: string): string {
  const flat = key
    .slice(Math.max(key.lastIndexOf("/"), key.lastIndexOf(".")) + 1)
    .toLowerCase()
    .replace(/[^a-z0-9]/gu, "");
  return SYNONYM.get(flat) ?? flat;
}

/** The catalogue entry for a callee: a listed name, or a class directly under a listed module. */
function entryFor(q: string): HyperparameterCall | undefined {
  const dot = q.lastIndexOf(".");
  const parent = q.slice(0, dot);
  const last = q.slice(dot + 1);
  const isClass = /^[A-Z]/u.test(last);
  return hyperparameterCalls.find((e) => e.qnames?.includes(q) || (isClass && e.classesUnder?.includes(parent)));
}

/** `name` is a setting of the call; a params mapping (`xgboost.train(params)`) holds settings only, so `only` (which picks keywords) does not apply to it. */
const countsAs = (entry: HyperparameterCall, name: string, inParams = false) =>
  !SKIP.has(name) && !entry.exclude?.includes(name) && (inParams || !entry.only || entry.only.includes(name));

/** The binding that holds the call's result (`model = LogisticRegression(...)`): its attributes are the settings it received. */
const holderOf = (model: SemanticModel, site: CallSite) => model.holder(site.call, "within");

/** The hyper-parameters one call receives, by keyword, position, params mapping or `**spread`. */
function received(model: SemanticModel, site: CallSite, entry: HyperparameterCall): Received[] {
  const call = site.call;
  const out: Received[] = [];
  const add = (name: string, value: Expr, whole = false, via: string[] = []) => out.push({ name, key: "", value, whole, via });
  const fromMapping = (e: Expr, label: string, inParams: boolean) => {
    const d = model.definition(e, site.scope);
    const entries = mappingOf(model, d, site.scope);
    const own = model.ownPaths(e, site.scope);
    if (entries) {
      for (const en of entries)
        if (countsAs(entry, en.key, inParams))
          add(
            en.key,
            en.value,
            false,
            own.map((p) => `${p}[${JSON.stringify(en.key)}]`),
          );
    } else if (inParams || !entry.only) add(label, e, true);
    // Into a call where only some keywords are settings (`DataLoader`), an unreadable `**spread`
    // mostly holds runtime options (`num_workers`, `pin_memory`): not reported as a setting.
  };
  const positional = call.args.filter((a) => a.name === null);
  const splat = positional.findIndex((a) => a.spread === "*");
  positional.forEach((a, i) => {
    const name = entry.positional?.[i];
    if (a.spread === "" && name && (splat === -1 || i < splat) && countsAs(entry, name)) add(name, a.value);
  });
  for (const a of model.namedArguments(call)) if (countsAs(entry, a.name)) add(a.name, a.value);
  if (entry.mapping) {
    const m = argument(call, entry.mapping);
    if (m && m.spread === "") fromMapping(m.value, snippet(model.sourceText(m.value.range), 30), true);
  }
  for (const a of call.args) if (a.spread === "**") fromMapping(a.value, `**${snippet(model.sourceText(a.value.range), 30)}`, false);
  // A keyword given twice (positionally and by name) is one setting; listed in source order.
  const holder = holderOf(model, site);
  for (const r of out) {
    r.key = normalKey(r.name);
    // `model.C`, or the whole estimator (`model.get_params()`) for a mapping the rule cannot read.
    if (holder) r.via.push(r.whole ? `${holder.name}@${holder.range[0]}` : `${holder.name}@${holder.range[0]}.${r.name}`);
  }
  return out.filter((r, i) => out.findIndex((o) => o.name === r.name) === i).sort((a, b) => a.value.range[0] - b.value.range[0]);
}

/** The call runs with the library's own tracking integration on (`report_to` left at its default, or naming a tracker). */
function integrationOn(call: CallExpr, entry: HyperparameterCall): boolean {
  if (!entry.integration) return false;
  const arg = argument(call, { keyword: entry.integration.keyword });
  if (!arg) return true;
  const v = arg.value;
  const values =
    v.kind === "literal"
      ? [v.value]
      : v.kind === "collection" && v.items.every((i) => i.kind === "literal")
        ? v.items.map((i) => (i as { value: unknown }).value)
        : null;
  // Not a literal: cannot tell, so take it as on.
  return values === null || values.some((x) => !entry.integration!.off.includes(String(x)));
}

/** Everything the program records as run parameters: MLflow params and W&B config writes. */
function loggedValues(model: SemanticModel): Logged[] {
  const out: Logged[] = [];
  const addMapping = (e: Expr | undefined, scope: number) => {
    if (!e) return;
    out.push({ key: null, value: e, scope });
    for (const en of mappingEntries(model, model.definition(e, scope), scope)) out.push({ key: en.key, value: en.value, scope });
  };
  for (const logger of paramLoggers) {
    for (const { site } of model.callsTo([logger.qname])) {
      const key = argument(site.call, logger.key)?.value;
      const value = argument(site.call, logger.value)?.value;
      if (value) out.push({ key: key ? literalString(model.definition(key, site.scope)) : null, value, scope: site.scope });
    }
  }
  for (const logger of paramMappingLoggers)
    for (const { site } of model.callsTo([logger.qname])) addMapping(argument(site.call, logger.mapping)?.value, site.scope);
  for (const logger of paramBatchLoggers) {
    for (const { site } of model.callsTo([logger.qname])) {
      const list = argument(site.call, logger.list)?.value;
      if (!list) continue;
      if (list.kind !== "collection") {
        out.push({ key: null, value: list, scope: site.scope });
        continue;
      }
      for (const item of list.items) {
        const value = argument(item, logger.value)?.value;
        if (value) out.push({ key: literalString(argument(item, logger.key)?.value), value, scope: site.scope });
      }
    }
  }
  for (const source of configSources) {
    if (!model.imports(source.package)) continue;
    for (const init of source.init) for (const { site } of model.callsTo([init.qname])) addMapping(argument(site.call, init.mapping)?.value, site.scope);
    const updates = source.objects.flatMap((o) => source.updateMethods.map((m) => `${o}.${m}`));
    for (const { site } of model.callsTo(updates)) addMapping(argument(site.call, { index: 0 })?.value, site.scope);
    for (const t of attributeWrites(model)) {
      // `wandb.config = {...}`: the whole config set at once.
      if (t.target.kind === "member" && source.objects.includes(model.resolve(t.target, t.scope) ?? "")) {
        addMapping(t.value, t.scope);
        continue;
      }
      // The value is read (converted) only for the config's own assignments.
      const q = model.resolve(t.target.object, t.scope);
      if (q === null || !source.objects.includes(q)) continue;
      out.push({ key: t.target.kind === "member" ? t.target.property : literalString(t.target.index), value: t.value, scope: t.scope });
    }
  }
  // Logged inside a helper (`def log_config(c): mlflow.log_params(vars(c))`): what its callers pass is logged.
  for (const l of [...out]) {
    const d = model.definition(l.value, l.scope);
    const handed =
      d.kind === "name" ? [d] : d.kind === "call" ? d.args.map((a) => a.value) : d.kind === "member" && d.property === "__dict__" ? [d.object] : [];
    for (const e of handed) {
      const b = e.kind === "name" ? model.binding(e.name, l.scope, e.range[0]) : null;
      if (b?.kind !== "param") continue;
      for (const passed of model.callerArguments(b)) out.push({ key: e === d ? l.key : null, value: passed.value, scope: passed.scope });
    }
  }
  return out;
}

/**
 * Which calls can take part in a tracked run: code in a function that starts
 * one, or one reached from there, or code that reaches one (its values may be
 * handed in: `main()` builds the model `train()` fits). A function that does
 * neither (an evaluation helper beside the training one), and code after
 * every run of its own function has closed, build nothing the run uses.
 */
function inTrackedRun(model: SemanticModel, runStarts: CallSite[]): (site: CallSite) => boolean {
  const runScopes = new Set(runStarts.map((s) => s.scope));
  // A function that returns a run (`def start(): return mlflow.start_run()`) runs it in its callers.
  for (let changed = true; changed; ) {
    changed = false;
    for (const site of callSites(model)) {
      const fn = model.functionNamed(site.call.callee, site.scope);
      if (fn === null || !runScopes.has(fn) || runScopes.has(site.scope) || !model.returnsIn(fn).length) continue;
      runScopes.add(site.scope);
      changed = true;
    }
  }
  const reached = model.reachable(runScopes);
  const reaching = model.reaching(runScopes);
  const reachesRun = (scope: number) => reaching.has(scope);
  // A helper called for its value where the run is reached (`loader = get_loader(cfg)` in `main()`) builds what the run may use;
  // one called for its effect (`show_samples()`) does not.
  const feeders = new Set<number>();
  for (const site of callSites(model)) {
    if (!isHandedOn(model, site)) continue;
    const fn = model.functionNamed(site.call.callee, site.scope);
    if (fn !== null && !reached.has(fn) && (reached.has(site.scope) || reachesRun(site.scope))) feeders.add(fn);
  }
  const fed = model.reachable(feeders);
  const inMethod = (scope: number) => enclosingScopes(model, scope).some((s) => s.kind === "class");
  return (site) => {
    const own = runStarts.filter((s) => s.scope === site.scope);
    const closed = (s: CallSite) => (model.withOf(s.call)?.range[1] ?? Infinity) <= site.call.range[0];
    if (own.length && own.every(closed)) return false;
    // Built before the first run of its scope (a notebook's warm-up cell) and never used once it started,
    // nor what it was built on (`SGD(model.parameters())` trains the `model` the run logs).
    const first = own.find((s) => site.call.range[1] <= s.call.range[0]);
    if (first && first === own[0]) {
      const holder = holderOf(model, site);
      const inputs = [...model.flow(site.call, site.scope).bindings].filter((b) => b.scope === site.scope && b.kind === "assign");
      if (holder && ![holder, ...inputs].some((b) => usedFrom(model, b, first.call.range[0]))) return false;
    }
    return inMethod(site.scope) || reached.has(site.scope) || fed.has(site.scope) || reachesRun(site.scope);
  };
}

/** The value of `holder` is read at or after `from` in its own scope, or in a function (which runs when called, wherever it is written). */
const usedFrom = (model: SemanticModel, holder: Binding, from: number) => model.references(holder).some((r) => r.scope !== holder.scope || r.range[0] >= from);

/** Both are the same constant, whatever the quoting or spacing. */
function sameConstant(a: Expr, b: Expr, text: (r: Range) => string): boolean {
  if (!isLiteral(a) || !isLiteral(b)) return false;
  if (a.kind === "literal" && b.kind === "literal") return a.value === b.value;
  const flat = (e: Expr) => text(e.range).replace(/\s+/gu, "").replace(/"/gu, "'");
  return flat(a) === flat(b);
}

/** The value is read from a live W&B config (`run.config.lr`, `cfg = wandb.config; cfg["lr"]`): recorded by definition. */
function readsConfig(model: SemanticModel, e: Expr, scope: number, objects: Set<string>, hops = 0): boolean {
  const work: Expr[] = [e];
  while (work.length) {
    const x = work.pop()!;
    if (x.kind === "member" || x.kind === "index") {
      const q = model.resolve(x.object, scope);
      if (q !== null && objects.has(q)) return true;
      work.push(x.object);
    } else if (x.kind === "call") work.push(x.callee, ...x.args.map((a) => a.value));
    // Computed from the config (`len(loader) * config.epochs`): what it depends on is recorded.
    else if (x.kind === "other") for (const name of x.names) work.push({ kind: "name", name, range: x.range });
    else if (x.kind === "name" && hops < 4) {
      const q = model.resolve(x, scope);
      if (q !== null && objects.has(q)) return true;
      const b = model.binding(x.name, scope, x.range[0]);
      if (b?.value && (b.kind === "assign" || b.kind === "with") && readsConfig(model, b.value, b.scope, objects, hops + 1)) return true;
    }
  }
  return false;
}

/** Dict displays written in a call that logs parameters (`log_params({...})`, `wandb.init(config={...})`, `wandb.config.update({...})`). */
function loggedDicts(model: SemanticModel): { dict: DictExpr; scope: number }[] {
  const out: { dict: DictExpr; scope: number }[] = [];
  const add = (e: Expr | undefined, scope: number) => {
    if (e?.kind === "dict") out.push({ dict: e, scope });
  };
  for (const logger of paramMappingLoggers) for (const { site } of model.callsTo([logger.qname])) add(argument(site.call, logger.mapping)?.value, site.scope);
  for (const source of configSources) {
    if (!model.imports(source.package)) continue;
    for (const init of source.init) for (const { site } of model.callsTo([init.qname])) add(argument(site.call, init.mapping)?.value, site.scope);
    const updates = source.objects.flatMap((o) => source.updateMethods.map((m) => `${o}.${m}`));
    for (const { site } of model.callsTo(updates)) add(argument(site.call, { index: 0 })?.value, site.scope);
  }
  return out;
}

/** `"lr": lr` in the quotes the dict's keys use, `lr: lr` (bare when it can be) in an object literal. */
function entryText(model: SemanticModel, dict: DictExpr | null, name: string, value: string): string {
  if (model.language === "javascript" && /^[A-Za-z_$][\w$]*$/u.test(name)) return `${name}: ${value}`;
  const first = dict?.entries.find((en) => en.key)?.key;
  const quote = first && model.sourceText(first.range).startsWith("'") ? "'" : '"';
  return `${quote}${name}${quote}: ${value}`;
}

/**
 * The edit that logs `missing` (names with expressions that mean the same at
 * the logging call): added to the nearest dict the run's parameters are logged
 * from in the same function, or else a logging call inserted before the
 * statement that makes the call, through the run's own module (`mlflow.log_params`,
 * `wandb.config.update`). A literal the call receives is first bound to a
 * module constant the call and the log both use, so the log holds no literal.
 */
function logMissing(
  model: SemanticModel,
  site: CallSite,
  missing: Received[],
  dicts: { dict: DictExpr; scope: number }[],
  starts: CallSite[],
): { messageId: "addToLogged" | "insertLogCall"; edits: Edit[] } | null {
  if (missing.some((a) => a.whole)) return null;
  const taken = new Set(bindings(model).map((b) => b.name));
  const constants = new Map<Received, string>();
  for (const a of missing.filter((m) => isLiteral(m.value))) {
    const name = constantName(a.name);
    if (!name || taken.has(name) || [...constants.values()].includes(name)) return null;
    constants.set(a, name);
  }
  const fits = (pos: number, scope: number) => missing.every((a) => constants.has(a) || portable(model, a.value, site.scope, { scope, pos }));
  const valueOf = (a: Received) => constants.get(a) ?? model.sourceText(a.value.range);
  const withConstants = (messageId: "addToLogged" | "insertLogCall", edit: Edit, before: number) => {
    const edits = [edit];
    for (const [a, name] of constants) {
      const declared = addModuleConstant(model, model.text, Math.min(before, a.value.range[0]), name, model.sourceText(a.value.range));
      if (!declared) return null;
      edits.push(declared, replace(a.value.range, name));
    }
    return { messageId, edits };
  };
  const here = site.call.range[0];
  const near = dicts
    .filter((d) => d.scope === site.scope && fits(d.dict.range[0], d.scope))
    .sort((a, b) => Math.abs(a.dict.range[0] - here) - Math.abs(b.dict.range[0] - here) || (a.dict.range[0] < here ? -1 : 1))[0];
  const entries = (dict: DictExpr | null) => missing.map((a) => entryText(model, dict, a.name, valueOf(a)));
  if (near) {
    const { dict } = near;
    const last = dict.entries.at(-1);
    const at = dict.range[0];
    if (!last) return withConstants("addToLogged", replace(dict.range, `{${entries(dict).join(", ")}}`), at);
    const text = model.text;
    const after = text.slice(last.range[1], dict.range[1] - 1);
    if (!after.includes("\n")) return withConstants("addToLogged", insertAt(last.range[1], `, ${entries(dict).join(", ")}`), at);
    // One entry a line, in the dict's own indentation, keeping whether the last entry has a trailing comma.
    const nl = eolOf(text);
    const indent = indentAt(text, last.range[0]);
    const comma = /^\s*,/u.exec(after);
    const lines = entries(dict).map((en) => `${nl}${indent}${en}`);
    const edit = comma
      ? insertAt(last.range[1] + comma[0].length, lines.map((l) => `${l},`).join(""))
      : insertAt(last.range[1], lines.map((l) => `,${l}`).join(""));
    return withConstants("addToLogged", edit, at);
  }
  const stmt = statementOf(model, site.call.range);
  if (!stmt) return null;
  // Inside the run: after its start in the same function, in its `with` body or on every path from a bare start.
  const inRun = (s: CallSite) => {
    const w = model.withOf(s.call);
    return (
      s.scope === site.scope &&
      s.call.range[1] <= stmt.start &&
      (w ? w.body[0] <= site.call.range[0] && site.call.range[1] <= w.body[1] : model.dominates(s.call.range, site.call.range))
    );
  };
  const start = starts.filter(inRun).at(-1);
  const callee = start?.call.callee;
  if (callee?.kind !== "member" || !portable(model, callee.object, start!.scope, { scope: site.scope, pos: stmt.start }) || !fits(stmt.start, site.scope))
    return null;
  const module = model.sourceText(callee.object.range);
  const logger = callee.property === "start_run" ? `${module}.log_params` : callee.property === "init" ? `${module}.config.update` : null;
  if (!logger) return null;
  const js = model.language === "javascript";
  const call = js ? `${logger}({ ${entries(null).join(", ")} });` : `${logger}({${entries(null).join(", ")}})`;
  return withConstants("insertLogCall", insertAt(stmt.start, `${stmt.indent}${call}${eolOf(model.text)}`), stmt.start);
}

export default createRule<[], MessageIds>({
  name: "no-unlogged-hyperparameter",
  meta: {
    type: "problem",
    languages: ["exp-lint/python", "js/js"],
    docs: {
      description: "Require hyper-parameters passed to estimators, optimizers and training calls in a tracked run to be logged as they are used",
      recommended: true,
    },
    messages: {
      unlogged:
        "{{callee}} receives {{names}}, never logged to the run, so the run does not record what it was trained with; log {{them}} with {{how}} or turn on autologging.",
      loggedOtherValue:
        "{{key}} is logged as {{logged}}, but {{callee}} receives {{actual}}, so the run records a value it did not use; pass the logged value or log the one passed.",
      addToLogged: "Add {{names}} to the parameters the run logs.",
      insertLogCall: "Log {{names}} before {{callee}} is called.",
    },
    hasSuggestions: true,
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return onProgram(context, ({ model, loc, text }) => {
      if (!model.imports(...TRACKER_PACKAGES)) return;
      // One pass over the calls: which runs start, whether autologging is on, which calls take hyper-parameters.
      const starts = new Set<string>();
      const startSites: CallSite[] = [];
      const flavors = new Set<string>();
      const candidates: { site: CallSite; entry: HyperparameterCall }[] = [];
      for (const site of callSites(model)) {
        const q = model.callee(site);
        if (q === null) continue;
        if (START_NAMES.has(q)) {
          starts.add(q);
          startSites.push(site);
          const on = AUTOLOG_KEYWORDS.find((k) => k.qname === q && argument(site.call, { keyword: k.keyword }));
          // Any value but a literal off (`magic=False`) may turn it on.
          const v = on && argument(site.call, { keyword: on.keyword })!.value;
          if (v && !(v.kind === "literal" && !v.value)) return;
        } else if (AUTOLOG_ALL.includes(q) || trackerIntegrations.some((p) => inPackage(q, p))) return;
        const m = FLAVOR_AUTOLOG.exec(q);
        if (m) flavors.add(m[1]!);
        const entry = entryFor(q);
        if (entry) candidates.push({ site, entry });
      }
      const apis = runApis.filter((a) => starts.has(a.start));
      if (!apis.length || !candidates.length) return;
      const how = [...new Set(apis.flatMap((a) => (a.paramsLabel ? [a.paramsLabel] : [])))].join(" or ");

      const calls: { site: CallSite; entry: HyperparameterCall; args: Received[] }[] = [];
      const tracked = inTrackedRun(model, startSites);
      for (const { site, entry } of candidates) {
        if (entry.flavors.some((f) => flavors.has(f)) || integrationOn(site.call, entry) || !tracked(site)) continue;
        if (entry.when) {
          const w = argument(site.call, { keyword: entry.when.keyword })?.value;
          if (w?.kind !== "literal" || w.value !== entry.when.value) continue;
        }
        calls.push({ site, entry, args: received(model, site, entry) });
      }
      if (!calls.length) return;

      const logged = loggedValues(model);
      const keys = new Set(logged.flatMap((l) => (l.key === null ? [] : [normalKey(l.key)])));
      // A name bound twice to the same constant (a notebook re-running its settings cell) holds one value.
      const constantOf = (e: Expr, scope: number) => {
        const d = e.kind === "name" ? model.definition(e, scope) : null;
        return d?.kind === "literal" ? `${(e as { name: string }).name}=${JSON.stringify(d.value)}` : null;
      };
      const loggedConstants = new Set(logged.flatMap((l) => constantOf(l.value, l.scope) ?? []));
      const paths = logged.map((l) => ({ l, paths: [...model.accessPaths(l.value, l.scope)] }));
      const allPaths = paths.flatMap((p) => p.paths);
      const configObjects = new Set(configSources.flatMap((s) => s.objects));
      const flows = (value: Expr, scope: number, from: string[], via: string[] = []) =>
        [...model.accessPaths(value, scope), ...via].some((p) => from.some((l) => pathWithin(p, l)));
      const byKey = new Map<string, { c: (typeof calls)[number]; a: Received }[]>();
      for (const c of calls) {
        for (const a of c.args) {
          if (a.whole) continue;
          let list = byKey.get(a.key);
          if (!list) byKey.set(a.key, (list = []));
          list.push({ c, a });
        }
      }

      // A logged key (its value not a literal at the log call: that is no-literal-log-param's) whose value no call receives under the key.
      const mismatched = new Set<Expr>();
      for (const { l, paths: from } of paths) {
        if (l.key === null || isLiteral(l.value)) continue;
        const takers = byKey.get(normalKey(l.key)) ?? [];
        const loggedDef = model.definition(l.value, l.scope);
        // The same value: flowing from what is logged, or the same constant on both sides.
        const agrees = ({ c, a }: (typeof takers)[number]) =>
          flows(a.value, c.site.scope, from, a.via) || sameConstant(loggedDef, model.definition(a.value, c.site.scope), text);
        if (!takers.length || takers.some(agrees)) continue;
        for (const { c, a } of takers) {
          const def = model.definition(a.value, c.site.scope);
          // Two different expressions may hold the same value at run time: only a constant on one side is clearly another value.
          if ((!isLiteral(def) && !isLiteral(loggedDef)) || mismatched.has(a.value)) continue;
          mismatched.add(a.value);
          const shown = (e: Expr, d: Expr) => `${snippet(text(e.range), 40)}${d === e ? "" : ` (${snippet(text(d.range), 30)})`}`;
          const data = {
            key: l.key,
            logged: shown(l.value, loggedDef),
            callee: snippet(text(c.site.call.callee.range), 40),
            actual: `${a.name}=${shown(a.value, def)}`,
          };
          context.report({ loc: loc(a.value.range), messageId: "loggedOtherValue", data });
        }
      }

      let dicts: { dict: DictExpr; scope: number }[] | null = null;
      for (const { site, args } of calls) {
        const unlogged = args.filter((a) => {
          if (mismatched.has(a.value) || keys.has(a.key)) return false;
          // A parameter handed through (`def make(lr): Adam(lr=lr)`): its callers decide, and may log it.
          if (a.value.kind === "name" && model.binding(a.value.name, site.scope, a.value.range[0])?.kind === "param") return false;
          if (loggedConstants.has(constantOf(a.value, site.scope) ?? "")) return false;
          return !flows(a.value, site.scope, allPaths, a.via) && !readsConfig(model, a.value, site.scope, configObjects);
        });
        if (!unlogged.length) continue;
        const names = unlogged.map((a) => a.name).join(", ");
        const data = { callee: snippet(text(site.call.callee.range), 40), names, them: unlogged.length === 1 ? "it" : "them", how };
        const fix = logMissing(model, site, unlogged, (dicts ??= loggedDicts(model)), startSites);
        const suggest = fix
          ? [{ messageId: fix.messageId, data, fix: (fixer: RuleFixer) => fix.edits.map((e) => fixer.replaceTextRange(e.range, e.text)) }]
          : [];
        context.report({ loc: loc(site.call.callee.range), messageId: "unlogged", data, suggest });
      }
    });
  },
});
