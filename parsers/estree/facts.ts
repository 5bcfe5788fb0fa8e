import type {
  Binding,
  Block,
  CallSite,
  Comparison,
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
import {
  child,
  children,
  COMPARISONS,
  FUNCTIONS,
  instanceOf,
  LOOPS,
  MAIN_GUARD,
  MAX_DEPTH,
  other,
  propertyName,
  rangeOf,
  requiredModule,
  SKIP_KEYS,
  toCall,
  toExpr,
  type EsNode,
} from "./expressions.js";
import { nameReads } from "./names.js";

export type { EsNode } from "./expressions.js";

/**
 * The TypeScript/JavaScript front end: the same language-neutral facts the
 * Python front end builds, read from an ESTree `Program` (typescript-eslint's
 * AST, or espree's). One iterative walk that hands each node to the small
 * function for its type.
 */

/** What the walk has collected so far, and the scopes open at the current node. */
interface Collector {
  scopes: Scope[];
  bindings: Binding[];
  calls: CallSite[];
  targetAssigns: TargetAssign[];
  comparisons: Comparison[];
  returns: Return[];
  blocks: Block[];
  memberNodes: { node: EsNode; scope: number }[];
  scopeStack: Scope[];
}

const bindImport = (c: Collector, name: string, scope: number, pos: number, range: Range, qname: string) =>
  c.bindings.push({ name, kind: "import", scope, pos, range, qname });

/** Names bound by a declaration pattern, each with the expression it takes from `value`. */
function bindPattern(
  c: Collector,
  pattern: EsNode,
  value: Expr | null,
  scope: number,
  pos: number,
  kind: "assign" | "param" | "loop",
  module: string | null,
): void {
  const work: { p: EsNode; value: Expr | null; module: string | null; index?: number; count?: number }[] = [{ p: pattern, value, module }];
  while (work.length) {
    const { p, value: v, module: mod, index, count } = work.pop()!;
    switch (p.type) {
      case "Identifier": {
        const name = p.name as string;
        if (mod !== null) bindImport(c, name, scope, pos, rangeOf(p), mod);
        else if (kind === "param") {
          const instance = instanceOf(p);
          c.bindings.push({ name, kind: "param", scope, pos, range: rangeOf(p), ...(instance ? { value: instance } : {}) });
        } else if (index !== undefined) c.bindings.push({ name, kind: "unpack", scope, pos, range: rangeOf(p), value: v ?? other(p), index, count: count! });
        else c.bindings.push({ name, kind, scope, pos, range: rangeOf(p), ...(v ? { value: v } : {}) });
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
}

// One small function per node type, as in the Python front end.

function callExpression(c: Collector, n: EsNode, scope: number): void {
  const call = toCall(n, 0);
  if (call) c.calls.push({ call, scope });
}

function binaryExpression(c: Collector, n: EsNode, scope: number): void {
  const left = child(n, "left");
  const right = child(n, "right");
  if (left && right && COMPARISONS.has(n.operator as string)) {
    c.comparisons.push(withLazy({ operators: [n.operator as string], scope, range: rangeOf(n) }, "operands", () => [toExpr(left), toExpr(right)]));
  }
}

function returnValue(c: Collector, n: EsNode, scope: number): void {
  const arg = child(n, "argument");
  if (arg) c.returns.push(withLazy({ scope, range: rangeOf(n) }, "value", () => toExpr(arg)));
}

function importDeclaration(c: Collector, n: EsNode, scope: number): void {
  if (n.importKind === "type") return;
  const source = child(n, "source");
  if (source?.type !== "Literal" || typeof source.value !== "string") return;
  const mod = moduleQname(source.value);
  for (const s of children(n, "specifiers")) {
    if (!s || s.importKind === "type") continue;
    const local = child(s, "local");
    if (!local) continue;
    const imported = s.type === "ImportSpecifier" ? propertyName(child(s, "imported"), false) : null;
    const qname = s.type === "ImportSpecifier" && imported !== null && imported !== "default" ? `${mod}.${imported}` : mod;
    bindImport(c, local.name as string, scope, n.range[1], rangeOf(s), qname);
  }
}

function importEquals(c: Collector, n: EsNode, scope: number): void {
  const ref = child(n, "moduleReference");
  const expr = ref && child(ref, "expression");
  const id = child(n, "id");
  if (id && expr?.type === "Literal" && typeof expr.value === "string")
    bindImport(c, id.name as string, scope, n.range[1], rangeOf(id), moduleQname(expr.value));
}

function variableDeclarator(c: Collector, n: EsNode, scope: number): void {
  const id = child(n, "id");
  const init = child(n, "init");
  if (!id) return;
  const required = requiredModule(init);
  if (required !== null) {
    bindPattern(c, id, null, scope, n.range[1], "assign", moduleQname(required));
    return;
  }
  // `const train = () => ...` is a function definition, as `def train():` is.
  if (id.type === "Identifier" && init && FUNCTIONS.has(init.type)) {
    c.bindings.push({ name: id.name as string, kind: "def", scope, pos: n.range[0], range: rangeOf(id) });
    return;
  }
  const inLoop = n.range[1] <= (loopHeads.get(n) ?? -1);
  if (init) {
    // Converted when a rule first reads it: most values never are.
    if (id.type === "Identifier")
      c.bindings.push(withLazy({ name: id.name as string, kind: "assign" as const, scope, pos: n.range[1], range: rangeOf(id) }, "value", () => toExpr(init)));
    else bindPattern(c, id, toExpr(init), scope, n.range[1], "assign", null);
  } else if (inLoop) {
    // `for (const x of xs)`: bound per iteration from the iterable.
    const loop = loopOf.get(n)!;
    bindPattern(c, id, toExpr(loop), scope, loop.range[0], "loop", null);
  } else if (id.type === "Identifier") {
    // `let bestLr;` declares the name (as `undefined`) before a loop assigns it.
    c.bindings.push({
      name: id.name as string,
      kind: "assign",
      scope,
      pos: n.range[1],
      range: rangeOf(id),
      value: { kind: "literal", range: rangeOf(n), value: null },
    });
  }
}

function assignmentExpression(c: Collector, n: EsNode, scope: number): void {
  const left = child(n, "left");
  const right = child(n, "right");
  if (!left || !right) return;
  const value = (): Expr => (n.operator === "=" ? toExpr(right) : other(n));
  if (left.type === "Identifier") {
    c.bindings.push(withLazy({ name: left.name as string, kind: "assign" as const, scope, pos: n.range[1], range: rangeOf(left) }, "value", value));
  } else if (left.type === "MemberExpression") {
    const target = toExpr(left) as MemberExpr | IndexExpr;
    if (target.kind === "member" || target.kind === "index") c.targetAssigns.push(withLazy({ target, scope, range: rangeOf(n) }, "value", value));
  } else if (left.type === "ObjectPattern" || left.type === "ArrayPattern") {
    bindPattern(c, left, toExpr(right), scope, n.range[1], "assign", null);
  }
}

function tryStatement(c: Collector, n: EsNode): void {
  const body = child(n, "block");
  const handler = child(n, "handler");
  const finalizer = child(n, "finalizer");
  // A JavaScript `catch` catches everything.
  if (body)
    c.blocks.push({
      kind: "try",
      range: rangeOf(n),
      body: rangeOf(body),
      handlers: handler ? [{ range: rangeOf(handler), catchesAll: true }] : [],
      orelse: null,
      finalbody: finalizer ? rangeOf(finalizer) : null,
    });
}

function functionOrClass(c: Collector, n: EsNode, scope: number): void {
  const id = child(n, "id");
  const isClass = n.type.startsWith("Class");
  // Declarations are hoisted: visible from the start of the enclosing scope.
  if (id && (n.type === "FunctionDeclaration" || n.type === "ClassDeclaration")) {
    c.bindings.push({ name: id.name as string, kind: "def", scope, pos: c.scopes[scope]!.range[0], range: rangeOf(id) });
  }
  const s: Scope = {
    id: c.scopes.length,
    kind: isClass ? "class" : "function",
    parent: scope,
    range: rangeOf(n),
    name: (id?.name as string | undefined) ?? scopeNames.get(n) ?? "",
  };
  c.scopes.push(s);
  c.scopeStack.push(s);
  if (!isClass)
    for (const p of children(n, "params"))
      if (p) bindPattern(c, p.type === "TSParameterProperty" ? (child(p, "parameter") ?? p) : p, null, s.id, s.range[0], "param", null);
}

function methodOrProperty(_c: Collector, n: EsNode): void {
  // A method's function takes the method's name, for messages and data-handling checks.
  const value = child(n, "value");
  const name = propertyName(child(n, "key"), n.computed === true);
  if (value && name !== null) scopeNames.set(value, name);
}

/** Bodies that run only on some paths, loops, and the names of function values: read from every node. */
function blocksOf(c: Collector, n: EsNode, scope: number): void {
  for (const key of BRANCH_KEYS[n.type] ?? []) {
    const body = child(n, key);
    if (body) c.blocks.push({ kind: "branch", range: rangeOf(body), body: rangeOf(body) });
  }
  if (n.type === "SwitchCase") c.blocks.push({ kind: "branch", range: rangeOf(n), body: rangeOf(n) });
  if (LOOPS.has(n.type)) {
    const body = child(n, "body");
    if (body) c.blocks.push({ kind: "loop", range: rangeOf(n), body: rangeOf(body) });
    const left = child(n, "left");
    if (left?.type === "VariableDeclaration") {
      for (const decl of children(left, "declarations")) {
        if (!decl) continue;
        loopHeads.set(decl, decl.range[1]);
        loopOf.set(decl, child(n, "right") ?? n);
      }
    } else if (left && (n.type === "ForOfStatement" || n.type === "ForInStatement")) {
      bindPattern(c, left, toExpr(child(n, "right") ?? n), scope, n.range[0], "loop", null);
    }
  }
  // `const name = function/arrow` and `name: () => ...` name the function's scope.
  if (n.type === "VariableDeclarator" || n.type === "Property") {
    const id = child(n, n.type === "VariableDeclarator" ? "id" : "key");
    const value = child(n, n.type === "VariableDeclarator" ? "init" : "value");
    if (id?.type === "Identifier" && value && FUNCTIONS.has(value.type)) scopeNames.set(value, id.name as string);
  }
}

const NODE_FACTS: Record<string, (c: Collector, n: EsNode, scope: number) => void> = {
  CallExpression: callExpression,
  NewExpression: callExpression,
  MemberExpression: (c, n, scope) => c.memberNodes.push({ node: n, scope }),
  BinaryExpression: binaryExpression,
  YieldExpression: returnValue,
  ReturnStatement: returnValue,
  ImportDeclaration: importDeclaration,
  TSImportEqualsDeclaration: importEquals,
  VariableDeclarator: variableDeclarator,
  AssignmentExpression: assignmentExpression,
  TryStatement: tryStatement,
  FunctionDeclaration: functionOrClass,
  FunctionExpression: functionOrClass,
  ArrowFunctionExpression: functionOrClass,
  ClassDeclaration: functionOrClass,
  ClassExpression: functionOrClass,
  MethodDefinition: methodOrProperty,
  PropertyDefinition: methodOrProperty,
};

/** Build the program facts of an ESTree `Program`. `visitorKeys` are the parser's (ESLint's `sourceCode.visitorKeys`). */
export function extractEstreeFacts(program: EsNode, text: string, visitorKeys?: Record<string, readonly string[] | undefined>): ProgramFacts {
  const module: Scope = { id: 0, kind: "module", parent: null, range: [0, text.length], name: "<module>" };
  const c: Collector = {
    scopes: [module],
    bindings: [],
    calls: [],
    targetAssigns: [],
    comparisons: [],
    returns: [],
    blocks: [],
    memberNodes: [],
    scopeStack: [module],
  };
  const { scopes, scopeStack } = c;

  // Well-known globals (`Math`) are bound at the top of the module, so `Math.random` resolves; a local `Math` shadows them.
  for (const g of JS_GLOBALS) c.bindings.push({ name: g, kind: "global", scope: 0, pos: 0, range: [0, 0], qname: g });

  const keysOf = (n: EsNode): readonly string[] => visitorKeys?.[n.type] ?? Object.keys(n).filter((k) => !SKIP_KEYS.has(k) && k !== "loc" && k !== "range");

  // Pre-order walk with an explicit stack, children in source order.
  const stack: EsNode[] = [program];
  while (stack.length) {
    const n = stack.pop()!;
    while (scopeStack.length > 1 && scopeStack[scopeStack.length - 1]!.range[1] <= n.range[0]) scopeStack.pop();
    const scope = scopeStack[scopeStack.length - 1]!.id;
    NODE_FACTS[n.type]?.(c, n, scope);
    blocksOf(c, n, scope);

    const keys = keysOf(n);
    for (let k = keys.length - 1; k >= 0; k--) {
      const key = keys[k]!;
      if (SKIP_KEYS.has(key)) continue;
      const v = n[key];
      if (Array.isArray(v)) {
        for (let i = v.length - 1; i >= 0; i--) {
          const ch = v[i] as EsNode | null;
          if (ch && typeof ch === "object" && typeof ch.type === "string") stack.push(ch);
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
    bindings: c.bindings,
    calls: c.calls,
    targetAssigns: c.targetAssigns,
    comparisons: c.comparisons,
    returns: c.returns,
    blocks: c.blocks,
    scopeAt,
    reads() {
      if (!readCache) {
        readCache = [];
        for (const { node, scope } of c.memberNodes) {
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
