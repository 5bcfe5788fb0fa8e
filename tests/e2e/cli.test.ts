import { spawn } from "node:child_process";
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BIN, runCli, spawnCli, tempProject } from "../util/cli.js";
import { FIXTURES } from "../util/fixtures.js";

/**
 * What only a real process shows: the shipped bin file, its own thread, exit
 * codes as the shell sees them, closed pipes. Everything else about the CLI is
 * tested in process (tests/cli.test.ts and the rest, through tests/util/cli.ts).
 */

const fixture = (rel: string) => readFileSync(join(FIXTURES, rel), "utf8");
const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string; bin: Record<string, string> };

describe("the exp-lint process", () => {
  it("is an executable bin, as npx runs it", () => {
    const bin = new URL(`../../${pkg.bin["exp-lint"]}`, import.meta.url);
    expect(statSync(bin).mode & 0o111).not.toBe(0);
    expect(readFileSync(bin, "utf8").startsWith("#!/usr/bin/env node\n")).toBe(true);
  });

  it("exits 0 on clean code, 1 on findings and 2 on a usage error, printing what main() prints", async () => {
    const dir = tempProject({ "clean/train.py": fixture("require-seed/train.ok.py"), "dirty/train.py": fixture("require-seed/train.py") });
    const clean = await spawnCli(["clean"], dir);
    expect(clean).toMatchObject({ code: 0, stderr: "" });
    expect(clean.stdout).toContain("No problems (1 file checked)");
    const dirty = await spawnCli(["-f", "json", "dirty"], dir);
    expect(dirty.code).toBe(1);
    expect(dirty.stdout).toBe((await runCli(["-f", "json", "dirty"], dir)).stdout);
    const usage = await spawnCli(["--format", "xml"], dir);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain("xml");
    expect(await spawnCli(["--version"], dir)).toMatchObject({ code: 0, stdout: `${pkg.version}\n` });
  });

  it("validates a rule's options as the unbundled CLI does (the bundle swaps ESLint's URI library: scripts/bundle.mjs)", async () => {
    const dir = tempProject({
      "train.py": fixture("require-seed/train.py"),
      "package.json": '{ "type": "module" }\n',
      "eslint.config.js": 'export default [{ rules: { "exp-lint/require-seed": ["error", { requireExplicitRandomState: true, bogus: 1 }] } }];\n',
    });
    const args = ["--eslint-config", "eslint.config.js", "train.py"];
    const bundled = await spawnCli(args, dir);
    expect(bundled.code).toBe(2);
    expect(bundled.stderr).toContain('Unexpected property "bogus". Expected properties: "requireExplicitRandomState".');
    expect(bundled.stderr).toBe((await runCli(args, dir)).stderr);
  });

  it("gives the same findings on two worker threads, started from the CLI's own thread", async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 40; i++) files[`p${i}/train.py`] = fixture("require-seed/train.py");
    const dir = tempProject(files);
    const two = await spawnCli(["-f", "json", "--concurrency", "2"], dir);
    expect(two.stderr).toBe("");
    expect(two.stdout).toBe((await runCli(["-f", "json", "--concurrency", "off"], dir)).stdout);
  });

  it("stops quietly when the reader closes the pipe early (exp-lint | head)", async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 40; i++) files[`p${i}/train.py`] = fixture("require-seed/train.py");
    const dir = tempProject(files);
    const child = spawn(process.execPath, [BIN, "-f", "json", "--concurrency", "off"], { cwd: dir });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    // Read one chunk, then close our end as `head` does.
    child.stdout.once("data", () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(stderr).not.toMatch(/EPIPE|Unhandled|Error:/u);
    expect(code).not.toBe(2);
  });
});

describe("a run of a few named files (cli/small-run.ts)", () => {
  const timing = (stderr: string) => JSON.parse(/timing (\{.*\})/u.exec(stderr)?.[1] ?? "{}") as { threadStart?: number };

  it("lints named Python files on the main thread: the same output and exit code as main()", async () => {
    const dir = tempProject({ "train.py": fixture("require-seed/train.py"), "clean.py": fixture("require-seed/train.ok.py"), "requirements.txt": "numpy\n" });
    for (const args of [["-f", "json", "train.py", "clean.py", "requirements.txt"], ["clean.py"], ["train.py"]]) {
      const real = await spawnCli(args, dir, { EXP_LINT_DEBUG: "timing" });
      const inProcess = await runCli(args, dir);
      expect(real.stdout).toBe(inProcess.stdout);
      expect(real.code).toBe(inProcess.code);
      expect(timing(real.stderr).threadStart).toBe(0);
    }
  });

  it("starts the CLI's thread for a TypeScript file", async () => {
    const dir = tempProject({ "plot.ts": 'import * as tf from "@tensorflow/tfjs";\nexport const y = tf.randomNormal([2]);\n' });
    const real = await spawnCli(["-f", "json", "plot.ts"], dir, { EXP_LINT_DEBUG: "timing" });
    expect(real.stdout).toBe((await runCli(["-f", "json", "plot.ts"], dir)).stdout);
    expect(real.code).toBe(1);
    expect(timing(real.stderr).threadStart).toBeGreaterThan(0);
  });
});
