import type { Node, Tree } from "web-tree-sitter";
import type {
  Arg,
  Binding,
  CallExpr,
  Comment,
  Comparison,
  DictEntry,
  Expr,
  IndexExpr,
  MemberExpr,
  NameRead,
  OtherExpr,
  ProgramFacts,
  Range,
  Scope,
  SyntaxProblem,
} from "../../semantic/ir.js";
import { innermostScope } from "../../semantic/scopes.js";
import { withLazy } from "../shared/lazy.js";
import { leaseOf } from "./tree-sitter.js";

/** Every lazy read of a node goes through here: reading a freed tree fails loudly instead of reading stale wasm memory. */
const alive = (n: Node): void => leaseOf(n.tree).check();

// Expressions nest arbitrarily deep; beyond this they become opaque `other`.
const MAX_DEPTH = 12;
const MAX_NAMES = 64;

// Node types the one walk collects.
const FACT_TYPES = [
  "call",
  "comment",
  "import_statement",
  "import_from_statement",
  "assignment",
  "augmented_assignment",
  "with_statement",
  "try_statement",
  "for_statement",
  "while_statement",
  "if_statement",
  "elif_clause",
  "else_clause",
  "case_clause",
  "function_definition",
  "class_definition",
  "comparison_operator",
  "return_statement",
  "yield",
  "global_statement",
];

const rangeOf = (n: Node): Range => [n.startIndex, n.endIndex];

function namesIn(n: Node): string[] {
  const out: string[] = [];
  for (const id of n.descendantsOfType("identifier")) {
    if (out.length >= MAX_NAMES) break;
    out.push(id.text);
  }
  if (n.type === "identifier") out.push(n.text);
  return out;
}

function stringValue(n: Node): string | null {
  let value = "";
  for (const c of n.namedChildren) {
    if (!c) continue;
    // Each read of `type` is a call into the wasm module.
    const type = c.type;
    if (type === "interpolation") return null;
    if (type === "string_content" || type === "escape_sequence") value += c.text;
  }
  return value;
}

function numberValue(text: string): number {
  const clean = text.replace(/_/g, "").replace(/[jJlL]$/, "");
  const n = Number(clean);
  return Number.isNaN(n) ? Number.parseFloat(clean) : n;
}

/**
 * An expression the IR does not model. The names it mentions cost a walk of its
 * subtree, and most are never asked for: they are read on first use, while the
 * tree is alive (rules run right after the parse).
 */
class PyOther implements OtherExpr {
  readonly kind = "other" as const;
  #node: Node;
  #names: string[] | null = null;
  readonly slice?: OtherExpr["slice"];
  readonly branches?: Expr[];
  readonly operands?: Expr[];

  constructor(
    node: Node,
    readonly range: Range,
    slice?: OtherExpr["slice"],
    branches?: Expr[],
    operands?: Expr[],
  ) {
    this.#node = node;
    if (slice) this.slice = slice;
    if (branches) this.branches = branches;
    if (operands) this.operands = operands;
  }

  get names(): string[] {
    if (this.#names) return this.#names;
    alive(this.#node);
    return (this.#names = namesIn(this.#node));
  }
}

/** Convert a tree-sitter expression to the neutral IR, depth-limited. */
export function toExpr(n: Node, depth = 0): Expr {
  const range = rangeOf(n);
  if (depth > MAX_DEPTH) return new PyOther(n, range);
  const d = depth + 1;
  switch (n.type) {
    case "integer":
    case "float":
      return { kind: "literal", range, value: numberValue(n.text) };
    case "true":
    case "false":
      return { kind: "literal", range, value: n.type === "true" };
    case "none":
      return { kind: "literal", range, value: null };
    case "string": {
      const value = stringValue(n);
      return value === null ? new PyOther(n, range) : { kind: "literal", range, value };
    }
    case "concatenated_string": {
      let value = "";
      for (const part of n.namedChildren) {
        const v = part && part.type === "string" ? stringValue(part) : null;
        if (v === null) return new PyOther(n, range);
        value += v;
      }
      return { kind: "literal", range, value };
    }
    case "unary_operator": {
      const arg = n.childForFieldName("argument");
      const op = n.child(0)?.text;
      if (arg && (arg.type === "integer" || arg.type === "float") && (op === "-" || op === "+")) {
        const v = numberValue(arg.text);
        return { kind: "literal", range, value: op === "-" ? -v : v };
      }
      return new PyOther(n, range);
    }
    case "parenthesized_expression": {
      const inner = n.namedChildren.find((c) => c && c.type !== "comment");
      return inner ? toExpr(inner, d) : { kind: "other", range, names: [] };
    }
    case "list":
    case "tuple":
    case "set":
    case "expression_list": {
      const items: Expr[] = [];
      for (const c of n.namedChildren) if (c && c.type !== "comment") items.push(toExpr(c, d));
      return { kind: "collection", range, items };
    }
    case "dictionary": {
      const entries: DictEntry[] = [];
      for (const c of n.namedChildren) {
        if (!c) continue;
        if (c.type === "pair") {
          const k = c.childForFieldName("key");
          const v = c.childForFieldName("value");
          if (k && v) entries.push({ key: toExpr(k, d), value: toExpr(v, d), range: rangeOf(c) });
        } else if (c.type === "dictionary_splat") {
          const v = c.namedChildren[0];
          if (v) entries.push({ key: null, value: toExpr(v, d), range: rangeOf(c) });
        } else if (c.type !== "comment") {
          return new PyOther(n, range);
        }
      }
      return { kind: "dict", range, entries };
    }
    case "identifier": {
      // An identifier's text is its range of the source (`n.text` would ask the tree for the end again).
      const text = TEXTS.get(n.tree);
      return { kind: "name", range, name: text !== undefined ? text.slice(range[0], range[1]) : n.text };
    }
    case "attribute": {
      const obj = n.childForFieldName("object");
      const attr = n.childForFieldName("attribute");
      if (!obj || !attr) break;
      return { kind: "member", range, object: toExpr(obj, d), property: attr.text };
    }
    case "subscript": {
      const obj = n.childForFieldName("value");
      const sub = n.childForFieldName("subscript");
      if (!obj || !sub) break;
      return { kind: "index", range, object: toExpr(obj, d), index: toExpr(sub, d) };
    }
    case "call":
      return toCall(n, d);
    case "slice": {
      // `start:stop:step`, each part optional: the colons say which is which.
      const parts: (Expr | null)[] = [null, null, null];
      let i = 0;
      for (const c of n.children) {
        if (!c) continue;
        if (c.type === ":") i++;
        else if (c.isNamed && c.type !== "comment" && i < 3) parts[i] = toExpr(c, d);
      }
      return new PyOther(n, range, { start: parts[0]!, stop: parts[1]!, step: parts[2]! });
    }
    case "conditional_expression": {
      // `a if c else b`: the value is `a` or `b`.
      const [a, , b] = n.namedChildren.filter((c) => c && c.type !== "comment");
      return a && b ? new PyOther(n, range, undefined, [toExpr(a, d), toExpr(b, d)]) : new PyOther(n, range);
    }
    case "binary_operator": {
      // `args.lr * scale`: a value computed from both sides.
      const left = n.childForFieldName("left");
      const right = n.childForFieldName("right");
      return left && right ? new PyOther(n, range, undefined, undefined, [toExpr(left, d), toExpr(right, d)]) : new PyOther(n, range);
    }
    case "await":
      return n.namedChildren[0] ? toExpr(n.namedChildren[0], d) : { kind: "other", range, names: [] };
  }
  return new PyOther(n, range);
}

function convertArgs(argList: Node | null, depth: number): Arg[] {
  const args: Arg[] = [];
  if (argList?.type === "generator_expression") {
    args.push({ name: null, spread: "", value: toExpr(argList, depth), range: rangeOf(argList) });
  } else if (argList) {
    for (const a of argList.namedChildren) {
      if (!a || a.type === "comment") continue;
      if (a.type === "keyword_argument") {
        const name = a.childForFieldName("name");
        const value = a.childForFieldName("value");
        if (name && value) args.push({ name: name.text, spread: "", value: toExpr(value, depth), range: rangeOf(a) });
      } else if (a.type === "list_splat" || a.type === "dictionary_splat") {
        const v = a.namedChildren[0];
        if (v) args.push({ name: null, spread: a.type === "list_splat" ? "*" : "**", value: toExpr(v, depth), range: rangeOf(a) });
      } else {
        args.push({ name: null, spread: "", value: toExpr(a, depth), range: rangeOf(a) });
      }
    }
  }
  return args;
}

// The text each live tree was parsed from, for reading callees without visiting their nodes.
const TEXTS = new WeakMap<Tree, string>();

function toCall(n: Node, depth: number): Expr {
  return callSite(n, TEXTS.get(n.tree) ?? n.tree.rootNode.text, depth) ?? new PyOther(n, rangeOf(n));
}

// A dotted callee (`np.random.seed(`) read straight from the text: most calls look like this,
// and reading it avoids materialising tree-sitter nodes for every part.
const isIdent = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c > 127;
const isBlank = (c: number) => c === 32 || c === 9;

function dottedCallee(text: string, start: number, argsStart: number | "first"): Expr | null {
  let expr: Expr | null = null;
  let i = start;
  for (;;) {
    const partStart = i;
    while (i < text.length && isIdent(text.charCodeAt(i))) i++;
    if (i === partStart) return null;
    const name = text.slice(partStart, i);
    expr = expr === null ? { kind: "name", range: [start, i], name } : { kind: "member", range: [start, i], object: expr, property: name };
    let j = i;
    while (isBlank(text.charCodeAt(j))) j++;
    const c = text.charCodeAt(j);
    // "(": this call's arguments only if it opens them; in `a.b(x).c(y)` it opens the inner call's.
    if (c === 40) return argsStart === "first" || j === argsStart ? expr : null;
    if (c !== 46) return null; // not "."
    j++;
    while (isBlank(text.charCodeAt(j))) j++;
    i = j;
  }
}

/**
 * A call: the callee now, the range and arguments only when a rule asks for
 * them. Rules run synchronously right after the parse, while the tree is alive.
 */
class PyCall implements CallExpr {
  readonly kind = "call" as const;
  readonly callee: Expr;
  #node: Node;
  #depth: number;
  #range: Range | null = null;
  #args: Arg[] | null = null;

  constructor(node: Node, callee: Expr, depth: number) {
    this.#node = node;
    this.callee = callee;
    this.#depth = depth;
  }

  get range(): Range {
    if (this.#range) return this.#range;
    alive(this.#node);
    return (this.#range = [this.#node.startIndex, this.#node.endIndex]);
  }

  get args(): Arg[] {
    if (this.#args) return this.#args;
    alive(this.#node);
    return (this.#args = convertArgs(this.#node.childForFieldName("arguments"), this.#depth + 1));
  }
}

/**
 * `argsStart` is where the argument list opens, or "first" when the caller knows
 * no call nested in the callee starts at the same offset (`a.b(x).c(y)` does), so
 * the first "(" after the dotted name is this call's own.
 */
function callSite(n: Node, text: string, depth = 0, argsStart: number | "first" = n.lastChild?.startIndex ?? -1): CallExpr | null {
  const callee =
    dottedCallee(text, n.startIndex, argsStart) ??
    (() => {
      const fn = n.childForFieldName("function");
      return fn ? toExpr(fn, depth + 1) : null;
    })();
  return callee ? new PyCall(n, callee, depth) : null;
}

/** A comparison whose operands are converted on first read: most are never looked at. */
class PyComparison implements Comparison {
  readonly range: Range;
  #node: Node;
  #operands: Expr[] | null = null;
  #operators: string[] | null = null;

  constructor(
    node: Node,
    readonly scope: number,
  ) {
    this.#node = node;
    this.range = rangeOf(node);
  }

  get operands(): Expr[] {
    if (this.#operands) return this.#operands;
    alive(this.#node);
    return (this.#operands = this.#node.namedChildren.filter((c): c is Node => !!c && c.type !== "comment").map((c) => toExpr(c)));
  }

  get operators(): string[] {
    if (this.#operators) return this.#operators;
    alive(this.#node);
    return (this.#operators = this.#node.childrenForFieldName("operators").map((c) => (c ? c.text.replace(/\s+/gu, " ") : "")));
  }
}

/** A binding whose value expression is converted on first read. */
class LazyBinding implements Binding {
  #value: (() => Expr) | Expr;
  constructor(
    readonly name: string,
    readonly kind: Binding["kind"],
    readonly scope: number,
    readonly pos: number,
    readonly range: Range,
    value: () => Expr,
    readonly index?: number,
    readonly count?: number,
    readonly path?: number[],
  ) {
    this.#value = value;
  }

  get value(): Expr {
    if (typeof this.#value === "function") this.#value = this.#value();
    return this.#value;
  }
}

/**
 * Names bound by an assignment target, with their top-level tuple positions (-1 when nested or starred)
 * and, for names in nested tuples, their positions from the outermost tuple in (`i, (a, b)`: b is [1, 1]).
 */
function targetNames(target: Node): { node: Node; index: number; count: number; path?: number[] }[] | null {
  if (target.type === "identifier") return null;
  if (!PATTERNS.has(target.type)) return [];
  const items = target.namedChildren.filter((c): c is Node => !!c && c.type !== "comment");
  const out: { node: Node; index: number; count: number; path?: number[] }[] = [];
  const work: { node: Node; index: number; path: number[] | null }[] = items.map((node, index) => ({ node, index, path: [index] })).reverse();
  while (work.length) {
    const { node, index, path } = work.pop()!;
    if (node.type === "identifier") out.push({ node, index, count: items.length, ...(path && path.length > 1 ? { path } : {}) });
    else if (node.type === "list_splat_pattern" || PATTERNS.has(node.type)) {
      const inner = node.namedChildren.filter((c): c is Node => !!c && c.type !== "comment");
      // Positions after a starred name are unknown.
      const exact = path !== null && node.type !== "list_splat_pattern";
      for (let i = inner.length - 1; i >= 0; i--) work.push({ node: inner[i]!, index: -1, path: exact ? [...path, i] : null });
    }
  }
  return out;
}

const PATTERNS = new Set(["pattern_list", "tuple_pattern", "list_pattern", "tuple", "list", "parenthesized_expression"]);

function blockRange(n: Node | null | undefined): Range | null {
  return n ? rangeOf(n) : null;
}

// `name =` or `name: annotation =` (but not `==`), then the value.
const SIMPLE_TARGET = /^([\p{L}_][\p{L}\p{N}_]*)[ \t]*(?::[^=\n]*)?=(?!=)/u;

const MAIN_GUARD = /^if\s+__name__\s*==\s*["']__main__["']\s*:/mu;

const CATCH_ALL = new Set(["Exception", "BaseException"]);

export interface PythonFacts extends ProgramFacts {
  comments: Comment[];
  syntaxProblem: SyntaxProblem | null;
}

/**
 * Characters that look like Python's but are not, pasted from a book, a web page or a chat: Python rejects them,
 * and the error is easier to fix when it is named.
 */
const LOOKALIKES: Record<string, string> = {
  "\u00a0": "a non-breaking space (U+00A0) where Python needs a plain space",
  "\u2009": "a thin space (U+2009) where Python needs a plain space",
  "\u200b": "a zero-width space (U+200B)",
  "\u3000": "an ideographic space (U+3000) where Python needs a plain space",
  "\u201c": 'a curly quote (U+201C) where Python needs a straight "',
  "\u201d": 'a curly quote (U+201D) where Python needs a straight "',
  "\u2018": "a curly quote (U+2018) where Python needs a straight '",
  "\u2019": "a curly quote (U+2019) where Python needs a straight '",
  "\u2013": "an en dash (U+2013) where Python needs a minus sign",
  "\u2014": "an em dash (U+2014) where Python needs a minus sign",
};

/** The syntax problem, named by a look-alike character on the line where it starts, when there is one. */
function withLookalike(problem: SyntaxProblem | null, text: string): SyntaxProblem | null {
  if (!problem) return null;
  const end = text.indexOf("\n", problem.range[0]);
  const line = text.slice(text.lastIndexOf("\n", problem.range[0] - 1) + 1, end === -1 ? undefined : end);
  for (const ch of line) if (Object.hasOwn(LOOKALIKES, ch)) return { ...problem, message: LOOKALIKES[ch]! };
  return problem;
}

/** Find the first syntax error without recursion: follow the first child that holds an error. */
function firstSyntaxProblem(tree: Tree): SyntaxProblem | null {
  let node: Node | null = tree.rootNode;
  if (!node.hasError) return null;
  for (let guard = 0; node && guard < 100_000; guard++) {
    if (node.isError) return { range: rangeOf(node), message: "unexpected syntax" };
    if (node.isMissing) return { range: rangeOf(node), message: `missing ${node.type}` };
    let next: Node | null = null;
    for (let i = 0; i < node.childCount; i++) {
      const c = node.child(i);
      if (c && (c.hasError || c.isError || c.isMissing)) {
        next = c;
        break;
      }
    }
    if (!next) return { range: unmarkedError(node), message: "unexpected syntax" };
    node = next;
  }
  return null;
}

/**
 * Where the error sits when tree-sitter marks a node but none of its children (`[a-z]96` parses as two
 * statements on one line): the first statement that follows another on its line with no `;` between,
 * from the start of the one before; else the node's first line, not the whole node (a whole module).
 */
function unmarkedError(node: Node): Range {
  // Only a statement list says that two children on one line need a `;` (`if x: pass` puts its condition and block on one).
  const statements = node.type === "module" || node.type === "block";
  for (let i = 1; statements && i < node.childCount; i++) {
    const prev = node.child(i - 1);
    const c = node.child(i);
    if (!prev || !c || !c.isNamed || !prev.isNamed || c.type === "comment" || prev.type === "comment") continue;
    if (c.startPosition.row === prev.endPosition.row) return [prev.startIndex, c.endIndex];
  }
  const start = node.startIndex;
  const lineEnd = node.text.indexOf("\n");
  return [start, lineEnd === -1 ? node.endIndex : start + lineEnd];
}

/** What the walk has collected so far, and the scopes open at the current node. */
interface Collector extends Pick<PythonFacts, "scopes" | "bindings" | "calls" | "targetAssigns" | "comparisons" | "returns" | "blocks" | "comments"> {
  text: string;
  stack: Scope[];
}

// One small function per node type: V8 optimises the hot ones (calls, assignments) on their own,
// and the rare ones are never compiled by the optimising tier at all.

function importStatement(c: Collector, n: Node, scope: number): void {
  for (const item of n.childrenForFieldName("name")) {
    if (!item) continue;
    if (item.type === "aliased_import") {
      const name = item.childForFieldName("name")?.text;
      const alias = item.childForFieldName("alias")?.text;
      if (name && alias) c.bindings.push({ name: alias, kind: "import", scope, pos: n.endIndex, range: rangeOf(item), qname: name });
    } else {
      const first = item.text.split(".")[0]!.trim();
      c.bindings.push({ name: first, kind: "import", scope, pos: n.endIndex, range: rangeOf(item), qname: first });
    }
  }
}

function importFromStatement(c: Collector, n: Node, scope: number): void {
  const mod = n.childForFieldName("module_name");
  if (!mod) return;
  const base = mod.text.replace(/\s+/g, "");
  const prefix = base.endsWith(".") ? base : `${base}.`;
  // `from helpers import *`: every public name of the module; the model looks names up in it when nothing else binds them.
  const star = n.namedChildren.find((x) => x?.type === "wildcard_import");
  if (star) c.bindings.push({ name: "*", kind: "import", scope, pos: n.endIndex, range: rangeOf(star), qname: `${prefix}*` });
  for (const item of n.childrenForFieldName("name")) {
    if (!item) continue;
    const name = item.type === "aliased_import" ? item.childForFieldName("name")?.text : item.text;
    const alias = item.type === "aliased_import" ? item.childForFieldName("alias")?.text : item.text;
    if (name && alias) c.bindings.push({ name: alias, kind: "import", scope, pos: n.endIndex, range: rangeOf(item), qname: prefix + name });
  }
}

/** The value of an assignment, converted when a rule first reads it: most never are. */
function assignedValue(n: Node): () => Expr {
  let converted: Expr | null = null;
  return () => {
    if (converted) return converted;
    alive(n);
    // `a = b = 1` nests: the value is the innermost right-hand side.
    let right = n.childForFieldName("right");
    while (right?.type === "assignment") right = right.childForFieldName("right");
    converted = n.type === "augmented_assignment" || !right ? new PyOther(n, rangeOf(n)) : toExpr(right);
    return converted;
  };
}

function assignment(c: Collector, n: Node, scope: number): void {
  const valueOf = assignedValue(n);
  const pos = n.endIndex;
  // The common `name = ...` read from the text, without visiting the target node.
  const simple = SIMPLE_TARGET.exec(c.text.slice(n.startIndex, Math.min(pos, n.startIndex + 200)));
  if (simple) {
    const name = simple[1]!;
    c.bindings.push(new LazyBinding(name, "assign", scope, pos, [n.startIndex, n.startIndex + name.length], valueOf));
    return;
  }
  const left = n.childForFieldName("left");
  if (!left) return;
  if (left.type === "identifier") {
    c.bindings.push(new LazyBinding(left.text, "assign", scope, pos, rangeOf(left), valueOf));
  } else if (left.type === "attribute" || left.type === "subscript") {
    const target = toExpr(left) as MemberExpr | IndexExpr;
    if (target.kind === "member" || target.kind === "index") c.targetAssigns.push(withLazy({ target, scope, range: rangeOf(n) }, "value", valueOf));
  } else {
    for (const t of targetNames(left) ?? [])
      c.bindings.push(new LazyBinding(t.node.text, "unpack", scope, pos, rangeOf(t.node), valueOf, t.index, t.count, t.path));
  }
}

function withStatement(c: Collector, n: Node, scope: number): void {
  const body = n.childForFieldName("body");
  const items: Expr[] = [];
  const clause = n.namedChildren.find((x) => x?.type === "with_clause");
  for (const item of clause?.namedChildren ?? []) {
    const v = item?.childForFieldName("value");
    if (!v) continue;
    if (v.type === "as_pattern") {
      const expr = v.namedChildren[0];
      const alias = v.childForFieldName("alias")?.namedChildren[0];
      if (!expr) continue;
      const e = toExpr(expr);
      items.push(e);
      if (alias?.type === "identifier")
        c.bindings.push({ name: alias.text, kind: "with", scope, pos: body?.startIndex ?? n.endIndex, range: rangeOf(alias), value: e });
    } else {
      items.push(toExpr(v));
    }
  }
  if (body) c.blocks.push({ kind: "with", range: rangeOf(n), body: rangeOf(body), items });
}

function tryStatement(c: Collector, n: Node): void {
  const body = n.childForFieldName("body");
  const handlers: { range: Range; catchesAll: boolean }[] = [];
  let orelse: Range | null = null;
  let finalbody: Range | null = null;
  for (const x of n.namedChildren) {
    if (!x) continue;
    if (x.type === "except_clause" || x.type === "except_group_clause") {
      const caught = x.namedChildren.find((y) => y && y.type !== "block" && y.type !== "comment");
      const typeNode = caught?.type === "as_pattern" ? caught.namedChildren[0] : caught;
      const catchesAll = !typeNode || CATCH_ALL.has(typeNode.text) || typeNode.text.split(/[\s,()]+/).some((t) => CATCH_ALL.has(t));
      handlers.push({ range: rangeOf(x), catchesAll });
    } else if (x.type === "else_clause") orelse = blockRange(x);
    else if (x.type === "finally_clause") finalbody = blockRange(x);
  }
  if (body) c.blocks.push({ kind: "try", range: rangeOf(n), body: rangeOf(body), handlers, orelse, finalbody });
}

function loopStatement(c: Collector, n: Node, scope: number): void {
  const body = n.childForFieldName("body");
  if (body) c.blocks.push({ kind: "loop", range: rangeOf(n), body: rangeOf(body) });
  if (n.type !== "for_statement") return;
  const left = n.childForFieldName("left");
  const right = n.childForFieldName("right");
  if (!left || !right) return;
  let value: Expr | null = null;
  // The iterable itself, so `for k in cfg` can be resolved like any other expression.
  const valueOf = (): Expr => {
    if (value) return value;
    alive(right);
    return (value = toExpr(right));
  };
  // Tuple targets keep their positions: `for train_idx, test_idx in kf.split(X)`.
  const names = left.type === "identifier" ? [{ node: left, index: undefined, count: undefined, path: undefined }] : (targetNames(left) ?? []);
  for (const t of names)
    c.bindings.push(new LazyBinding(t.node.text, "loop", scope, body?.startIndex ?? n.endIndex, rangeOf(t.node), valueOf, t.index, t.count, t.path));
}

/** `yield x` hands the value to the caller as `return x` does (a generator, a pytest fixture). */
function returnValue(c: Collector, n: Node, scope: number): void {
  const value = n.namedChildren.find((x) => x && x.type !== "comment");
  if (value)
    c.returns.push(
      withLazy({ scope, range: rangeOf(n) }, "value", () => {
        alive(value);
        return toExpr(value);
      }),
    );
}

function branch(c: Collector, n: Node): void {
  // Only the clause's own body is conditional; the `if` header always runs.
  // `for`/`while`/`try` else clauses are not branches of an `if` (a try's is in its TryBlock).
  const body =
    n.type === "else_clause"
      ? n.parent?.type === "if_statement"
        ? n.childForFieldName("body")
        : null
      : (n.childForFieldName("consequence") ?? n.namedChildren.find((x) => x?.type === "block"));
  if (body) c.blocks.push({ kind: "branch", range: rangeOf(body), body: rangeOf(body) });
}

// `def name(`, `async def name(`, `class name:` (or `[` for type parameters), read from the text.
const DEF_NAME = /^(?:async[ \t]+)?(?:def|class)[ \t]+([\p{L}_][\p{L}\p{N}_]*)(?=[ \t]*[(:[])/u;

function definition(c: Collector, n: Node, scope: number, kind: "function" | "class"): void {
  const start = n.startIndex;
  const header = DEF_NAME.exec(c.text.slice(start, start + 200));
  let name = "";
  let nameRange: Range | null = null;
  if (header) {
    name = header[1]!;
    const at = start + header[0].length - name.length;
    nameRange = [at, at + name.length];
  } else {
    const node = n.childForFieldName("name");
    nameRange = node && rangeOf(node);
    name = nameRange ? c.text.slice(nameRange[0], nameRange[1]) : "";
  }
  if (nameRange) c.bindings.push({ name, kind: "def", scope, pos: start, range: nameRange });
  const s: Scope = { id: c.scopes.length, kind, parent: scope, range: rangeOf(n), name };
  c.scopes.push(s);
  c.stack.push(s);
  for (const p of n.childForFieldName("parameters")?.namedChildren ?? []) {
    if (!p) continue;
    let id: Node | null | undefined = p;
    if (p.type !== "identifier") {
      id = p.childForFieldName("name");
      // `x=1`'s name may be a tuple pattern; a typed parameter has no name field.
      if (id && id.type !== "identifier") continue;
      id ??= p.namedChildren.find((x) => x?.type === "identifier");
    }
    if (!id) continue;
    const r = rangeOf(id);
    c.bindings.push({ name: c.text.slice(r[0], r[1]), kind: "param", scope: s.id, pos: s.range[0], range: r });
  }
}

// Identifiers that name rather than read: an attribute after the dot, a keyword argument's name, an imported module's path.
const NOT_A_READ: Record<string, string | true> = {
  attribute: "attribute",
  keyword_argument: "name",
  dotted_name: true,
  aliased_import: true,
  function_definition: "name",
  class_definition: "name",
  parameters: true,
  lambda_parameters: true,
  default_parameter: "name",
  typed_parameter: true,
  typed_default_parameter: "name",
  list_splat_pattern: true,
  dictionary_splat_pattern: true,
  global_statement: true,
  nonlocal_statement: true,
};

// Where a read uses the value in place: the object of an attribute or subscript, the function of a call.
const USED_AS: Record<string, string> = { attribute: "object", subscript: "value", call: "function" };

/** Whether the identifier `id` reads a variable, and whether the read uses the value in place (see `nameReads`); null when it names rather than reads. */
function readOf(id: Node): { used: boolean } | null {
  const parent = id.parent;
  const skip = parent ? NOT_A_READ[parent.type] : undefined;
  if (skip === true) return null;
  if (skip !== undefined && parent!.childForFieldName(skip)?.startIndex === id.startIndex) return null;
  const field = parent ? USED_AS[parent.type] : undefined;
  if (field === undefined) return { used: false };
  const at = parent!.childForFieldName(field);
  return { used: at?.startIndex === id.startIndex && at?.endIndex === id.endIndex };
}

/**
 * The reads of one name, found in the text: asking every identifier for its parent costs a walk from the
 * root each (tree-sitter keeps no parent links), so only the places the name is written are looked at.
 */
function nameReadsOf(root: Node, text: string, name: string, scopeAt: (offset: number) => number): NameRead[] {
  const out: NameRead[] = [];
  if (!name) return out;
  for (let at = text.indexOf(name); at !== -1; at = text.indexOf(name, at + 1)) {
    const end = at + name.length;
    // An identifier runs to the last identifier character (the lexer is greedy), so it cannot end before one.
    if (end < text.length && isAsciiIdent(text.charCodeAt(end))) continue;
    const id = root.descendantForIndex(at, end);
    if (!id || id.type !== "identifier" || id.startIndex !== at || id.endIndex !== end) continue;
    const read = readOf(id);
    if (read) out.push({ name, range: [at, end], scope: scopeAt(at), used: read.used });
  }
  return out;
}

const isAsciiIdent = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;

/** Every identifier that reads a variable. Binding sites (`x = ...`, `for x in`) are left for the model to drop: their ranges are the bindings'. */
function nameReads(root: Node, scopeAt: (offset: number) => number): NameRead[] {
  const out: NameRead[] = [];
  for (const id of root.descendantsOfType("identifier")) {
    const read = readOf(id);
    if (read) out.push({ name: id.text, range: rangeOf(id), scope: scopeAt(id.startIndex), used: read.used });
  }
  return out;
}

export function extractFacts(tree: Tree, text: string): PythonFacts {
  TEXTS.set(tree, text);
  const root = tree.rootNode;
  const module: Scope = { id: 0, kind: "module", parent: null, range: rangeOf(root), name: "<module>" };
  const c: Collector = {
    text,
    scopes: [module],
    bindings: [],
    calls: [],
    targetAssigns: [],
    comparisons: [],
    returns: [],
    blocks: [],
    comments: [],
    stack: [module],
  };
  const { stack } = c;

  // One walk of the tree: every walk costs about a fifth of the parse.
  const nodes = root.descendantsOfType(FACT_TYPES);
  for (let i = 0; i < nodes.length; i++) {
    const n = nodes[i]!;
    while (stack.length > 1 && stack[stack.length - 1]!.range[1] <= n.startIndex) stack.pop();
    const scope = stack[stack.length - 1]!.id;
    switch (n.type) {
      case "call": {
        // Pre-order: a call nested in this one's callee comes next, at the same offset.
        const call = nodes[i + 1]?.startIndex === n.startIndex ? callSite(n, text) : callSite(n, text, 0, "first");
        if (call) c.calls.push({ call, scope });
        break;
      }
      case "comment":
        c.comments.push({ type: "Comment", value: n.text.slice(1), range: [n.startIndex, n.endIndex] });
        break;
      case "assignment":
      case "augmented_assignment":
        assignment(c, n, scope);
        break;
      case "import_statement":
        importStatement(c, n, scope);
        break;
      case "import_from_statement":
        importFromStatement(c, n, scope);
        break;
      case "with_statement":
        withStatement(c, n, scope);
        break;
      case "try_statement":
        tryStatement(c, n);
        break;
      case "for_statement":
      case "while_statement":
        loopStatement(c, n, scope);
        break;
      case "comparison_operator":
        c.comparisons.push(new PyComparison(n, scope));
        break;
      case "yield":
      case "return_statement":
        returnValue(c, n, scope);
        break;
      case "if_statement":
      case "elif_clause":
      case "case_clause":
      case "else_clause":
        branch(c, n);
        break;
      case "function_definition":
        definition(c, n, scope, "function");
        break;
      case "class_definition":
        definition(c, n, scope, "class");
        break;
      case "global_statement": {
        const s = stack[stack.length - 1]!;
        for (const id of n.namedChildren) if (id?.type === "identifier") (s.globals ??= []).push(id.text);
        break;
      }
    }
  }

  const { scopes } = c;
  let readCache: { expr: MemberExpr | IndexExpr; scope: number }[] | null = null;
  let nameCache: NameRead[] | null = null;
  const byName = new Map<string, NameRead[]>();
  const scopeAt = (offset: number): number => innermostScope(scopes, offset);
  return {
    mainGuard: MAIN_GUARD.test(text),
    scopes,
    bindings: c.bindings,
    calls: c.calls,
    targetAssigns: c.targetAssigns,
    comparisons: c.comparisons,
    returns: c.returns,
    blocks: c.blocks,
    comments: c.comments,
    syntaxProblem: withLookalike(firstSyntaxProblem(tree), text),
    scopeAt,
    names() {
      if (!nameCache) {
        alive(root);
        nameCache = nameReads(root, scopeAt);
      }
      return nameCache;
    },
    namesOf(name: string) {
      let found = byName.get(name);
      if (!found) {
        alive(root);
        byName.set(name, (found = nameCache ? nameCache.filter((r) => r.name === name) : nameReadsOf(root, text, name, scopeAt)));
      }
      return found;
    },
    reads() {
      alive(root);
      if (!readCache) {
        readCache = [];
        for (const n of root.descendantsOfType(["attribute", "subscript"])) {
          const expr = toExpr(n, MAX_DEPTH - 4);
          if (expr.kind === "member" || expr.kind === "index") readCache.push({ expr, scope: scopeAt(n.startIndex) });
        }
      }
      return readCache;
    },
  };
}
