// JUnit XML parsed back as a CI server would, and GitLab Code Quality JSON checked against its documented fields.
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { tempProject } from "./util/cli.js";
import { runMain } from "./util/in-process.js";

const UNSEEDED = `"""Shuffle the rows & split them <by hand>."""
import numpy as np

rows = np.loadtxt("rows.csv")
np.random.shuffle(rows)
train, test = rows[:800], rows[800:]
`;
const REQUIREMENTS = "numpy>=1.26\npandas==2.2.2\n";
const CLEAN = `import random

random.seed(1)
print(random.random())
`;

function project(): string {
  return tempProject({ "split.py": UNSEEDED, "requirements.txt": REQUIREMENTS, "clean.py": CLEAN });
}

describe("--format junit", () => {
  it("is well-formed XML with one suite per file and one failed case per finding", async () => {
    const run = await runMain(["--format", "junit", "."], project());
    expect(run.code).toBe(1);
    expect(XMLValidator.validate(run.stdout)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "", isArray: (name) => name === "testsuite" || name === "testcase" }).parse(
      run.stdout,
    ) as {
      testsuites: {
        tests: string;
        failures: string;
        testsuite: {
          name: string;
          tests: string;
          failures: string;
          testcase: { name: string; classname: string; failure?: { type: string; message: string; "#text": string } }[];
        }[];
      };
    };
    const suites = doc.testsuites.testsuite;
    expect(suites.map((s) => s.name)).toEqual(["clean.py", "requirements.txt", "split.py"]);
    expect(doc.testsuites.tests).toBe("3");
    expect(doc.testsuites.failures).toBe("2");
    const clean = suites[0]!;
    expect(clean.failures).toBe("0");
    expect(clean.testcase[0]!.failure).toBeUndefined();
    const split = suites[2]!.testcase[0]!;
    expect(split.name).toBe("exp-lint/require-seed at line 5, column 1");
    expect(split.classname).toBe("split.py");
    expect(split.failure?.type).toBe("error");
    expect(split.failure?.message).toMatch(/^np\.random\.shuffle\(\.\.\.\) draws from numpy's global random generator/u);
    expect(split.failure?.["#text"]).toMatch(/^split\.py:5:1: error: /u);
  });
});

describe("--format gitlab", () => {
  it("has the fields GitLab's Code Quality report format requires, with unique fingerprints", async () => {
    const root = project();
    const run = await runMain(["--format", "gitlab", "."], root);
    expect(run.code).toBe(1);
    const issues = JSON.parse(run.stdout) as Record<string, unknown>[];
    expect(issues).toHaveLength(2);
    for (const issue of issues) {
      // Required: description, check_name, fingerprint, location.path, location.lines.begin; severity is one of five words.
      expect(Object.keys(issue).sort()).toEqual(["check_name", "description", "fingerprint", "location", "severity"]);
      expect(typeof issue.description).toBe("string");
      expect(issue.check_name).toMatch(/^exp-lint\//u);
      expect(["info", "minor", "major", "critical", "blocker"]).toContain(issue.severity);
      const location = issue.location as { path: string; lines: { begin: number } };
      expect(location.path).not.toMatch(/^\//u);
      expect(Number.isInteger(location.lines.begin) && location.lines.begin >= 1).toBe(true);
    }
    expect(new Set(issues.map((i) => i.fingerprint)).size).toBe(2);
    expect(issues.map((i) => `${(i.location as { path: string }).path}:${(i.location as { lines: { begin: number } }).lines.begin}`)).toEqual([
      "requirements.txt:1",
      "split.py:5",
    ]);
    // The same findings give the same fingerprints on the next run: GitLab tells new issues from old by them.
    expect((await runMain(["--format", "gitlab", "."], root)).stdout).toBe(run.stdout);
  });
});
