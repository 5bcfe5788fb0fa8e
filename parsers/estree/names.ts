import type { NameRead } from "../../semantic/ir.js";
import type { EsNode } from "./facts.js";

// Keys under which an Identifier names something instead of reading a variable, per parent type.
const NAMING_KEYS: Record<string, readonly string[]> = {
  MemberExpression: ["property"],
  Property: ["key"],
  MethodDefinition: ["key"],
  PropertyDefinition: ["key"],
  TSPropertySignature: ["key"],
  LabeledStatement: ["label"],
  BreakStatement: ["label"],
  ContinueStatement: ["label"],
  ImportSpecifier: ["imported", "local"],
  ImportDefaultSpecifier: ["local"],
  ImportNamespaceSpecifier: ["local"],
  ExportSpecifier: ["exported"],
  MetaProperty: ["meta", "property"],
};
// Type-level syntax and the parent link hold no reads.
const SKIP = new Set(["parent", "loc", "range", "typeAnnotation", "typeParameters", "typeArguments", "returnType", "decorators"]);

/**
 * Every Identifier that reads a variable, with an explicit stack (no
 * recursion on nesting). Declared names (`const x`, parameters) are left for
 * the model to drop: their ranges are the bindings'.
 */
export function nameReads(program: EsNode, scopeAt: (offset: number) => number, visitorKeys?: Record<string, readonly string[] | undefined>): NameRead[] {
  const out: NameRead[] = [];
  const stack: { n: EsNode; used: boolean }[] = [{ n: program, used: false }];
  while (stack.length) {
    const { n, used } = stack.pop()!;
    if (n.type === "Identifier") {
      out.push({ name: n.name as string, range: [n.range[0], n.range[1]], scope: scopeAt(n.range[0]), used });
      continue;
    }
    const naming = NAMING_KEYS[n.type];
    const computed = n.computed === true;
    const keys = visitorKeys?.[n.type] ?? Object.keys(n);
    for (const key of keys) {
      if (SKIP.has(key) || (naming?.includes(key) && !computed)) continue;
      // Shorthand `{ run }` reads `run` through its value, which is the same name.
      const v = n[key];
      // The object of a member read and the callee of a call use the value in place.
      const inPlace = (key === "object" && n.type === "MemberExpression") || (key === "callee" && (n.type === "CallExpression" || n.type === "NewExpression"));
      if (Array.isArray(v)) {
        for (const c of v) if (c && typeof c === "object" && typeof (c as EsNode).type === "string") stack.push({ n: c as EsNode, used: false });
      } else if (v && typeof v === "object" && typeof (v as EsNode).type === "string") stack.push({ n: v as EsNode, used: inPlace });
    }
  }
  out.sort((a, b) => a.range[0] - b.range[0]);
  return out;
}
