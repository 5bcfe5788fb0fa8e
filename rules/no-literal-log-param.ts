import { DECLARING_CALLS } from "../catalogue/hyperparameters.js";
import { configSources, paramBatchLoggers, paramLoggers, paramMappingLoggers, TRACKER_PACKAGES, type ConfigSource } from "../catalogue/tracking.js";
import type { CallSite, Expr, Range } from "../semantic/ir.js";
import { argument, inPackage, isLiteral, literalString, type SemanticModel } from "../semantic/model.js";
import { createRule } from "./util/create-rule.js";
import { isDictCall, mappingEntries, type Entry } from "./util/mappings.js";
import { onProgram, snippet } from "./util/program.js";
import { attributeWrites, bindings, callSites, memberReads, scopeOf } from "../semantic/queries.js";
import type { RuleFixer } from "@typescript-eslint/utils/ts-eslint";
import { addModuleConstant, constantName, replace, type Edit } from "./util/edits.js";
import { portable } from "./util/layout.js";

type MessageIds = "literalParam" | "literalMismatch" | "configNotRead" | "configMismatch" | "logReceived" | "bindLiteral";

/** A value a non-tracker call receives under a key: `Model(key=value)` or `Model(**{key: value})`. */
interface Use extends Entry {
  callee: string;
  scope: number;
}

/** The same literal, whatever the quoting or spacing. */
function sameLiteral(a: Expr, b: Expr, text: (r: Range) => string): boolean {
  if (a.kind === "literal" && b.kind === "literal") return a.value === b.value;
  const flat = (e: Expr) => text(e.range).replace(/\s+/g, "").replace(/"/g, "'");
  return isLiteral(a) && isLiteral(b) && flat(a) === flat(b);
}

const DECLARING = new Set(DECLARING_CALLS);

const literalEntries = (model: SemanticModel, e: Expr, scope: number) => mappingEntries(model, e, scope).filter((en) => isLiteral(en.value));

/** A call into a tracker package: it records values, it does not run with them. */
function isTrackerCall(model: SemanticModel, site: CallSite): boolean {
  const q = model.callee(site);
  return q !== null && TRACKER_PACKAGES.some((p) => inPackage(q, p));
}

/** What non-tracker calls receive, by key: the values the code really runs with. */
function callUses(model: SemanticModel, text: (r: Range) => string): Map<string, Use[]> {
  const uses = new Map<string, Use[]>();
  const add = (use: Use) => {
    let list = uses.get(use.key);
    if (!list) uses.set(use.key, (list = []));
    list.push(use);
  };
  for (const site of callSites(model)) {
    // `dict(lr=1e-3)` builds a mapping like a display does: its entries are uses only where it is spread into a call.
    if (isTrackerCall(model, site) || DECLARING.has(model.callee(site) ?? "") || isDictCall(model, site.call, site.scope)) continue;
    const callee = snippet(text(site.call.callee.range), 40);
    for (const a of model.namedArguments(site.call)) add({ callee, key: a.name, value: a.value, scope: site.scope });
    for (const a of site.call.args) {
      if (a.spread !== "**") continue;
      for (const en of mappingEntries(model, model.definition(a.value, site.scope), site.scope)) add({ callee, ...en, scope: site.scope });
    }
  }
  return uses;
}

const at = (r: Range) => `${r[0]}:${r[1]}`;

/** Which keys of one W&B-style config the code reads back, and its literal settings. */
function configFacts(model: SemanticModel, source: ConfigSource) {
  const live = new Set(source.objects);
  const isLive = (e: Expr, scope: number) => {
    const q = model.resolve(e, scope);
    return q !== null && live.has(q);
  };
  // A dict handed to the config through a name (`config = {...}; wandb.init(config=config)`) holds the same values.
  const localDicts = new Set<number>();
  const isConfig = (e: Expr, scope: number) => {
    if (isLive(e, scope)) return true;
    if (e.kind !== "name") return false;
    const d = model.definition(e, scope);
    return d !== e && localDicts.has(d.range[0]);
  };

  const literals = new Map<number, Entry>();
  const addMapping = (e: Expr | undefined, scope: number) => {
    if (!e) return;
    const d = model.definition(e, scope);
    const entries = mappingEntries(model, d, scope);
    if (d !== e && entries.length) localDicts.add(d.range[0]);
    for (const en of entries) if (isLiteral(en.value)) literals.set(en.value.range[0], en);
  };
  for (const init of source.init) {
    for (const { site } of model.callsTo([init.qname])) addMapping(argument(site.call, init.mapping)?.value, site.scope);
  }
  const updates = source.objects.flatMap((o) => source.updateMethods.map((m) => `${o}.${m}`));
  for (const { site } of model.callsTo(updates)) addMapping(argument(site.call, { index: 0 })?.value, site.scope);
  const written = new Set<string>();
  for (const t of attributeWrites(model)) {
    written.add(at(t.target.range));
    const key = t.target.kind === "member" ? t.target.property : literalString(t.target.index);
    // Resolve the target first: reading the value converts it.
    if (key !== null && isLive(t.target.object, t.scope) && isLiteral(t.value)) literals.set(t.value.range[0], { key, value: t.value });
  }

  const read = new Set<string>();
  let readsAll = false;
  if (literals.size) {
    const reads = memberReads(model);
    const objects = new Set(reads.map(({ expr }) => at(expr.object.range)));
    // Not a use of the whole config: an alias (`cfg = wandb.config`) or an argument of a tracker call.
    const notHandedOn = new Set(bindings(model).flatMap((b) => (b.kind === "assign" && b.value ? [at(b.value.range)] : [])));
    for (const site of callSites(model)) {
      if (isTrackerCall(model, site)) for (const a of site.call.args) notHandedOn.add(at(a.value.range));
    }
    for (const { expr, scope } of reads) {
      if (written.has(at(expr.range))) continue;
      // `wandb.config` itself, neither read from nor written to here: handed on whole (`for k in wandb.config`, `return run.config`).
      if (!objects.has(at(expr.range)) && !notHandedOn.has(at(expr.range)) && isLive(expr, scope)) readsAll = true;
      if (!isConfig(expr.object, scope)) continue;
      const key = expr.kind === "member" ? expr.property : literalString(model.definition(expr.index, scope));
      if (key === null) readsAll = true;
      else read.add(key);
    }
    const readOne = new Set(source.readOneMethods ?? []);
    const readAll = new Set(source.readAllMethods ?? []);
    // Config objects handed on whole, directly or inside a dict or list display.
    const handsOn = (root: Expr, scope: number) => {
      const work = [root];
      while (work.length) {
        const e = work.pop()!;
        if (isConfig(e, scope)) return true;
        if (e.kind === "dict") for (const en of e.entries) work.push(en.value);
        else if (e.kind === "collection") work.push(...e.items);
      }
      return false;
    };
    for (const site of callSites(model)) {
      const { callee, args } = site.call;
      if (callee.kind === "member" && isConfig(callee.object, site.scope)) {
        if (readAll.has(callee.property)) readsAll = true;
        if (!readOne.has(callee.property)) continue;
        const key = args[0] && literalString(model.definition(args[0].value, site.scope));
        if (key) read.add(key);
        else readsAll = true;
        continue;
      }
      if (isTrackerCall(model, site)) continue;
      if (args.some((a) => handsOn(a.value, site.scope))) readsAll = true;
    }
    // Stored on an object (`self.cfg = cfg`): read through it where the model cannot follow.
    if (attributeWrites(model).some((t) => isConfig(t.value, t.scope))) readsAll = true;
    for (const b of bindings(model)) {
      // Iterating the config (`for k in cfg`) reads every key.
      if (b.kind === "loop" && b.value && isConfig(b.value, b.scope)) readsAll = true;
      else if (b.kind === "assign" && (b.value?.kind === "dict" || b.value?.kind === "collection") && handsOn(b.value, b.scope)) readsAll = true;
    }
  }
  return { literals: [...literals.values()], isRead: (key: string) => readsAll || read.has(key) };
}

/**
 * The edits for a literal logged under a key that exactly one call receives:
 * log the expression the call receives when it can be written where the
 * literal is, or, when the call receives the same literal, bind it to a module
 * constant (after the imports, under a name the file does not use) used in both places.
 */
function repair(
  model: SemanticModel,
  key: string,
  literal: Expr,
  found: Use[],
  same: (u: Use) => boolean,
): { messageId: "logReceived" | "bindLiteral"; data: Record<string, string>; edits: Edit[] } | null {
  if (found.length !== 1) return null;
  const use = found[0]!;
  const at = { scope: scopeOf(model, literal), pos: literal.range[0] };
  if (!isLiteral(use.value)) {
    if (!portable(model, use.value, use.scope, at)) return null;
    const expr = model.sourceText(use.value.range);
    return { messageId: "logReceived", data: { expr, callee: use.callee }, edits: [replace(literal.range, expr)] };
  }
  const name = constantName(key);
  if (!name || !same(use) || bindings(model).some((b) => b.name === name)) return null;
  const first = Math.min(literal.range[0], use.value.range[0]);
  const constant = addModuleConstant(model, model.text, first, name, model.sourceText(literal.range));
  if (!constant) return null;
  const value = snippet(model.sourceText(literal.range), 40);
  return { messageId: "bindLiteral", data: { name, value }, edits: [constant, replace(literal.range, name), replace(use.value.range, name)] };
}

export default createRule<[], MessageIds>({
  name: "no-literal-log-param",
  meta: {
    type: "problem",
    languages: ["exp-lint/python", "js/js"],
    docs: {
      description: "Disallow logging hyper-parameters as literals disconnected from the values the code uses",
      recommended: true,
    },
    messages: {
      literalParam:
        "{{key}} is logged as the literal {{value}}, a second copy of the setting that drifts from what the code runs; bind the value to a variable, use it, and log that variable.",
      literalMismatch:
        "{{key}} is logged as the literal {{value}}, but {{callee}} is called with {{argument}}, so the run records a value it did not use; log the value passed to {{callee}}.",
      configNotRead:
        "{{key}} is set to the literal {{value}} in the W&B config but never read back from it, so the config can say one thing while the run does another; read {{key}} from the config where it is used.",
      configMismatch:
        "{{key}} is set to {{value}} in the W&B config, but {{callee}} is called with {{argument}}, so the run records a value it did not use; pass the config's {{key}} to {{callee}}.",
      logReceived: "Log {{expr}}, the value {{callee}} receives.",
      bindLiteral: "Bind {{value}} to a constant {{name}} and use it in both places.",
    },
    hasSuggestions: true,
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return onProgram(context, ({ model, loc, text }) => {
      if (!model.imports(...TRACKER_PACKAGES)) return;
      let uses: Map<string, Use[]> | null = null;
      // A parameter handed through (`def f(lr): SGD(lr=lr)`) says nothing about the value: its callers' uses do.
      const passThrough = ({ value, scope }: Use) => value.kind === "name" && model.binding(value.name, scope, value.range[0])?.kind === "param";
      // A name logged as a string (`"dataset": "CIFAR-100"`) is contradicted only by another string, not by the object
      // a call of the same keyword takes (`DataLoader(dataset=train_set)`).
      const comparable = (u: Use, value: Expr) =>
        !(value.kind === "literal" && typeof value.value === "string") || isLiteral(model.definition(u.value, u.scope));
      const usesOf = (key: string, value: Expr) => ((uses ??= callUses(model, text)).get(key) ?? []).filter((u) => !passThrough(u) && comparable(u, value));
      const agrees = (u: Use, value: Expr) => sameLiteral(model.definition(u.value, u.scope), value, text);
      const report = (messageId: MessageIds, { key, value }: Entry, other?: Use, found: Use[] = []) => {
        const data = { key, value: snippet(text(value.range), 40) };
        // The argument as the language writes it: `epochs=args.epochs` in Python, `epochs: args.epochs` in an options object.
        const argument = other ? `${key}${model.optionObjects ? ": " : "="}${snippet(text(other.value.range), 40)}` : "";
        const extra = other ? { callee: other.callee, argument } : {};
        const fix = repair(model, key, value, found, (u) => agrees(u, value));
        const suggest = fix
          ? [{ messageId: fix.messageId, data: fix.data, fix: (fixer: RuleFixer) => fix.edits.map((e) => fixer.replaceTextRange(e.range, e.text)) }]
          : [];
        context.report({ loc: loc(value.range), messageId, data: { ...data, ...extra }, suggest });
      };

      // MLflow params are write-only: a literal there is always a second source of truth.
      const mlflowLiteral = (entry: Entry) => {
        const found = usesOf(entry.key, entry.value);
        const other = found.some((u) => agrees(u, entry.value)) ? undefined : found[0];
        report(other ? "literalMismatch" : "literalParam", entry, other, found);
      };
      for (const logger of paramLoggers) {
        for (const { site } of model.callsTo([logger.qname])) {
          const keyArg = argument(site.call, logger.key)?.value;
          const value = argument(site.call, logger.value)?.value;
          if (!keyArg || !value || !isLiteral(value)) continue;
          // A key computed at run time is named as written.
          const key = literalString(model.definition(keyArg, site.scope)) ?? snippet(text(keyArg.range), 40);
          mlflowLiteral({ key, value });
        }
      }
      for (const logger of paramMappingLoggers) {
        for (const { site } of model.callsTo([logger.qname])) {
          const mapping = argument(site.call, logger.mapping)?.value;
          if (mapping) literalEntries(model, mapping, site.scope).forEach(mlflowLiteral);
        }
      }
      for (const logger of paramBatchLoggers) {
        for (const { site } of model.callsTo([logger.qname])) {
          const list = argument(site.call, logger.list)?.value;
          if (list?.kind !== "collection") continue;
          for (const item of list.items) {
            // Entity objects (`Param(k, v)`), or object literals (`{ key, value }`) when the catalogue names no entity.
            if (logger.entity === null ? item.kind !== "dict" : item.kind !== "call" || model.resolve(item.callee, site.scope) !== logger.entity) continue;
            const key = literalString(argument(item, logger.key)?.value);
            const value = argument(item, logger.value)?.value;
            if (key !== null && value && isLiteral(value)) mlflowLiteral({ key, value });
          }
        }
      }

      // W&B: the config is the source of truth when the code reads the value back from it.
      for (const source of configSources) {
        if (!model.imports(source.package)) continue;
        const { literals, isRead } = configFacts(model, source);
        for (const entry of literals) {
          const found = usesOf(entry.key, entry.value);
          if (!isRead(entry.key)) {
            const other = found.some((u) => agrees(u, entry.value)) ? undefined : found[0];
            report(other ? "configMismatch" : "configNotRead", entry, other, found);
            continue;
          }
          // Read back, yet every call that takes the key gets another literal.
          const contradicted = found.length > 0 && found.every((u) => isLiteral(model.definition(u.value, u.scope)) && !agrees(u, entry.value));
          if (contradicted) report("configMismatch", entry, found[0], found);
        }
      }
    });
  },
});
