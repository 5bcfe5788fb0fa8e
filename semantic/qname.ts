/**
 * A qualified name as a value: `numpy.random.seed` is the segments
 * `numpy`, `random`, `seed`; `mlflow.MlflowClient().log_param` keeps the
 * call as a segment `MlflowClient()`. Catalogue entries stay strings (they
 * are data); rules that need a part of a name ask for it here instead of
 * splitting text themselves.
 */
export interface QualifiedName {
  /** The parts, outermost first. A call is kept on its part: `MlflowClient()`. */
  readonly segments: readonly string[];
  /** The package (or module, or `npm:` package) the name starts from: `numpy`. */
  readonly root: string;
  /** The last part without its call: `seed`, `log_param`. */
  readonly short: string;
  /** Leading dots of a relative import (`from ..data import x` gives 2). */
  readonly level: number;
  /** The name as the catalogue spells it: `numpy.random.seed`. */
  toString(): string;
}

/** The root package of a qualified name: `numpy` for `numpy.random.seed`, `mlflow` for `mlflow.MlflowClient().log_param`. */
export const rootOf = (qname: string): string => qname.split(/[.(]/u, 1)[0]!;

/**
 * Parse a qualified name. Dots inside a call's parentheses do not split
 * (there are none in the model's names, but catalogue patterns may carry them).
 */
export function qualifiedName(qname: string): QualifiedName {
  const level = /^\.*/u.exec(qname)![0].length;
  const body = qname.slice(level);
  const segments: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === "(") depth++;
    else if (c === ")") depth--;
    else if (c === "." && depth === 0) {
      segments.push(body.slice(start, i));
      start = i + 1;
    }
  }
  segments.push(body.slice(start));
  const last = segments[segments.length - 1]!;
  return {
    segments,
    root: rootOf(body),
    short: last.endsWith("()") ? last.slice(0, -2) : last,
    level,
    toString: () => qname,
  };
}
