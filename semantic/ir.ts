/**
 * The language-neutral program facts that every front end (Python today,
 * TypeScript later) produces and every rule reads through the semantic model.
 * Ranges are UTF-16 offsets into the file text, as ESLint counts them.
 */

export type Range = readonly [number, number];

export type Expr = LiteralExpr | CollectionExpr | DictExpr | NameExpr | MemberExpr | IndexExpr | CallExpr | OtherExpr;

export interface LiteralExpr {
  kind: "literal";
  range: Range;
  value: string | number | boolean | null;
}

/** A list, tuple, set or array display. */
export interface CollectionExpr {
  kind: "collection";
  range: Range;
  items: Expr[];
}

export interface DictEntry {
  /** `null` for a `**spread` entry. */
  key: Expr | null;
  value: Expr;
  range: Range;
}

export interface DictExpr {
  kind: "dict";
  range: Range;
  entries: DictEntry[];
}

export interface NameExpr {
  kind: "name";
  range: Range;
  name: string;
}

export interface MemberExpr {
  kind: "member";
  range: Range;
  object: Expr;
  property: string;
}

export interface IndexExpr {
  kind: "index";
  range: Range;
  object: Expr;
  index: Expr;
}

export interface Arg {
  /** Keyword name, or `null` for a positional argument. */
  name: string | null;
  spread: "" | "*" | "**";
  value: Expr;
  range: Range;
}

export interface CallExpr {
  kind: "call";
  range: Range;
  callee: Expr;
  args: Arg[];
}

/** Anything else (operators, comprehensions, lambdas, f-strings with values, too deep to convert). */
export interface OtherExpr {
  kind: "other";
  range: Range;
  /** Identifiers the expression mentions, for data flow. */
  names: string[];
  /** For a slice (`a:b:c`): its parts, null where left out. */
  slice?: { start: Expr | null; stop: Expr | null; step: Expr | null };
  /** For a conditional expression (`a if c else b`): the values it may take. */
  branches?: Expr[];
  /** For arithmetic (`args.lr * scale`): the values it combines, so what it is computed from can be traced. */
  operands?: Expr[];
}

export type ScopeKind = "module" | "function" | "class";

export interface Scope {
  id: number;
  kind: ScopeKind;
  parent: number | null;
  range: Range;
  name: string;
  /** Names a Python function declares `global`: assigning them there rebinds the module's. */
  globals?: string[];
}

/** `global`: a well-known global of the language (`Math` in JavaScript), bound implicitly at the top of the module. */
export type BindingKind = "import" | "assign" | "unpack" | "with" | "loop" | "param" | "def" | "global";

export interface Binding {
  name: string;
  kind: BindingKind;
  scope: number;
  /** Offset from which the binding is visible (end of its statement). */
  pos: number;
  range: Range;
  /** For imports and globals: the qualified name bound. Relative imports start with ".". */
  qname?: string;
  /** For assign/with/loop/unpack: the value expression. */
  value?: Expr;
  /** For unpack and tuple loop targets: this name's position among `count` targets (-1 when nested or starred). */
  index?: number;
  count?: number;
  /** For names in nested tuples: positions from the outermost tuple in (`for i, (a, b) in ...`: b is [1, 1]). */
  path?: number[];
}

/** `obj.attr = value` or `obj[key] = value`. */
export interface TargetAssign {
  target: MemberExpr | IndexExpr;
  value: Expr;
  scope: number;
  range: Range;
}

/** `a < b`, chained `1.0 <= r_hat < 1.01`: operands left to right, the operators between them. */
export interface Comparison {
  operands: Expr[];
  operators: string[];
  scope: number;
  range: Range;
}

/** `return value` or `yield value`: the value leaves its function for the caller. */
export interface Return {
  value: Expr;
  scope: number;
  range: Range;
}

/** A read of a variable: an identifier that is neither bound here nor a property or keyword name. */
export interface NameRead {
  name: string;
  range: Range;
  scope: number;
  /** The read is the object of an attribute, item or call (`run.log`, `run[k]`, `run()`): it uses the value here rather than passing it on. */
  used: boolean;
}

export interface CallSite {
  call: CallExpr;
  scope: number;
}

export interface WithBlock {
  kind: "with";
  range: Range;
  body: Range;
  items: Expr[];
}

export interface TryBlock {
  kind: "try";
  range: Range;
  body: Range;
  handlers: { range: Range; catchesAll: boolean }[];
  orelse: Range | null;
  finalbody: Range | null;
}

export interface LoopBlock {
  kind: "loop";
  range: Range;
  body: Range;
}

/** A body that runs only on some paths: an `if`/`elif`/`else` clause, a `match`/`switch` case, a conditional operand. */
export interface BranchBlock {
  kind: "branch";
  range: Range;
  body: Range;
}

export type Block = WithBlock | TryBlock | LoopBlock | BranchBlock;

export interface Comment {
  type: "Comment";
  /** Text after the comment marker. */
  value: string;
  range: [number, number];
}

export interface SyntaxProblem {
  range: Range;
  message: string;
}

export interface ProgramFacts {
  /** The front end's language: idioms differ (a JavaScript module has no `__main__` guard). Python when left out. */
  language?: "python" | "javascript";
  /** The file says it runs as a program (`if __name__ == "__main__":`), not only as a library module. */
  mainGuard: boolean;
  scopes: Scope[];
  bindings: Binding[];
  calls: CallSite[];
  targetAssigns: TargetAssign[];
  comparisons: Comparison[];
  returns: Return[];
  blocks: Block[];
  /** Named arguments are passed as one object literal (`f({ lr: 0.1 })`), as in JavaScript. */
  optionObjects?: boolean;
  /** Identifier reads, collected on demand (they are many); binding sites may be among them, the model drops those. */
  names(): NameRead[];
  /** The reads of one name, as `names()` would list them; a front end that can find them without collecting every read offers this. */
  namesOf?(name: string): NameRead[];
  /** Member and index reads, collected on demand (they are many). */
  reads(): { expr: MemberExpr | IndexExpr; scope: number }[];
  /** Scope id of the innermost scope containing an offset. */
  scopeAt(offset: number): number;
  /**
   * With type information (TypeScript typed linting): the qualified name of the
   * package class instance the expression at `range` holds (`npm:mlflow()`), or `null`.
   */
  instanceType?(range: Range): string | null;
}
