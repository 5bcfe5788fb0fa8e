import { describe, expect, it } from "vitest";
import { extractFacts } from "../parsers/python/facts.js";
import { parsePython } from "../parsers/python/tree-sitter.js";

// The name `run` written every way a script writes it: read, called, indexed, as an attribute, a keyword, a parameter,
// in strings and comments, inside longer names, and as a global.
const CODE = `import mlflow
from runner import run_all  # run_all, not run

run = mlflow.start_run(run_name="run")
runs = [run]
print(run.info.run_id, run["x"], runs, rerun)


def finish(run, prefix=run):
    global run
    mlflow.end_run(status="FINISHED", run=run)
    return run()


class Tracker:
    def run(self, *run, **kw):
        return self.run, lambda run: run
`;

describe("one name's reads (namesOf), found in the text rather than by walking every identifier", () => {
  it("lists exactly what names() lists for the name, for every name of the script", () => {
    const all = extractFacts(parsePython(CODE), CODE).names();
    const names = new Set(all.map((r) => r.name).concat(["run", "runner", "rerun", "status", "kw", "absent", ""]));
    for (const name of names) {
      // A fresh parse each time: namesOf must not lean on a names() list already collected.
      const facts = extractFacts(parsePython(CODE), CODE);
      expect(facts.namesOf!(name), name).toEqual(all.filter((r) => r.name === name));
    }
  });

  it("keeps reads of `run` (in place or handed on) and leaves strings, comments, attributes, keywords and longer names", () => {
    const facts = extractFacts(parsePython(CODE), CODE);
    const lines = CODE.split("\n");
    const where = (offset: number) => {
      const line = CODE.slice(0, offset).split("\n").length;
      return `${line}:${lines[line - 1]!.trim()}`;
    };
    expect(facts.namesOf!("run").map((r) => [where(r.range[0]), r.used])).toEqual([
      ['4:run = mlflow.start_run(run_name="run")', false],
      ["5:runs = [run]", false],
      ['6:print(run.info.run_id, run["x"], runs, rerun)', true],
      ['6:print(run.info.run_id, run["x"], runs, rerun)', true],
      ["9:def finish(run, prefix=run):", false],
      ['11:mlflow.end_run(status="FINISHED", run=run)', false],
      ["12:return run()", true],
      ["17:return self.run, lambda run: run", false],
    ]);
  });
});
