import type { Arg, CallExpr, DictEntry, Expr, Range } from "../../semantic/ir.js";

/** ESTree expressions converted to the neutral IR, depth-limited, like the Python front end's (parsers/python/facts.ts). */

/** The few ESTree fields this front end reads; typescript-eslint's nodes have them all. */
export interface EsNode {
  type: string;
  range: [number, number];
  [key: string]: unknown;
}

// Expressions nest arbitrarily deep; beyond this they become opaque `other`.
export const MAX_DEPTH = 12;
const MAX_NAMES = 64;

export const rangeOf = (n: EsNode): Range => [n.range[0], n.range[1]];
export const child = (n: EsNode, key: string): EsNode | null => {
  const v = n[key];
  return v && typeof v === "object" && "type" in v ? (v as EsNode) : null;
};
export const children = (n: EsNode, key: string): (EsNode | null)[] => (Array.isArray(n[key]) ? (n[key] as (EsNode | null)[]) : []);

// Wrappers that do not change the value: `x as T`, `x!`, `<T>x`, `x satisfies T`, `await x`.
export const TRANSPARENT = new Set([
  "TSAsExpression",
  "TSNonNullExpression",
  "TSTypeAssertion",
  "TSSatisfiesExpression",
  "AwaitExpression",
  "ChainExpression",
  "TSInstantiationExpression",
]);
export const FUNCTIONS = new Set(["FunctionDeclaration", "FunctionExpression", "ArrowFunctionExpression"]);
export const LOOPS = new Set(["ForStatement", "ForInStatement", "ForOfStatement", "WhileStatement", "DoWhileStatement"]);
// Type-level syntax holds no runtime names or calls.
export const SKIP_KEYS = new Set(["parent", "typeAnnotation", "typeParameters", "typeArguments", "returnType", "decorators"]);

function unwrap(n: EsNode): EsNode {
  let cur = n;
  for (let i = 0; i < 32 && TRANSPARENT.has(cur.type); i++) {
    const inner = child(cur, cur.type === "AwaitExpression" ? "argument" : "expression");
    if (!inner) break;
    cur = inner;
  }
  return cur;
}

/** Identifiers an expression mentions (iteratively, bounded), for data flow. */
function namesIn(n: EsNode): string[] {
  const out: string[] = [];
  const work: EsNode[] = [n];
  while (work.length && out.length < MAX_NAMES) {
    const x = work.pop()!;
    if (x.type === "Identifier") {
      out.push(x.name as string);
      continue;
    }
    for (const [key, v] of Object.entries(x)) {
      if (SKIP_KEYS.has(key)) continue;
      // `a.b`: `b` is a property name, not a variable; `{ k: v }`: `k` likewise.
      if (key === "property" && x.type === "MemberExpression" && !x.computed) continue;
      if (key === "key" && x.type === "Property" && !x.computed) continue;
      if (Array.isArray(v)) {
        for (const c of v) if (c && typeof c === "object" && "type" in c) work.push(c as EsNode);
      } else if (v && typeof v === "object" && "type" in v && key !== "loc") work.push(v as EsNode);
    }
  }
  return out;
}

export const other = (n: EsNode): Expr => ({ kind: "other", range: rangeOf(n), names: namesIn(n) });

export function propertyName(key: EsNode | null, computed: boolean): string | null {
  if (!key) return null;
  if (!computed && key.type === "Identifier") return key.name as string;
  if (!computed && key.type === "PrivateIdentifier") return `#${key.name as string}`;
  if (key.type === "Literal" && (typeof key.value === "string" || typeof key.value === "number")) return String(key.value);
  return null;
}

/** Convert an ESTree expression to the neutral IR, depth-limited. */
export function toExpr(node: EsNode, depth = 0): Expr {
  const n = unwrap(node);
  const range = rangeOf(n);
  if (depth > MAX_DEPTH) return other(n);
  const d = depth + 1;
  switch (n.type) {
    case "Literal": {
      const v = n.value;
      if (typeof v === "string" || typeof v === "number" || typeof v === "boolean" || v === null) {
        // A regular expression or bigint literal has a null or non-JSON value: opaque.
        if (v === null && (n.regex || n.bigint)) return other(n);
        return { kind: "literal", range, value: v };
      }
      return other(n);
    }
    case "TemplateLiteral": {
      const quasis = children(n, "quasis");
      if (children(n, "expressions").length === 0 && quasis.length === 1) {
        const cooked = (quasis[0]!.value as { cooked?: string | null }).cooked;
        if (typeof cooked === "string") return { kind: "literal", range, value: cooked };
      }
      return other(n);
    }
    case "UnaryExpression": {
      const arg = child(n, "argument");
      if (arg?.type === "Literal" && typeof arg.value === "number" && (n.operator === "-" || n.operator === "+")) {
        return { kind: "literal", range, value: n.operator === "-" ? -arg.value : arg.value };
      }
      return other(n);
    }
    case "Identifier":
      // `undefined` is JavaScript's None.
      if (n.name === "undefined") return { kind: "literal", range, value: null };
      return { kind: "name", range, name: n.name as string };
    case "ThisExpression":
      return { kind: "name", range, name: "this" };
    case "ArrayExpression": {
      const items: Expr[] = [];
      for (const c of children(n, "elements")) if (c) items.push(c.type === "SpreadElement" ? other(c) : toExpr(c, d));
      return { kind: "collection", range, items };
    }
    case "ObjectExpression": {
      const entries: DictEntry[] = [];
      for (const p of children(n, "properties")) {
        if (!p) continue;
        if (p.type === "SpreadElement") {
          const v = child(p, "argument");
          if (v) entries.push({ key: null, value: toExpr(v, d), range: rangeOf(p) });
          continue;
        }
        const key = child(p, "key");
        const value = child(p, "value");
        if (!key || !value) continue;
        const name = propertyName(key, p.computed === true);
        const keyExpr: Expr = name !== null ? { kind: "literal", range: rangeOf(key), value: name } : toExpr(key, d);
        const valueExpr: Expr = p.kind === "init" && !p.method ? toExpr(value, d) : other(value);
        entries.push({ key: keyExpr, value: valueExpr, range: rangeOf(p) });
      }
      return { kind: "dict", range, entries };
    }
    case "MemberExpression": {
      const obj = child(n, "object");
      const prop = child(n, "property");
      if (!obj || !prop) break;
      if (!n.computed) {
        const name = propertyName(prop, false);
        if (name !== null) return { kind: "member", range, object: toExpr(obj, d), property: name };
        break;
      }
      return { kind: "index", range, object: toExpr(obj, d), index: toExpr(prop, d) };
    }
    case "CallExpression":
    case "NewExpression":
      return toCall(n, d) ?? other(n);
  }
  return other(n);
}

function convertArgs(list: (EsNode | null)[], depth: number): Arg[] {
  const args: Arg[] = [];
  for (const a of list) {
    if (!a) continue;
    if (a.type === "SpreadElement") {
      const v = child(a, "argument");
      if (v) args.push({ name: null, spread: "*", value: toExpr(v, depth), range: rangeOf(a) });
    } else {
      args.push({ name: null, spread: "", value: toExpr(a, depth), range: rangeOf(a) });
    }
  }
  return args;
}

/** A call (or `new`): the callee now, the arguments when a rule first reads them. */
class EsCall implements CallExpr {
  readonly kind = "call" as const;
  readonly callee: Expr;
  readonly range: Range;
  #node: EsNode;
  #depth: number;
  #args: Arg[] | null = null;

  constructor(node: EsNode, callee: Expr, depth: number) {
    this.#node = node;
    this.callee = callee;
    this.range = rangeOf(node);
    this.#depth = depth;
  }

  get args(): Arg[] {
    return (this.#args ??= convertArgs(children(this.#node, "arguments"), this.#depth + 1));
  }
}

const CALLS = new WeakMap<EsNode, CallExpr>();

export function toCall(n: EsNode, depth: number): CallExpr | null {
  const known = CALLS.get(n);
  if (known) return known;
  const fn = child(n, "callee");
  if (!fn) return null;
  const call = new EsCall(n, toExpr(fn, depth), depth);
  CALLS.set(n, call);
  return call;
}

/** `require("x")`, possibly awaited or wrapped in `import("x")`: the module specifier. */
export function requiredModule(n: EsNode | null): string | null {
  if (!n) return null;
  const x = unwrap(n);
  if (x.type === "CallExpression") {
    const callee = child(x, "callee");
    const arg = children(x, "arguments")[0];
    if (callee?.type === "Identifier" && callee.name === "require" && arg?.type === "Literal" && typeof arg.value === "string") return arg.value;
  }
  if (x.type === "ImportExpression") {
    const src = child(x, "source");
    if (src?.type === "Literal" && typeof src.value === "string") return src.value;
  }
  return null;
}

/**
 * A parameter annotated with a class (`client: MLflow`) holds an instance of
 * it: the value `MLflow()`, so `client.Runs.create` resolves without type
 * information. Generic and union types say nothing.
 */
export function instanceOf(id: EsNode): Expr | null {
  const ann = child(id, "typeAnnotation");
  const ref = ann && child(ann, "typeAnnotation");
  if (ref?.type !== "TSTypeReference" || child(ref, "typeArguments")) return null;
  // `a.b.C`: the qualified name's parts, outermost last, read with a loop.
  const toName = (t: EsNode | null): Expr | null => {
    const parts: EsNode[] = [];
    let cur = t;
    while (cur?.type === "TSQualifiedName") {
      const right = child(cur, "right");
      if (!right) return null;
      parts.push(cur);
      cur = child(cur, "left");
    }
    if (cur?.type !== "Identifier") return null;
    let expr: Expr = { kind: "name", range: rangeOf(cur), name: cur.name as string };
    for (let i = parts.length - 1; i >= 0; i--) {
      expr = { kind: "member", range: rangeOf(parts[i]!), object: expr, property: child(parts[i]!, "right")!.name as string };
    }
    return expr;
  };
  const callee = toName(child(ref, "typeName"));
  return callee ? { kind: "call", range: rangeOf(ref), callee, args: [] } : null;
}

export const COMPARISONS = new Set(["<", "<=", ">", ">=", "==", "===", "!=", "!=="]);

export const MAIN_GUARD = /require\.main\s*===?\s*module|import\.meta\.main\b|import\.meta\.url\s*===?|===?\s*import\.meta\.url/u;
