import { globalRngs, seededCalls, seedingHelpers, SEED_GETTER_NAME, SEED_HELPER_NAME, type DrawCondition, type GlobalRng } from "../catalogue/randomness.js";
import type { CallExpr, CallSite, Expr } from "./ir.js";
import { argument, literalString, type SemanticModel } from "./model.js";
import { nameTokens } from "../catalogue/data.js";
import { rootOf } from "./qname.js";
import type { SummaryKind } from "./summaries.js";

// Which global generators a file seeds, and where, read from the catalogue: shared by require-seed and the rules that only apply to seeded scripts.

/** Libraries the catalogue knows; a seed-named call from anywhere else is the project's own helper. */
export const KNOWN_ROOTS = new Set(
  [...globalRngs.flatMap((r) => [...r.seeders, ...r.consumers]), ...seedingHelpers.map((h) => h.qname), ...seededCalls.map((c) => c.qname)].map(rootOf),
);

/** Literal `True`: the only value that surely turns randomness on. */
export const isTrue = (e: Expr | undefined) => e?.kind === "literal" && e.value === true;
export const isFalse = (e: Expr | undefined) => e?.kind === "literal" && e.value === false;
export const isNone = (e: Expr | undefined) => e?.kind === "literal" && e.value === null;

const helperByName = new Map(seedingHelpers.map((h) => [h.qname, h.seeds]));
const IMPLICIT = new Set(seedingHelpers.filter((h) => h.implicit).map((h) => h.qname));
/** `np.random.seed()` and `random.seed(None)` reseed from the OS: no seed at all. */
const passesSeed = (call: CallExpr) => call.args.length > 0 && !(call.args[0]!.spread === "" && isNone(call.args[0]!.value));
const ALL_RNGS = globalRngs.map((r) => r.id);

/** The generators one call seeds: a library seeder or helper, a function of this file or project that seeds (its summary), or a seed-named helper whose body is out of reach. */
export function seedsAt(model: SemanticModel, site: CallSite): GlobalRng["id"][] {
  const q = model.callee(site);
  const out: GlobalRng["id"][] = [];
  if (q !== null) {
    for (const rng of globalRngs) if (rng.seeders.includes(q) && passesSeed(site.call) && draws(site.call, rng.seedersWhen?.[q])) out.push(rng.id);
    out.push(...(helperByName.get(q) ?? []));
    if (KNOWN_ROOTS.has(rootOf(q))) return out;
  }
  // A function whose body the model reads (this file, or a module of the project): its summary says what it seeds.
  if (model.calledFunction(site)) return [...out, ...((model.summaryAt(seedsKind, site) ?? []) as GlobalRng["id"][])];
  // `set_seed(42)` from a module out of reach: trust the name.
  const callee = site.call.callee;
  if (callee.kind === "name" && model.binding(callee.name, site.scope, callee.range[0])?.kind === "def") return out;
  const name = callee.kind === "name" ? callee.name : callee.kind === "member" ? callee.property : "";
  return SEED_HELPER_NAME.test(name) && !SEED_GETTER_NAME.test(name) ? ALL_RNGS : out;
}

const escape = (s: string) => s.replace(/[.()[\]$^+?{}|\\]/gu, "\\$&");

/** The catalogue pattern a qualified name matches, or null: a trailing `*` is the rest of one name, `**` any chain. */
export function matcher(patterns: string[]): (q: string) => string | null {
  const exact = new Set(patterns.filter((p) => !p.includes("*")));
  const globs = patterns
    .filter((p) => p.includes("*"))
    .map((p) => ({
      p,
      re: new RegExp(
        `^${p
          .split("**")
          .map((part) => escape(part).replace(/\*/gu, "[^.(]*"))
          .join(".*")}$`,
        "u",
      ),
    }));
  return (q) => (exact.has(q) ? q : (globs.find((g) => g.re.test(q))?.p ?? null));
}

const consumerMatchers = new Map(globalRngs.map((rng) => [rng.id, matcher(rng.consumers)]));
const weightInitMatchers = new Map(globalRngs.map((rng) => [rng.id, matcher(rng.weightInit?.consumers ?? [])]));

/** The global generators a library call draws from (a catalogue consumer, under its condition), and whether it only draws initial weights. */
export function drawsAt(site: CallSite, q: string | null): { rng: GlobalRng; init: boolean }[] {
  if (q === null) return [];
  const out: { rng: GlobalRng; init: boolean }[] = [];
  for (const rng of globalRngs) {
    const pattern = consumerMatchers.get(rng.id)!(q);
    if (pattern !== null && draws(site.call, rng.consumersWhen?.[pattern])) out.push({ rng, init: weightInitMatchers.get(rng.id)!(q) !== null });
  }
  return out;
}

/** A draw a function makes when it runs: the library call that makes it (`nn.Linear(...)`), and whether it only draws initial weights. */
export interface Draw {
  call: string;
  init: boolean;
}

/**
 * Summary kind: the global generators a function draws from when it runs, directly or through the functions and
 * classes it calls, less those it seeds itself. A program that calls it (`Net(128)` from a module of the project)
 * draws them.
 */
export const drawsKind: SummaryKind<Record<string, Draw>> = {
  id: "draws",
  compute(fn) {
    const out: Record<string, Draw> = {};
    // What a constructor draws is the object's initial state (its weights), whatever the call.
    const parent = fn.scope.parent === null ? null : fn.model.scopeById(fn.scope.parent);
    const ctor = fn.scope.name === "__init__" && parent?.kind === "class";
    for (const site of fn.calls) {
      const q = fn.model.callee(site);
      for (const { rng, init } of drawsAt(site, q)) {
        const callee = fn.model.sourceText(site.call.callee.range);
        out[rng.id] ??= { call: `${callee.length > 40 ? `${callee.slice(0, 39)}…` : callee}(${site.call.args.length ? "..." : ""})`, init: init || ctor };
      }
      if (q !== null && KNOWN_ROOTS.has(rootOf(q))) continue;
      for (const [id, d] of Object.entries(fn.callee(drawsKind, site) ?? {})) out[id] ??= ctor ? { ...d, init: true } : d;
    }
    for (const id of seedsKind.compute(fn) ?? []) delete out[id];
    return Object.keys(out).length ? out : null;
  },
};

/** Summary kind: the global generators a function seeds when it runs (directly, or through the functions it calls). */
export const seedsKind: SummaryKind<string[]> = {
  id: "seeds",
  compute(fn) {
    const ids = new Set<string>();
    for (const site of fn.calls) for (const id of seedsAt(fn.model, site)) ids.add(id);
    return ids.size ? [...ids].sort() : null;
  },
};

/** A function that is defined but never used anywhere in the file (not called, not passed on): its body never runs from here. */
export function neverUsed(model: SemanticModel, scope: number): boolean {
  for (let s: number | null = scope; s !== null && s !== 0; s = model.scopeById(s).parent) {
    const sc = model.scopeById(s);
    if (sc.kind !== "function") continue;
    const parent = sc.parent === null ? null : model.scopeById(sc.parent);
    // A method runs whenever its object is used: the model cannot tell.
    if (parent?.kind === "class") continue;
    const def = model.facts.bindings.find((b) => b.kind === "def" && b.scope === sc.parent && b.name === sc.name && model.definedScope(b) === sc);
    if (def && !model.isUsed(def)) return true;
  }
  return false;
}

export interface SeedPoint {
  rng: GlobalRng["id"];
  site: CallSite;
}

const POINTS = new WeakMap<SemanticModel, SeedPoint[]>();

/** Every call that seeds a global generator, in source order, leaving out those in functions the file never uses. */
export function seedPoints(model: SemanticModel): SeedPoint[] {
  let points = POINTS.get(model);
  if (!points) {
    points = [];
    for (const site of model.facts.calls) {
      const ids = seedsAt(model, site);
      if (!ids.length || (site.scope !== 0 && neverUsed(model, site.scope))) continue;
      for (const rng of ids) points.push({ rng, site });
    }
    POINTS.set(model, points);
  }
  return points;
}

/** Global generators this file seeds, directly, through a library helper, or through a helper of its own or of the project. */
export function seededRngs(model: SemanticModel): Set<GlobalRng["id"]> {
  return new Set(seedPoints(model).map((p) => p.rng));
}

/**
 * The seeding of `rng` that comes only after a draw at `site` in the same
 * function: every seed point of that function lies after the draw. `null`
 * when one comes before, or when the function seeds nothing itself (then
 * its caller may have).
 */
export function seededOnlyAfter(model: SemanticModel, site: CallSite, rng: GlobalRng["id"]): SeedPoint | null {
  const here = seedPoints(model).filter((p) => p.rng === rng && p.site.scope === site.scope && !IMPLICIT.has(model.callee(p.site) ?? ""));
  if (!here.length || here.some((p) => p.site.call.range[0] < site.call.range[1])) return null;
  return here[0]!;
}

/** Whether a call meets its condition: draws from its library's global generator (DataLoader only with shuffle=True, and no generator), or seeds one. */
export function draws(call: CallExpr, when: DrawCondition | undefined): boolean {
  if (!when) return true;
  if (
    when.unless &&
    call.args.some(
      (a) => a.name === when.unless || (a.name === null && a.value.kind === "dict" && a.value.entries.some((en) => literalString(en.key) === when.unless)),
    )
  )
    return false;
  if (when.unlessIndex !== undefined && argument(call, { index: when.unlessIndex })) return false;
  if (!when.keyword && when.index === undefined) return true;
  const arg = argument(call, when);
  if (!arg) return when.default ?? false;
  return when.default ? !isFalse(arg.value) : isTrue(arg.value);
}

const PARSE_ARGS = ["argparse.ArgumentParser().parse_args"];
const ADD_ARGUMENT = ["argparse.ArgumentParser().add_argument", "argparse.ArgumentParser().add_argument_group().add_argument"];

/**
 * The seed this file already has, as an expression usable at `site`: a
 * seed-named variable visible there (`SEED = 42`, `seed = int(os.environ[...])`),
 * else the parsed command line's `--seed` (`args.seed`). `null` when it has none.
 */
export function seedAt(model: SemanticModel, site: CallSite): string | null {
  const pos = site.call.range[0];
  for (const b of model.facts.bindings) {
    if (b.kind !== "assign" || !b.value || !nameTokens(b.name).includes("seed")) continue;
    // A number or a value read from elsewhere; not a list of seeds, nor a string.
    if (b.value.kind === "collection" || b.value.kind === "dict" || (b.value.kind === "literal" && typeof b.value.value !== "number")) continue;
    if (model.binding(b.name, site.scope, pos) === b) return b.name;
  }
  const declared = model.callsTo(ADD_ARGUMENT).some(({ site: s }) => s.call.args.some((a) => a.name === null && literalString(a.value) === "--seed"));
  if (!declared) return null;
  for (const { site: s } of model.callsTo(PARSE_ARGS)) {
    const holder = model.holder(s.call);
    if (holder?.kind === "assign" && model.binding(holder.name, site.scope, pos) === holder) return `${holder.name}.seed`;
  }
  return null;
}
