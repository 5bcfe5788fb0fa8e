// The flags Ruff and ESLint users reach for: each changes what a run does, shown on a small project.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempProject } from "./util/cli.js";
import { findings } from "./util/housing-project.js";
import { runMain } from "./util/in-process.js";
import { main } from "../cli/main.js";

const UNSEEDED = `"""Bootstrap a confidence interval for the holdout accuracy."""
import numpy as np

scores = np.loadtxt("holdout_scores.csv")
means = [np.random.choice(scores, size=len(scores)).mean() for _ in range(1000)]
print(np.percentile(means, [2.5, 97.5]))
`;
const SEEDED = UNSEEDED.replace("import numpy as np\n", "import numpy as np\n\nnp.random.seed(0)\n");

describe("command-line flags", () => {
  it("--exit-zero reports the findings and exits 0", async () => {
    const root = tempProject({ "bootstrap.py": UNSEEDED });
    const run = await runMain(["--exit-zero", "."], root);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("exp-lint/require-seed");
    // A broken invocation still exits 2.
    expect((await runMain(["--exit-zero", "missing.py"], root)).code).toBe(2);
  });

  it("-o writes the report to a file, without colour, and nothing to stdout", async () => {
    const root = tempProject({ "bootstrap.py": UNSEEDED });
    const run = await runMain(["-o", "report.txt", "--color", "."], root);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    const text = readFileSync(join(root, "report.txt"), "utf8");
    expect(text).toContain("bootstrap.py:5:");
    expect(text).not.toContain("\u001b[");
    await runMain(["--output-file", "report.json", "--format", "json", "."], root);
    expect(JSON.parse(readFileSync(join(root, "report.json"), "utf8"))[0].messages[0].ruleId).toBe("exp-lint/require-seed");
  });

  it("lints standard input as the file --stdin-filename names, with that file's configuration", async () => {
    const root = tempProject({ "src/exp-lint.toml": '[severity]\nrequire-seed = "warn"\n' });
    const run = await runMain(["--stdin-filename", "src/bootstrap.py", "--format", "json"], root, { stdin: UNSEEDED });
    expect(findings(run, root)).toEqual(["src/bootstrap.py:5 require-seed warn"]);
    expect(existsSync(join(root, "src/bootstrap.py"))).toBe(false);
    const clean = await runMain(["--stdin-filename", "src/bootstrap.py"], root, { stdin: SEEDED });
    expect(clean.code).toBe(0);
    expect((await runMain(["--stdin-filename", "a.py", "other.py"], root, { stdin: "" })).code).toBe(2);
  });

  it("follows NO_COLOR and FORCE_COLOR when no --color flag is given", async () => {
    const root = tempProject({ "bootstrap.py": UNSEEDED });
    const colored = (r: { stdout: string }) => r.stdout.includes("\u001b[");
    expect(colored(await runMain(["."], root, { isTTY: true }))).toBe(true);
    expect(colored(await runMain(["."], root, { isTTY: true, env: { NO_COLOR: "1" } }))).toBe(false);
    expect(colored(await runMain(["."], root, { env: { FORCE_COLOR: "1" } }))).toBe(true);
    expect(colored(await runMain(["."], root, { isTTY: true, env: { FORCE_COLOR: "0" } }))).toBe(false);
    expect(colored(await runMain(["--color", "."], root, { env: { NO_COLOR: "1" } }))).toBe(true);
  });

  it("rejects a --concurrency that is not a number, auto or off", async () => {
    const root = tempProject({ "bootstrap.py": UNSEEDED });
    const run = await runMain(["--concurrency", "lots", "."], root);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("'lots' is invalid");
    expect((await runMain(["--concurrency", "0", "."], root)).code).toBe(2);
    expect((await runMain(["--concurrency", "1", "."], root)).code).toBe(1);
  });

  it("keeps its cache in .exp-lint-cache, apart from ESLint's .eslintcache", async () => {
    const root = tempProject({ "bootstrap.py": UNSEEDED });
    await runMain(["--cache", "."], root);
    expect(existsSync(join(root, ".exp-lint-cache"))).toBe(true);
    expect(existsSync(join(root, ".eslintcache"))).toBe(false);
  });

  it("honours .git/info/exclude as git does", async () => {
    const root = tempProject({ "bootstrap.py": UNSEEDED, "scratch/try.py": UNSEEDED });
    execFileSync("git", ["init", "-q"], { cwd: root });
    mkdirSync(join(root, ".git/info"), { recursive: true });
    writeFileSync(join(root, ".git/info/exclude"), "# personal\nscratch/\n");
    const run = await runMain(["--format", "json", "."], root);
    expect(findings(run, root)).toEqual(["bootstrap.py:5 require-seed error"]);
  });

  it("reads .git/info/exclude through the file gate: a FIFO there is not waited on", async () => {
    const root = tempProject({ "bootstrap.py": UNSEEDED, "scratch/try.py": UNSEEDED });
    execFileSync("git", ["init", "-q"], { cwd: root });
    mkdirSync(join(root, ".git/info"), { recursive: true });
    // git init writes an exclude file of comments: it is replaced by a FIFO no one writes to.
    rmSync(join(root, ".git/info/exclude"), { force: true });
    execFileSync("mkfifo", [join(root, ".git/info/exclude")]);
    const run = await runMain(["--format", "json", "."], root);
    expect(findings(run, root)).toEqual(["bootstrap.py:5 require-seed error", "scratch/try.py:5 require-seed error"]);
  });

  it("--update-baseline drops entries whose findings are gone and says how many, keeping files it did not lint", async () => {
    const root = tempProject({ "a.py": UNSEEDED, "b.py": UNSEEDED });
    const first = await runMain(["--baseline", "baseline.json", "--update-baseline", "."], root);
    expect(first.stderr).toContain("wrote 2 findings to baseline.json");
    writeFileSync(join(root, "a.py"), SEEDED);
    const second = await runMain(["--baseline", "baseline.json", "--update-baseline", "a.py"], root);
    expect(second.stderr).toContain("wrote 0 findings to baseline.json, dropped 1 that no longer occurs");
    const kept = JSON.parse(readFileSync(join(root, "baseline.json"), "utf8")) as { findings: { file: string }[] };
    expect(kept.findings.map((f) => f.file)).toEqual(["b.py"]);
  });

  it("--watch lints again the file that changes", async () => {
    const root = tempProject({ "bootstrap.py": SEEDED });
    const stop = new AbortController();
    let stdout = "";
    let stderr = "";
    const until = async (done: () => boolean) => {
      // Polls without a budget that counts: a slow machine only waits longer (the test's own timeout is the cap).
      while (!done()) await new Promise((r) => setTimeout(r, 50));
    };
    const watching = main(["--watch", "."], {
      stdout: (t) => void (stdout += t),
      stderr: (t) => void (stderr += t),
      isTTY: false,
      cwd: root,
      env: {},
      signal: stop.signal,
    });
    await until(() => stderr.includes("watching for changes"));
    expect(stdout).toContain("No problems");
    writeFileSync(join(root, "bootstrap.py"), UNSEEDED);
    await until(() => stdout.includes("bootstrap.py:5:"));
    stop.abort();
    expect(await watching).toBe(0);
    expect(stderr).toContain("1 file changed, linting again");
  }, 60_000);
});
