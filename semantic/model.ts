import { canonical, importedName } from "../catalogue/aliases.js";
import type {
  Arg,
  Binding,
  Block,
  CallExpr,
  CallSite,
  DictExpr,
  Expr,
  NameExpr,
  NameRead,
  ProgramFacts,
  Range,
  Return,
  Scope,
  TryBlock,
  WithBlock,
} from "./ir.js";
import type { ProjectIndex } from "./project.js";
import { FileSummaries, type CalleeFunction, type SummaryKind } from "./summaries.js";

// Data flow follows at most this many assignments, so cycles and long chains stay cheap.
const MAX_HOPS = 8;
// Longest member/call chain the model resolves (`a.b().c…`).
const MAX_CHAIN = 64;

export interface ArgRef {
  index?: number;
  keyword?: string;
  /**
   * For APIs that take one options object (JavaScript): the property of the
   * object literal found by `index`/`keyword`, e.g. `client.Runs.logParameter({ key, value })`
   * → `{ index: 0, property: "key" }`. Alone, on an object literal: that property.
   */
  property?: string;
}

// Data flow visits at most this many bindings and calls.
const MAX_FLOW = 256;

export interface Flow {
  bindings: Set<Binding>;
  calls: CallExpr[];
}

export const contains = (outer: Range, inner: Range): boolean => outer[0] <= inner[0] && inner[1] <= outer[1];

/**
 * What rules ask about a program: which qualified name an expression resolves
 * to, where a name was bound from, and which blocks enclose a call. Answers
 * are `null` when the model cannot tell, and rules then stay silent.
 */
export class SemanticModel {
  readonly facts: ProgramFacts;
  readonly text: string;
  #byName = new Map<string, Binding[]>();
  #qnames = new Map<CallExpr, string | null>();
  #bindingQnames = new Map<Binding, string | null>();
  #imported: string[];
  #byCallee: Map<string, number[]> | null = null;
  #file: string | null = null;
  #project: ProjectIndex | null = null;
  #projectDepth = 0;
  // Keyed by name ("" for all names at once).
  #references = new Map<string, Map<Binding, NameRead[]>>();
  #bindingSites: Set<number> | null = null;
  #defScopes: Map<Binding, Scope> | null = null;
  #callsByScope: Map<number, CallSite[]> | null = null;
  #params = new Map<number, Binding[]>();
  #summaries: FileSummaries | null = null;
  #externals = new Map<string, CalleeFunction | null>();
  #locals = new Map<number, CalleeFunction>();
  #methods = new Map<number, Map<string, Scope>>();
  #stars: Binding[] | undefined;

  constructor(facts: ProgramFacts, text: string, where?: { file: string; project: ProjectIndex; depth?: number }) {
    this.facts = facts;
    this.text = text;
    if (where) this.locate(where.file, where.project, where.depth);
    for (const b of facts.bindings) {
      let list = this.#byName.get(b.name);
      if (!list) this.#byName.set(b.name, (list = []));
      list.push(b);
    }
    this.#imported = facts.bindings.filter((b) => b.kind === "import" && b.qname).map((b) => importedName(b.qname!));
  }

  /**
   * Where the file lives and which project index answers for the modules it
   * imports. Set once, by the front door that knows the path; without it the
   * model sees this file alone.
   */
  locate(file: string, project: ProjectIndex, depth = 0): void {
    if (this.#file !== null) return;
    this.#file = file;
    this.#project = project;
    this.#projectDepth = depth;
  }

  get language(): "python" | "javascript" {
    return this.facts.language ?? "python";
  }

  /** Named arguments are passed as one object literal (`f({ lr: 0.1 })`), as in JavaScript, not as keywords. */
  get optionObjects(): boolean {
    return this.facts.optionObjects === true;
  }

  get file(): string | null {
    return this.#file;
  }

  /** Every read of the name a binding binds (not its own binding site), in source order. */
  references(b: Binding): readonly NameRead[] {
    // By name, when the front end can list one name's reads: most files ask about a few names only.
    const key = this.facts.namesOf ? b.name : "";
    let refs = this.#references.get(key);
    if (!refs) {
      refs = new Map<Binding, NameRead[]>();
      this.#bindingSites ??= new Set(this.facts.bindings.map((x) => x.range[0]));
      for (const read of this.facts.namesOf ? this.facts.namesOf(b.name) : this.facts.names()) {
        if (this.#bindingSites.has(read.range[0])) continue;
        const target = this.binding(read.name, read.scope, read.range[0]);
        if (!target) continue;
        let list = refs.get(target);
        if (!list) refs.set(target, (list = []));
        list.push(read);
      }
      this.#references.set(key, refs);
    }
    return refs.get(b) ?? [];
  }

  /** The binding is read somewhere: called by name (the common case, read from the call sites alone), else any other read. */
  isUsed(b: Binding): boolean {
    for (const site of this.facts.calls) {
      const c = site.call.callee;
      if (c.kind === "name" && c.name === b.name && this.binding(c.name, site.scope, c.range[0]) === b) return true;
    }
    return this.references(b).length > 0;
  }

  /**
   * The bindings that hold a call's result: `run = start()` gives `run`;
   * `X_tr, X_te = split(...)` gives both names; `with start() as run` and
   * `for batch in loader()` likewise. Empty when the result is not kept in a name.
   */
  holders(call: CallExpr, how: "exact" | "within" = "exact"): Binding[] {
    const out: Binding[] = [];
    for (const b of this.facts.bindings) {
      if (b.kind !== "assign" && b.kind !== "unpack" && b.kind !== "with" && b.kind !== "loop") continue;
      // A binding's range is its name: before the value in an assignment or a `for`, after it in `with ... as name`.
      // Statement extent first: reading a binding's value converts it.
      if (b.pos < call.range[1] || (b.kind !== "with" && b.range[0] > call.range[0]) || !b.value) continue;
      const v = b.value.range;
      if (how === "exact" ? v[0] === call.range[0] && v[1] === call.range[1] : contains(v, call.range)) out.push(b);
    }
    return out;
  }

  /**
   * The one name a call's result is assigned to (`run = start()`, `with start() as run`), or null.
   * `within`: the call may be part of the value (`model = Estimator(...).fit(X, y)`).
   */
  holder(call: CallExpr, how: "exact" | "within" = "exact"): Binding | null {
    return this.holders(call, how).find((b) => b.kind === "assign" || b.kind === "with") ?? null;
  }

  /** The call's result is kept: assigned to names or to an attribute or item, or iterated by a `for`, not only displayed or dropped. */
  isKept(site: CallSite): boolean {
    const [start, end] = site.call.range;
    return (
      this.facts.bindings.some(
        (b) => b.scope === site.scope && (b.kind === "assign" || b.kind === "unpack" || b.kind === "loop") && b.range[0] <= start && end <= b.pos,
      ) || this.facts.targetAssigns.some((t) => t.range[0] <= start && end <= t.range[1])
    );
  }

  scopeById(id: number): Scope {
    return this.facts.scopes[id]!;
  }

  functionScopes(): Scope[] {
    return this.facts.scopes.filter((s) => s.kind === "function");
  }

  /** The parameters a caller fills, in order: a method's `self`/`cls` is left out. */
  parametersOf(scope: number): Binding[] {
    let params = this.#params.get(scope);
    if (!params) {
      params = this.facts.bindings.filter((b) => b.kind === "param" && b.scope === scope).sort((a, b) => a.range[0] - b.range[0]);
      const parent = this.facts.scopes[scope]?.parent;
      if (params[0] && parent != null && this.facts.scopes[parent]?.kind === "class" && (params[0].name === "self" || params[0].name === "cls"))
        params = params.slice(1);
      this.#params.set(scope, params);
    }
    return params;
  }

  /** Calls made directly in a scope's own body. */
  callsIn(scope: number): CallSite[] {
    if (!this.#callsByScope) {
      this.#callsByScope = new Map();
      for (const site of this.facts.calls) {
        let list = this.#callsByScope.get(site.scope);
        if (!list) this.#callsByScope.set(site.scope, (list = []));
        list.push(site);
      }
    }
    return this.#callsByScope.get(scope) ?? [];
  }

  returnsIn(scope: number): Return[] {
    return this.facts.returns.filter((r) => r.scope === scope);
  }

  /** The scope a `def` (or function/class declaration) binding defines. */
  definedScope(b: Binding): Scope | null {
    if (b.kind !== "def") return null;
    if (!this.#defScopes) {
      this.#defScopes = new Map();
      const defs = this.facts.bindings.filter((x) => x.kind === "def");
      for (const d of defs) {
        let best: Scope | null = null;
        for (const sc of this.facts.scopes) {
          if (sc.parent !== d.scope || sc.name !== d.name || sc.range[1] <= d.range[0]) continue;
          if (!best || Math.abs(sc.range[0] - d.range[0]) < Math.abs(best.range[0] - d.range[0])) best = sc;
        }
        if (best) this.#defScopes.set(d, best);
      }
    }
    return this.#defScopes.get(b) ?? null;
  }

  /**
   * The function a call calls, when the model can find its body: a function
   * of this file (by name, or `self.method` in its class), or a function of
   * another module of the project, through an import or a star import.
   */
  calledFunction(site: CallSite): CalleeFunction | null {
    const c = site.call.callee;
    if (c.kind === "name") {
      const b = this.binding(c.name, site.scope, c.range[0]);
      const local = b && this.definedScope(b);
      // Calling a class runs its `__init__`.
      const fn = local?.kind === "class" ? this.#methodOf(local, "__init__") : local;
      if (local) return fn?.kind === "function" ? this.#local(fn) : null;
      if (b?.kind === "import" && b.qname) return this.#external(b.qname);
      if (!b && this.#project && this.#file) {
        // Asked for every call of a builtin (`print`, `len`): the star imports are listed once.
        this.#stars ??= this.facts.bindings.filter((x) => x.name === "*" && x.kind === "import" && x.qname);
        for (const star of this.#stars) {
          const fn = this.#project.starFunction(this.#file, star.qname!.slice(0, -2), c.name, this.#projectDepth);
          if (fn) return { external: fn };
        }
      }
      return null;
    }
    if (c.kind !== "member") return null;
    // `self.helper(...)`: a method of the enclosing class.
    if (c.object.kind === "name" && (c.object.name === "self" || c.object.name === "cls")) {
      for (let s: number | null = site.scope; s !== null; s = this.facts.scopes[s]?.parent ?? null) {
        const sc = this.facts.scopes[s]!;
        if (sc.kind !== "class") continue;
        const method = this.#methodOf(sc, c.property);
        return method ? this.#local(method) : null;
      }
      return null;
    }
    // `net.fit(...)` after `net = Net(...)`: a method of the class the object was built from.
    if (c.object.kind === "name") {
      const made = this.binding(c.object.name, site.scope, c.object.range[0]);
      if (made?.kind === "assign" && made.value?.kind === "call") return this.#method(made.value, made.scope, c.property);
    }
    // `helpers.set_seed(...)` after `import helpers`: a module of the project.
    let base: Expr = c;
    while (base.kind === "member") base = base.object;
    if (base.kind !== "name" || this.binding(base.name, site.scope, base.range[0])?.kind !== "import") return null;
    const q = this.resolve(c, site.scope);
    return q ? this.#external(q) : null;
  }

  /** The method `name` of the class that `construct` (`Net(...)`) builds: a class of this file or of the project. */
  #method(construct: CallExpr, scope: number, name: string): CalleeFunction | null {
    const callee = construct.callee;
    if (callee.kind !== "name") return null;
    const b = this.binding(callee.name, scope, callee.range[0]);
    const cls = b && this.definedScope(b);
    if (cls) {
      if (cls.kind !== "class") return null;
      const method = this.#methodOf(cls, name);
      return method ? this.#local(method) : null;
    }
    return b?.kind === "import" && b.qname ? this.#external(`${b.qname}.${name}`) : null;
  }

  /** The method `name` of a class of this file; each class's methods are listed once. */
  #methodOf(cls: Scope, name: string): Scope | undefined {
    let methods = this.#methods.get(cls.id);
    if (!methods) {
      methods = new Map();
      for (const m of this.facts.scopes) if (m.parent === cls.id && m.kind === "function" && !methods.has(m.name)) methods.set(m.name, m);
      this.#methods.set(cls.id, methods);
    }
    return methods.get(name);
  }

  /** A function of this file as a callee, built once per function. */
  #local(fn: Scope): CalleeFunction {
    let found = this.#locals.get(fn.id);
    if (!found) this.#locals.set(fn.id, (found = { local: fn, params: this.parametersOf(fn.id).map((p) => p.name) }));
    return found;
  }

  #external(qname: string): CalleeFunction | null {
    if (!this.#project || !this.#file) return null;
    // Once per name and file: library calls (`pd.read_csv`) are asked about at every call site.
    let found = this.#externals.get(qname);
    if (found === undefined) {
      const fn = this.#project.function(this.#file, qname, this.#projectDepth);
      this.#externals.set(qname, (found = fn ? { external: fn } : null));
    }
    return found;
  }

  /** Other scripts of the project that write the table file `path` after fitting on all its rows (see ProjectIndex.tableWriters). */
  tableWriters(path: string): { file: string; line: number; what: string }[] {
    return this.#project && this.#file ? this.#project.tableWriters(this.#file, path) : [];
  }

  /** The argument a call passes for the callee's parameter `name` at position `index` (self left out), or null. */
  argumentFor(site: CallSite, index: number, name: string): Arg | null {
    return argument(site.call, { index, keyword: name });
  }

  /** Function summaries of this file, computed on first request. */
  get summaries(): FileSummaries {
    return (this.#summaries ??= new FileSummaries(this));
  }

  /** What `kind` says about the function a call calls (this file or the project), or null when unknown. */
  summaryAt<T>(kind: SummaryKind<T>, site: CallSite): T | null {
    return this.summaries.atCall(kind, site);
  }

  /** A program rather than a library module: a `__main__` guard, or a module-level call to one of its own functions. */
  runsAsProgram(): boolean {
    if (this.facts.mainGuard) return true;
    return this.facts.calls.some(
      (site) => site.scope === 0 && site.call.callee.kind === "name" && this.binding(site.call.callee.name, 0, site.call.range[0])?.kind === "def",
    );
  }

  /** True when any import binds a module under one of these top-level packages. */
  imports(...packages: string[]): boolean {
    return this.#imported.some((q) => packages.some((p) => q === p || startsWithPart(q, p, ".")));
  }

  /**
   * Named arguments of a call: Python keywords, and in languages that pass
   * options as an object literal (`f({ lr: 0.1 })`), that object's literal keys.
   */
  namedArguments(call: CallExpr): { name: string; value: Expr }[] {
    const out: { name: string; value: Expr }[] = [];
    for (const a of call.args) {
      if (a.name) out.push({ name: a.name, value: a.value });
      else if (this.facts.optionObjects && a.spread === "" && a.value.kind === "dict") {
        for (const en of a.value.entries) {
          const key = literalString(en.key);
          if (key !== null) out.push({ name: key, value: en.value });
        }
      }
    }
    return out;
  }

  sourceText(range: Range): string {
    return this.text.slice(range[0], range[1]);
  }

  /** The binding of `name` visible at `pos` from `scope`, or null. */
  binding(name: string, scope: number, pos: number): Binding | null {
    const list = this.#byName.get(name);
    if (!list) return null;
    for (let s: number | null = scope, inner = true; s !== null; s = this.facts.scopes[s]?.parent ?? null, inner = false) {
      const scopeKind = this.facts.scopes[s]?.kind;
      // Python: a class body is not visible from the methods inside it.
      if (!inner && scopeKind === "class") continue;
      let best: Binding | null = null;
      let last: Binding | null = null;
      for (const b of list) {
        if (b.scope !== s) continue;
        last = b;
        if (b.pos <= pos && (!best || b.pos >= best.pos)) best = b;
      }
      // Outer scopes are read when the function runs, usually after the whole module ran.
      if (best) return best;
      if (!inner && last) return last;
      if (inner && last && s !== 0) return null;
    }
    return null;
  }

  /**
   * Qualified name of an expression: `np.random.seed` → `numpy.random.seed`, `MlflowClient().log_param` → `mlflow.MlflowClient().log_param`.
   * Member and call chains are unwound with a loop, not recursion: a generated `a.b.c…` thousands of parts long must not exhaust the stack.
   */
  resolve(expr: Expr, scope: number, hops = 0): string | null {
    if (hops > MAX_HOPS) return null;
    const suffixes: string[] = [];
    // prefixes[i] is the expression suffixes[i] applies to.
    const prefixes: Expr[] = [];
    let base = expr;
    while (base.kind === "member" || base.kind === "call") {
      // No library's qualified name is this long; past it the model cannot tell.
      if (suffixes.length >= MAX_CHAIN) return null;
      suffixes.push(base.kind === "member" ? base.property : "()");
      base = base.kind === "member" ? base.object : base.callee;
      prefixes.push(base);
    }
    let q = base.kind === "name" ? this.#resolveName(base, scope, hops) : null;
    for (let i = suffixes.length - 1; i >= 0; i--) {
      // `this.tracker.Runs`: a field's type, when the checker knows it and the syntax does not.
      if (q === null && prefixes[i]!.kind === "member") q = this.facts.instanceType?.(prefixes[i]!.range) ?? null;
      if (q === null) {
        // Without a type checker nothing outer can be named either.
        if (!this.facts.instanceType) return null;
        continue;
      }
      const suffix = suffixes[i]!;
      q = suffix === "()" ? `${q}()` : canonical(`${q}.${suffix}`);
    }
    return q;
  }

  #resolveName(expr: NameExpr, scope: number, hops: number): string | null {
    const b = this.binding(expr.name, scope, expr.range[0]);
    if (!b) return null;
    let q = this.#bindingQnames.get(b);
    if (q === undefined) {
      q = null;
      if (b.kind === "import" && b.qname) q = importedName(b.qname);
      else if (b.kind === "global" && b.qname) q = b.qname;
      else if ((b.kind === "assign" || b.kind === "with") && b.value) q = this.resolve(b.value, b.scope, hops + 1);
      // A parameter's value, when the front end knows one, is the instance its type annotation names.
      else if (b.kind === "param" && b.value) q = this.resolve(b.value, b.scope, hops + 1);
      // What the syntax cannot tell, the type checker may (typed linting only): the declared name's type.
      if (q === null && (b.kind === "param" || b.kind === "assign" || b.kind === "loop")) q = this.facts.instanceType?.(b.range) ?? null;
      this.#bindingQnames.set(b, q);
    }
    return q;
  }

  /** Resolved callee of a call site, memoised. */
  callee(site: CallSite): string | null {
    let q = this.#qnames.get(site.call);
    if (q === undefined) {
      q = this.resolve(site.call.callee, site.scope);
      this.#qnames.set(site.call, q);
    }
    return q;
  }

  /** Call sites whose callee resolves to one of `qnames`, in source order. */
  callsTo(qnames: Iterable<string>): { site: CallSite; qname: string }[] {
    // Rules ask about dozens of catalogue names per file: index the calls once rather than scan them per question.
    if (!this.#byCallee) {
      this.#byCallee = new Map();
      this.facts.calls.forEach((site, i) => {
        const q = this.callee(site);
        if (q === null) return;
        let list = this.#byCallee!.get(q);
        if (!list) this.#byCallee!.set(q, (list = []));
        list.push(i);
      });
    }
    const order: number[] = [];
    for (const q of new Set(qnames)) order.push(...(this.#byCallee.get(q) ?? []));
    if (order.length > 1) order.sort((a, b) => a - b);
    return order.map((i) => {
      const site = this.facts.calls[i]!;
      return { site, qname: this.callee(site)! };
    });
  }

  /** Follow a name to the expression it was assigned from (through plain re-assignments and unpacked displays). */
  definition(expr: Expr, scope: number): Expr {
    let current = expr;
    for (let hops = 0; current.kind === "name" && hops < MAX_HOPS; hops++) {
      const b = this.binding(current.name, scope, current.range[0]);
      if (!b || !b.value) break;
      if (b.kind === "assign") current = b.value;
      // `a, b = 1, 2`: the item at the name's position, when the right side is a display of the same length.
      else if (b.kind === "unpack" && b.value.kind === "collection" && b.index !== undefined && b.index >= 0 && b.value.items.length === b.count)
        current = b.value.items[b.index]!;
      else break;
      scope = b.scope;
    }
    return current;
  }

  /** Every name an expression is computed from, following assignments transitively. */
  sourceNames(expr: Expr, scope: number): Set<string> {
    const seen = new Set<string>();
    const work: { e: Expr; scope: number; pos: number; hops: number }[] = [{ e: expr, scope, pos: expr.range[0], hops: 0 }];
    while (work.length) {
      const { e, scope: s, hops } = work.pop()!;
      for (const name of directNames(e)) {
        if (seen.has(name) || seen.size > 256) continue;
        seen.add(name);
        if (hops >= MAX_HOPS) continue;
        const b = this.binding(name, s, e.range[0]);
        if (b?.value && (b.kind === "assign" || b.kind === "unpack" || b.kind === "loop" || b.kind === "with")) {
          work.push({ e: b.value, scope: b.scope, pos: b.pos, hops: hops + 1 });
        }
      }
    }
    return seen;
  }

  /**
   * Every binding and call a value is computed from, following assignments
   * (data flow only: which values went in, not which branch ran).
   */
  flow(expr: Expr, scope: number): Flow {
    const bindings = new Set<Binding>();
    const calls: CallExpr[] = [];
    const work: { e: Expr; scope: number; hops: number }[] = [{ e: expr, scope, hops: 0 }];
    const visit = (name: string, s: number, pos: number, hops: number) => {
      const b = this.binding(name, s, pos);
      if (!b || bindings.has(b) || bindings.size >= MAX_FLOW) return;
      bindings.add(b);
      if (hops >= MAX_HOPS || !b.value || (b.kind !== "assign" && b.kind !== "unpack" && b.kind !== "loop" && b.kind !== "with")) return;
      // `a, b = f(x), g(y)`: only the matching item flows into each name.
      const v = b.value;
      const part = b.kind === "unpack" && v.kind === "collection" && v.items.length === b.count && b.index! >= 0 ? v.items[b.index!]! : v;
      work.push({ e: part, scope: b.scope, hops: hops + 1 });
    };
    while (work.length) {
      const { e, scope: s, hops } = work.pop()!;
      switch (e.kind) {
        case "name":
          visit(e.name, s, e.range[0], hops);
          break;
        case "other":
          for (const n of e.names) visit(n, s, e.range[0], hops);
          break;
        case "member":
          work.push({ e: e.object, scope: s, hops });
          break;
        case "index":
          work.push({ e: e.object, scope: s, hops }, { e: e.index, scope: s, hops });
          break;
        case "call":
          if (calls.includes(e) || calls.length >= MAX_FLOW) break;
          calls.push(e);
          work.push({ e: e.callee, scope: s, hops }, ...e.args.map((a) => ({ e: a.value, scope: s, hops })));
          break;
        case "collection":
          for (const x of e.items) work.push({ e: x, scope: s, hops });
          break;
        case "dict":
          for (const en of e.entries) work.push({ e: en.value, scope: s, hops });
          break;
        case "literal":
          break;
      }
    }
    return { bindings, calls };
  }

  /** Blocks that enclose a range, outermost first. */
  enclosing(range: Range): Block[] {
    return this.facts.blocks.filter((b) => contains(b.range, range) && !(b.range[0] === range[0] && b.range[1] === range[1]));
  }

  /** The `with` statement whose item is exactly this call, if any. */
  withOf(call: CallExpr): WithBlock | null {
    for (const b of this.facts.blocks) {
      if (b.kind === "with" && b.items.some((i) => i.range[0] === call.range[0] && i.range[1] === call.range[1])) return b;
    }
    return null;
  }

  /**
   * Whenever the statement at `b` runs, the one at `a` (earlier in the same
   * function) has run: no branch, loop body, exception handler or try-else
   * holds `a` without holding `b`. `loopsRun`: loops are taken to run at
   * least once (for effects that only matter if the loop ran at all).
   * `mayRaise`: a `try` body with handlers may stop before `a` and go on
   * after the handler, so it counts as a branch too.
   */
  dominates(a: Range, b: Range, assume: { loopsRun?: boolean; mayRaise?: boolean } = {}): boolean {
    for (const block of this.facts.blocks) {
      let regions: Range[] = [];
      if (block.kind === "branch" || (block.kind === "loop" && !assume.loopsRun)) regions = [block.body];
      else if (block.kind === "try") {
        regions = [...block.handlers.map((h) => h.range), ...(block.orelse ? [block.orelse] : [])];
        if (assume.mayRaise && block.handlers.length) regions.push(block.body);
      }
      if (regions.some((r) => contains(r, a) && !contains(r, b))) return false;
    }
    return true;
  }

  /**
   * The access paths an expression's value is read from, following
   * assignments: `lr` bound from `args.lr` gives `lr@12` and `args@3.lr`.
   * A root is a name and the offset of its binding (`@param` for a function
   * parameter, whose value comes from any caller); a call adds its receiver's
   * and its arguments' paths, and an operator the paths of the names it mentions,
   * since its value is derived from them.
   */
  accessPaths(expr: Expr, scope: number): Set<string> {
    return this.#paths(expr, scope).all;
  }

  /**
   * The paths that name the value itself, not what it is computed from:
   * `params` bound from a dict gives `params@4`, not the entries' paths.
   * A part of it is read as `path["key"]` or `path.attr`.
   */
  ownPaths(expr: Expr, scope: number): string[] {
    return this.#paths(expr, scope).own;
  }

  #paths(expr: Expr, scope: number): { all: Set<string>; own: string[] } {
    const out = new Set<string>();
    // `record`: the expression is a value in its own right, not the object of a member read (`args` in `args.lr`).
    const visit = (e: Expr, s: number, hops: number, record = true): string[] => {
      if (hops > MAX_HOPS || out.size > 128) return [];
      let paths: string[] = [];
      switch (e.kind) {
        case "name": {
          const b = this.binding(e.name, s, e.range[0]);
          paths = [`${e.name}@${!b ? "?" : b.kind === "param" ? "param" : b.range[0]}`];
          if (b?.value && (b.kind === "assign" || b.kind === "with" || b.kind === "loop" || b.kind === "unpack"))
            paths.push(...visit(b.value, b.scope, hops + 1, record));
          break;
        }
        case "member":
          // `args.__dict__` is the namespace itself, as `vars(args)` is.
          paths = visit(e.object, s, hops, false).map((p) => (e.property === "__dict__" ? p : `${p}.${e.property}`));
          break;
        case "index": {
          const key = this.definition(e.index, s);
          const k = key.kind === "literal" ? JSON.stringify(key.value) : "?";
          paths = visit(e.object, s, hops, false).map((p) => `${p}[${k}]`);
          break;
        }
        // What a value is computed from is recorded only for a value read whole: under a member read
        // (`args.lr`, `args = parser.parse_args()`), the parser is not what `args.lr` holds.
        case "call": {
          // `Namespace(**config)`, `dict(**config)`: the mapping itself, re-wrapped; its keys are read as attributes or items.
          const spread = e.args.length === 1 && e.args[0]!.spread === "**" ? e.args[0]!.value : null;
          if (spread) {
            paths = visit(spread, s, hops + 1, record);
            break;
          }
          for (const a of e.args) visit(a.value, s, hops + 1, record);
          if (e.callee.kind === "member") visit(e.callee.object, s, hops + 1, record);
          break;
        }
        case "dict":
          for (const en of e.entries) visit(en.value, s, hops + 1, record);
          break;
        case "collection":
          for (const item of e.items) visit(item, s, hops + 1, record);
          break;
        case "other":
          // A conditional's values, and what arithmetic combines (`args.lr * scale` is read from `args.lr`).
          for (const b of [...(e.branches ?? []), ...(e.operands ?? [])]) visit(b, s, hops + 1, record);
          // Where the front end gives no operands, an operator's value (`(1 - acc) * 100`) is computed from the names it mentions.
          if (!e.branches && !e.operands && !e.slice) for (const name of e.names) visit({ kind: "name", name, range: e.range }, s, hops + 1, record);
          break;
        default:
          break;
      }
      if (record) for (const p of paths) out.add(p);
      return paths;
    };
    const own = visit(expr, scope, 0);
    return { all: out, own };
  }

  /** The scope of the function of this file that a name refers to (`train` in `train(model)`), or null. */
  functionNamed(e: Expr, scope: number): number | null {
    if (e.kind !== "name") return null;
    const b = this.binding(e.name, scope, e.range[0]);
    const fn = b && this.definedScope(b);
    return fn?.kind === "function" ? fn.id : null;
  }

  /**
   * The function scopes that may run while code in `from` runs: functions of
   * this file called from there by name, or handed on by name (a callback,
   * `study.optimize(objective)`), transitively. Methods are not followed:
   * frameworks call them.
   */
  reachable(from: Iterable<number>): Set<number> {
    return this.#walk(from, this.#graph().calls);
  }

  /** The scopes from which a function in `to` may be called, directly or through other functions of this file (`reachable` reversed). */
  reaching(to: Iterable<number>): Set<number> {
    return this.#walk(to, this.#graph().callers);
  }

  #walk(from: Iterable<number>, edges: Map<number, Set<number>>): Set<number> {
    const seen = new Set(from);
    const work = [...seen];
    while (work.length) {
      for (const next of edges.get(work.pop()!) ?? []) {
        if (seen.has(next)) continue;
        seen.add(next);
        work.push(next);
      }
    }
    return seen;
  }

  #callGraph: { calls: Map<number, Set<number>>; callers: Map<number, Set<number>> } | null = null;

  /** Which function scopes each scope calls or hands on by name, built once. */
  #graph(): { calls: Map<number, Set<number>>; callers: Map<number, Set<number>> } {
    if (this.#callGraph) return this.#callGraph;
    const calls = new Map<number, Set<number>>();
    const callers = new Map<number, Set<number>>();
    const add = (map: Map<number, Set<number>>, a: number, b: number) => {
      let set = map.get(a);
      if (!set) map.set(a, (set = new Set()));
      set.add(b);
    };
    for (const site of this.facts.calls) {
      // A class body runs with the code around it; a nested `def` runs only when called.
      let owner = site.scope;
      while (this.facts.scopes[owner]?.kind === "class") owner = this.facts.scopes[owner]!.parent ?? 0;
      for (const e of [site.call.callee, ...site.call.args.map((a) => a.value)]) {
        const fn = this.functionNamed(e, site.scope);
        if (fn === null) continue;
        add(calls, owner, fn);
        add(callers, fn, owner);
      }
    }
    return (this.#callGraph = { calls, callers });
  }

  /**
   * What this file's calls pass for a function parameter: `def log_cfg(c)` …
   * `log_cfg(config)` gives `config`. Calls by the function's name (or a
   * method call by its name, skipping `self`/`cls`), by position or keyword.
   */
  callerArguments(param: Binding): { value: Expr; scope: number }[] {
    const fn = this.facts.scopes[param.scope];
    if (param.kind !== "param" || fn?.kind !== "function") return [];
    const params = this.facts.bindings.filter((b) => b.kind === "param" && b.scope === param.scope);
    const bound = params[0] && (params[0].name === "self" || params[0].name === "cls") ? 1 : 0;
    const index = params.indexOf(param) - bound;
    if (index < 0) return [];
    const out: { value: Expr; scope: number }[] = [];
    for (const site of this.facts.calls) {
      const c = site.call.callee;
      if (c.kind === "name") {
        const b = this.binding(c.name, site.scope, c.range[0]);
        if (c.name !== fn.name || b?.kind !== "def" || !contains(fn.range, b.range)) continue;
      } else if (c.kind !== "member" || c.property !== fn.name || !bound) continue;
      const arg = argument(site.call, { index, keyword: param.name });
      if (arg && arg.spread === "") out.push({ value: arg.value, scope: site.scope });
    }
    return out;
  }

  tries(): TryBlock[] {
    return this.facts.blocks.filter((b): b is TryBlock => b.kind === "try");
  }
}

/** `root` (a path from `accessPaths`) is `path` or a part of it; a parameter's root stands for any binding of its name. */
export function pathWithin(path: string, root: string): boolean {
  const split = (p: string) => {
    const m = /^([^@]*)@([^.[]*)(.*)$/su.exec(p);
    return m ? { name: m[1]!, id: m[2]!, rest: m[3]! } : { name: p, id: "", rest: "" };
  };
  const a = split(path);
  const b = split(root);
  if (a.name !== b.name || (a.id !== b.id && a.id !== "param" && b.id !== "param")) return false;
  return a.rest === b.rest || startsWithPart(a.rest, b.rest, ".") || startsWithPart(a.rest, b.rest, "[");
}

/** Names mentioned directly by an expression (not following bindings). */
export function directNames(e: Expr): string[] {
  const out: string[] = [];
  const work: Expr[] = [e];
  while (work.length) {
    const x = work.pop()!;
    switch (x.kind) {
      case "name":
        out.push(x.name);
        break;
      case "member":
        out.push(x.property);
        work.push(x.object);
        break;
      case "index":
        work.push(x.object, x.index);
        break;
      case "call":
        work.push(x.callee, ...x.args.map((a) => a.value));
        break;
      case "collection":
        work.push(...x.items);
        break;
      case "dict":
        for (const en of x.entries) work.push(...(en.key ? [en.key, en.value] : [en.value]));
        break;
      case "other":
        out.push(...x.names);
        break;
    }
  }
  return out;
}

/** The entry `property` of an object literal, as an argument. */
function propertyOf(e: Expr, property: string): Arg | null {
  if (e.kind !== "dict") return null;
  for (let i = e.entries.length - 1; i >= 0; i--) {
    const en = e.entries[i]!;
    // A later `...spread` may override the key: unknown.
    if (!en.key) return null;
    if (literalString(en.key) === property) return { name: property, spread: "", value: en.value, range: en.range };
  }
  return null;
}

/** True when a qualified name is `pkg` or lies under it (`pkg.x`, `pkg().x`). */
/** `name` is `prefix` followed by `separator` and more: asked for every call, so no string is built. */
function startsWithPart(name: string, prefix: string, separator: "." | "(" | "["): boolean {
  return name.length > prefix.length && name.charCodeAt(prefix.length) === separator.charCodeAt(0) && name.startsWith(prefix);
}

export function inPackage(qname: string, pkg: string): boolean {
  return qname === pkg || startsWithPart(qname, pkg, ".") || startsWithPart(qname, pkg, "(");
}

/**
 * The argument a catalogue entry points at: by keyword, else by position,
 * then (with `property`) that property of the object literal there. On an
 * object literal instead of a call, `property` alone picks the entry.
 */
export function argument(call: CallExpr | DictExpr | Expr, ref: ArgRef): Arg | null {
  if (call.kind === "dict") return ref.property !== undefined ? propertyOf(call, ref.property) : null;
  if (call.kind !== "call") return null;
  if (ref.property !== undefined) {
    const holder = argument(call, { ...(ref.index !== undefined ? { index: ref.index } : {}), ...(ref.keyword ? { keyword: ref.keyword } : {}) });
    return holder && holder.spread === "" ? propertyOf(holder.value, ref.property) : null;
  }
  if (ref.keyword) {
    const kw = call.args.find((a) => a.name === ref.keyword);
    if (kw) return kw;
  }
  if (ref.index !== undefined) {
    const positional = call.args.filter((a) => a.name === null);
    // A `*args` before the position hides which value lands there.
    const splat = positional.findIndex((a) => a.spread !== "");
    if (splat !== -1 && splat <= ref.index) return null;
    return positional[ref.index] ?? null;
  }
  return null;
}

/** True if the call passes `*args`/`**kwargs`, which may supply any argument. */
export function hasSpread(call: CallExpr): boolean {
  return call.args.some((a) => a.spread !== "");
}

/** A literal: number, string, bool, None, or a collection/dict of literals. */
export function isLiteral(e: Expr): boolean {
  const work: Expr[] = [e];
  while (work.length) {
    const x = work.pop()!;
    if (x.kind === "literal") continue;
    if (x.kind === "collection") work.push(...x.items);
    else if (x.kind === "dict") {
      for (const en of x.entries) {
        if (!en.key) return false;
        work.push(en.key, en.value);
      }
    } else return false;
  }
  return true;
}

export function literalString(e: Expr | null | undefined): string | null {
  return e?.kind === "literal" && typeof e.value === "string" ? e.value : null;
}
