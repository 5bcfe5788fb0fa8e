import { globalRngs, seededCalls, seedingHelpers, SEED_GETTER_NAME, SEED_HELPER_NAME, type DrawCondition, type GlobalRng } from "../../catalogue/randomness.js";
import type { CallExpr, Expr } from "../../semantic/ir.js";
import { argument, type SemanticModel } from "../../semantic/model.js";

// Which global generators a file seeds, read from the catalogue: shared by require-seed and the rules that only apply to seeded scripts.

export const root = (qname: string) => qname.split(/[.(]/u, 1)[0]!;

/** Libraries the catalogue knows; a seed-named call from anywhere else is the project's own helper. */
export const KNOWN_ROOTS = new Set(
  [...globalRngs.flatMap((r) => [...r.seeders, ...r.consumers]), ...seedingHelpers.map((h) => h.qname), ...seededCalls.map((c) => c.qname)].map(root),
);

/** Literal `True`: the only value that surely turns randomness on. */
export const isTrue = (e: Expr | undefined) => e?.kind === "literal" && e.value === true;
export const isFalse = (e: Expr | undefined) => e?.kind === "literal" && e.value === false;
export const isNone = (e: Expr | undefined) => e?.kind === "literal" && e.value === null;

const helperByName = new Map(seedingHelpers.map((h) => [h.qname, h.seeds]));
/** `np.random.seed()` and `random.seed(None)` reseed from the OS: no seed at all. */
const passesSeed = (call: CallExpr) => call.args.length > 0 && !(call.args[0]!.spread === "" && isNone(call.args[0]!.value));

/** Global generators this file seeds, directly, through a library helper, or through a helper of its own. */
export function seededRngs(model: SemanticModel): Set<GlobalRng["id"]> {
  const seeded = new Set<GlobalRng["id"]>();
  for (const site of model.facts.calls) {
    const q = model.callee(site);
    if (q !== null) {
      for (const rng of globalRngs) if (rng.seeders.includes(q) && passesSeed(site.call) && draws(site.call, rng.seedersWhen?.[q])) seeded.add(rng.id);
      for (const id of helperByName.get(q) ?? []) seeded.add(id);
      if (KNOWN_ROOTS.has(root(q))) continue;
    }
    // `set_seed(42)` from the project's own utils: its body is not ours to read, so trust the name.
    // A function of this file is read instead: the seeders in its body count above.
    const callee = site.call.callee;
    if (callee.kind === "name" && model.binding(callee.name, site.scope, callee.range[0])?.kind === "def") continue;
    const name = callee.kind === "name" ? callee.name : callee.kind === "member" ? callee.property : "";
    if (SEED_HELPER_NAME.test(name) && !SEED_GETTER_NAME.test(name)) for (const rng of globalRngs) seeded.add(rng.id);
  }
  return seeded;
}

/** Whether a call meets its condition: draws from its library's global generator (DataLoader only with shuffle=True, and no generator), or seeds one. */
export function draws(call: CallExpr, when: DrawCondition | undefined): boolean {
  if (!when) return true;
  if (when.unless && call.args.some((a) => a.name === when.unless)) return false;
  if (when.unlessIndex !== undefined && argument(call, { index: when.unlessIndex })) return false;
  if (!when.keyword && when.index === undefined) return true;
  const arg = argument(call, when);
  if (!arg) return when.default ?? false;
  return when.default ? !isFalse(arg.value) : isTrue(arg.value);
}
