import { configSources, paramBatchLoggers, paramLoggers, paramMappingLoggers, TRACKER_PACKAGES } from "../catalogue/tracking.js";
import type { CallExpr, Expr, Range } from "../semantic/ir.js";
import { argument, inPackage, isLiteral, literalString, type SemanticModel } from "../semantic/model.js";
import { createRule } from "./util/create-rule.js";
import { onProgram, snippet } from "./util/program.js";

type MessageIds = "literalParam" | "literalMismatch" | "configNotRead" | "configMismatch";

interface Use {
  callee: string;
  value: Expr;
}

const sameLiteral = (a: Expr, b: Expr) => a.kind === "literal" && b.kind === "literal" && a.value === b.value;

/** Every `key=value` keyword passed to a non-tracker call, by key: what the code actually runs with. */
function keywordUses(model: SemanticModel, text: (r: Range) => string): Map<string, Use[]> {
  const uses = new Map<string, Use[]>();
  for (const site of model.facts.calls) {
    const q = model.callee(site);
    if (q !== null && TRACKER_PACKAGES.some((r) => inPackage(q, r))) continue;
    for (const arg of model.namedArguments(site.call)) {
      let list = uses.get(arg.name);
      if (!list) uses.set(arg.name, (list = []));
      list.push({ callee: snippet(text(site.call.callee.range), 40), value: arg.value });
    }
  }
  return uses;
}

/** Literal `{key: value}` entries of an inline dict. */
function literalEntries(e: Expr | undefined): { key: string; value: Expr }[] {
  if (e?.kind !== "dict") return [];
  return e.entries.flatMap((en) => {
    const key = literalString(en.key);
    return key !== null && isLiteral(en.value) ? [{ key, value: en.value }] : [];
  });
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
        "{{key}} is logged as the literal {{value}}, a second copy of the setting that can drift from what the code runs; log the variable the model is trained with.",
      literalMismatch: "{{key}} is logged as the literal {{value}}, but {{callee}} receives {{actual}}; log the value the model is trained with.",
      configNotRead:
        "{{key}} is set to {{value}} in the W&B config, but the code never reads it back, so the config can say one thing while the run does another; read it from the config where it is used.",
      configMismatch: "{{key}} is set to {{value}} in the W&B config, but {{callee}} receives {{actual}}; pass the config value instead.",
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return onProgram(context, ({ model, loc, text }) => {
      if (!model.imports(...TRACKER_PACKAGES)) return;
      let uses: Map<string, Use[]> | null = null;
      /** A call that receives `key` with another value than the literal logged. */
      const differing = (key: string, value: Expr) => (uses ??= keywordUses(model, text)).get(key)?.find((u) => !sameLiteral(u.value, value));

      /** Report a literal, saying what the code really passes when a call receives the same key. */
      const reportLiteral = (key: string, value: Expr, plain: MessageIds = "literalParam", mismatch: MessageIds = "literalMismatch") => {
        const other = differing(key, value);
        const data = { key, value: snippet(text(value.range), 40) };
        if (other) {
          context.report({ loc: loc(value.range), messageId: mismatch, data: { ...data, callee: other.callee, actual: snippet(text(other.value.range), 40) } });
        } else {
          context.report({ loc: loc(value.range), messageId: plain, data });
        }
      };

      // MLflow params are write-only: a literal there is always a second source of truth.
      for (const logger of paramLoggers) {
        for (const { site } of model.callsTo([logger.qname])) {
          const key = literalString(argument(site.call, logger.key)?.value);
          const value = argument(site.call, logger.value)?.value;
          if (key !== null && value && isLiteral(value)) reportLiteral(key, value);
        }
      }
      for (const logger of paramMappingLoggers) {
        for (const { site } of model.callsTo([logger.qname])) {
          for (const { key, value } of literalEntries(argument(site.call, logger.mapping)?.value)) reportLiteral(key, value);
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
            if (key !== null && value && isLiteral(value)) reportLiteral(key, value);
          }
        }
      }

      // W&B: the config is the source of truth when the code reads the value back from it.
      for (const source of configSources) {
        const objects = new Set(source.objects);
        const isConfig = (e: Expr, scope: number) => {
          const q = model.resolve(e, scope);
          return q !== null && objects.has(q);
        };
        const literals: { key: string; value: Expr }[] = [];
        // A dict bound to a name first (`config = {...}; wandb.init(config=config)`) is the same literal source.
        const mapping = (e: Expr | undefined, scope: number) => literalEntries(e && model.definition(e, scope));
        for (const init of source.init) {
          for (const { site } of model.callsTo([init.qname])) literals.push(...mapping(argument(site.call, init.mapping)?.value, site.scope));
        }
        const updates = source.objects.flatMap((o) => source.updateMethods.map((m) => `${o}.${m}`));
        for (const { site } of model.callsTo(updates)) literals.push(...mapping(argument(site.call, { index: 0 })?.value, site.scope));
        for (const assign of model.facts.targetAssigns) {
          const t = assign.target;
          const key = t.kind === "member" ? t.property : literalString(t.index);
          if (key !== null && isConfig(t.object, assign.scope) && isLiteral(assign.value)) literals.push({ key, value: assign.value });
        }
        if (!literals.length) continue;

        const read = new Set<string>();
        let readsAll = false;
        // An assignment target (`wandb.config.lr = 0.1`) is a write, not a read.
        const written = new Set(model.facts.targetAssigns.map((a) => a.target.range[0]));
        for (const { expr, scope } of model.facts.reads()) {
          if (written.has(expr.range[0]) || !isConfig(expr.object, scope)) continue;
          const key = expr.kind === "member" ? expr.property : literalString(expr.index);
          if (key !== null) read.add(key);
          else readsAll = true;
        }
        const unread = literals.filter(({ key }) => !read.has(key));
        if (readsAll || !unread.length) continue;
        // The whole config handed on (`Model(**config)`, `train(run.config)`) counts as reading every key.
        const passes = (call: CallExpr, scope: number) => call.args.some((a) => isConfig(a.value, scope));
        if (model.facts.calls.some((site) => passes(site.call, site.scope) && !updates.includes(model.callee(site) ?? ""))) continue;

        for (const { key, value } of unread) reportLiteral(key, value, "configNotRead", "configMismatch");
      }
    });
  },
});
