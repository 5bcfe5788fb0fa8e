import type * as TS from "typescript";
import { createRequire } from "node:module";
import { canonical, moduleQname } from "../../catalogue/aliases.js";
import type { Range } from "../../semantic/ir.js";

/**
 * Type information, when the user's ESLint config turns on typed linting
 * (`parserOptions.projectService` or `project`): the TypeScript checker says
 * which package class a value is an instance of where the facts cannot
 * (`client: Client` with `type Client = MLflow`, `this.tracker`, an
 * un-annotated callback parameter). Without it, nothing here runs.
 */

/** The parts of typescript-eslint's parser services read here. */
export interface TypedServices {
  program: TS.Program | null;
  esTreeNodeToTSNodeMap?: { get(node: object): TS.Node | undefined };
}

const require = createRequire(import.meta.url);

/** The npm package a declaration file belongs to: `…/node_modules/@scope/pkg/…` → `@scope/pkg`. */
function packageOfPath(file: string): string | null {
  const m = /[\\/]node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)[\\/]/u.exec(file);
  if (!m) return null;
  const pkg = m[1]!.replace(/\\/gu, "/");
  // `@types/mlflow` types the `mlflow` package; `@types/scope__pkg` types `@scope/pkg`.
  if (pkg.startsWith("@types/")) {
    const typed = pkg.slice("@types/".length);
    return typed.includes("__") ? `@${typed.replace("__", "/")}` : typed;
  }
  return pkg;
}

/**
 * The innermost node spanning exactly `[start, end)`; failing that, the
 * innermost one starting there and containing it (typescript-eslint's
 * identifier `run: Run` spans the name and its annotation, as no TS node does
 * except the declaration around them).
 */
function nodeAt(ts: typeof TS, file: TS.SourceFile, start: number, end: number): TS.Node | null {
  let node: TS.Node = file;
  let best: TS.Node | null = null;
  for (;;) {
    const inner: TS.Node | undefined = ts.forEachChild(node, (c) => (c.getStart(file) <= start && end <= c.end ? c : undefined));
    if (!inner) return best;
    if (inner.getStart(file) === start) best = inner;
    node = inner;
  }
}

/**
 * A function from a range of the file to the qualified name of the package
 * class whose instance the expression there holds (`npm:mlflow.MLflow()`),
 * or `null`; `null` itself when the file has no type information.
 */
export function instanceTypes(services: TypedServices | undefined, ast: object): ((range: Range) => string | null) | null {
  const program = services?.program;
  const file = services?.esTreeNodeToTSNodeMap?.get(ast);
  if (!program || !file || !("statements" in file)) return null;
  const ts = require("typescript") as typeof TS;
  const checker = program.getTypeChecker();
  const sourceFile = file as TS.SourceFile;
  const cache = new Map<string, string | null>();
  const qnameOf = (range: Range): string | null => {
    const node = nodeAt(ts, sourceFile, range[0], range[1]);
    if (!node) return null;
    const type = checker.getNonNullableType(checker.getTypeAtLocation(node));
    const symbol = type.getSymbol();
    // An instance of a class (or interface) declared by a package; its construct signature would be the class itself.
    if (!symbol || !(symbol.flags & (ts.SymbolFlags.Class | ts.SymbolFlags.Interface)) || type.getConstructSignatures().length) return null;
    const decl = symbol.declarations?.[0];
    // Built-ins (`Array`, `Map`) are declared by TypeScript's own lib files, not by a package.
    if (!decl || program.isSourceFileDefaultLibrary(decl.getSourceFile())) return null;
    // `declare module "mlflow" { … }` names the package; otherwise the declaration's node_modules folder does.
    let pkg: string | null = null;
    for (let p: TS.Node | undefined = decl.parent; p; p = p.parent) {
      if (ts.isModuleDeclaration(p) && ts.isStringLiteral(p.name)) pkg = p.name.text;
    }
    pkg ??= packageOfPath(decl.getSourceFile().fileName);
    if (pkg === null || pkg.startsWith(".")) return null;
    return canonical(`${moduleQname(pkg)}.${symbol.getName()}()`);
  };
  return (range) => {
    const key = `${range[0]}:${range[1]}`;
    let q = cache.get(key);
    if (q === undefined) {
      try {
        q = qnameOf(range);
      } catch {
        // The checker is the user's project; a failure there must not stop the lint.
        q = null;
      }
      cache.set(key, q);
    }
    return q;
  };
}
