import { AUTOLOG_ALL, FLAVOR_AUTOLOG } from "../catalogue/hyperparameters.js";
import {
  AUTOLOG_DATASET_FLAVORS,
  AUTOLOG_OFF,
  DATA_KEY_WORDS,
  DATA_METHODS,
  DATA_PACKAGES,
  dataRecorders,
  MODEL_ENV,
  MODEL_KEY_WORDS,
  MODEL_LOG_METHODS,
  MODEL_LOG_PATTERN,
  modelLoggers,
  modelUploaders,
  NOT_MODEL_PACKAGES,
  NOT_PACKAGED,
  MODEL_SAVES,
  PACKAGED_DATASETS,
  PARTIALS,
  RUN_DIRS,
  OPTIMIZER_MODULES,
  OPTIMIZER_STEPS,
  TRAIN_METHODS,
  trainingCalls,
} from "../catalogue/provenance.js";
import { configSources, paramBatchLoggers, paramLoggers, paramMappingLoggers, tagBatchLoggers, tagLoggers, tagMappingLoggers } from "../catalogue/tracking.js";
import { nameTokens } from "../catalogue/data.js";
import type { CallExpr, CallSite, Expr } from "../semantic/ir.js";
import { argument, inPackage, literalString, type SemanticModel } from "../semantic/model.js";
import { trackedRunStarts } from "../semantic/runs.js";
import { createRule } from "./util/create-rule.js";
import { mappingEntries } from "./util/mappings.js";
import { onProgram } from "./util/program.js";
import { attributeWrites, callSites } from "../semantic/queries.js";

type MessageIds = "noModel" | "noData";

/** The keyword is given and not literally false/None. */
function turnedOn(call: CallExpr, keyword: string): boolean {
  const v = argument(call, { keyword })?.value;
  return v !== undefined && !(v.kind === "literal" && (v.value === false || v.value === null));
}

/** The keyword is literally false. */
const turnedOff = (call: CallExpr, keyword: string) => {
  const v = argument(call, { keyword })?.value;
  return v?.kind === "literal" && v.value === false;
};

/** The call trains a model: a `fit` on anything but a transformer, a booster or trainer call, an optimizer step. */
function trains(model: SemanticModel, site: CallSite, q: string | null): boolean {
  const callee = site.call.callee;
  if (q !== null && (trainingCalls.includes(q) || (OPTIMIZER_MODULES.some((m) => inPackage(q, m)) && OPTIMIZER_STEPS.has(q.slice(q.lastIndexOf(".") + 1)))))
    return true;
  if (callee.kind !== "member" || !TRAIN_METHODS.has(callee.property) || !site.call.args.length) return false;
  return q === null ? model.language === "python" : !NOT_MODEL_PACKAGES.some((p) => inPackage(q, p));
}

/** A save whose path is, or joins a path under, a folder the tracker uploads when the run ends (`wandb.run.dir`). */
function savesUnderRunDir(model: SemanticModel, site: CallSite): boolean {
  const c = site.call.callee;
  const name = c.kind === "member" ? c.property : c.kind === "name" ? c.name : null;
  if (name === null || !MODEL_SAVES.has(name)) return false;
  const atRunDir = (e: Expr) => {
    const q = model.resolve(e, site.scope);
    return q !== null && RUN_DIRS.includes(q);
  };
  return site.call.args.some((a) => {
    const d = model.definition(a.value, site.scope);
    return atRunDir(d) || (d.kind === "call" && d.args.some((x) => atRunDir(model.definition(x.value, site.scope))));
  });
}

/** A key that names the data: `data_version`, `dataset`, `train_data_hash`. */
const namesData = (key: string | null) => key !== null && nameTokens(key).some((t) => DATA_KEY_WORDS.has(t));

/** A key that names where the model was saved: `model_uri`, `modelPath`, `checkpoint_dir`. */
function namesModel(key: string | null): boolean {
  if (key === null) return false;
  const words = nameTokens(key);
  return words.some((t) => MODEL_KEY_WORDS.model.has(t)) && words.some((t) => MODEL_KEY_WORDS.where.has(t));
}

/** Every key the program logs as a param, tag or W&B config entry. */
function loggedKeys(model: SemanticModel): (string | null)[] {
  const keys: (string | null)[] = [];
  const fromMapping = (site: CallSite, e: CallExpr["args"][number] | null) => {
    if (e) for (const en of mappingEntries(model, model.definition(e.value, site.scope), site.scope)) keys.push(en.key);
  };
  for (const l of [...paramLoggers, ...tagLoggers])
    for (const { site } of model.callsTo([l.qname])) keys.push(literalString(model.definition(argument(site.call, l.key)?.value ?? site.call, site.scope)));
  for (const l of [...paramMappingLoggers, ...tagMappingLoggers])
    for (const { site } of model.callsTo([l.qname])) fromMapping(site, argument(site.call, l.mapping));
  // `logBatch(runId, [], params, [{ key: "data_version", value }])`: the keys of the listed entries.
  for (const l of [...paramBatchLoggers, ...tagBatchLoggers]) {
    for (const { site } of model.callsTo([l.qname])) {
      const list = argument(site.call, l.list)?.value;
      const items = list ? model.definition(list, site.scope) : null;
      if (items?.kind === "collection") for (const item of items.items) keys.push(literalString(argument(model.definition(item, site.scope), l.key)?.value));
    }
  }
  for (const source of configSources) {
    for (const init of source.init) for (const { site } of model.callsTo([init.qname])) fromMapping(site, argument(site.call, init.mapping));
    for (const { site } of model.callsTo(source.objects.flatMap((o) => source.updateMethods.map((m) => `${o}.${m}`))))
      fromMapping(site, argument(site.call, { index: 0 }));
    for (const t of attributeWrites(model)) {
      const q = model.resolve(t.target.object, t.scope);
      if (q !== null && source.objects.includes(q)) keys.push(t.target.kind === "member" ? t.target.property : literalString(t.target.index));
    }
  }
  return keys;
}

export default createRule<[], MessageIds>({
  name: "require-run-provenance",
  meta: {
    type: "suggestion",
    languages: ["exp-lint/python", "js/js"],
    docs: {
      description: "Require a tracked run that trains a model to record the model artifact and the version of the data",
      recommended: false,
    },
    messages: {
      noModel: "{{start}} trains a model but the run never records it, so the numbers cannot be tied to the model that produced them; log it with {{how}}.",
      noData: "{{start}} trains a model but the run never records which data it saw, so it cannot be rerun on the same data; record it with {{how}}.",
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return onProgram(context, ({ model, loc, text }) => {
      const starts = trackedRunStarts(model);
      if (!starts.length) return;
      let training = false;
      let hasModel = false;
      let hasData = false;
      for (const site of callSites(model)) {
        let q = model.callee(site);
        // `partial(WandbCallback, ...)`: the callback it binds.
        const bound = q !== null && PARTIALS.includes(q) ? argument(site.call, { index: 0 })?.value : undefined;
        if (bound) q = model.resolve(bound, site.scope) ?? q;
        if (!hasModel && savesUnderRunDir(model, site)) hasModel = true;
        if (!training && trains(model, site, q)) training = true;
        if (q === null) {
          // `run.log_artifact(...)` on a run handed in as a parameter: the model cannot name the receiver.
          const c = site.call.callee;
          if (c.kind === "member" && MODEL_LOG_METHODS.has(c.property)) hasModel = true;
          if (c.kind === "member" && DATA_METHODS.has(c.property)) hasData = true;
          continue;
        }
        const flavor = AUTOLOG_ALL.includes(q) ? "*" : FLAVOR_AUTOLOG.exec(q)?.[1];
        if (flavor) {
          if (!turnedOff(site.call, AUTOLOG_OFF.models)) hasModel = true;
          if ((flavor === "*" || AUTOLOG_DATASET_FLAVORS.includes(flavor)) && !turnedOff(site.call, AUTOLOG_OFF.datasets)) hasData = true;
          continue;
        }
        if (MODEL_LOG_PATTERN.test(q) || modelLoggers.includes(q)) hasModel = true;
        const up = modelUploaders.find((u) => u.qname === q);
        if (up && (up.keyword ? turnedOn(site.call, up.keyword) : !(up.off && turnedOff(site.call, up.off)))) hasModel = true;
        if (DATA_PACKAGES.some((p) => inPackage(q, p)) || (PACKAGED_DATASETS.some((p) => q.startsWith(p)) && !NOT_PACKAGED.includes(q))) hasData = true;
        const rec = dataRecorders.find((d) => d.qname === q);
        if (rec) {
          const v = rec.keyword ? argument(site.call, { keyword: rec.keyword })?.value : undefined;
          if (!rec.keyword || (v && (rec.value === undefined || literalString(v) === rec.value))) hasData = true;
        }
      }
      if (!training || (hasModel && hasData)) return;
      // `os.environ["WANDB_LOG_MODEL"] = "end"`: the framework's callback uploads the model.
      for (const t of attributeWrites(model)) {
        if (t.target.kind !== "index" || model.resolve(t.target.object, t.scope) !== MODEL_ENV.object) continue;
        const key = literalString(model.definition(t.target.index, t.scope));
        const v = literalString(t.value);
        if (key !== null && MODEL_ENV.keys.includes(key) && !(v !== null && MODEL_ENV.off.includes(v.toLowerCase()))) hasModel = true;
      }
      // One finding per missing item, at the first run the file starts.
      const first = starts[0]!;
      const run = first.api.records;
      const keys = hasData && (hasModel || !run.noUploads) ? [] : loggedKeys(model);
      if (!hasData && keys.some(namesData)) hasData = true;
      // A client that uploads no files records the model by naming where it was saved.
      if (!hasModel && run.noUploads && keys.some(namesModel)) hasModel = true;
      const start = `${text(first.site.call.callee.range)}()`;
      if (!hasModel) context.report({ loc: loc(first.site.call.range), messageId: "noModel", data: { start, how: run.model } });
      if (!hasData) context.report({ loc: loc(first.site.call.range), messageId: "noData", data: { start, how: run.data } });
    });
  },
});
