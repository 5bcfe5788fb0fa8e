import {
  BEST_ITERATION_BY_DEFAULT,
  BOOSTER_TRAINERS,
  CHECKPOINT_ACTIONS,
  EARLY_STOPPING_CALLBACKS,
  EARLY_STOPPING_KEYWORDS,
  LEAKAGE_PACKAGES,
  MODEL_LOADS,
  MODEL_PROMOTIONS,
  MONITORING_TRAINERS,
  MONITOR_ARGUMENTS,
  OBJECTIVE_RUNNERS,
  ONE_SET_MONITORS,
  RUN_SEARCHES,
  SEARCHES,
  STATELESS_TRANSFORMERS,
  TRANSFORMER_FIT_METHODS,
  TUNERS,
} from "../catalogue/leakage.js";
import { FIT_METHODS, roleFromName } from "../catalogue/data.js";
import type { Binding, CallExpr, CallSite, Expr, Range } from "../semantic/ir.js";
import { argument, contains, literalString, type SemanticModel } from "../semantic/model.js";
import { listNames, provenance, splitRole } from "../semantic/provenance.js";
import {
  attributeWrites,
  bindings,
  callCarried,
  callSites,
  callsIn,
  fitsByOwner,
  functionBody,
  loopCarried,
  memberReads,
  methodCallsOn,
  scopeOf,
} from "../semantic/queries.js";
import {
  at,
  base,
  derivation,
  leakedSplit,
  sameRange,
  short,
  type Split,
  rankedTestScores,
  splitsOf,
  statisticsBeforeSplit,
  testEvidence,
  loopTestScore,
  testScores,
  trainedOnAll,
} from "../semantic/splits.js";
import { dataFitKind, learnedFit } from "../semantic/split-summaries.js";
import { tableRead } from "../semantic/table-files.js";
import { createRule } from "./util/create-rule.js";
import { onProgram, snippet } from "./util/program.js";

type MessageIds =
  | "fittedFileBeforeSplit"
  | "statsBeforeSplit"
  | "fitOnAll"
  | "fitBeforeSplit"
  | "resampleBeforeSplit"
  | "fitOnTest"
  | "searchOnTest"
  | "tuneOnTest"
  | "selectOnTest"
  | "earlyStopOnTest";
type Options = [];

// Builtins that pick or order candidates by a key.
const RANKING_BUILTINS = new Set(["max", "min", "sorted"]);

/** Early stopping on a fit or train call, in words; null when it does not stop early or keep a best iteration. */
function earlyStopping(model: SemanticModel, site: CallSite): string | null {
  const { call, scope } = site;
  const on = (c: CallExpr, where: string): string | null => {
    for (const a of model.namedArguments(c)) {
      if (EARLY_STOPPING_KEYWORDS.includes(a.name) && !(a.value.kind === "literal" && (a.value.value === null || a.value.value === false)))
        return `${a.name}${where}`;
    }
    return null;
  };
  const callback = (c: CallExpr): string | null => {
    // A keyword in Python, a property of the options object in tfjs.
    const list = model.namedArguments(c).find((a) => a.name === "callbacks");
    const custom = list ? handWrittenCheckpoint(model, list.value, scope) : null;
    if (custom) return custom;
    // What the list holds, appended ones too: `callbacks.push(tf.callbacks.earlyStopping(...))`, `callbacks.append(EarlyStopping(...))`.
    for (const made of list ? derivation(model, [{ e: list.value, scope }], c.range[0]).calls : []) {
      const q = model.resolve(made.callee, scopeOf(model, made));
      const cb = q === null ? undefined : EARLY_STOPPING_CALLBACKS.find((e) => e.qname === q);
      const flag = cb?.when ? argument(made, { keyword: cb.when })?.value : undefined;
      if (cb && (!cb.when || (flag?.kind === "literal" && flag.value === true))) return `${short(q!)}${cb.when ? ` with ${cb.when}=True` : ""} callback`;
    }
    return null;
  };
  const direct = on(call, "") ?? callback(call);
  if (direct) return direct;
  // Booster params (`xgb.train(params, ...)`) or the estimator's constructor (`XGBClassifier(early_stopping_rounds=50)`).
  const holders: Expr[] = [];
  const q = model.callee(site);
  const trainer = q === null ? undefined : BOOSTER_TRAINERS.find((t) => t.qname === q);
  const params = trainer ? argument(call, trainer.params) : null;
  if (params) holders.push(model.definition(params.value, scope));
  else if (call.callee.kind === "member") holders.push(model.definition(call.callee.object, scope));
  for (const h of holders) {
    if (h.kind === "dict") {
      const key = h.entries.find((en) => en.key?.kind === "literal" && EARLY_STOPPING_KEYWORDS.includes(String(en.key.value)));
      if (key) return `${String((key.key as { value: unknown }).value)} in the parameters`;
    }
    if (h.kind === "call") {
      const ctor = model.resolve(h.callee, scope);
      // `Trainer(callbacks=[EarlyStopping(...)])` then `trainer.fit(..., val_dataloaders=...)`.
      const found = on(h, ctor ? ` on ${short(ctor)}` : "") ?? callback(h);
      if (found) return found;
      const best = ctor ? BEST_ITERATION_BY_DEFAULT.find((b) => b.qname === ctor) : undefined;
      const off = (c: CallExpr) => argument(c, { keyword: best!.off })?.value;
      const disabled = (c: CallExpr) => off(c)?.kind === "literal" && (off(c) as { value: unknown }).value === false;
      if (best && !disabled(h) && !disabled(call)) return `${short(ctor!)}'s ${best.off}, on by default`;
    }
  }
  return null;
}

/**
 * A hand-written callback (tfjs `callbacks: { onEpochEnd }`, `new tf.CustomCallback({...})`)
 * that saves the model or stops training: it keeps or stops on what it monitors.
 */
function handWrittenCheckpoint(model: SemanticModel, value: Expr, scope: number): string | null {
  const work: Expr[] = [model.definition(value, scope)];
  for (let i = 0; i < work.length && i < 16; i++) {
    const v = work[i]!;
    if (v.kind === "collection") work.push(...v.items.map((x) => model.definition(x, scope)));
    else if (v.kind === "call") work.push(...v.args.map((a) => model.definition(a.value, scope)));
    else if (v.kind === "dict") {
      for (const en of v.entries) {
        const hook = literalString(en.key);
        if (hook === null) continue;
        // The hook's body: a function written in place, or a function of the file it names.
        const def = en.value.kind === "name" ? model.binding(en.value.name, scope, at(en.value)) : null;
        const body = def ? functionBody(model, def)?.range : en.value.kind === "other" ? en.value.range : undefined;
        if (!body) continue;
        const saves = callsIn(model, body).some((c) => c.call.callee.kind === "member" && CHECKPOINT_ACTIONS.methods.has(c.call.callee.property));
        const stops = attributeWrites(model).some(
          (w) => contains(body, w.range) && w.target.kind === "member" && CHECKPOINT_ACTIONS.stopFlags.has(w.target.property),
        );
        // Only on what it monitors (`logs.val_loss`): a stop button (`model.stopTraining = this.stopFlag`) chooses nothing.
        if ((saves || stops) && readsValidationLog(model, body))
          return `${/^[aeiou]/iu.test(hook) ? "an" : "a"} ${hook} callback that ${saves ? "saves the model" : "stops training"}`;
      }
    }
  }
  return null;
}

/** The hook reads a validation entry of the logs it is given: `logs.val_loss`, `logs["val_acc"]`. */
function readsValidationLog(model: SemanticModel, body: Range): boolean {
  return memberReads(model).some(({ expr }) => {
    if (!contains(body, expr.range)) return false;
    const key = expr.kind === "member" ? expr.property : literalString(expr.index);
    return key !== null && roleFromName(key) === "val";
  });
}

interface Finding {
  /** The call (or the scored data) the finding is about; one finding for each. */
  call: Expr;
  range: Range;
  messageId: MessageIds;
  data: Record<string, string>;
}

/** `RandomForestClassifier(...).fit` rather than the whole constructor call. */
function calleeText(model: SemanticModel, call: CallExpr): string {
  const c = call.callee;
  return c.kind === "member" && c.object.kind === "call"
    ? `${snippet(model.sourceText(c.object.callee.range), 40)}(...).${c.property}`
    : snippet(model.sourceText(c.range), 40);
}

/** A model, transformer or search fitted on the test split. */
function fitOnTest(model: SemanticModel, site: CallSite): Finding | null {
  const { call, scope } = site;
  if (call.callee.kind !== "member" || !(FIT_METHODS.has(call.callee.property) || TRANSFORMER_FIT_METHODS.has(call.callee.property))) return null;
  const x = argument(call, { index: 0, keyword: "X" }) ?? argument(call, { keyword: "x" });
  const evidence = x ? testEvidence(model, x.value, scope) : null;
  if (!x || !evidence) return null;
  const receiver = model.resolve(call.callee.object, scope);
  // A stateless transformer (`Normalizer`) learns nothing from the rows it is fitted on.
  if (receiver !== null && STATELESS_TRANSFORMERS.includes(base(receiver))) return null;
  const search = receiver !== null && SEARCHES.includes(base(receiver));
  // A model scored on these test rows first and fitted on them after their last score (a final refit,
  // streaming updates): the score stands.
  const scores = testScores(model, [0, model.text.length]);
  // A later score counts unless it reads a different binding of the name (`X_test` re-drawn from a stream).
  const bindingOf = (e: Expr, sc: number) => (e.kind === "name" ? model.binding(e.name, sc, e.range[0]) : null);
  const fitted = bindingOf(x.value, scope);
  const sameData = (h: (typeof scores)[number]) => {
    const scored = h.site.call.args.find((a) => a.range[0] === h.arg.range[0])?.value;
    const b = scored ? bindingOf(scored, h.site.scope) : null;
    return !fitted || !b || b === fitted;
  };
  const same = scores.filter(sameData);
  const before = (h: (typeof scores)[number]) => h.site.call.range[1] <= call.range[0];
  if (!search && FIT_METHODS.has(call.callee.property) && same.some(before) && same.every(before)) return null;
  return { call, range: x.range, messageId: search ? "searchOnTest" : "fitOnTest", data: { call: calleeText(model, call), evidence } };
}

/** A learned transformer or an oversampler fitted on data that is split afterwards; `fit_transform`-like functions (`scale(X)`) too. */
function fitBeforeSplit(model: SemanticModel, site: CallSite, splits: () => Split[]): Finding | null {
  const { call, scope } = site;
  const fit = learnedFit(model, site);
  // A helper of this file or the project that fits on its argument: reported at the call, naming the helper.
  const helper = fit ? null : model.summaryAt(dataFitKind, site);
  const kind = fit?.kind ?? helper?.kind;
  const name = fit?.name ?? helper?.what.split(".")[0] ?? "";
  const method = fit?.method ?? `inside ${snippet(model.sourceText(call.callee.range), 40)}(...)`;
  const x = fit?.x ?? (helper ? argument(call, { index: helper.param }) : null);
  // Data that already is a held-out part (or mixes parts) was divided before the fit; the training part may be divided again (nested split).
  if (!kind || !x) return null;
  const roles = provenance(model, x.value, scope).roles;
  if (roles.size > 1 || roles.has("test") || roles.has("val")) return null;
  const split = leakedSplit(model, site, x.value, splits(), helper ?? undefined);
  if (!split) return null;
  // Divided again, the training part's held-out side is a validation split.
  const heldOut = roles.has("train") ? "validation" : split.heldOut;
  return {
    call,
    range: call.range,
    messageId: kind === "sampler" ? "resampleBeforeSplit" : "fitBeforeSplit",
    data: { transformer: name, data: snippet(model.sourceText(x.value.range), 40), method, split: split.name, heldOut },
  };
}

/** Whole-table statistics (normalisation, target encoding) mixed into data that is split afterwards. */
function* statsBeforeSplit(model: SemanticModel, splits: () => Split[], lineOf: (r: Range) => number): Generator<Finding> {
  for (const leak of statisticsBeforeSplit(model, splits())) {
    const tableRoles = provenance(model, { kind: "name", name: leak.table, range: leak.range }, leak.tableScope).roles;
    if (tableRoles.has("test") || tableRoles.has("val")) continue;
    const helper = leak.helper;
    yield {
      call: helper?.external ? helper.call : ({ range: leak.range } as CallExpr),
      range: leak.range,
      messageId: "statsBeforeSplit",
      data: {
        stat: `${leak.statistic}${leak.more ? ` (and ${leak.more} more)` : ""}`,
        data: leak.table,
        via: !helper
          ? ""
          : helper.external
            ? `, inside ${helper.name}(...) of another module of the project,`
            : `, called as ${helper.name}(...) on line ${lineOf(helper.call.range)},`,
        split: leak.split.name,
        heldOut: tableRoles.has("train") ? "validation" : leak.split.heldOut,
      },
    };
  }
}

/** A table file that another script of the project wrote after fitting on all its rows, read here and split. */
function* fittedFileBeforeSplit(model: SemanticModel, splits: () => Split[]): Generator<Finding> {
  const seen = new Set<Binding>();
  for (const split of splits()) {
    const d = derivation(
      model,
      split.data.map((e) => ({ e, scope: split.scope })),
      split.range[0],
    );
    for (const b of d.bindings) {
      const read = seen.has(b) ? null : tableRead(model, b);
      seen.add(b);
      const writer = read ? model.tableWriters(read.path)[0] : undefined;
      if (!read || !writer || provenance(model, { kind: "name", name: b.name, range: b.range }, b.scope).roles.size) continue;
      yield {
        call: read.call as CallExpr,
        range: read.call.range,
        messageId: "fittedFileBeforeSplit",
        data: { file: read.path, writer: writer.file, line: String(writer.line), what: writer.what, split: split.name, heldOut: split.heldOut },
      };
    }
  }
}

/** A model trained on every row of a table that a split divides, then scored on a held-out part of it. */
function* fitOnAll(model: SemanticModel, splits: () => Split[]): Generator<Finding> {
  for (const fits of fitsByOwner(model).values()) {
    for (const fit of fits) {
      const found = fit.data ? trainedOnAll(model, fit, splits()) : null;
      if (!found) continue;
      const role = splitRole(model, found.part)?.role;
      const train = found.split.parts.filter((b) => splitRole(model, b)?.role === "train").map((b) => b.name);
      yield {
        call: fit.site.call,
        range: fit.data!.range,
        messageId: "fitOnAll",
        data: {
          call: calleeText(model, fit.site.call),
          data: fit.dataBinding!.name,
          heldOut: role === "val" ? "validation" : "test",
          split: found.split.name,
          part: found.part.name,
          scorer: snippet(model.sourceText(found.scorer.call.range), 40),
          train: train.length ? listNames(train) : "the training part",
        },
      };
    }
  }
}

/** Early stopping, or keeping the best iteration, on the test split. */
function earlyStopOnTest(model: SemanticModel, site: CallSite): Finding | null {
  const { call, scope } = site;
  // Only fits and booster trainers take monitored sets; reading every call's arguments would convert them all.
  const q = call.callee.kind === "member" && FIT_METHODS.has(call.callee.property) ? "fit" : model.callee(site);
  if (q !== "fit" && !BOOSTER_TRAINERS.some((t) => t.qname === q)) return null;
  const monitor = model.namedArguments(call).find((a) => MONITOR_ARGUMENTS.includes(a.name));
  if (!monitor) return null;
  const value = model.definition(monitor.value, scope);
  // `validation_data=(x, y)` is one set; `eval_set=[(x, y), ...]` and `valid_sets=[d, ...]` are lists of sets.
  const sets = value.kind === "collection" && !ONE_SET_MONITORS.has(monitor.name) ? value.items : [monitor.value];
  for (const set of sets) {
    const evidence = testEvidence(model, set, scope);
    const stopper = evidence ? earlyStopping(model, site) : null;
    if (evidence && stopper)
      return {
        call,
        range: set.range,
        messageId: "earlyStopOnTest",
        data: { call: calleeText(model, call), evidence: `${evidence}, passed as ${monitor.name}`, stopper },
      };
  }
  return null;
}

/** A trainer built with the test split as its evaluation set that stops early or keeps its best checkpoint on it. */
function trainerOnTest(model: SemanticModel, site: CallSite): Finding | null {
  const { call, scope } = site;
  const q = model.callee(site);
  const trainer = q === null ? undefined : MONITORING_TRAINERS.find((t) => t.qname === q);
  const monitor = trainer ? argument(call, trainer.monitor) : null;
  const evidence = monitor ? testEvidence(model, monitor.value, scope) : null;
  if (!trainer || !monitor || !evidence) return null;
  const args = argument(call, trainer.args);
  const settings = args ? model.definition(args.value, scope) : null;
  const flag = settings?.kind === "call" ? argument(settings, { keyword: trainer.keepsBest })?.value : undefined;
  const stopper = earlyStopping(model, site) ?? (flag?.kind === "literal" && flag.value === true ? `${trainer.keepsBest}=True` : null);
  if (!stopper) {
    // `trainer.hyperparameter_search(...)` on the trainer built here: every trial is scored on its evaluation set.
    const holder = model.holder(call);
    const searched = holder && methodCallsOn(model, holder).some((m) => m.method === trainer.search);
    return searched
      ? {
          call,
          range: monitor.range,
          messageId: "searchOnTest",
          data: { call: `${calleeText(model, call)}(...).${trainer.search}`, evidence: `${evidence}, passed as ${trainer.monitor.keyword}` },
        }
      : null;
  }
  return {
    call,
    range: monitor.range,
    messageId: "earlyStopOnTest",
    data: { call: calleeText(model, call), evidence: `${evidence}, passed as ${trainer.monitor.keyword}`, stopper },
  };
}

/** A Keras tuner whose `search` scores every trial on the test split. */
function tunerOnTest(model: SemanticModel, site: CallSite): Finding | null {
  const { call, scope } = site;
  if (call.callee.kind !== "member" || call.callee.property !== "search") return null;
  const receiver = model.resolve(call.callee.object, scope);
  const data = receiver !== null && TUNERS.includes(base(receiver)) ? argument(call, { keyword: "validation_data" }) : null;
  const evidence = data ? testEvidence(model, data.value, scope) : null;
  if (!data || !evidence) return null;
  return { call, range: data.range, messageId: "searchOnTest", data: { call: calleeText(model, call), evidence: `${evidence}, passed as validation_data` } };
}

/** Objectives that an optimiser maximises, scored on the test split. */
function* tuneOnTest(model: SemanticModel): Generator<Finding> {
  for (const { site, qname } of model.callsTo(OBJECTIVE_RUNNERS.map((r) => r.qname))) {
    const runner = OBJECTIVE_RUNNERS.find((r) => r.qname === qname)!;
    const fn = argument(site.call, runner.objective);
    const runnerName = short(qname).replace(/^optimize$/u, "study.optimize");
    if (fn && fn.value.kind !== "name") {
      // `study.optimize(lambda trial: objective(trial, X_test, y_test))`: test data handed to the objective.
      const inner = callsIn(model, fn.value.range).find((c) => c.call.args.some((a) => testEvidence(model, a.value, c.scope)));
      const arg = inner?.call.args.find((a) => testEvidence(model, a.value, inner.scope));
      if (inner && arg)
        yield {
          call: inner.call,
          range: arg.range,
          messageId: "tuneOnTest",
          data: {
            objective: snippet(model.sourceText(inner.call.callee.range), 40),
            runner: runnerName,
            evidence: testEvidence(model, arg.value, inner.scope)!,
          },
        };
      continue;
    }
    if (fn?.value.kind !== "name") continue;
    const def = model.binding(fn.value.name, site.scope, at(fn.value));
    const body = functionBody(model, def);
    // One finding per objective, at its first test score.
    const hit = body ? testScores(model, body.range)[0] : undefined;
    if (hit)
      yield {
        call: hit.site.call,
        range: hit.arg.range,
        messageId: "tuneOnTest",
        data: { objective: fn.value.name, runner: runnerName, evidence: hit.evidence },
      };
  }
}

/**
 * `search_runs(order_by=["metrics.test_acc DESC"])` and then registering or promoting a model, or loading the model
 * of a run the search returned: the run kept is the best on the test split.
 */
function* promoteOnTest(model: SemanticModel): Generator<Finding> {
  const promotions = model.callsTo(MODEL_PROMOTIONS);
  const loads = model.callsTo(MODEL_LOADS.qnames);
  if (!promotions.length && !loads.length) return;
  const loadsFrom = (search: CallExpr) =>
    loads.some(({ site }) => {
      const uri = argument(site.call, MODEL_LOADS.uri);
      // The same call, converted again where the value is read: compared by where it stands.
      return !!uri && derivation(model, [{ e: uri.value, scope: site.scope }], site.call.range[0]).calls.some((c) => c.range[0] === search.range[0]);
    });
  for (const { site, qname } of model.callsTo(RUN_SEARCHES.map((r) => r.qname))) {
    const chosen = () => promotions.some((p) => p.site.call.range[0] > site.call.range[0]) || loadsFrom(site.call);
    const order = argument(site.call, RUN_SEARCHES.find((r) => r.qname === qname)!.orderBy);
    const list = order ? model.definition(order.value, site.scope) : null;
    const items = list?.kind === "collection" ? list.items : list ? [list] : [];
    for (const item of items) {
      const text = literalString(item);
      const metric = text?.match(/^metrics\.[`"]?([^`"\s]+)/u)?.[1];
      if (!metric || roleFromName(metric) !== "test" || !chosen()) continue;
      yield {
        call: site.call,
        range: item.range,
        messageId: "selectOnTest",
        data: { kept: `${short(qname)}(order_by=...)`, evidence: `runs ranked by the metric '${metric}'` },
      };
      break;
    }
  }
}

/** Candidates chosen by their test score: `max(models, key=...)` on it, or a loop keeping the best test score with what scored it. */
function* selectOnTest(model: SemanticModel): Generator<Finding> {
  const builtin = (e: Expr, scope: number) => e.kind === "name" && RANKING_BUILTINS.has(e.name) && !model.binding(e.name, scope, at(e));
  for (const site of callSites(model)) {
    const key = builtin(site.call.callee, site.scope) ? argument(site.call, { keyword: "key" }) : null;
    const hit = key ? testScores(model, key.range)[0] : undefined;
    if (hit) {
      yield {
        call: hit.site.call,
        range: hit.arg.range,
        messageId: "selectOnTest",
        data: { kept: `${(site.call.callee as { name: string }).name}(..., key=...)`, evidence: hit.evidence },
      };
      continue;
    }
    // `max(scores, key=scores.get)` over a dict filled with test scores.
    const ranked = key ? rankedTestScores(model, site) : null;
    if (ranked)
      yield {
        call: site.call,
        range: site.call.range,
        messageId: "selectOnTest",
        data: { kept: `${(site.call.callee as { name: string }).name}(..., key=...)`, evidence: ranked },
      };
  }
  for (const { loop, carried } of [...loopCarried(model), ...callCarried(model)]) {
    // `best = max(best, acc)`, or a plain copy kept together with something else (`best_acc = acc; best_model = model`),
    // or with a checkpoint written beside it (`best_acc = acc; torch.save(model.state_dict(), "best.pt")`).
    const kept = carried.filter(
      (b) => builtinCall(b.value) || (b.value.kind === "name" && (carried.some((o) => o.name !== b.name) || keptBeside(b, loop.body))),
    );
    const scores = kept.length ? testScores(model, loop.body) : [];
    for (const b of kept) {
      const calls = scores.length ? model.flow(b.value, b.scope).calls : [];
      const hit = scores.find((x) => calls.some((c) => sameRange(c, x.site.call)));
      if (hit) {
        yield { call: hit.site.call, range: hit.arg.range, messageId: "selectOnTest", data: { kept: b.name, evidence: hit.evidence } };
        break;
      }
      // Scored in place by an evaluation loop over the test data.
      const inline = loopTestScore(model, b.value, b.scope);
      if (inline && contains(loop.body, inline.iterable.range)) {
        yield { call: inline.iterable, range: inline.iterable.range, messageId: "selectOnTest", data: { kept: b.name, evidence: inline.evidence } };
        break;
      }
    }
  }

  function builtinCall(v: Expr): boolean {
    return v.kind === "call" && builtin(v.callee, scopeOf(model, v));
  }

  /** In the branch that copies the score, something else is kept too: a computed value (`best_state = copy.deepcopy(...)`, `best_epoch = epoch`) or a saved checkpoint. */
  function keptBeside(b: { name: string; value: Expr }, body: Range): boolean {
    const branch = model
      .enclosing(b.value.range)
      .filter((x) => x.kind === "branch" && contains(body, x.range))
      .pop();
    if (!branch) return false;
    const other = bindings(model).some(
      (o) => o.kind === "assign" && o.name !== b.name && contains(branch.body, o.range) && o.value !== undefined && o.value.kind !== "literal",
    );
    return other || callsIn(model, branch.body).some((c) => isCheckpointSave(model, c));
  }
}

/** A call that writes a model or its weights: `torch.save(...)`, `model.save(...)`, `joblib.dump(...)`. */
function isCheckpointSave(model: SemanticModel, site: CallSite): boolean {
  const { callee } = site.call;
  if (callee.kind === "member" && CHECKPOINT_ACTIONS.methods.has(callee.property)) return true;
  const q = model.callee(site);
  return q !== null && CHECKPOINT_ACTIONS.functions.includes(q);
}

export default createRule<Options, MessageIds>({
  name: "no-test-data-leakage",
  meta: {
    type: "problem",
    languages: ["exp-lint/python", "js/js"],
    docs: {
      description:
        "Disallow test data reaching training: preprocessing fitted before the split, and fitting, tuning, model selection or early stopping on the test split",
      recommended: true,
    },
    messages: {
      fittedFileBeforeSplit:
        "'{{file}}' is written by {{writer}} (line {{line}}) from a table preprocessed on all its rows ({{what}}), and {{split}} divides it here, so the {{heldOut}} rows shaped those values. Split the raw table first and fit the preprocessing on the training split only (or write the split files from {{writer}}).",
      statsBeforeSplit:
        "'{{stat}}' summarises the rows of {{data}}{{via}} before {{split}} divides the data it feeds, so the {{heldOut}} rows shaped these features. Compute the statistic on the training split only and apply it to the held-out split (or use a transformer inside a Pipeline).",
      fitOnAll:
        "'{{call}}' trains on {{data}}, which still holds the {{heldOut}} rows that {{split}} puts in {{part}}, and '{{scorer}}' then scores on those rows: the score is measured on data the model was trained on. Fit on {{train}} only.",
      fitBeforeSplit:
        "{{transformer}} is fitted on {{data}} ({{method}}) before {{split}} divides it, so what it learns includes the {{heldOut}} rows. Fit it on the training split only, or put it in a Pipeline fitted on the training split.",
      resampleBeforeSplit:
        "{{transformer}} resamples {{data}} before {{split}} divides the result, so synthetic or copied rows made from the same originals land on both sides of the split. Split first and resample the training split only (imblearn's Pipeline does this per fold).",
      fitOnTest:
        "'{{call}}' fits on the test split ({{evidence}}), so the test data shapes what is learned and the final score is no longer measured on unseen data. Fit on the training split and only transform or score the test split.",
      searchOnTest:
        "'{{call}}' tunes hyper-parameters on the test split ({{evidence}}), so the chosen configuration is fitted to the test data. Run the search on the training split (validating on data carved from it) and score the best model on the test split once.",
      tuneOnTest:
        "The function '{{objective}}' that {{runner}} optimises scores on the test split ({{evidence}}), so the search picks the hyper-parameters that suit the test data. Score candidates on a validation split carved from the training data, or by cross-validation on it.",
      selectOnTest:
        "'{{kept}}' keeps the best of several candidates by their score on the test split ({{evidence}}), so the chosen model and its score are fitted to the test data. Choose on a validation split or by cross-validation on the training split, and score only the chosen model on the test split.",
      earlyStopOnTest:
        "'{{call}}' monitors the test split ({{evidence}}) with early stopping ({{stopper}}), so the number of iterations is chosen on the test data. Monitor a validation split carved from the training data instead.",
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return onProgram(context, ({ model, loc }) => {
      if (!model.imports(...LEAKAGE_PACKAGES)) return;
      let splits: Split[] | null = null;
      const allSplits = () => (splits ??= splitsOf(model));
      const findings: (Finding | null)[] = [];
      for (const site of callSites(model)) {
        // One finding per call, the most direct first: fitting on test data, then fitting before a split, then stopping on test data.
        findings.push(
          fitOnTest(model, site) ??
            fitBeforeSplit(model, site, allSplits) ??
            earlyStopOnTest(model, site) ??
            trainerOnTest(model, site) ??
            tunerOnTest(model, site),
        );
      }
      findings.push(
        ...fittedFileBeforeSplit(model, allSplits),
        ...statsBeforeSplit(model, allSplits, (r) => loc(r).start.line),
        ...fitOnAll(model, allSplits),
        ...tuneOnTest(model),
        ...selectOnTest(model),
        ...promoteOnTest(model),
      );
      const reported = new Set<Expr>();
      for (const f of findings) {
        if (!f || reported.has(f.call)) continue;
        reported.add(f.call);
        context.report({ loc: loc(f.range), messageId: f.messageId, data: f.data });
      }
    });
  },
});
