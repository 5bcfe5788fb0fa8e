import { join } from "node:path";
import type { ESLint } from "eslint";
import { describe, expect, it } from "vitest";
import { formatGithub } from "../cli/reporting/format/github.js";
import { runCli, tempProject } from "./util/cli.js";

interface Annotation {
  level: string;
  props: Record<string, string>;
  message: string;
}

// The reading side of GitHub's workflow commands: `::level k=v,k=v::data`, with %XX escapes undone.
const unescape = (s: string) => s.replace(/%(25|0D|0A|3A|2C)/gu, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));

function parse(line: string): Annotation {
  const m = /^::(error|warning|notice) ([^:]*)::(.*)$/u.exec(line);
  if (!m) throw new Error(`not a workflow command: ${line}`);
  // A raw ',' or ':' inside a value would have split it here: escaping is what makes this parse right.
  const props = Object.fromEntries(
    m[2]!.split(",").map((kv) => {
      const eq = kv.indexOf("=");
      return [kv.slice(0, eq), unescape(kv.slice(eq + 1))];
    }),
  );
  expect(m[3]).not.toMatch(/[\r\n]/u);
  return { level: m[1]!, props, message: unescape(m[3]!) };
}

interface JsonResult {
  filePath: string;
  messages: { ruleId: string | null; severity: number; message: string; line: number; column: number; endLine?: number; endColumn?: number }[];
}

describe("--format github", () => {
  it("gives one annotation per finding that parses back to the JSON findings, with ',' and ':' in the path and '%' in the message", async () => {
    const script = 'import numpy as np\nrate = "50%" if np.random.rand() > 0.5 else 1 +\n';
    const dir = tempProject({ "runs/run,v2:final.py": script, "runs/ok.py": "x = 1\n" });
    const json = (JSON.parse((await runCli(["-f", "json"], dir)).stdout) as JsonResult[]).flatMap((r) => r.messages.map((m) => ({ file: r.filePath, ...m })));
    const r = await runCli(["-f", "github"], dir);
    expect(r.code).toBe(1);
    const lines = r.stdout.split("\n");
    expect(lines.pop()).toBe("");
    const annotations = lines.map(parse);
    expect(annotations).toEqual(
      json.map((m) => ({
        level: m.severity === 2 ? "error" : "warning",
        props: {
          file: "runs/run,v2:final.py",
          line: String(m.line),
          col: String(m.column),
          endLine: String(m.endLine),
          endColumn: String(m.endColumn),
          title: m.ruleId,
        },
        message: m.message,
      })),
    );
    expect(annotations.map((a) => a.props.title)).toEqual(["exp-lint/syntax-error", "exp-lint/require-seed"]);
    expect(annotations[0]!.message).toContain('"50%"');
    expect(json[0]!.file).toBe(join(dir, "runs/run,v2:final.py"));
  });

  it("escapes %, CR and LF in messages and also ':' and ',' in properties", async () => {
    const result = {
      filePath: "/repo/a:b,c%.py",
      messages: [{ ruleId: "exp-lint/x,y:z", severity: 2, message: "100% sure:\r\nline two, ok", line: 3, column: 4 }],
    } as unknown as ESLint.LintResult;
    const out = formatGithub([result], "/repo");
    expect(out).toBe("::error file=a%3Ab%2Cc%25.py,line=3,col=4,title=exp-lint/x%2Cy%3Az::100%25 sure:%0D%0Aline two, ok\n");
    expect(parse(out.trimEnd())).toEqual({
      level: "error",
      props: { file: "a:b,c%.py", line: "3", col: "4", title: "exp-lint/x,y:z" },
      message: "100% sure:\r\nline two, ok",
    });
  });

  it("prints nothing for a clean run", async () => {
    const r = await runCli(["-f", "github"], tempProject({ "ok.py": "x = 1\n" }));
    expect([r.code, r.stdout]).toEqual([0, ""]);
  });
});
