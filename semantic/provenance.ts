import {
  AMBIGUOUS_ALONE,
  crossValidators,
  DATA_LOADERS,
  DATASET_LOADERS,
  FILE_READERS,
  FIT_METHODS,
  HISTORY_ATTRIBUTES,
  nameTokens,
  PARTWISE_RETURNS,
  roleFromName,
  splitFromFileName,
  splitFromGetter,
  splitFromName,
  splitters,
  SLICE_METHODS,
  VALUE_METHODS,
  type SplitRole,
} from "../catalogue/data.js";
import { SCORING_METHODS } from "../catalogue/leakage.js";
import type { Binding, CallExpr, Expr, MemberExpr } from "./ir.js";
import { scoredOnFitData } from "./queries.js";
import { argument, directNames, literalString, type SemanticModel } from "./model.js";
import { splitReturnKind } from "./split-summaries.js";

/**
 * Which data split (train / val / test) a value is computed from. A name's
 * role comes first from data flow (it is unpacked from a splitter call), then
 * from its own words (`X_train`, `acc_val`), then from the names it was
 * computed from. Several roles mean the analysis cannot tell, and callers
 * stay silent.
 */

// Assignments followed at most this deep, and names visited at most this often.
const MAX_HOPS = 8;
const MAX_VISITS = 256;

export type EvidenceKind = "split" | "name" | "attribute" | "key" | "cv" | "fit" | "loader" | "file" | "history";

export interface Evidence {
  role: SplitRole;
  kind: EvidenceKind;
  /** The name, attribute or key as written; for `cv` the call's short name. */
  text: string;
  /** For `split`: the splitter's short name. */
  via?: string;
  /** For `split`: the unpack binding, whose siblings are the other parts. */
  binding?: Binding;
}

export interface Provenance {
  /** The one split the value comes from, or null when none or several. */
  role: SplitRole | null;
  roles: Set<SplitRole>;
  evidence: Evidence[];
}

interface Item {
  e: Expr;
  scope: number;
  hops: number;
  /** Follow names to their assignments; off for receivers and attribute bases, which hold models more often than data. */
  follow: boolean;
}

/** The split a data name claims; `dev` or `val` alone is more often a device or a value. */
const nameRole = (name: string): SplitRole | null => (AMBIGUOUS_ALONE.has(name.toLowerCase()) ? null : roleFromName(name));

const shortName = (qname: string): string => qname.replace(/\(\)/g, "").split(".").pop() ?? qname;

/** The splitter call a binding holds a part of: `a, b = train_test_split(...)`, `for tr, te in kf.split(X)`, `for i, (tr, te) in enumerate(kf.split(X))`. */
export function splitPart(model: SemanticModel, b: Binding): { call: CallExpr; via: string; role: SplitRole; data: Expr[] } | null {
  let value = b.value;
  let index = b.index;
  if (b.kind === "loop" && value?.kind === "call" && b.path?.length === 2 && b.path[0] === 1) {
    // enumerate(...) is the builtin unless the file binds the name.
    const fn = value.callee;
    const arg = value.args[0];
    if (fn.kind !== "name" || fn.name !== "enumerate" || model.binding("enumerate", b.scope, b.pos) || !arg || arg.name || arg.spread) return null;
    value = arg.value;
    index = b.path[1];
  } else if (b.kind !== "unpack" && b.kind !== "loop") return null;
  if (value?.kind !== "call" || index === undefined || index < 0) return null;
  const q = model.resolve(value.callee, b.scope);
  const splitter = q === null ? undefined : splitters.find((s) => s.qname === q);
  const call = value;
  const positional = () => call.args.filter((a) => a.name === null && a.spread === "").map((a) => a.value);
  if (!splitter) {
    // A helper of this file or the project that returns a split's parts: `X_train, X_test, y_train, y_test = split_data(df)`.
    const helper = b.kind === "unpack" ? model.summaryAt(splitReturnKind, { call, scope: b.scope }) : null;
    const role = helper ? (helper.cyclic ? helper.roles[index % helper.roles.length] : helper.roles[index]) : null;
    if (!helper || !role) return null;
    const name = call.callee.kind === "name" ? call.callee.name : call.callee.kind === "member" ? call.callee.property : "helper";
    const data = helper.data.map((i) => argument(call, { index: i })?.value).filter((e): e is Expr => !!e);
    return { call, via: `${name}() (${helper.via} inside)`, role, data };
  }
  if (!dividesRows(call, splitter)) return null;
  // `KFold().split` reads as `KFold.split`.
  // An npm function is named as the file writes it (`tf.split`): its short name alone (`split`) says little.
  const via = splitter.qname.endsWith("().split")
    ? `${shortName(splitter.qname.slice(0, -"().split".length))}.split`
    : splitter.qname.startsWith("npm:")
      ? model.sourceText(call.callee.range)
      : shortName(splitter.qname);
  return { call, via, role: splitter.pattern[index % splitter.pattern.length]!, data: positional().slice(0, 1) };
}

/** A splitter call cuts rows: it has no axis parameter, or is given none, or axis 0. */
export function dividesRows(call: CallExpr, splitter: { axis?: { index: number; keyword: string } }): boolean {
  if (!splitter.axis) return true;
  const axis = argument(call, splitter.axis)?.value;
  return !axis || (axis.kind === "literal" && axis.value === 0);
}

/**
 * What one target of an unpacking holds, when that is one input: the matching
 * item of `a, b = x, y`, or the matching input of a call whose outputs
 * correspond to its inputs (`X, X_test = X.align(X_test)`). Null otherwise.
 */
export function unpackedPart(model: SemanticModel, b: Binding): Expr | null {
  const v = b.value;
  if (b.kind !== "unpack" || !v || b.index === undefined || b.index < 0) return null;
  if (v.kind === "collection") return v.items.length === b.count ? v.items[b.index]! : null;
  if (v.kind !== "call") return null;
  const method = v.callee.kind === "member" ? v.callee.property : null;
  const q = PARTWISE_RETURNS.some((p) => p.qname) ? model.resolve(v.callee, b.scope) : null;
  const entry = PARTWISE_RETURNS.find((p) => (p.method !== undefined && p.method === method) || (p.qname !== undefined && p.qname === q));
  if (!entry) return null;
  const positional = v.args.filter((a) => a.name === null);
  if (positional.some((a) => a.spread !== "")) return null;
  const part = entry.parts === "each" ? b.index : entry.parts[b.index];
  if (part === undefined) return null;
  if (part === "receiver") return v.callee.kind === "member" ? v.callee.object : null;
  return positional[part]?.value ?? null;
}

/** The dataset a binding's loader wraps: `loader = DataLoader(ds, ...)` gives `ds`. */
export function loaderOver(model: SemanticModel, b: Binding): Expr | null {
  if (b.kind !== "assign" || b.value?.kind !== "call") return null;
  const q = model.resolve(b.value.callee, b.scope);
  const loader = q === null ? undefined : DATA_LOADERS.find((l) => l.qname === q);
  // `DataLoader(train_ds, sampler=valid_sampler)`: a sampler picks the held-out rows of a shared dataset.
  if (!loader || argument(b.value, { keyword: "sampler" }) || argument(b.value, { keyword: "batch_sampler" })) return null;
  return argument(b.value, loader.data)?.value ?? null;
}

/** `h.history` where `h` holds what a fit returned (Keras' History). */
function isHistory(model: SemanticModel, e: MemberExpr, scope: number): boolean {
  const spec = HISTORY_ATTRIBUTES.find((h) => h.attribute === e.property);
  if (!spec) return false;
  const v = model.definition(e.object, scope);
  return v.kind === "call" && v.callee.kind === "member" && spec.producers.has(v.callee.property);
}

/**
 * The split a dataset loader returned into this binding, from the catalogue:
 * `(x_train, y_train), (x_test, y_test) = mnist.load_data()`, `MNIST(root, train=False)`,
 * `tfds.load(name, split="test")`, `fetch_20newsgroups(subset="test")`, and files
 * named like a split (`pd.read_csv("test.csv")`, going by the name).
 */
export function loadedSplit(model: SemanticModel, b: Binding): { role: SplitRole; via: string; file: boolean } | null {
  if ((b.kind !== "assign" && b.kind !== "unpack") || !b.value) return null;
  const getter = splitGetter(model.definition(b.value, b.scope));
  if (getter) return getter;
  const v = model.definition(b.value, b.scope);
  if (v.kind !== "call") return null;
  const q = model.resolve(v.callee, b.scope);
  if (q === null) return null;
  const position = b.kind === "unpack" ? (b.path?.length ? b.path[0]! : b.index) : undefined;
  for (const loader of DATASET_LOADERS) {
    if (!q.startsWith(loader.prefix) || (loader.suffix && !q.endsWith(loader.suffix))) continue;
    const segments = q.replace(/\(\)/gu, "").split(".");
    const name = loader.suffix ? segments.slice(-2).join(".") : segments[segments.length - 1]!;
    const split = loader.split;
    if ("returns" in split) {
      if (b.kind !== "unpack" || position === undefined || position < 0) continue;
      const role = split.returns[position];
      if (role) return { role, via: `${name}()`, file: false };
    } else if ("flag" in split) {
      const flag = argument(v, { keyword: split.flag })?.value;
      if (flag?.kind === "literal" && typeof flag.value === "boolean")
        return { role: flag.value ? split.whenTrue : split.whenFalse, via: `${name}(${split.flag}=${flag.value ? "True" : "False"})`, file: false };
    } else {
      const named = argument(v, { keyword: split.keyword })?.value;
      const pick = named?.kind === "collection" && b.kind === "unpack" && position !== undefined && position >= 0 ? named.items[position] : named;
      const text = literalString(pick);
      const role = text === null ? null : splitFromName(text);
      if (role) return { role, via: `${name}(${split.keyword}="${text}")`, file: false };
    }
  }
  // The reader, or the reader under a chain of methods on what it read: `tf.data.csv(path).map(f).batch(64)`, `pd.read_csv(path).dropna()`.
  let read: Expr = v;
  let reader = FILE_READERS.find((r) => r.qname === q);
  for (let i = 0; i < 8 && !reader && read.kind === "call" && read.callee.kind === "member"; i++) {
    read = read.callee.object;
    const inner: string | null = read.kind === "call" ? model.resolve(read.callee, b.scope) : null;
    reader = inner === null ? undefined : FILE_READERS.find((r) => r.qname === inner);
  }
  if (reader && b.kind === "assign") {
    let path = argument(read, reader.path)?.value;
    // `os.path.join(DATA, "test.csv")`: the last part names the file.
    if (path?.kind === "call") path = path.args[path.args.length - 1]?.value;
    // `DATA + "/test.csv"`, `f"{DATA}/test.csv"`, `` `file://${DATA}/test.csv` ``: the constant end names the file.
    const text = path?.kind === "other" ? constantTail(model.sourceText(path.range)) : literalString(path);
    const role = text === null ? null : splitFromFileName(text);
    if (role) return { role, via: `'${text}'`, file: true };
  }
  return null;
}

/** The file name a string built from parts ends with: `` `${dir}/test.csv` `` gives `test.csv`. */
function constantTail(text: string): string | null {
  return /([^\s"'`{}+/\\]+)["'`]\s*$/u.exec(text)?.[1] ?? null;
}

/**
 * `data.getTestData()`, `dataset.testBatch().toTensor()`, `data.getTestData().xs`:
 * a data object's method whose name says which split it hands out (see splitFromGetter).
 */
function splitGetter(v: Expr): { role: SplitRole; via: string; file: boolean } | null {
  let x: Expr = v;
  for (let i = 0; i < 8; i++) {
    if (x.kind === "member" || x.kind === "index") x = x.object;
    else if (x.kind === "call" && x.callee.kind === "member") {
      const role = splitFromGetter(x.callee.property);
      if (role) return { role, via: `${x.callee.property}()`, file: false };
      x = x.callee.object;
    } else break;
  }
  return null;
}

/** Accessors that select rows by position or label: `df.iloc[a:b]`, `df.loc[a:b]`. */
const ROW_ACCESSORS = new Set(["iloc", "loc"]);

/** The value a binding holds by itself: for `a, b = x, y` the matching item. */
function ownValue(b: Binding): Expr | null {
  const v = b.value;
  if (!v) return null;
  if (b.kind === "unpack") return v.kind === "collection" && v.items.length === b.count && b.index! >= 0 ? v.items[b.index!]! : null;
  return b.kind === "assign" ? v : null;
}

/** The first item of `[cut, 0]` (a tensor's begin or size per axis), or the value itself. */
const firstAxis = (e: Expr): Expr => (e.kind === "collection" && e.items.length ? e.items[0]! : e);

/** `X[:cut]` or `df.iloc[cut:]`, and `xs.slice(0, cut)` or `xs.slice(cut)`: the rows before or after one bound. */
function rowSlice(e: Expr | null): { base: Expr; head: boolean; bound: Expr } | null {
  if (e?.kind === "call" && e.callee.kind === "member" && SLICE_METHODS.has(e.callee.property)) {
    const args = e.args;
    if (args.some((a) => a.name !== null || a.spread !== "") || !args.length || args.length > 2) return null;
    const begin = firstAxis(args[0]!.value);
    // `.slice(0, cut)` keeps the head (an array's end and a tensor's size are both `cut` here); `.slice(cut)` or `.slice(cut, n)` the rest.
    if (begin.kind === "literal" && begin.value === 0) return args[1] ? { base: e.callee.object, head: true, bound: firstAxis(args[1].value) } : null;
    return { base: e.callee.object, head: false, bound: begin };
  }
  if (e?.kind !== "index" || e.index.kind !== "other" || !e.index.slice) return null;
  const { start, stop, step } = e.index.slice;
  if (step || (start === null) === (stop === null)) return null;
  const base = e.object.kind === "member" && ROW_ACCESSORS.has(e.object.property) ? e.object.object : e.object;
  return { base, head: start === null, bound: (start ?? stop)! };
}

/** The same value at two places: the same text, every name in it bound the same. */
function sameValue(model: SemanticModel, a: Expr, b: Expr, scope: number): boolean {
  if (model.sourceText(a.range) !== model.sourceText(b.range)) return false;
  const names = directNames(a);
  const other = directNames(b);
  return names.every((n, i) => model.binding(n, scope, a.range[0]) === model.binding(other[i]!, scope, b.range[0]));
}

interface SlicePart {
  role: SplitRole;
  via: string;
  base: Expr;
  other: Binding;
  /** This binding holds the rows before the bound. */
  head: boolean;
}

const SLICES = new WeakMap<Binding, SlicePart | null>();

/** The split a slice bound's name says its head holds: `xs.slice(0, numTest)`, `rows.slice(0, this.testSize)`. */
function boundRole(bound: Expr): SplitRole | null {
  const name = bound.kind === "name" ? bound.name : bound.kind === "member" ? bound.property : null;
  return name === null ? null : nameRole(name);
}

const ROW_SLICES = new WeakMap<SemanticModel, Map<number, { o: Binding; theirs: NonNullable<ReturnType<typeof rowSlice>> }[]>>();

/** The bindings of a scope that hold a row slice, in the front end's order: found once per scope, not once per binding asked about. */
function rowSlicesIn(model: SemanticModel, scope: number): { o: Binding; theirs: NonNullable<ReturnType<typeof rowSlice>> }[] {
  let byScope = ROW_SLICES.get(model);
  if (!byScope) ROW_SLICES.set(model, (byScope = new Map()));
  let list = byScope.get(scope);
  if (!list) {
    list = [];
    for (const o of model.facts.bindings) {
      if (o.scope !== scope || (o.kind !== "assign" && o.kind !== "unpack")) continue;
      const theirs = rowSlice(ownValue(o));
      if (theirs) list.push({ o, theirs });
    }
    byScope.set(scope, list);
  }
  return list;
}

/**
 * `train = df.iloc[:cut]` beside `test = df.iloc[cut:]` (or `X_tr, X_te = X[:n], X[n:]`,
 * `xs.slice(0, n)` beside `xs.slice(n)`): the rows of one table cut at one bound. The head
 * trains and the tail is held out, unless the bound's name says the head is held out
 * (`numTest`), or the parts' own names say otherwise.
 */
export function slicePart(model: SemanticModel, b: Binding): SlicePart | null {
  if (SLICES.has(b)) return SLICES.get(b)!;
  let found: SlicePart | null = null;
  const mine = b.kind === "assign" || b.kind === "unpack" ? rowSlice(ownValue(b)) : null;
  if (mine) {
    for (const { o, theirs } of rowSlicesIn(model, b.scope)) {
      if (o === b || theirs.head === mine.head || !sameValue(model, mine.base, theirs.base, b.scope) || !sameValue(model, mine.bound, theirs.bound, b.scope))
        continue;
      const heldHead = boundRole(mine.bound);
      let role: SplitRole = mine.head ? "train" : "test";
      if (heldHead && heldHead !== "train") role = mine.head ? heldHead : "train";
      const own = nameRole(b.name);
      if (own && own !== nameRole(o.name)) role = own;
      found = { role, via: `slicing ${model.sourceText(mine.base.range)}`, base: mine.base, other: o, head: mine.head };
      break;
    }
  }
  SLICES.set(b, found);
  return found;
}

// Split parts looked up at most this deep when a split divides another split's part.
const MAX_SPLIT_DEPTH = 2;

/**
 * The role of a split part, refined by its name for held-out parts; a part
 * held out from the training split is a validation split (`X_tr, X_te = train_test_split(X_train)`).
 */
export function splitRole(model: SemanticModel, b: Binding, depth = 0): { role: SplitRole; via: string } | null {
  const part = splitPart(model, b);
  if (!part) {
    const cut = slicePart(model, b);
    if (!cut) return null;
    const named = roleFromName(b.name);
    if (cut.role !== "test") return { role: cut.role, via: cut.via };
    if (named && named !== "train") return { role: named, via: cut.via };
    // The tail of the training split is a validation split.
    const carved = depth < MAX_SPLIT_DEPTH && provenance(model, cut.base, b.scope, depth + 1).role === "train";
    return { role: carved ? "val" : "test", via: cut.via };
  }
  let role = part.role;
  const named = roleFromName(b.name);
  const data = part.data[0];
  // What the split divides, when that matters: parts of the training split are validation, parts of held-out data are held out.
  const divided = () => (data && depth < MAX_SPLIT_DEPTH ? provenance(model, data, b.scope, depth + 1).role : null);
  if (role !== "train" && named && named !== "train") role = named;
  else if (role === "test" && divided() === "train") role = "val";
  // `X_val, X_test = train_test_split(X_rest)`: the first part of held-out data is held out too, and its name says which.
  else if (role === "train" && named && named !== "train" && (divided() === "test" || divided() === "val")) role = named;
  return { role, via: part.via };
}

/** Split parts a value is computed from by data flow alone, whatever the names along the way say. */
export function splitSources(model: SemanticModel, expr: Expr, scope: number): { binding: Binding; role: SplitRole; via: string }[] {
  const out: { binding: Binding; role: SplitRole; via: string }[] = [];
  for (const b of model.flow(expr, scope).bindings) {
    const r = splitRole(model, b);
    if (r) out.push({ binding: b, ...r });
  }
  return out;
}

/** Split roles a value is computed from, with the evidence for each. */
export function provenance(model: SemanticModel, expr: Expr, scope: number, depth = 0): Provenance {
  const evidence: Evidence[] = [];
  const seen = new Set<Binding | string>();
  const add = (ev: Evidence) => {
    if (!evidence.some((x) => x.kind === ev.kind && x.text === ev.text)) evidence.push(ev);
  };
  const work: Item[] = [{ e: expr, scope, hops: 0, follow: true }];

  const visitName = (name: string, pos: number, item: Item) => {
    const b = model.binding(name, item.scope, pos);
    const key = b ?? `${item.scope}:${name}`;
    if (seen.has(key) || seen.size >= MAX_VISITS) return;
    seen.add(key);
    // A function is code, not data: `train_one_epoch` says nothing about a value.
    if (b?.kind === "def") return;
    // Nor is a constant: `N_VALID_EXAMPLES = 1000` sizes a split, it holds none of its rows.
    if (b?.kind === "assign" && b.value?.kind === "literal") return;
    const split = b ? splitRole(model, b, depth) : null;
    if (split) return add({ role: split.role, kind: "split", text: name, via: split.via, binding: b! });
    const loaded = b ? loadedSplit(model, b) : null;
    if (loaded) return add({ role: loaded.role, kind: loaded.file ? "file" : "loader", text: name, via: loaded.via });
    const followable =
      item.follow && !!b?.value && item.hops < MAX_HOPS && (b.kind === "assign" || b.kind === "unpack" || b.kind === "loop" || b.kind === "with");
    // `x_valid = x_valid[:1000] / 255` keeps the rows it came from: the name was inherited, so the data flow decides.
    const named = followable && b!.kind === "assign" && directNames(b!.value!).includes(name) ? null : nameRole(name);
    // `test_loader = DataLoader(train_ds)`: a held-out name on a loader over the training split is the training split.
    const wrapped = named && named !== "train" && b ? loaderOver(model, b) : null;
    // `test_loader = DataLoader(datasets.MNIST(root, train=False))`: the dataset written in place says which split it is.
    const direct = wrapped?.kind === "call" ? loadedSplit(model, { ...b!, kind: "assign", value: wrapped } as Binding) : null;
    if (direct) return add({ role: direct.role, kind: direct.file ? "file" : "loader", text: name, via: direct.via });
    const inner = wrapped ? provenance(model, wrapped, b!.scope, depth + 1) : null;
    if (inner?.role === "train" && inner.evidence.some((ev) => ev.kind !== "name" || nameRole(ev.text) === "train")) {
      for (const ev of inner.evidence) add({ ...ev, text: `${ev.text}, wrapped as ${name}` });
      return;
    }
    // `test_loader = DataLoader(MNIST(..., train=False))`: the loader's dataset says what the name says, and says how.
    if (inner?.role === named && inner.evidence.some((ev) => ev.kind !== "name")) {
      for (const ev of inner.evidence) if (ev.kind !== "name") add({ ...ev, text: `${ev.text}, wrapped as ${name}` });
      return;
    }
    if (named) return add({ role: named, kind: "name", text: name });
    if (!followable) return;
    work.push({ e: unpackedPart(model, b!) ?? b!.value!, scope: b!.scope, hops: item.hops + 1, follow: true });
  };

  // Breadth first, so evidence comes in source order.
  for (let i = 0; i < work.length; i++) {
    const item = work[i]!;
    const { e } = item;
    switch (e.kind) {
      case "name":
        visitName(e.name, e.range[0], item);
        break;
      case "other":
        for (const n of e.names) visitName(n, e.range[0], item);
        break;
      case "collection":
        for (const x of e.items) work.push({ ...item, e: x });
        break;
      case "dict":
        for (const en of e.entries) work.push({ ...item, e: en.value });
        break;
      case "call": {
        const q = model.resolve(e.callee, item.scope);
        if (q !== null && crossValidators.includes(q)) {
          add({ role: "val", kind: "cv", text: shortName(q) });
          break;
        }
        if (e.callee.kind === "member" && FIT_METHODS.has(e.callee.property)) break;
        // `clf.fit(X, y)` … `clf.predict(X)`: scored on the rows it was trained on, whatever their name.
        const fit = e.callee.kind === "member" && SCORING_METHODS.has(e.callee.property) ? scoredOnFitData(model, { call: e, scope: item.scope }) : null;
        if (fit) add({ role: "train", kind: "fit", text: fit.dataBinding!.name, via: model.sourceText((fit.site.call.callee as MemberExpr).range) });
        // `scores.mean()`: a value computed from the receiver's data, which is followed like an argument.
        if (e.callee.kind === "member") work.push({ ...item, e: e.callee.object, follow: VALUE_METHODS.has(e.callee.property) });
        else if (e.callee.kind !== "name") work.push({ ...item, e: e.callee });
        for (const a of e.args) work.push({ ...item, e: a.value, follow: true });
        break;
      }
      case "member":
      case "index": {
        // Outermost word first: `history.history["val_accuracy"]`, `self.train_loader`, `train_metrics.accuracy`.
        let base: Expr = e;
        let viaAttribute = false;
        let found: Evidence | null = null;
        while (base.kind === "member" || base.kind === "index") {
          if (base.kind === "member") {
            viaAttribute = true;
            const r = nameRole(base.property);
            if (r && !found) found = { role: r, kind: "attribute", text: model.sourceText(base.range) };
          } else {
            const k = literalString(base.index);
            const r = k === null ? null : nameRole(k);
            if (r && !found) found = { role: r, kind: "key", text: `'${k}'` };
            // `history.history["accuracy"]` from `history = model.fit(...)`: a key without a split word is the training curve.
            if (k !== null && !r && !found && base.object.kind === "member" && isHistory(model, base.object, item.scope))
              found = { role: "train", kind: "history", text: `'${k}'`, via: model.sourceText(base.object.range) };
            // `X[idx]` selects rows by data (fold indices are followed); a slice's bounds (`X[:N_VALID]`) are positions, not data.
            if (base.index.kind !== "literal" && !(base.index.kind === "other" && base.index.slice)) work.push({ ...item, e: base.index, follow: true });
          }
          base = base.object;
        }
        if (found) add(found);
        else work.push({ ...item, e: base, follow: item.follow && !viaAttribute });
        break;
      }
      case "literal":
        break;
    }
  }
  const roles = new Set(evidence.map((x) => x.role));
  return { role: roles.size === 1 ? [...roles][0]! : null, roles, evidence };
}

export const ROLE_WORDS: Record<SplitRole, string> = { train: "training", val: "validation", test: "test" };

/** "a", "a and b", "a, b and c", "a, b, c and 2 more". */
export function listNames(names: string[]): string {
  const shown = names.slice(0, 3);
  const more = names.length - shown.length;
  if (more > 0) return `${shown.join(", ")} and ${more} more`;
  return shown.length > 1 ? `${shown.slice(0, -1).join(", ")} and ${shown[shown.length - 1]}` : (shown[0] ?? "");
}

/** Evidence for one role in words, e.g. "y_train and X_train, the training split from train_test_split". */
export function describeEvidence(evidence: Evidence[], role: SplitRole): string {
  const mine = evidence.filter((x) => x.role === role);
  const parts: string[] = [];
  const vias = [...new Set(mine.filter((x) => x.kind === "split").map((x) => x.via!))];
  for (const via of vias) {
    parts.push(`${listNames(mine.filter((x) => x.kind === "split" && x.via === via).map((x) => x.text))}, the ${ROLE_WORDS[role]} split from ${via}`);
  }
  const of = (kind: EvidenceKind) => mine.filter((x) => x.kind === kind).map((x) => x.text);
  const names = of("name");
  if (names.length) parts.push(`the variable name${names.length > 1 ? "s" : ""} ${listNames(names)}`);
  const attrs = of("attribute");
  if (attrs.length) parts.push(`the attribute${attrs.length > 1 ? "s" : ""} ${listNames(attrs)}`);
  const keys = of("key");
  if (keys.length) parts.push(`the key${keys.length > 1 ? "s" : ""} ${listNames(keys)}`);
  for (const kind of ["loader", "file", "history"] as const) {
    for (const via of [...new Set(mine.filter((x) => x.kind === kind).map((x) => x.via!))]) {
      const names = listNames(mine.filter((x) => x.kind === kind && x.via === via).map((x) => x.text));
      parts.push(
        kind === "loader"
          ? `${names}, the ${ROLE_WORDS[role]} split of ${via}`
          : kind === "file"
            ? `${names}, read from ${via} (going by the file name)`
            : `the key ${names} of ${via}, the ${ROLE_WORDS[role]} curve`,
      );
    }
  }
  const fitted = [...new Set(mine.filter((x) => x.kind === "fit").map((x) => x.via!))];
  for (const via of fitted) parts.push(`${listNames(mine.filter((x) => x.kind === "fit" && x.via === via).map((x) => x.text))}, the data ${via} was given`);
  const cv = of("cv");
  if (cv.length) parts.push(`held-out folds of ${listNames(cv)}`);
  return parts.join("; ");
}

/** Character spans of the words `nameTokens` finds, so one word can be swapped in place. */
function tokenSpans(name: string): { start: number; end: number; token: string }[] {
  const spans: { start: number; end: number; token: string }[] = [];
  const re = /[A-Z]?[a-z0-9]+|[A-Z]+(?![a-z])/g;
  for (let m = re.exec(name); m; m = re.exec(name)) spans.push({ start: m.index, end: m.index + m[0].length, token: m[0].toLowerCase() });
  // Agree with nameTokens: `X_train` is [x, train], `trainAcc` is [train, acc].
  return spans.length === nameTokens(name).length ? spans : [];
}

/** Replace the first word of `name` that `matches` with `word`, keeping its capitalisation; null when none matches. */
export function replaceWord(name: string, matches: (token: string) => boolean, word: string): string | null {
  const span = tokenSpans(name).find((s) => matches(s.token));
  if (!span) return null;
  const old = name.slice(span.start, span.end);
  const cased = old === old.toUpperCase() && old.length > 1 ? word.toUpperCase() : /^[A-Z]/.test(old) ? word[0]!.toUpperCase() + word.slice(1) : word;
  return name.slice(0, span.start) + cased + name.slice(span.end);
}

// Words a held-out twin of a training name is spelled with, most usual first.
const TWIN_WORDS: Record<SplitRole, string[]> = {
  train: ["train"],
  val: ["val", "valid", "validation", "dev", "va"],
  test: ["test", "te", "tst", "holdout"],
};

/**
 * The names in the program that hold the `want` part where the evidence
 * holds another: the sibling from the same split call (`X_train` → `X_test`),
 * or the same name with its split word swapped, when that name is bound.
 */
export function counterparts(model: SemanticModel, evidence: Evidence[], from: SplitRole, want: SplitRole): string[] {
  const out: string[] = [];
  const bound = (name: string) => model.facts.bindings.some((b) => b.name === name);
  for (const ev of evidence) {
    if (ev.role !== from || (ev.kind !== "split" && ev.kind !== "name")) continue;
    let twin: string | null = null;
    if (ev.binding) {
      const siblings = model.facts.bindings.filter((s) => (s.kind === "unpack" || s.kind === "loop") && s.value === ev.binding!.value && s !== ev.binding);
      // Exactly the wanted part, else a held-out part whose name does not say which.
      const held = siblings.filter((s) => splitRole(model, s)?.role === want);
      const unnamed = siblings.filter((s) => {
        const r = splitRole(model, s);
        return r !== null && r.role !== "train" && roleFromName(s.name) === null;
      });
      const pick = (list: Binding[]) => list.find((s) => s.index === ev.binding!.index! + 1) ?? list[0];
      twin = (pick(held) ?? pick(unnamed))?.name ?? null;
    }
    for (const word of twin ? [] : TWIN_WORDS[want]) {
      const candidate = replaceWord(ev.text, (t) => roleFromName(t) === from, word);
      if (candidate && bound(candidate)) {
        twin = candidate;
        break;
      }
    }
    if (twin && !out.includes(twin)) out.push(twin);
  }
  return out;
}
