import { join } from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";
import { lintEach } from "../cli/engine/lint-files.js";
import plugin from "../plugin/index.js";
import { tempProject } from "./util/cli.js";

describe("lintEach (the CLI's path without --cache)", () => {
  const dir = tempProject({ "b/train.py": "import random\n\nrandom.shuffle(rows)\n", "a/clean.py": "x = 1\n" });
  const eslint = new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: plugin.configs.recommended });

  it("gives the findings lintFiles gives, in the same order", async () => {
    const files = [join(dir, "b/train.py"), join(dir, "a/clean.py")];
    const strip = (rs: ESLint.LintResult[]) => rs.map((r) => [r.filePath, r.messages.map((m) => [m.ruleId, m.line, m.column, m.message])]);
    expect(strip(await lintEach(eslint, files))).toEqual(strip(await eslint.lintFiles(files)));
  });

  it("names a file that went away after it was planned, and lints the others", async () => {
    const gone = join(dir, "gone.py");
    const results = await lintEach(eslint, [gone, join(dir, "b/train.py")]);
    expect(results.map((r) => r.filePath)).toEqual([gone, join(dir, "b/train.py")]);
    expect(results[0]!.messages).toMatchObject([{ fatal: true, message: "cannot read file (ENOENT: a broken symbolic link, or the file went away)" }]);
    expect(results[1]!.messages.map((m) => m.ruleId)).toEqual(["exp-lint/require-seed"]);
  });
});
