import {
  EVAL_TOKENS,
  HELD_OUT_LOADER_HOOKS,
  LOADER_HOOK_PACKAGES,
  LOSS_TOKENS,
  nameTokens,
  QUALITY_METRIC_TOKENS,
  SPLIT_TOKENS,
  type SplitRole,
} from "../catalogue/data.js";
import { metricBatchLoggers, metricLoggers, metricMappingLoggers, TRACKER_PACKAGES } from "../catalogue/tracking.js";
import { recordingObjects } from "../catalogue/provenance.js";
import type { CallExpr, Expr, Range } from "../semantic/ir.js";
import { metricDictKind } from "../semantic/metric-summaries.js";
import { argument, literalString, type SemanticModel } from "../semantic/model.js";
import { counterparts, describeEvidence, listNames, provenance, replaceWord, ROLE_WORDS } from "../semantic/provenance.js";
import { attributeWrites, keyedWrites, scopeOf } from "../semantic/queries.js";
import { createRule } from "./util/create-rule.js";
import { replace, type Edit } from "./util/edits.js";
import { onProgram, snippet } from "./util/program.js";

type MessageIds = "trainLoaderAsHeldOut" | "trainAsHeldOut" | "trainUnqualified" | "valAsTest" | "renameKey";
type Options = [];

const QUOTES = ['"""', "'''", '"', "'", "`"];

type KeySplit = SplitRole | "eval" | null;

interface LoggedMetric {
  key: string;
  value: Expr;
  scope: number;
  /** Where to report: the value argument, or the whole dict entry. */
  at: Range;
  /** The key's string literal, when it is written in the logging call itself and so can be renamed there alone. */
  keyLiteral?: Expr;
}

const splitOf = (token: string): SplitRole | "eval" | null =>
  Object.hasOwn(SPLIT_TOKENS, token) ? SPLIT_TOKENS[token]! : EVAL_TOKENS.has(token) ? "eval" : null;

/** The split a metric key names and whether it is a loss or a quality score; null when it names several splits. */
function classifyKey(key: string): { split: KeySplit; kind: "loss" | "quality" | null } | null {
  const tokens = nameTokens(key);
  // `acc_std_dev` is a spread, not a dev split.
  const splits = new Set(
    tokens.map((t, i) => (t === "dev" && (tokens[i - 1] === "std" || tokens[i - 1] === "standard") ? null : splitOf(t))).filter((s) => s !== null),
  );
  if (splits.size > 1) return null;
  const kind = tokens.some((t) => LOSS_TOKENS.has(t)) ? "loss" : tokens.some((t) => QUALITY_METRIC_TOKENS.has(t)) ? "quality" : null;
  return { split: splits.size ? [...splits][0]! : null, kind };
}

/** `accuracy` → `train_accuracy`, `metrics/acc` → `train/metrics/acc`, `topAcc` → `trainTopAcc`, `Dice` → `Train_Dice`. */
function prefixed(key: string, word: string): string {
  if (/^[a-z0-9]+[A-Z]/.test(key) && !/[^A-Za-z0-9]/.test(key)) return word + key[0]!.toUpperCase() + key.slice(1);
  const cased = /^[A-Z]/.test(key) ? word[0]!.toUpperCase() + word.slice(1) : word;
  const sep = key.includes("/") ? "/" : key.includes(" ") ? " " : key.includes("-") && !key.includes("_") ? "-" : "_";
  return `${cased}${sep}${key}`;
}

/** Every literal metric key logged with its value expression. */
function loggedMetrics(model: SemanticModel): LoggedMetric[] {
  const out: LoggedMetric[] = [];
  for (const { site, qname } of model.callsTo(metricLoggers.map((l) => l.qname))) {
    const logger = metricLoggers.find((l) => l.qname === qname)!;
    const keyExpr = argument(site.call, logger.key)?.value;
    const key = literalString(keyExpr);
    const value = argument(site.call, logger.value)?.value;
    if (key !== null && value) out.push({ key, value, scope: site.scope, at: value.range, keyLiteral: keyExpr! });
  }
  for (const { site, qname } of model.callsTo(metricMappingLoggers.map((l) => l.qname))) {
    const arg = argument(site.call, metricMappingLoggers.find((l) => l.qname === qname)!.mapping);
    if (!arg || arg.spread) continue;
    const mapping = model.definition(arg.value, site.scope);
    // `metrics = evaluate(model, X_train, y_train)`: a function whose summary says it returns a dict of metrics, each computed from some of its arguments.
    const summary = mapping.kind === "call" ? model.summaryAt(metricDictKind, { call: mapping, scope: scopeOf(model, mapping) }) : null;
    for (const en of summary?.entries ?? []) {
      const call = mapping as CallExpr;
      const items = en.params.map((i) => argument(call, { index: i })?.value).filter((v): v is Expr => v !== undefined);
      if (items.length) out.push({ key: en.key, value: { kind: "collection", range: call.range, items }, scope: scopeOf(model, call), at: arg.value.range });
    }
    if (mapping.kind === "dict") {
      for (const en of mapping.entries) {
        const key = literalString(en.key);
        // A dict written in the call is renamed there; one bound earlier may be read elsewhere under its old key.
        if (key !== null)
          out.push({ key, value: en.value, scope: scopeOf(model, en.value), at: en.range, ...(mapping === arg.value ? { keyLiteral: en.key! } : {}) });
      }
    }
    // `metrics["acc"] = v` before `log_metrics(metrics)`.
    if (arg.value.kind !== "name") continue;
    const name = arg.value.name;
    const bound = model.binding(name, site.scope, arg.value.range[0]);
    if (!bound) continue;
    for (const w of keyedWrites(model, bound, site.call.range[0])) {
      const key = literalString(w.key);
      if (key !== null) out.push({ key, value: w.value, scope: w.scope, at: w.range });
    }
  }
  // `run.summary["test_acc"] = acc`: a keyed write into an object that records what it holds.
  const recorders = new Set(recordingObjects);
  for (const t of attributeWrites(model)) {
    const key = t.target.kind === "index" ? literalString(t.target.index) : t.target.property;
    if (key === null) continue;
    const q = model.resolve(t.target.object, t.scope);
    if (q !== null && recorders.has(q))
      out.push({ key, value: t.value, scope: t.scope, at: t.value.range, ...(t.target.kind === "index" ? { keyLiteral: t.target.index } : {}) });
  }
  for (const { site, qname } of model.callsTo(metricBatchLoggers.map((l) => l.qname))) {
    const logger = metricBatchLoggers.find((l) => l.qname === qname)!;
    const list = argument(site.call, logger.list);
    const items = list ? model.definition(list.value, site.scope) : null;
    if (items?.kind !== "collection") continue;
    for (const item of items.items) {
      // Entity objects (`Metric(k, v, ...)`), or object literals (`{ key, value }`) when the catalogue names no entity.
      if (logger.entity === null ? item.kind !== "dict" : item.kind !== "call" || model.resolve(item.callee, scopeOf(model, item)) !== logger.entity) continue;
      const keyExpr = argument(item, logger.key)?.value;
      const key = literalString(keyExpr);
      const value = argument(item, logger.value)?.value;
      if (key !== null && value)
        out.push({ key, value, scope: scopeOf(model, value), at: value.range, ...(items === list!.value ? { keyLiteral: keyExpr! } : {}) });
    }
  }
  return out;
}

/** Lightning's `test_dataloader`/`val_dataloader` methods that return a loader over the training split. */
function heldOutLoaderHooks(model: SemanticModel): { at: Range; data: Record<string, string> }[] {
  const out: { at: Range; data: Record<string, string> }[] = [];
  for (const fn of model.functionScopes()) {
    const hook = HELD_OUT_LOADER_HOOKS.find((h) => h.method === fn.name);
    const owner = hook && fn.parent !== null ? model.scopeById(fn.parent) : null;
    if (!hook || owner?.kind !== "class") continue;
    for (const ret of model.returnsIn(fn.id)) {
      const prov = provenance(model, ret.value, ret.scope);
      // The name of the data alone (`self.train_ds`) is evidence enough here: the hook's own name says which split it must be.
      if (prov.role !== "train") continue;
      out.push({
        at: ret.value.range,
        data: { hook: fn.name!, evidence: describeEvidence(prov.evidence, "train"), step: hook.step, split: ROLE_WORDS[hook.role] },
      });
      break;
    }
  }
  return out;
}

/** The finding for a value from split `from` logged under a key naming `split`, or null when the name fits. */
function finding(split: KeySplit, kind: "loss" | "quality", from: SplitRole): { messageId: MessageIds; from: SplitRole; want: SplitRole[] } | null {
  if (from === "train" && (split === "val" || split === "test")) return { messageId: "trainAsHeldOut", from, want: [split] };
  if (from === "train" && split === "eval") return { messageId: "trainAsHeldOut", from, want: ["val", "test"] };
  // An unqualified training loss is the convention; an unqualified quality score reads as held-out.
  if (from === "train" && split === null && kind === "quality") return { messageId: "trainUnqualified", from, want: ["test", "val"] };
  if (from === "val" && split === "test") return { messageId: "valAsTest", from, want: ["test"] };
  return null;
}

/**
 * The edit that renames a key literal, keeping its quotes: only a plain
 * string whose text between the quotes is the key itself (no prefix, no escapes).
 */
function renameEdit(literal: Expr, key: string, rename: string, source: string): Edit | null {
  const written = source.slice(literal.range[0], literal.range[1]);
  // A JavaScript property key written bare (`{ test_acc: v }`) stays bare when the new name is an identifier too.
  if (written === key && /^[A-Za-z_$][\w$]*$/u.test(rename)) return replace(literal.range, rename);
  for (const quote of QUOTES) {
    if (written === `${quote}${key}${quote}`) return replace([literal.range[0] + quote.length, literal.range[1] - quote.length], rename);
  }
  return null;
}

/** What to log instead: the held-out twin data (`X_test`) or metric (`val_acc`), else the split by name. */
function remedy(twins: string[], want: SplitRole[]): string {
  const isMetric = (name: string) => nameTokens(name).some((t) => QUALITY_METRIC_TOKENS.has(t) || LOSS_TOKENS.has(t));
  const metrics = twins.filter(isMetric);
  const data = twins.filter((t) => !isMetric(t));
  if (data.length) return `compute it on ${listNames(data)}`;
  if (metrics.length) return `log ${listNames(metrics)} instead`;
  return `compute it on ${want.length === 1 ? `the ${ROLE_WORDS[want[0]!]} split` : "held-out data"}`;
}

export default createRule<Options, MessageIds>({
  name: "no-mislabeled-metric",
  meta: {
    type: "problem",
    languages: ["exp-lint/python", "js/js"],
    docs: {
      description: "Disallow logging a training-data metric under a held-out or unqualified name, or a validation metric as a test metric",
      recommended: true,
    },
    messages: {
      trainAsHeldOut:
        "Metric '{{key}}' is logged as a {{keySplit}} score, but {{value}} is computed on training data ({{evidence}}). Log it as '{{rename}}', or {{remedy}}.",
      trainUnqualified:
        "Metric '{{key}}' reads as a held-out score, but {{value}} is computed on training data ({{evidence}}), so it overstates generalisation. Log it as '{{rename}}', or {{remedy}}.",
      valAsTest:
        "Metric '{{key}}' is logged as a test score, but {{value}} is computed on the validation split ({{evidence}}), which guided model selection. Log it as '{{rename}}', or {{remedy}}.",
      trainLoaderAsHeldOut:
        "'{{hook}}' returns a loader over training data ({{evidence}}), so every metric {{step}} computes from it is a training score reported under the {{split}} name. Return a loader over the {{split}} split.",
      renameKey: "Log it as '{{rename}}'.",
    },
    hasSuggestions: true,
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return onProgram(context, ({ model, loc, text }) => {
      if (model.imports(...LOADER_HOOK_PACKAGES)) {
        for (const hook of heldOutLoaderHooks(model)) context.report({ loc: loc(hook.at), messageId: "trainLoaderAsHeldOut", data: hook.data });
      }
      if (!model.imports(...TRACKER_PACKAGES)) return;
      const reported = new Set<string>();
      for (const m of loggedMetrics(model)) {
        const key = classifyKey(m.key);
        if (!key?.kind) continue;
        const prov = provenance(model, m.value, m.scope);
        const found = prov.role && finding(key.split, key.kind, prov.role);
        if (!found) continue;
        const id = `${m.at[0]}:${m.at[1]}:${m.key}`;
        if (reported.has(id)) continue;
        reported.add(id);
        const { messageId, from, want } = found;
        const twins = want.map((w) => counterparts(model, prov.evidence, from, w)).find((c) => c.length) ?? [];
        const rename = key.split === null ? prefixed(m.key, from) : (replaceWord(m.key, (t) => splitOf(t) === key.split, from) ?? prefixed(m.key, from));
        // Not a shorthand `{ acc }`, whose key is also the variable it reads.
        const edit = m.keyLiteral && m.keyLiteral.range[0] !== m.value.range[0] ? renameEdit(m.keyLiteral, m.key, rename, context.sourceCode.text) : null;
        context.report({
          suggest: edit ? [{ messageId: "renameKey", data: { rename }, fix: (fixer) => fixer.replaceTextRange(edit.range, edit.text) }] : [],
          loc: loc(m.at),
          messageId,
          data: {
            key: m.key,
            keySplit: key.split === "eval" ? "held-out" : key.split === null ? "" : ROLE_WORDS[key.split],
            value: snippet(text(m.value.range)),
            evidence: describeEvidence(prov.evidence, from),
            rename,
            remedy: remedy(twins, want),
          },
        });
      }
    });
  },
});
