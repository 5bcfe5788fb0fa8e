import type {
  Arg,
  Binding,
  Block,
  CallExpr,
  CallSite,
  Comparison,
  DictEntry,
  Expr,
  IndexExpr,
  MemberExpr,
  NameRead,
  ProgramFacts,
  Range,
  Return,
  Scope,
  TargetAssign,
} from "../../semantic/ir.js";
import { JS_GLOBALS, moduleQname } from "../../catalogue/aliases.js";
import { innermostScope } from "../../semantic/scopes.js";
import { withLazy } from "../shared/lazy.js";
import { nameReads } from "./names.js";

/**
 * The TypeScript/JavaScript front end: the same language-neutral facts the
 * Python front end builds, read from an ESTree `Program` (typescript-eslint's
 * AST, or espree's). One iterative walk; expressions are converted
 * depth-limited, like the Python front end's.
 */

/** The few ESTree fields this front end reads; typescript-eslint's nodes have them all. */
export interface EsNode {
  type: string;
  range: [number, number];
  [key: string]: unknown;
}

// Expressions nest arbitrarily deep; beyond this they become opaque `other`.
const MAX_DEPTH = 12;
const MAX_NAMES = 64;

const rangeOf = (n: EsNode): Range => [n.range[0], n.range[1]];
const child = (n: EsNode, key: string): EsNode | null => {
  const v = n[key];
  return v && typeof v === "object" && "type" in v ? (v as EsNode) : null;
};
const children = (n: EsNode, key: string): (EsNode | null)[] => (Array.isArray(n[key]) ? (n[key] as (EsNode | null)[]) : []);

// Wrappers that do not change the value: `x as T`, `x!`, `<T>x`, `x satisfies T`, `await x`.
const TRANSPARENT = new Set(["TSAsExpression", "TSNonNullExpression", "TSTypeAssertion", "TSSatisfiesExpression", "AwaitExpression", "ChainExpression", "TSInstantiationExpression"]);
const FUNCTIONS = new Set(["FunctionDeclaration", "FunctionExpression", "ArrowFunctionExpression"]);
const LOOPS = new Set(["ForStatement", "ForInStatement", "ForOfStatement", "WhileStatement", "DoWhileStatement"]);
// Type-level syntax holds no runtime names or calls.
const SKIP_KEYS = new Set(["parent", "typeAnnotation", "typeParameters", "typeArguments", "returnType", "decorators"]);

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

const other = (n: EsNode): Expr => ({ kind: "other", range: rangeOf(n), names: namesIn(n) });

function propertyName(key: EsNode | null, computed: boolean): string | null {
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

function toCall(n: EsNode, depth: number): CallExpr | null {
  const known = CALLS.get(n);
  if (known) return known;
  const fn = child(n, "callee");
  if (!fn) return null;
  const call = new EsCall(n, toExpr(fn, depth), depth);
  CALLS.set(n, call);
  return call;
}

/** `require("x")`, possibly awaited or wrapped in `import("x")`: the module specifier. */
function requiredModule(n: EsNode | null): string | null {
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
function instanceOf(id: EsNode): Expr | null {
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

const COMPARISONS = new Set(["<", "<=", ">", ">=", "==", "===", "!=", "!=="]);

const MAIN_GUARD = /require\.main\s*===?\s*module|import\.meta\.main\b|import\.meta\.url\s*===?|===?\s*import\.meta\.url/u;

/** Build the program facts of an ESTree `Program`. `visitorKeys` are the parser's (ESLint's `sourceCode.visitorKeys`). */
export function extractEstreeFacts(program: EsNode, text: string, visitorKeys?: Record<string, readonly string[] | undefined>): ProgramFacts {
  const scopes: Scope[] = [{ id: 0, kind: "module", parent: null, range: [0, text.length], name: "<module>" }];
  const bindings: Binding[] = [];
  const calls: CallSite[] = [];
  const targetAssigns: TargetAssign[] = [];
  const comparisons: Comparison[] = [];
  const returns: Return[] = [];
  const blocks: Block[] = [];
  const memberNodes: { node: EsNode; scope: number }[] = [];

  // Well-known globals (`Math`) are bound at the top of the module, so `Math.random` resolves; a local `Math` shadows them.
  for (const g of JS_GLOBALS) bindings.push({ name: g, kind: "global", scope: 0, pos: 0, range: [0, 0], qname: g });

  const bindImport = (name: string, scope: number, pos: number, range: Range, qname: string) =>
    bindings.push({ name, kind: "import", scope, pos, range, qname });

  /** Names bound by a declaration pattern, each with the expression it takes from `value`. */
  const bindPattern = (pattern: EsNode, value: Expr | null, scope: number, pos: number, kind: "assign" | "param" | "loop", module: string | null) => {
    const work: { p: EsNode; value: Expr | null; module: string | null; index?: number; count?: number }[] = [{ p: pattern, value, module }];
    while (work.length) {
      const { p, value: v, module: mod, index, count } = work.pop()!;
      switch (p.type) {
        case "Identifier": {
          const name = p.name as string;
          if (mod !== null) bindImport(name, scope, pos, rangeOf(p), mod);
          else if (kind === "param") {
            const instance = instanceOf(p);
            bindings.push({ name, kind: "param", scope, pos, range: rangeOf(p), ...(instance ? { value: instance } : {}) });
          }
          else if (index !== undefined) bindings.push({ name, kind: "unpack", scope, pos, range: rangeOf(p), value: v ?? other(p), index, count: count! });
          else bindings.push({ name, kind, scope, pos, range: rangeOf(p), ...(v ? { value: v } : {}) });
          break;
        }
        case "AssignmentPattern": {
          const left = child(p, "left");
          if (left) work.push({ p: left, value: v, module: mod, ...(index !== undefined ? { index, count } : {}) });
          break;
        }
        case "RestElement": {
          const arg = child(p, "argument");
          if (arg) work.push({ p: arg, value: v ? other(arg) : null, module: null });
          break;
        }
        case "ObjectPattern":
          for (const prop of children(p, "properties")) {
            if (!prop) continue;
            if (prop.type === "RestElement") {
              work.push({ p: prop, value: v, module: null });
              continue;
            }
            const key = propertyName(child(prop, "key"), prop.computed === true);
            const target = child(prop, "value");
            if (!target) continue;
            // `const { Runs } = client` binds `Runs` to `client.Runs`; `const { MLflow } = require("mlflow")` to the module's export.
            const member: Expr | null = v && key !== null ? { kind: "member", range: rangeOf(prop), object: v, property: key } : null;
            work.push({ p: target, value: member, module: mod !== null && key !== null ? `${mod}.${key}` : null });
          }
          break;
        case "ArrayPattern": {
          const els = children(p, "elements");
          els.forEach((el, i) => {
            if (el) work.push({ p: el, value: v, module: null, index: el.type === "RestElement" ? -1 : i, count: els.length });
          });
          break;
        }
      }
    }
  };

  const scopeStack: Scope[] = [scopes[0]!];
  const currentScope = (offset: number): number => {
    while (scopeStack.length > 1 && scopeStack[scopeStack.length - 1]!.range[1] <= offset) scopeStack.pop();
    return scopeStack[scopeStack.length - 1]!.id;
  };

  const keysOf = (n: EsNode): readonly string[] => visitorKeys?.[n.type] ?? Object.keys(n).filter((k) => !SKIP_KEYS.has(k) && k !== "loc" && k !== "range");

  // Pre-order walk with an explicit stack, children in source order.
  const stack: EsNode[] = [program];
  while (stack.length) {
    const n = stack.pop()!;
    const scope = currentScope(n.range[0]);
    switch (n.type) {
      case "CallExpression":
      case "NewExpression": {
        const call = toCall(n, 0);
        if (call) calls.push({ call, scope });
        break;
      }
      case "MemberExpression":
        memberNodes.push({ node: n, scope });
        break;
      case "BinaryExpression": {
        const left = child(n, "left");
        const right = child(n, "right");
        if (left && right && COMPARISONS.has(n.operator as string)) {
          comparisons.push(withLazy({ operators: [n.operator as string], scope, range: rangeOf(n) }, "operands", () => [toExpr(left), toExpr(right)]));
        }
        break;
      }
      case "YieldExpression":
      case "ReturnStatement": {
        const arg = child(n, "argument");
        if (arg) returns.push(withLazy({ scope, range: rangeOf(n) }, "value", () => toExpr(arg)));
        break;
      }
      case "ImportDeclaration": {
        if (n.importKind === "type") break;
        const source = child(n, "source");
        if (source?.type !== "Literal" || typeof source.value !== "string") break;
        const mod = moduleQname(source.value);
        for (const s of children(n, "specifiers")) {
          if (!s || s.importKind === "type") continue;
          const local = child(s, "local");
          if (!local) continue;
          const imported = s.type === "ImportSpecifier" ? propertyName(child(s, "imported"), false) : null;
          const qname = s.type === "ImportSpecifier" && imported !== null && imported !== "default" ? `${mod}.${imported}` : mod;
          bindImport(local.name as string, scope, n.range[1], rangeOf(s), qname);
        }
        break;
      }
      case "TSImportEqualsDeclaration": {
        const ref = child(n, "moduleReference");
        const expr = ref && child(ref, "expression");
        const id = child(n, "id");
        if (id && expr?.type === "Literal" && typeof expr.value === "string") bindImport(id.name as string, scope, n.range[1], rangeOf(id), moduleQname(expr.value));
        break;
      }
      case "VariableDeclarator": {
        const id = child(n, "id");
        const init = child(n, "init");
        if (!id) break;
        const required = requiredModule(init);
        if (required !== null) {
          bindPattern(id, null, scope, n.range[1], "assign", moduleQname(required));
          break;
        }
        // `const train = () => ...` is a function definition, as `def train():` is.
        if (id.type === "Identifier" && init && FUNCTIONS.has(init.type)) {
          bindings.push({ name: id.name as string, kind: "def", scope, pos: n.range[0], range: rangeOf(id) });
          break;
        }
        const inLoop = n.range[1] <= (loopHeads.get(n) ?? -1);
        if (init) {
          if (id.type === "Identifier") {
            // Converted when a rule first reads it: most values never are.
            bindings.push(withLazy({ name: id.name as string, kind: "assign" as const, scope, pos: n.range[1], range: rangeOf(id) }, "value", () => toExpr(init)));
          } else bindPattern(id, toExpr(init), scope, n.range[1], "assign", null);
        } else if (inLoop) {
          // `for (const x of xs)`: bound per iteration from the iterable.
          const loop = loopOf.get(n)!;
          bindPattern(id, toExpr(loop), scope, loop.range[0], "loop", null);
        }
        break;
      }
      case "AssignmentExpression": {
        const left = child(n, "left");
        const right = child(n, "right");
        if (!left || !right) break;
        const value = (): Expr => (n.operator === "=" ? toExpr(right) : other(n));
        if (left.type === "Identifier") {
          bindings.push(withLazy({ name: left.name as string, kind: "assign" as const, scope, pos: n.range[1], range: rangeOf(left) }, "value", value));
        } else if (left.type === "MemberExpression") {
          const target = toExpr(left) as MemberExpr | IndexExpr;
          if (target.kind === "member" || target.kind === "index") {
            targetAssigns.push(withLazy({ target, scope, range: rangeOf(n) }, "value", value));
          }
        } else if (left.type === "ObjectPattern" || left.type === "ArrayPattern") {
          bindPattern(left, toExpr(right), scope, n.range[1], "assign", null);
        }
        break;
      }
      case "TryStatement": {
        const body = child(n, "block");
        const handler = child(n, "handler");
        const finalizer = child(n, "finalizer");
        // A JavaScript `catch` catches everything.
        if (body) blocks.push({ kind: "try", range: rangeOf(n), body: rangeOf(body), handlers: handler ? [{ range: rangeOf(handler), catchesAll: true }] : [], orelse: null, finalbody: finalizer ? rangeOf(finalizer) : null });
        break;
      }
      case "FunctionDeclaration":
      case "FunctionExpression":
      case "ArrowFunctionExpression":
      case "ClassDeclaration":
      case "ClassExpression": {
        const id = child(n, "id");
        const isClass = n.type.startsWith("Class");
        // Declarations are hoisted: visible from the start of the enclosing scope.
        if (id && (n.type === "FunctionDeclaration" || n.type === "ClassDeclaration")) {
          bindings.push({ name: id.name as string, kind: "def", scope, pos: scopes[scope]!.range[0], range: rangeOf(id) });
        }
        const s: Scope = { id: scopes.length, kind: isClass ? "class" : "function", parent: scope, range: rangeOf(n), name: (id?.name as string | undefined) ?? scopeNames.get(n) ?? "" };
        scopes.push(s);
        scopeStack.push(s);
        if (!isClass) for (const p of children(n, "params")) if (p) bindPattern(p.type === "TSParameterProperty" ? (child(p, "parameter") ?? p) : p, null, s.id, s.range[0], "param", null);
        break;
      }
      case "MethodDefinition":
      case "PropertyDefinition": {
        // A method's function takes the method's name, for messages and data-handling checks.
        const value = child(n, "value");
        const name = propertyName(child(n, "key"), n.computed === true);
        if (value && name !== null) scopeNames.set(value, name);
        break;
      }
    }
    // Bodies that run only on some paths.
    for (const key of BRANCH_KEYS[n.type] ?? []) {
      const body = child(n, key);
      if (body) blocks.push({ kind: "branch", range: rangeOf(body), body: rangeOf(body) });
    }
    if (n.type === "SwitchCase") blocks.push({ kind: "branch", range: rangeOf(n), body: rangeOf(n) });
    if (LOOPS.has(n.type)) {
      const body = child(n, "body");
      if (body) blocks.push({ kind: "loop", range: rangeOf(n), body: rangeOf(body) });
      const left = child(n, "left");
      if (left?.type === "VariableDeclaration") {
        for (const decl of children(left, "declarations")) {
          if (!decl) continue;
          loopHeads.set(decl, decl.range[1]);
          loopOf.set(decl, child(n, "right") ?? n);
        }
      } else if (left && (n.type === "ForOfStatement" || n.type === "ForInStatement")) {
        bindPattern(left, toExpr(child(n, "right") ?? n), scope, n.range[0], "loop", null);
      }
    }
    // `const name = function/arrow` and `name: () => ...` name the function's scope.
    if (n.type === "VariableDeclarator" || n.type === "Property") {
      const id = child(n, n.type === "VariableDeclarator" ? "id" : "key");
      const value = child(n, n.type === "VariableDeclarator" ? "init" : "value");
      if (id?.type === "Identifier" && value && FUNCTIONS.has(value.type)) scopeNames.set(value, id.name as string);
    }

    const keys = keysOf(n);
    for (let k = keys.length - 1; k >= 0; k--) {
      const key = keys[k]!;
      if (SKIP_KEYS.has(key)) continue;
      const v = n[key];
      if (Array.isArray(v)) {
        for (let i = v.length - 1; i >= 0; i--) {
          const c = v[i] as EsNode | null;
          if (c && typeof c === "object" && typeof c.type === "string") stack.push(c);
        }
      } else if (v && typeof v === "object" && typeof (v as EsNode).type === "string") stack.push(v as EsNode);
    }
  }

  let readCache: { expr: MemberExpr | IndexExpr; scope: number }[] | null = null;
  let nameCache: NameRead[] | null = null;
  const scopeAt = (offset: number): number => innermostScope(scopes, offset);
  return {
    names: () => (nameCache ??= nameReads(program, scopeAt, visitorKeys)),
    language: "javascript",
    mainGuard: MAIN_GUARD.test(text),
    optionObjects: true,
    scopes,
    bindings,
    calls,
    targetAssigns,
    comparisons,
    returns,
    blocks,
    scopeAt,
    reads() {
      if (!readCache) {
        readCache = [];
        for (const { node, scope } of memberNodes) {
          const expr = toExpr(node, MAX_DEPTH - 4);
          if (expr.kind === "member" || expr.kind === "index") readCache.push({ expr, scope });
        }
      }
      return readCache;
    },
  };
}

const BRANCH_KEYS: Record<string, string[]> = {
  IfStatement: ["consequent", "alternate"],
  ConditionalExpression: ["consequent", "alternate"],
  LogicalExpression: ["right"],
};

// Per-walk side tables, keyed by node (module-level so the walk's switch can reach them; weak, so nothing leaks).
const loopHeads = new WeakMap<EsNode, number>();
const loopOf = new WeakMap<EsNode, EsNode>();
const scopeNames = new WeakMap<EsNode, string>();
