import { describe, expect, it } from "vitest";
import { main } from "../cli/main.js";
import { Progress } from "../cli/reporting/progress.js";
import { tempProject } from "./util/cli.js";

const CLEAR = "\r\u001b[K";

function stream(isTTY: boolean) {
  const out: string[] = [];
  return { out, write: (s: string) => void out.push(s), isTTY };
}

describe("progress on stderr", () => {
  it("redraws at most every 100 ms, always shows the last file, and erases itself", () => {
    let now = 0;
    const s = stream(true);
    const p = new Progress(1000, s, () => now);
    for (let i = 0; i < 1000; i++) {
      p.tick();
      now += 1;
    }
    p.done();
    // One line at the start, one per 100 ticks (100 ms), one for the last file, then the erase.
    expect(s.out.slice(0, 3)).toEqual([`${CLEAR}linted 1/1000 files`, `${CLEAR}linted 101/1000 files`, `${CLEAR}linted 201/1000 files`]);
    expect(s.out.slice(-2)).toEqual([`${CLEAR}linted 1000/1000 files`, CLEAR]);
    expect(s.out.length).toBe(12);
  });

  it("is wanted only on a terminal, with the human format, for more than 300 files", () => {
    expect(Progress.wanted(3000, stream(true), "stylish")).toBe(true);
    expect(Progress.wanted(3000, stream(false), "stylish")).toBe(false);
    expect(Progress.wanted(300, stream(true), "stylish")).toBe(false);
    for (const format of ["json", "sarif", "github"]) expect(Progress.wanted(3000, stream(true), format)).toBe(false);
  });

  it("shows while the CLI lints a large folder on a terminal, and never otherwise", async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 301; i++) files[`exp_${Math.floor(i / 50)}/step_${i}.py`] = `import math\n\nscore_${i} = math.sqrt(${i})\nprint(score_${i})\n`;
    const dir = tempProject(files);
    const run = async (args: string[], stderrIsTTY: boolean) => {
      const err: string[] = [];
      const out: string[] = [];
      const code = await main(["--concurrency", "off", ...args], {
        stdout: (s) => void out.push(s),
        stderr: (s) => void err.push(s),
        isTTY: false,
        stderrIsTTY,
        cwd: dir,
      });
      return { code, stderr: err.join(""), stdout: out.join("") };
    };
    const tty = await run([], true);
    expect(tty.code).toBe(0);
    expect(tty.stderr.startsWith(`${CLEAR}linted 1/301 files`)).toBe(true);
    expect(tty.stderr).toContain(`${CLEAR}linted 301/301 files`);
    expect(tty.stderr.endsWith(CLEAR)).toBe(true);
    expect(tty.stdout).toContain("No problems (301 files checked)");

    expect((await run([], false)).stderr).toBe("");
    for (const format of ["json", "sarif", "github"]) expect((await run(["-f", format], true)).stderr).toBe("");
  });
});
