import { mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, renameSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ESLint } from "eslint";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { applyFixes } from "../cli/fixing/apply-fixes.js";
import { writeAtomic } from "../io/write.js";

/**
 * Issue 13, item 8: a `--fix` racing a folder swapped for a link wrote outside
 * the tree in 1 of 30 runs. Here the swap is made at a fixed step of the write,
 * through a wrapped `node:fs` that io/write.ts imports: right before the temp
 * file is opened (after every check on the folder), or right before the rename.
 */

const step = vi.hoisted(() => ({ at: null as "open" | "rename" | null, swap: null as (() => void) | null }));

vi.mock("node:fs", async (importOriginal) => {
  const fs = await importOriginal<typeof import("node:fs")>();
  const TEMP = /\.exp-lint-\d+-\d+\.tmp$/u;
  const fire = (which: "open" | "rename", path: unknown): void => {
    if (step.at !== which || !step.swap || typeof path !== "string" || !TEMP.test(path)) return;
    const swap = step.swap;
    step.swap = null;
    swap();
  };
  const openSync = ((path: string, ...rest: never[]) => {
    fire("open", path);
    return (fs.openSync as (...a: unknown[]) => number)(path, ...rest);
  }) as typeof fs.openSync;
  const renameSync = ((from: string, to: string) => {
    fire("rename", from);
    fs.renameSync(from, to);
  }) as typeof fs.renameSync;
  return { ...fs, default: { ...fs, openSync, renameSync }, openSync, renameSync };
});

interface Tree {
  /** The linted tree, with `sub/requirements.txt`. */
  root: string;
  /** A folder outside it, holding a file of the same name. */
  outside: string;
  /** Where the real `sub` goes when the link takes its place. */
  moved: string;
}

function makeTree(): Tree {
  const base = realpathSync(mkdtempSync(join(process.env.EXP_LINT_TEST_TMP ?? tmpdir(), "race-")));
  const root = join(base, "tree");
  const outside = join(base, "outside");
  mkdirSync(join(root, "sub"), { recursive: true });
  mkdirSync(outside);
  writeFileSync(join(root, "sub/requirements.txt"), "numpy\n");
  writeFileSync(join(outside, "requirements.txt"), "theirs\n");
  return { root, outside, moved: join(root, "sub.moved") };
}

/** The attacker's move: the checked folder goes away and a link to the outside folder takes its name. */
const swapIn = (t: Tree) => (): void => {
  renameSync(join(t.root, "sub"), t.moved);
  symlinkSync(t.outside, join(t.root, "sub"));
};

function expectOutsideUntouched(t: Tree): void {
  expect(readdirSync(t.outside)).toEqual(["requirements.txt"]);
  expect(readFileSync(join(t.outside, "requirements.txt"), "utf8")).toBe("theirs\n");
}

/** What `--fix` hands to applyFixes after linting: the file it found, with its fixed text. */
const fixed = (path: string): ESLint.LintResult => ({ filePath: path, output: "numpy==1.26.4\n", messages: [], errorCount: 0 }) as unknown as ESLint.LintResult;

beforeEach(() => {
  step.at = null;
  step.swap = null;
});

describe("a folder swapped for a link while --fix writes", () => {
  it("after the checks, before the temp file opens: the fix is refused and nothing outside the tree changes", () => {
    const t = makeTree();
    const result = fixed(join(t.root, "sub/requirements.txt"));
    step.at = "open";
    step.swap = swapIn(t);
    expect(applyFixes([result], [t.root])).toEqual([]);
    expect(step.swap, "the swap ran").toBeNull();
    expect(result.messages.map((m) => m.message)).toEqual(["Fixes not written: its folder changed while it was written."]);
    expectOutsideUntouched(t);
    expect(readdirSync(t.moved)).toEqual(["requirements.txt"]);
    expect(readFileSync(join(t.moved, "requirements.txt"), "utf8")).toBe("numpy\n");
  });

  it("when creating a file (a baseline), the only check that sees the swap is the folder's: nothing is created outside", () => {
    const t = makeTree();
    step.at = "open";
    step.swap = swapIn(t);
    expect(() => writeAtomic(join(t.root, "sub/baseline.json"), "{}\n", { create: true, roots: [t.root] })).toThrow(/folder changed/u);
    expect(step.swap, "the swap ran").toBeNull();
    expectOutsideUntouched(t);
    expect(readdirSync(t.moved)).toEqual(["requirements.txt"]);
  });

  it("after the temp file is written, before the rename: nothing outside the tree changes", () => {
    const t = makeTree();
    const result = fixed(join(t.root, "sub/requirements.txt"));
    step.at = "rename";
    step.swap = swapIn(t);
    expect(applyFixes([result], [t.root])).toEqual([]);
    expect(step.swap, "the swap ran").toBeNull();
    // The temp file's name now leads through the link, to nothing: the rename fails.
    expect(result.messages.map((m) => m.message)).toEqual(["Fixes not written: cannot write it (ENOENT)."]);
    expectOutsideUntouched(t);
    expect(readFileSync(join(t.moved, "requirements.txt"), "utf8")).toBe("numpy\n");
  });

  it("writes the fix when nothing is swapped (the wrapped fs is transparent)", () => {
    const t = makeTree();
    const result = fixed(join(t.root, "sub/requirements.txt"));
    expect(applyFixes([result], [t.root]).map((c) => c.after)).toEqual(["numpy==1.26.4\n"]);
    expect(readdirSync(join(t.root, "sub"))).toEqual(["requirements.txt"]);
    expect(readFileSync(join(t.root, "sub/requirements.txt"), "utf8")).toBe("numpy==1.26.4\n");
    expectOutsideUntouched(t);
  });
});
