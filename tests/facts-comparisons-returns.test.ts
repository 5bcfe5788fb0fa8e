import { describe, expect, it } from "vitest";
import { extractEstreeFacts, type EsNode } from "../parsers/estree/facts.js";
import { typescriptParser } from "../parsers/estree/parser.js";
import { extractFacts } from "../parsers/python/facts.js";
import { parsePython } from "../parsers/python/tree-sitter.js";
import type { Expr, ProgramFacts } from "../semantic/ir.js";

const shown = (e: Expr, text: string) => text.slice(e.range[0], e.range[1]);

function summary(facts: ProgramFacts, text: string) {
  return {
    comparisons: facts.comparisons.map((c) => ({ operands: c.operands.map((o) => `${o.kind}:${shown(o, text)}`), operators: c.operators, scope: c.scope })),
    returns: facts.returns.map((r) => ({ value: `${r.value.kind}:${shown(r.value, text)}`, scope: r.scope })),
  };
}

describe("comparisons and returns in the program facts", () => {
  it("Python: chained comparisons keep every operand and operator; bare returns carry no value", () => {
    const code = "def check(s):\n    assert 1.0 <= s['r_hat'] < 1.01\n    if x not in y:\n        return\n    return s.ess, s.mcse\n";
    expect(summary(extractFacts(parsePython(code), code), code)).toEqual({
      comparisons: [
        { operands: ["literal:1.0", "index:s['r_hat']", "literal:1.01"], operators: ["<=", "<"], scope: 1 },
        { operands: ["name:x", "name:y"], operators: ["not in"], scope: 1 },
      ],
      returns: [{ value: "collection:s.ess, s.mcse", scope: 1 }],
    });
  });

  it("TypeScript: comparison operators only, not arithmetic", () => {
    const code = "function check(s: Stats) {\n  if (s.rHat > 1.01 || s.n + 1 === limit) throw new Error('x');\n  return s.ess;\n}\n";
    const { ast } = (typescriptParser as { parseForESLint(code: string, options: unknown): unknown }).parseForESLint(code, { range: true, loc: true }) as {
      ast: EsNode;
    };
    expect(summary(extractEstreeFacts(ast, code), code)).toEqual({
      comparisons: [
        { operands: ["member:s.rHat", "literal:1.01"], operators: [">"], scope: 1 },
        { operands: ["other:s.n + 1", "name:limit"], operators: ["==="], scope: 1 },
      ],
      returns: [{ value: "member:s.ess", scope: 1 }],
    });
  });
});
