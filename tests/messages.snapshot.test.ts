import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { rules } from "../rules/index.js";
import { runCli } from "./util/cli.js";
import { FIXTURES } from "./util/fixtures.js";

/**
 * Every rule's messages as a user reads them: the stylish report, code frames
 * included, for the rule's dirty fixtures (all rules on, --strict). A change
 * of wording or of a reported span shows up as a snapshot diff to review;
 * accept it with `npx vitest run -u tests/messages.snapshot.test.ts`.
 */
describe("rule messages, as printed", () => {
  it.each(Object.keys(rules))("%s", async (id) => {
    const dir = join(FIXTURES, id);
    const dirty = readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isFile() && !/\.ok\.[^.]+$/u.test(e.name))
      .map((e) => e.name)
      .sort();
    const r = await runCli(["--strict", "--no-color", "--concurrency", "off", ...dirty], dir);
    expect(r.stderr).toBe("");
    await expect(r.stdout).toMatchFileSnapshot(`./__snapshots__/messages/${id}.txt`);
  });
});
