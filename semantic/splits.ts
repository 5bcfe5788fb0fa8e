import { crossValidators, FIT_METHODS, SLICE_METHODS, splitters } from "../catalogue/data.js";
import {
  APPLY_METHODS,
  ARITHMETIC_METHODS,
  AXIS_FIRST_STATISTICS,
  GROUPED_ONLY_STATISTICS,
  IMPUTING_METHODS,
  MUTATING_METHODS,
  ROW_STATISTICS,
  SCORING_METHODS,
  SEARCHES,
  STATISTIC_BY_NAME_METHODS,
  STATISTIC_FUNCTIONS,
  TRANSFORMER_FIT_METHODS,
} from "../catalogue/leakage.js";
import type { Binding, CallExpr, CallSite, Expr, Range } from "./ir.js";
import { argument, contains, literalString, type SemanticModel } from "./model.js";
import { type Fit, fitsByOwner, keyedWrites, receiverBinding, rootName, subExpressions } from "./queries.js";
import type { SummaryKind } from "./summaries.js";
import { isScoringCall, scoreKind } from "./score-summaries.js";
import { type DataFit, splitReturnKind } from "./split-summaries.js";
import { describeEvidence, dividesRows, listNames, provenance, slicePart, splitPart, splitRole, splitSources } from "./provenance.js";

/**
 * Where data is divided into training and held-out sides, and what crosses
 * that line: which calls split data, which values are the test split, which
 * calls score on it, and which later split a fitted transformer's rows reach.
 * The leakage and metric rules ask these questions; they do not walk facts.
 */

export interface Split {
  /** Where it divides: the call, or the later of two slices. */
  range: Range;
  scope: number;
  /** Short name for messages: `train_test_split`, `KFold.split`, `cross_val_score`. */
  name: string;
  /** The data it divides. */
  data: Expr[];
  /** The labels it divides with the data (`y` in `train_test_split(X, y)`), when the call says which argument they are. */
  labels: Expr[];
  /** Bindings holding its parts (none for cross-validation helpers). */
  parts: Binding[];
  /** What the held-out side is, in words. */
  heldOut: string;
}

export const base = (qname: string): string => qname.replace(/\(\)$/u, "");
export const short = (qname: string): string => qname.replace(/\(\)/gu, "").split(".").slice(-1)[0]!;
export const at = (e: { range: Range }) => e.range[0];
const NOWHERE = { range: [-1, -1] as Range };
export const sameRange = (a: { range: Range }, b: { range: Range }) => a.range[0] === b.range[0] && a.range[1] === b.range[1];

/** Every call in the program that divides data into a training and a held-out side, in source order. */
export function splitsOf(model: SemanticModel): Split[] {
  const out: Split[] = [];
  const splitterNames = new Set(splitters.map((s) => s.qname));
  for (const site of model.facts.calls) {
    const { call, scope } = site;
    const helper = model.summaryAt(splitReturnKind, site);
    if (helper) {
      // A helper that returns a split's parts divides the data handed to it.
      const parts = model.facts.bindings.filter((b) => b.kind === "unpack" && sameRange(splitPart(model, b)?.call ?? NOWHERE, call));
      const roles = new Set(parts.map((b) => splitRole(model, b)?.role));
      const heldOut = roles.has("test") ? "test" : roles.has("val") ? "validation" : "held-out";
      const data = helper.data.map((i) => argument(call, { index: i })?.value).filter((e): e is Expr => !!e);
      const name = call.callee.kind === "name" ? call.callee.name : call.callee.kind === "member" ? call.callee.property : "helper";
      out.push({ range: call.range, scope, name: `${name}()`, data, labels: data.slice(1), parts, heldOut });
      continue;
    }
    const q = model.callee(site);
    if (q === null) continue;
    if (splitterNames.has(q) && dividesRows(call, splitters.find((s) => s.qname === q)!)) {
      const parts = model.facts.bindings.filter((b) => (b.kind === "unpack" || b.kind === "loop") && sameRange(splitPart(model, b)?.call ?? NOWHERE, call));
      const roles = new Set(parts.map((b) => splitRole(model, b)!.role));
      const heldOut = roles.has("test") ? "test" : roles.has("val") ? "validation" : "held-out";
      const name = q.startsWith("npm:")
        ? model.sourceText(call.callee.range)
        : q.endsWith(".split")
          ? `${short(q.slice(0, -".split".length))}.split`
          : short(q);
      const data = call.args.filter((a) => a.name === null && a.spread === "").map((a) => a.value);
      out.push({ range: call.range, scope, name, data, labels: data.slice(1), parts, heldOut });
    } else if (crossValidators.includes(q)) {
      const x = argument(call, { index: 1, keyword: "X" });
      const y = argument(call, { index: 2, keyword: "y" });
      if (x) out.push({ range: call.range, scope, name: short(q), data: [x.value], labels: y ? [y.value] : [], parts: [], heldOut: "validation-fold" });
    } else if (call.callee.kind === "member" && FIT_METHODS.has(call.callee.property)) {
      const receiver = model.resolve(call.callee.object, scope);
      const x = argument(call, { index: 0, keyword: "X" });
      const y = argument(call, { index: 1, keyword: "y" });
      if (receiver && SEARCHES.includes(base(receiver)) && x)
        out.push({
          range: call.range,
          scope,
          name: `${short(receiver)}.fit`,
          data: [x.value],
          labels: y ? [y.value] : [],
          parts: [],
          heldOut: "validation-fold",
        });
    }
  }
  // Head and tail slices of one table: `train = df.iloc[:cut]`, `test = df.iloc[cut:]`.
  for (const b of model.facts.bindings) {
    const cut = slicePart(model, b);
    if (!cut?.head) continue;
    const held = [splitRole(model, b), splitRole(model, cut.other)].find((r) => r && r.role !== "train");
    const end = Math.max(b.pos, cut.other.pos);
    out.push({
      range: [end, end],
      scope: b.scope,
      name: cut.via,
      data: [cut.base],
      labels: [],
      parts: [b, cut.other],
      heldOut: held?.role === "val" ? "validation" : "test",
    });
  }
  return out.sort((a, b) => a.range[0] - b.range[0]);
}

/** The test split a value comes from, with the words saying how that is known; null unless it is the test split alone. */
export function testEvidence(model: SemanticModel, expr: Expr, scope: number): string | null {
  const prov = provenance(model, expr, scope);
  if (prov.role !== "test") return null;
  if (prov.evidence.some((e) => e.kind === "split" || e.kind === "loader" || e.kind === "file")) return describeEvidence(prov.evidence, "test");
  // A name says test: let data flow confirm it, or contradict it, before going by the name.
  const traced = splitSources(model, expr, scope);
  const tests = traced.filter((t) => t.role === "test");
  if (tests.length) {
    const via = [...new Set(tests.map((t) => t.via))].join(" and ");
    const names = listNames([...new Set(tests.map((t) => t.binding.name))]);
    const shown = listNames([...new Set(prov.evidence.map((e) => e.text))]);
    // `F_test = scaler.transform(F_test)`: the name now holds what the split's F_test became.
    return `${shown === names ? names : `${shown}, computed from ${names}`}, the test split from ${via}`;
  }
  if (traced.length) return null;
  return `going by ${describeEvidence(prov.evidence, "test")}: no split call was traced to it`;
}

/**
 * Calls in `range` that score on the test split: scikit-learn and tfjs metrics, a model's
 * `score`/`predict`/`evaluate`, or a helper whose summary says it scores its arguments.
 */
export function testScores(model: SemanticModel, range: Range): { site: CallSite; arg: { range: Range }; evidence: string }[] {
  const out: { site: CallSite; arg: { range: Range }; evidence: string }[] = [];
  for (const site of model.facts.calls) {
    if (!contains(range, site.call.range)) continue;
    const helper = isScoringCall(model, site) ? null : model.summaryAt(scoreKind, site);
    if (!helper && !isScoringCall(model, site)) continue;
    if (helper?.test) {
      out.push({ site, arg: { range: site.call.range }, evidence: helper.test });
      continue;
    }
    const positional = site.call.args.filter((a) => a.name === null);
    for (const a of helper ? helper.params.map((i) => positional[i]).filter((x) => x !== undefined) : site.call.args) {
      const evidence = testEvidence(model, a.value, site.scope);
      if (evidence) {
        out.push({ site, arg: a, evidence });
        break;
      }
    }
  }
  return out;
}

/**
 * Calls that apply what `fit` learned: the fit itself (`fit_transform`), and
 * later `transform` calls on the same object before it is fitted again.
 */
export function usesOf(model: SemanticModel, fit: CallSite): (c: CallExpr) => boolean {
  // A function that fits and transforms in one call (`scale(X)`): its result is the only use.
  if (fit.call.callee.kind !== "member") return (c) => sameRange(c, fit.call);
  const callee = fit.call.callee;
  const obj = callee.object;
  // `scaler.fit(X)`, or `pca = PCA().fit(X)`: the name that holds the fitted object.
  const owner =
    obj.kind === "name"
      ? model.binding(obj.name, fit.scope, at(obj))
      : (model.facts.bindings.find(
          (b) =>
            b.kind === "assign" && b.scope === fit.scope && b.range[0] < at(fit.call) && b.pos >= fit.call.range[1] && sameRange(b.value ?? NOWHERE, fit.call),
        ) ?? null);
  // `fit` returns the estimator, not data; `fit_transform` and `fit_resample` return the fitted rows.
  const returnsData = callee.property !== "fit";
  const onOwner = (c: CallExpr) =>
    owner !== null &&
    c.callee.kind === "member" &&
    c.callee.object.kind === "name" &&
    model.binding(c.callee.object.name, model.facts.scopeAt(at(c)), at(c)) === owner;
  const refits = model.facts.calls
    .map((site) => site.call)
    .filter((c) => at(c) > at(fit.call) && c.callee.kind === "member" && TRANSFORMER_FIT_METHODS.has(c.callee.property) && onOwner(c))
    .map(at);
  // Binding values and call sites are separate objects for the same call: compare where they are.
  return (c) =>
    (returnsData && sameRange(c, fit.call)) ||
    (c.callee.kind === "member" && APPLY_METHODS.has(c.callee.property) && at(c) > at(fit.call) && onOwner(c) && !refits.some((r) => r < at(c)));
}

/**
 * The first later split whose data was fitted on: it divides the fit's output
 * (or data the fit's output was written back into), or it divides the fitted
 * data and the fitted object then transforms its parts.
 */
export function leakedSplit(model: SemanticModel, fit: CallSite, data: Expr, splits: Split[], helper?: DataFit): Split | null {
  const root = rootName(data);
  const fitted = root ? model.binding(root.name, fit.scope, at(root)) : null;
  // `df[cols] = scaler.fit_transform(df[cols])`: the output is written back into df.
  const writtenInto = model.facts.targetAssigns
    .filter((ta) => contains(ta.range, fit.call.range) && contains(ta.value.range, fit.call.range))
    .map((ta) => {
      const r = rootName(ta.target);
      return r ? model.binding(r.name, ta.scope, ta.range[0]) : null;
    });
  // A helper that fits inside (dataFit): its result holds the fitted rows, or it wrote them into its argument.
  if (helper?.writes) writtenInto.push(fitted);
  const uses = helper ? (c: CallExpr) => helper.returns && sameRange(c, fit.call) : usesOf(model, fit);
  // A `transform` passes the fitted rows on only when it is given them: `pca.fit(X_unlabelled)` then `pca.transform(X)` leaks nothing.
  const ofFitted = (c: CallExpr) => {
    const x = c.args[0];
    if (sameRange(c, fit.call) || !x) return !!x;
    if (fitted) return model.flow(x.value, model.facts.scopeAt(at(c))).bindings.has(fitted);
    const r = rootName(x.value);
    return r !== null && root !== null && r.name === root.name && !model.binding(r.name, model.facts.scopeAt(at(c)), at(r));
  };
  for (const split of splits) {
    // Later, or around it: `cross_val_score(model, scaler.fit_transform(X), y)`.
    if (split.range[1] <= fit.call.range[1]) continue;
    const flows = split.data.map((d) => model.flow(d, split.scope));
    if (flows.some((f) => f.calls.some((c) => uses(c) && ofFitted(c)))) return split;
    if (flows.some((f) => writtenInto.some((b) => b && f.bindings.has(b)))) return split;
    if (!fitted || !split.parts.length || !flows.some((f) => f.bindings.has(fitted))) continue;
    const parts = new Set(split.parts);
    const later = model.facts.calls.filter((c) => at(c.call) >= split.range[1]).map((c) => c.call);
    const applied = later.filter((c) => uses(c) && c.args.some((a) => [...model.flow(a.value, model.facts.scopeAt(at(c))).bindings].some((b) => parts.has(b))));
    if (applied.length) return split;
  }
  return null;
}

/**
 * A model trained on a table that a split divides, and then scored on a
 * held-out part of that split: `train_test_split(X, y)`, `search.fit(X, y)`,
 * `search.predict(X_valid)`. The held-out rows were trained on.
 */
export function trainedOnAll(model: SemanticModel, fit: Fit, splits: Split[]): { split: Split; part: Binding; scorer: CallSite } | null {
  if (!fit.data || !fit.dataBinding) return null;
  // Fitted on a split part (or held-out data) it is not the whole table; a name like `train_data` for the table before a local split is.
  const prov = provenance(model, fit.data, fit.site.scope);
  if (prov.roles.has("test") || prov.roles.has("val") || prov.evidence.some((e) => e.kind === "split")) return null;
  const later = model.facts.calls.filter((c) => c.call.range[0] >= fit.site.call.range[1]);
  // The last fit wins: a scoring call after a refit on other data scores that refit.
  const refit = fitsByOwner(model)
    .get(fit.owner)
    ?.find((f) => f.site.call.range[0] > fit.site.call.range[0]);
  for (const split of splits) {
    if (!split.parts.length || !split.data.some((d) => model.flow(d, split.scope).bindings.has(fit.dataBinding!))) continue;
    const heldOut = new Set(split.parts.filter((b) => splitRole(model, b)?.role !== "train"));
    if (!heldOut.size) continue;
    for (const site of later) {
      const callee = site.call.callee;
      if (callee.kind !== "member" || !SCORING_METHODS.has(callee.property) || (refit && site.call.range[0] > refit.site.call.range[0])) continue;
      if (receiverBinding(model, site) !== fit.owner) continue;
      const arg = site.call.args.find((a) => a.name === null && a.spread === "");
      const part = arg ? [...model.flow(arg.value, site.scope).bindings].find((b) => heldOut.has(b)) : undefined;
      if (part) return { split, part, scorer: site };
    }
  }
  return null;
}

/** What a value is built from: bindings, the expressions they hold, and the calls among them. */
export interface Derivation {
  bindings: Set<Binding>;
  values: Expr[];
  calls: CallExpr[];
}

// Expressions a derivation visits at most: tables are rebuilt a few dozen times in a notebook, not more.
const MAX_DERIVATION = 512;

/**
 * Everything a value is built from, following assignments and also the writes
 * into the tables and lists it reads, made before `before`: `df[c] = v`,
 * `df.loc[i, c] = v`, `rows.append(v)`. Pure data flow; branches are not told apart.
 */
export function derivation(model: SemanticModel, start: { e: Expr; scope: number }[], before: number): Derivation {
  const out: Derivation = { bindings: new Set(), values: [], calls: [] };
  const writes = writesByBinding(model);
  const work = [...start];
  let visited = 0;
  while (work.length && visited++ < MAX_DERIVATION) {
    const { e, scope } = work.pop()!;
    out.values.push(e);
    const f = model.flow(e, scope);
    out.calls.push(...f.calls);
    for (const b of f.bindings) {
      if (out.bindings.has(b)) continue;
      out.bindings.add(b);
      if (b.value) out.values.push(b.value);
      for (const w of writes.get(b) ?? []) if (w.range[1] <= before || b.scope !== 0) work.push({ e: w.value, scope: w.scope });
    }
  }
  return out;
}

const WRITES = new WeakMap<SemanticModel, Map<Binding, { value: Expr; scope: number; range: Range }[]>>();

/** Writes into the object a binding holds: item and attribute assignments, and mutating calls (`append`). */
function writesByBinding(model: SemanticModel): Map<Binding, { value: Expr; scope: number; range: Range }[]> {
  let index = WRITES.get(model);
  if (index) return index;
  index = new Map();
  const add = (root: Expr | null, scope: number, value: Expr, range: Range) => {
    if (root?.kind !== "name") return;
    const b = model.binding(root.name, scope, root.range[0]);
    if (!b) return;
    let list = index!.get(b);
    if (!list) index!.set(b, (list = []));
    list.push({ value, scope, range });
  };
  for (const ta of model.facts.targetAssigns) add(rootName(ta.target), ta.scope, ta.value, ta.range);
  for (const site of model.facts.calls) {
    const c = site.call.callee;
    if (c.kind !== "member" || !MUTATING_METHODS.has(c.property)) continue;
    for (const a of site.call.args) add(rootName(c.object), site.scope, a.value, site.call.range);
  }
  WRITES.set(model, index);
  return index;
}

/** A whole-table statistic: `df.mean()`, `df[c].std()`, `df.groupby(g)[t].mean()`, `df.groupby(g)[t].transform("mean")`. */
export interface RowStatistic {
  site: CallSite;
  /** The table summarised. */
  table: Binding;
  grouped: boolean;
  /** Column keys selected after the `groupby` (`[t]` in `df.groupby(g)[t].mean()`). */
  columns: Expr[];
}

const STATS = new WeakMap<SemanticModel, RowStatistic[]>();

/**
 * Every column-wise statistic over a whole table in the file. Left out: row-wise
 * ones (`axis=1`), ones over a subset of rows (`df[:n].mean()`, `df.loc[mask]`),
 * and imputation (`fillna(df[c].median())`).
 */
export function rowStatistics(model: SemanticModel): RowStatistic[] {
  let list = STATS.get(model);
  if (list) return list;
  list = [];
  const imputing = model.facts.calls.filter((s) => s.call.callee.kind === "member" && IMPUTING_METHODS.has(s.call.callee.property));
  const functionNames = new Set(STATISTIC_FUNCTIONS.map((f) => short(f.qname)));
  for (const site of model.facts.calls) {
    const c = site.call.callee;
    const last = c.kind === "member" ? c.property : c.kind === "name" ? c.name : null;
    let chain: Expr;
    let axis: Expr | undefined;
    let stat: string | null = null;
    // `tf.moments(xs, 0)`, `np.mean(X, axis=0)`: a function given the table.
    const fn = last !== null && functionNames.has(last) ? STATISTIC_FUNCTIONS.find((f) => f.qname === model.callee(site)) : undefined;
    if (fn) {
      const data = argument(site.call, fn.data);
      if (!data) continue;
      chain = data.value;
      axis = argument(site.call, fn.axis)?.value;
      stat = last;
    } else {
      if (c.kind !== "member") continue;
      const byName = STATISTIC_BY_NAME_METHODS.has(c.property) ? literalString(site.call.args[0]?.value) : null;
      stat = byName !== null && ROW_STATISTICS.has(byName) ? byName : ROW_STATISTICS.has(c.property) ? c.property : null;
      if (stat === null) continue;
      // pandas, numpy and tfjs take the axis first (`df.mean(1)`, `xs.mean(0)`), else by keyword.
      axis = argument(site.call, { keyword: "axis", ...(byName === null && AXIS_FIRST_STATISTICS.has(c.property) ? { index: 0 } : {}) })?.value;
      chain = c.object;
    }
    if (!rowsAxis(axis)) continue;
    // Walk the receiver chain down to the table: `df.groupby("g")["t"]` is grouped, rooted in df.
    let x: Expr = chain;
    let grouped = false;
    let subset = false;
    const keys: Expr[] = [];
    for (let i = 0; i < 16 && (x.kind === "member" || x.kind === "index" || x.kind === "call"); i++) {
      if (x.kind === "call") {
        if (x.callee.kind !== "member") break;
        if (x.callee.property === "groupby") grouped = true;
        // `xs.slice(0, n).mean(0)`: some rows only.
        if (SLICE_METHODS.has(x.callee.property)) subset = true;
        x = x.callee.object;
      } else if (x.kind === "index") {
        const k = x.index;
        // A column (`df["a"]`, `df[["a", "b"]]`, `df[cols]`) keeps every row; a slice or a mask does not.
        if (k.kind === "other" || (x.object.kind === "member" && (x.object.property === "loc" || x.object.property === "iloc"))) subset = true;
        if (!grouped) keys.push(k);
        x = x.object;
      } else x = x.object;
    }
    if (subset || stat === null || x.kind !== "name" || (!grouped && GROUPED_ONLY_STATISTICS.has(stat))) continue;
    if (imputing.some((s) => s.call.args.some((a) => contains(a.value.range, site.call.range)))) continue;
    const table = model.binding(x.name, site.scope, x.range[0]);
    if (table && table.kind !== "import" && table.kind !== "def") list.push({ site, table, grouped, columns: keys });
  }
  STATS.set(model, list);
  return list;
}

/** The statistic runs over rows: no axis, axis 0 (`"index"`), or several axes including 0. Row-wise ones (`axis=1`, `-1`) summarise one row each. */
function rowsAxis(axis: Expr | undefined): boolean {
  if (!axis) return true;
  if (axis.kind === "collection") return axis.items.some((a) => a.kind === "literal" && a.value === 0);
  if (axis.kind !== "literal") return true;
  return axis.value === 0 || axis.value === "index" || axis.value === null;
}

/** A column key, comparable across functions: a string literal, or a parameter's or variable's name. */
function keyOf(model: SemanticModel, e: Expr, scope: number): string | null {
  const d = model.definition(e, scope);
  const lit = literalString(d);
  if (lit !== null) return `'${lit}`;
  return e.kind === "name" ? `@${e.name}` : null;
}

/** The columns a split's labels are read from: `y = df["Churn"]`, `target = df.pop(response)`, `df[target_col].values`. */
function labelKeys(model: SemanticModel, split: Split): Set<string> {
  const keys = new Set<string>();
  const work = split.labels.map((e) => ({ e, hops: 0 }));
  while (work.length) {
    const { e, hops } = work.pop()!;
    if (hops > 8) continue;
    const scope = split.scope;
    const x = e.kind === "name" ? model.definition(e, scope) : e;
    if (x.kind === "member") work.push({ e: x.object, hops: hops + 1 });
    else if (x.kind === "index") {
      const k = keyOf(model, x.index, scope);
      if (k) keys.add(k);
    } else if (x.kind === "call" && x.callee.kind === "member") {
      if ((x.callee.property === "pop" || x.callee.property === "get") && x.args[0]) {
        const k = keyOf(model, x.args[0].value, scope);
        if (k) keys.add(k);
      } else work.push({ e: x.callee.object, hops: hops + 1 });
    }
  }
  return keys;
}

/** The column keys a statistic is taken of: `[t]` in `df.groupby(g)[t].mean()`, or picked from its result (`.mean()[t]`). */
function statisticColumns(model: SemanticModel, stat: RowStatistic, values: Expr[]): string[] {
  const call = stat.site.call;
  const columns = [...stat.columns];
  for (const v of values)
    for (const x of subExpressions(v))
      if (x.kind === "index" && x.object.range[0] === call.range[0] && x.object.range[1] === call.range[1]) columns.push(x.index);
  const keys: string[] = [];
  for (const k of columns)
    for (const item of k.kind === "collection" ? k.items : [k]) {
      const key = keyOf(model, item, stat.site.scope);
      if (key !== null) keys.push(key);
    }
  return keys;
}

/** The value is, or is computed from, the call at `call`; a destructured name's value (`tf.moments(...).mean`) sits at the pattern, so look inside, not only at ranges. */
function holdsCall(v: Expr, call: Range): boolean {
  if (contains(v.range, call)) return true;
  for (const x of subExpressions(v)) if (x.kind === "call" && x.range[0] === call[0] && x.range[1] === call[1]) return true;
  return false;
}

/**
 * An ungrouped statistic combined with its own table in arithmetic: `(df - df.mean()) / df.std()`,
 * `mean = df.mean(); (df - mean) / std`, tfjs `xs.sub(mean).div(std)` with `{ mean } = tf.moments(xs, 0)`.
 */
export function normalises(model: SemanticModel, stat: RowStatistic, d: Derivation): boolean {
  const values = d.values;
  if (stat.grouped) return false;
  const call = stat.site.call.range;
  // Names whose value holds the statistic: `mean` in `const { mean, variance } = tf.moments(xs, 0)`.
  const carriers = new Set<Binding>();
  for (const v of values) {
    if (!holdsCall(v, call)) continue;
    for (const b of d.bindings) if (b.value === v) carriers.add(b);
  }
  const named = (name: string, at: number, want: (b: Binding) => boolean) => {
    const b = model.binding(name, model.facts.scopeAt(at), at);
    return b !== null && want(b);
  };
  const isTable = (b: Binding) => b === stat.table;
  const isCarrier = (b: Binding) => carriers.has(b);
  for (const v of values) {
    if (v.kind === "other") {
      const table = v.names.some((n) => named(n, v.range[0], isTable));
      if (table && (contains(v.range, call) || v.names.some((n) => named(n, v.range[0], isCarrier)))) return true;
      continue;
    }
    if (v.kind !== "call" || v.callee.kind !== "member" || !ARITHMETIC_METHODS.has(v.callee.property)) continue;
    let table = false;
    let statistic = contains(v.range, call);
    for (const x of subExpressions(v)) {
      if (x.kind !== "name") continue;
      table ||= named(x.name, x.range[0], isTable);
      statistic ||= named(x.name, x.range[0], isCarrier);
    }
    if (table && statistic) return true;
  }
  return false;
}

/**
 * Is this statistic a leak into the data it feeds? Target encoding: a grouped
 * statistic of the label column (`df.groupby(g)["Churn"].mean()`, `.mean()["Churn"]`).
 * Normalisation: an ungrouped one combined with the same table in arithmetic.
 */
function leaky(s: { grouped: boolean; columns: string[]; normalises: boolean }, labels: Set<string>): boolean {
  return s.grouped ? s.columns.some((k) => labels.has(k)) : s.normalises;
}

/** Summary kind: the function mixes a whole-table statistic of its parameter N into what it returns. Plain JSON, for the project index. */
export interface StatisticSummary {
  param: number;
  /** The statistic as written, for messages. */
  statistic: string;
  /** Where it is, in the function's own file. */
  range: [number, number];
  grouped: boolean;
  /** Column keys the statistic is taken of (see keyOf). */
  columns: string[];
  /** Combined with the same table in arithmetic (`(df - df.mean()) / df.std()`). */
  normalises: boolean;
}

/** `def encode(df): df[c + "_mean"] = df.groupby(c)[t].transform("mean"); return df`, directly or through another helper. */
export const rowStatisticKind: SummaryKind<StatisticSummary> = {
  id: "rowStatistic",
  compute(fn) {
    const { model } = fn;
    const returned = fn.returns.map((r) => ({ e: r.value, scope: r.scope }));
    if (!returned.length) return null;
    const d = derivation(model, returned, fn.scope.range[1]);
    for (const stat of rowStatistics(model)) {
      const param = fn.params.indexOf(stat.table);
      if (param < 0 || !d.bindings.has(stat.table) || !d.values.some((v) => holdsCall(v, stat.site.call.range))) continue;
      return {
        param,
        statistic: snippetOf(model, stat.site.call.range),
        range: [stat.site.call.range[0], stat.site.call.range[1]],
        grouped: stat.grouped,
        columns: statisticColumns(model, stat, d.values),
        normalises: normalises(model, stat, d),
      };
    }
    // A helper that hands its parameter to another helper that does it.
    for (const site of fn.calls) {
      const inner = fn.callee(rowStatisticKind, site);
      const arg = inner ? argument(site.call, { index: inner.param }) : null;
      const param = arg ? fn.params.findIndex((p) => model.flow(arg.value, site.scope).bindings.has(p)) : -1;
      if (inner && param >= 0 && d.calls.some((c) => c.range[0] === site.call.range[0] && c.range[1] === site.call.range[1])) {
        return { ...inner, param, range: [site.call.range[0], site.call.range[1]] };
      }
    }
    return null;
  },
};

const snippetOf = (model: SemanticModel, range: Range): string => {
  const flat = model.sourceText(range).replace(/\s+/g, " ").trim();
  return flat.length > 50 ? `${flat.slice(0, 49)}…` : flat;
};

/** A whole-table statistic that reaches a later split, directly or through a helper (`helper`: the call, and the statistic is in another module when `external`). */
export interface StatisticLeak {
  split: Split;
  statistic: string;
  range: Range;
  table: string;
  tableScope: number;
  helper: { call: CallExpr; name: string; external: boolean } | null;
  more: number;
}

/**
 * Whole-table statistics mixed into data that a later split divides: their
 * values came from the held-out rows too. Directly, or through a function
 * (this file's or a project module's) whose summary says it does so to its argument.
 */
export function statisticsBeforeSplit(model: SemanticModel, splits: Split[]): StatisticLeak[] {
  const stats = rowStatistics(model);
  const out: StatisticLeak[] = [];
  const reported = new Set<string>();
  const id = (r: Range) => `${r[0]}:${r[1]}`;
  // One finding per table and split, at its first statistic: five target-encoded columns are one mistake.
  const tables = new Map<string, StatisticLeak>();
  for (const split of splits) {
    const d = derivation(
      model,
      split.data.map((e) => ({ e, scope: split.scope })),
      split.range[0],
    );
    const labels = labelKeys(model, split);
    for (const stat of stats) {
      const call = stat.site.call;
      if (reported.has(id(call.range)) || call.range[1] > split.range[0] || !d.bindings.has(stat.table)) continue;
      if (!d.values.some((v) => holdsCall(v, call.range))) continue;
      if (!leaky({ grouped: stat.grouped, columns: statisticColumns(model, stat, d.values), normalises: normalises(model, stat, d) }, labels)) continue;
      reported.add(id(call.range));
      const key = `${stat.table.range[0]}:${split.range[0]}`;
      const first = tables.get(key);
      if (first) first.more++;
      else {
        const leak: StatisticLeak = {
          split,
          statistic: snippetOf(model, call.range),
          range: call.range,
          table: stat.table.name,
          tableScope: stat.site.scope,
          helper: null,
          more: 0,
        };
        tables.set(key, leak);
        out.push(leak);
      }
    }
    for (const call of d.calls) {
      if (call.range[1] > split.range[0]) continue;
      const site = { call, scope: model.facts.scopeAt(call.range[0]) };
      const summary = model.summaryAt(rowStatisticKind, site);
      const arg = summary ? argument(call, { index: summary.param }) : null;
      if (!summary || !arg || !leaky(summary, labels)) continue;
      const fn = model.calledFunction(site);
      const external = !fn || !("local" in fn);
      const range: Range = external ? call.range : summary.range;
      if (reported.has(id(range))) continue;
      reported.add(id(range));
      const root = rootName(arg.value);
      const name = call.callee.kind === "name" ? call.callee.name : call.callee.kind === "member" ? call.callee.property : "helper";
      out.push({
        split,
        statistic: summary.statistic,
        range,
        table: root?.name ?? snippetOf(model, arg.value.range),
        tableScope: site.scope,
        helper: { call, name, external },
        more: 0,
      });
    }
  }
  return out;
}

/**
 * A value accumulated by an evaluation loop over test data, written in place (`for i, (x, y) in enumerate(testloader):
 * correct += ...`, then `acc = 100. * correct / total`): the loop's iterable (or an argument of the call that wraps
 * it: `enumerate`, `tqdm`) and its evidence.
 */
export function loopTestScore(model: SemanticModel, expr: Expr, scope: number): { iterable: Expr; evidence: string } | null {
  for (const b of model.flow(expr, scope).bindings) {
    if (b.kind !== "loop" || !b.value) continue;
    const candidates = b.value.kind === "call" ? b.value.args.map((a) => a.value) : [b.value];
    for (const it of candidates) {
      const evidence = it.kind === "call" ? null : testEvidence(model, it, b.scope);
      if (evidence) return { iterable: it, evidence };
    }
  }
  return null;
}

/** A test score a value is computed from (through assignments): a scoring call on the test split, with its evidence. */
export function testScoreOf(model: SemanticModel, expr: Expr, scope: number): string | null {
  const calls = expr.kind === "call" ? [expr, ...model.flow(expr, scope).calls] : model.flow(expr, scope).calls;
  for (const call of calls) {
    const hit = testScores(model, call.range).find((h) => h.site.call.range[0] === call.range[0] && h.site.call.range[1] === call.range[1]);
    if (hit) return hit.evidence;
  }
  return null;
}

/**
 * A dict of test scores that `max`/`min`/`sorted` ranks: `max(scores, key=scores.get)`,
 * `max(scores.items(), key=...)`, where `scores[name] = accuracy_score(y_test, ...)` or
 * `scores = {"lr": f1_score(y_test, ...), ...}`. The evidence of the first test score.
 */
export function rankedTestScores(model: SemanticModel, site: CallSite): string | null {
  const first = site.call.args.find((a) => a.name === null && a.spread === "");
  const root = first ? rootName(first.value.kind === "call" && first.value.callee.kind === "member" ? first.value.callee.object : first.value) : null;
  const holder = root ? model.binding(root.name, site.scope, root.range[0]) : null;
  if (!holder) return null;
  const values: { e: Expr; scope: number }[] = keyedWrites(model, holder, site.call.range[0]).map((w) => ({ e: w.value, scope: w.scope }));
  const own = holder.kind === "assign" && holder.value ? model.definition(holder.value, holder.scope) : null;
  if (own?.kind === "dict") values.push(...own.entries.map((en) => ({ e: en.value, scope: holder.scope })));
  for (const v of values) {
    const evidence = testScoreOf(model, v.e, v.scope);
    if (evidence) return evidence;
  }
  return null;
}
