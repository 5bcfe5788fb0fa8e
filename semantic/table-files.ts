import { FILE_READERS, TABLE_WRITE_METHODS } from "../catalogue/data.js";
import type { Binding, CallSite, Expr } from "./ir.js";
import { argument, literalString, type SemanticModel } from "./model.js";
import { provenance } from "./provenance.js";
import { dataFitKind, learnedFit } from "./split-summaries.js";
import { derivation, normalises, rowStatistics } from "./splits.js";

/**
 * Tables handed from one script of a project to another through a file:
 * `prep.py` fits a scaler on every row and writes `data/clean.csv`, and
 * `train.py` reads that file and splits it. The writing side is recorded in
 * the project index (plain JSON); the reading side asks the index by path.
 */

/** A table a script writes after fitting on all of its rows. */
export interface FittedWrite {
  /** The path as written (a literal, `os.path.join` of literals, or `Path(...) / "..."`). */
  path: string;
  /** 1-based line of the write. */
  line: number;
  /** What was fitted on the whole table, in words: `StandardScaler.fit_transform on line 12`. */
  what: string;
}

/** A file path written as literals: `"data/clean.csv"`, `os.path.join("data", "clean.csv")`, `Path("data") / "clean.csv"`. */
export function literalPath(model: SemanticModel, e: Expr | undefined, scope: number, hops = 0): string | null {
  if (!e || hops > 4) return null;
  const d = model.definition(e, scope);
  const lit = literalString(d);
  if (lit !== null) return lit;
  if (d.kind === "call") {
    const q = model.resolve(d.callee, scope);
    const parts = d.args.map((a) => (a.name === null && a.spread === "" ? literalPath(model, a.value, scope, hops + 1) : null));
    if ((q === "os.path.join" || q === "pathlib.Path" || q === "posixpath.join") && parts.length && parts.every((p) => p !== null)) return parts.join("/");
    return null;
  }
  // `Path("data") / "clean.csv"`
  if (d.kind === "other" && d.operands?.length === 2 && model.sourceText(d.range).includes("/")) {
    const [a, b] = d.operands.map((o) => literalPath(model, o, scope, hops + 1));
    return a != null && b != null ? `${a}/${b}` : null;
  }
  return null;
}

const lineOf = (model: SemanticModel, offset: number) => model.text.slice(0, offset).split("\n").length;

/** Tables written after a learned transformer or a whole-table normalisation saw every row (no split before it). */
export function fittedWrites(model: SemanticModel): FittedWrite[] {
  const out: FittedWrite[] = [];
  for (const site of model.facts.calls) {
    const c = site.call.callee;
    const writer = c.kind === "member" ? TABLE_WRITE_METHODS.find((w) => w.method === c.property) : undefined;
    if (!writer || c.kind !== "member") continue;
    const path = literalPath(model, argument(site.call, writer.path)?.value, site.scope);
    if (path === null) continue;
    const what = fittedOnAll(model, c.object, site);
    if (what) out.push({ path, line: lineOf(model, site.call.range[0]), what });
  }
  return out;
}

/** What the table at `table` was fitted on whole, before `site`: a learned fit, a helper that fits, or a normalising statistic. */
function fittedOnAll(model: SemanticModel, table: Expr, site: CallSite): string | null {
  const d = derivation(model, [{ e: table, scope: site.scope }], site.call.range[0]);
  for (const call of d.calls) {
    const at = { call, scope: model.facts.scopeAt(call.range[0]) };
    const fit = learnedFit(model, at);
    const helper = fit ? null : model.summaryAt(dataFitKind, at);
    const x = fit?.x.value ?? (helper ? argument(call, { index: helper.param })?.value : undefined);
    if (!x || (fit?.kind ?? helper?.kind) !== "transformer" || provenance(model, x, at.scope).roles.size) continue;
    const name = fit
      ? `${fit.name}.${fit.method === "called" ? "" : fit.method}`.replace(/\.$/u, "")
      : `${helper!.what} (inside ${model.sourceText(call.callee.range)})`;
    return `${name} on line ${lineOf(model, call.range[0])}`;
  }
  for (const stat of rowStatistics(model)) {
    const r = stat.site.call.range;
    if (r[1] > site.call.range[0] || !d.bindings.has(stat.table) || !normalises(model, stat, d)) continue;
    if (provenance(model, { kind: "name", name: stat.table.name, range: r }, stat.site.scope).roles.size) continue;
    return `${model.sourceText(r)} on line ${lineOf(model, r[0])}`;
  }
  return null;
}

/** A table read from a file named by literals: the binding, the path, and the reading call. */
export function tableRead(model: SemanticModel, b: Binding): { path: string; call: Expr } | null {
  if (b.kind !== "assign" || !b.value) return null;
  const v = model.definition(b.value, b.scope);
  if (v.kind !== "call") return null;
  const q = model.resolve(v.callee, b.scope);
  const reader = q === null ? undefined : FILE_READERS.find((r) => r.qname === q);
  const path = reader ? literalPath(model, argument(v, reader.path)?.value, b.scope) : null;
  return path === null ? null : { path, call: v };
}
