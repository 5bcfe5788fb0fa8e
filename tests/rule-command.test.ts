// `exp-lint rule <id>`: styled and wrapped on a terminal, plain Markdown in a pipe, JSON on request.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { tempProject } from "./util/cli.js";
import { runMain } from "./util/in-process.js";

const doc = readFileSync(new URL("../docs/rules/require-seed.md", import.meta.url), "utf8");
const visible = (s: string) => s.replace(/\u001b\[[0-9;]*m/gu, "");

describe("exp-lint rule <id>", () => {
  it("prints the page as written when stdout is a pipe", async () => {
    const run = await runMain(["rule", "require-seed"], tempProject({}));
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(doc);
  });

  it("wraps to the terminal's width and styles headings on a terminal", async () => {
    const run = await runMain(["rule", "exp-lint/require-seed"], tempProject({}), { isTTY: true, columns: 60 });
    expect(run.code).toBe(0);
    const lines = visible(run.stdout).split("\n");
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(60);
    expect(Math.max(...doc.split("\n").map((l) => l.length))).toBeGreaterThan(60);
    // Headings lose their "#" and gain styling; the words are all still there.
    expect(run.stdout).toMatch(/\u001b\[[0-9;]*m[^\n]*Why/u);
    expect(visible(run.stdout)).not.toMatch(/^## /mu);
    expect(visible(run.stdout).replace(/\s+/gu, " ")).toContain("Require every source of randomness to be seeded");
  });

  it("prints JSON with --format json", async () => {
    const run = await runMain(["rule", "require-seed", "--format", "json"], tempProject({}));
    expect(run.code).toBe(0);
    const data = JSON.parse(run.stdout) as { id: string; description: string; recommended: boolean; markdown: string; options: unknown[] };
    expect(data).toMatchObject({
      id: "exp-lint/require-seed",
      description: "Require every source of randomness to be seeded",
      recommended: true,
      markdown: doc,
    });
    expect(Array.isArray(data.options)).toBe(true);
  });

  it("exits 2 for an unknown rule or format", async () => {
    expect((await runMain(["rule", "require-sed"], tempProject({}))).code).toBe(2);
    expect((await runMain(["rule", "require-seed", "--format", "xml"], tempProject({}))).code).toBe(2);
  });
});
