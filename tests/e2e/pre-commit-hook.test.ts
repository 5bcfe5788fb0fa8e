import { execFile, execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempProject } from "../util/cli.js";
import { FIXTURES, withoutAnnotations } from "../util/fixtures.js";

// pre-commit installs the hook from this checkout and runs it as a user's commit would: a real process.
const repo = new URL("../../", import.meta.url).pathname;
const hasPreCommit = spawnSync("pre-commit", ["--version"], { encoding: "utf8" }).status === 0;
if (!hasPreCommit) console.warn("pre-commit is not installed (Debian: apt-get install pre-commit); skipping the pre-commit hook test");

const version = (JSON.parse(readFileSync(join(repo, "package.json"), "utf8")) as { version: string }).version;

const git = (cwd: string, ...args: string[]) =>
  execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.com", ...args], { cwd, encoding: "utf8" });

describe.skipIf(!hasPreCommit)("the pre-commit hook", () => {
  it("installs from a release tag as the README says, blocks a commit with a finding and lets a clean one through", async () => {
    const home = mkdtempSync(join(process.env.EXP_LINT_TEST_TMP ?? "/tmp", "pre-commit-home-"));
    // The tag users name as `rev`, made as a release is (scripts/release.mjs): built dist/, runtime dependencies only.
    const release = mkdtempSync(join(process.env.EXP_LINT_TEST_TMP ?? "/tmp", "release-"));
    execFileSync(process.execPath, [join(repo, "scripts/release.mjs"), release], { encoding: "utf8" });
    const readme = readFileSync(join(repo, "README.md"), "utf8");
    expect(readme).toContain(`rev: v${version}`);
    const dir = tempProject({
      "train.py": readFileSync(join(FIXTURES, "require-seed/train.py"), "utf8"),
      "clean.py": readFileSync(join(FIXTURES, "require-seed/train.ok.py"), "utf8"),
      "package.json": withoutAnnotations(readFileSync(join(FIXTURES, "pin-requirements/npm-package.json"), "utf8")),
    });
    git(dir, "init", "-q");
    git(dir, "add", ".");
    // Asynchronous: a long synchronous child would block the test worker's messages to vitest.
    const run = (file: string) =>
      new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
        execFile(
          "pre-commit",
          ["try-repo", release, "exp-lint", "--ref", `v${version}`, "--files", file],
          { cwd: dir, encoding: "utf8", timeout: 600_000, env: { ...process.env, PRE_COMMIT_HOME: home, PRE_COMMIT_COLOR: "never" } },
          (error, stdout, stderr) => resolve({ status: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
        );
      });
    const bad = await run("train.py");
    const manifest = await run("package.json");
    expect(manifest.status, manifest.stdout + manifest.stderr).toBe(1);
    expect(manifest.stdout).toContain("exp-lint/pin-requirements");
    expect(bad.status, bad.stdout + bad.stderr).toBe(1);
    expect(bad.stdout).toContain("exp-lint/require-seed");
    const good = await run("clean.py");
    expect(good.status, good.stdout + good.stderr).toBe(0);
    expect(good.stdout).toMatch(/exp-lint\.+Passed/u);
  }, 900_000);
});
