import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

const module = new URL("../dist/cli/engine/v8-flags.js", import.meta.url).href;

/** Run a snippet in a fresh Node process, where V8 reports flags it does not know on stderr. */
const node = (code: string, env: NodeJS.ProcessEnv = {}) =>
  spawnSync(process.execPath, ["--input-type=module", "-e", code], { encoding: "utf8", env: { ...process.env, ...env } });

describe("the CLI's V8 settings", () => {
  it("V8 reports an unknown flag on stderr, so the check below can fail", () => {
    const r = node(`import { setFlagsFromString } from "node:v8"; setFlagsFromString("--no-such-flag-for-exp-lint=1");`);
    expect(r.stderr).toMatch(/unrecognized flag/u);
  });

  it("are all flags this Node's V8 knows: setting them prints nothing", () => {
    const r = node(`import { boundHeapGrowth, tuneTiering } from "${module}"; tuneTiering(); boundHeapGrowth(); console.log("set");`);
    expect(r.stderr).toBe("");
    expect(r.stdout.trim()).toBe("set");
    expect(r.status).toBe(0);
  });
});
