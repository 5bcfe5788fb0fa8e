// The CLI never runs code from the repository it scans: an eslint.config.* there is not loaded, unless named with --eslint-config.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, tempProject } from "./util/cli.js";
import { findings, housingFiles, LITERAL, UNPINNED, UNSEEDED } from "./util/housing-project.js";

/** A config file that leaves a marker beside itself when run, then either throws or turns on ESLint's no-var. */
const hostile = (then: "throw" | "no-var") => `import { writeFileSync } from "node:fs";
writeFileSync(new URL("./RAN-" + import.meta.url.split("/").pop(), import.meta.url), "executed");
${then === "throw" ? 'throw new Error("boom from the scanned repository");' : 'export default [{ files: ["**/*.js"], rules: { "no-var": "error" } }];'}
`;

const HELPER = "// Plot helpers for the notebooks.\nvar palette = ['#1b9e77', '#d95f02'];\nexport default palette;\n";

describe("a scanned repository's ESLint config", () => {
  for (const concurrency of ["off", "2"]) {
    it(`is never loaded (--concurrency ${concurrency})`, async () => {
      const root = tempProject({
        ...housingFiles(),
        "package.json": '{ "type": "module" }\n',
        "eslint.config.js": hostile("throw"),
        "src/eslint.config.mjs": hostile("throw"),
        "src/plots.js": HELPER,
      });
      for (const cwd of [root, join(root, "src")]) {
        const r = await runCli(["--format", "json", "--concurrency", concurrency, root], cwd);
        expect(r.stderr).toBe("");
        expect(findings(r, root)).toEqual([UNSEEDED, UNPINNED, LITERAL]);
      }
      expect(existsSync(join(root, "RAN-eslint.config.js"))).toBe(false);
      expect(existsSync(join(root, "src/RAN-eslint.config.mjs"))).toBe(false);
    });
  }

  it("is loaded with --eslint-config, alongside exp-lint's rules and config file", async () => {
    const root = tempProject({
      ...housingFiles(),
      "package.json": '{ "type": "module" }\n',
      "eslint.config.js": hostile("no-var"),
      "src/plots.js": HELPER,
      "exp-lint.toml": 'ignore = ["pin-requirements"]\n',
    });
    for (const concurrency of ["off", "2"]) {
      const r = await runCli(["--format", "json", "--concurrency", concurrency, "--eslint-config", "eslint.config.js"], root);
      expect(findings(r, root)).toEqual(["prepare.py:6 require-seed error", "src/plots.js:2 no-var error", LITERAL]);
    }
    expect(existsSync(join(root, "RAN-eslint.config.js"))).toBe(true);
  });

  it("an --eslint-config file's rule settings beat the shipped config; the exp-lint config file beats it for the rules it names", async () => {
    const quiet = 'export default [{ files: ["**/*.py"], rules: { "exp-lint/require-seed": "off", "exp-lint/no-literal-log-param": "warn" } }];\n';
    const root = tempProject({ ...housingFiles(), "package.json": '{ "type": "module" }\n', "lint/quiet.config.js": quiet });
    const args = ["--format", "json", "--eslint-config", "lint/quiet.config.js"];
    expect(findings(await runCli(args, root), root)).toEqual([UNPINNED, "train.py:19 no-literal-log-param warn"]);
    const named = tempProject({
      ...housingFiles(),
      "package.json": '{ "type": "module" }\n',
      "lint/quiet.config.js": quiet,
      "exp-lint.toml": 'extend-select = ["require-seed"]\n',
    });
    expect(findings(await runCli(args, named), named)).toEqual([UNSEEDED, UNPINNED, "train.py:19 no-literal-log-param warn"]);
  });

  it("names what is wrong with a rule's options in a named config (ESLint validates them with its own Ajv)", async () => {
    const root = tempProject({
      ...housingFiles(),
      "package.json": '{ "type": "module" }\n',
      "tools/eslint.config.js": 'export default [{ rules: { "exp-lint/require-seed": ["error", { requireExplicitRandomState: "yes" }] } }];\n',
    });
    const r = await runCli(["--eslint-config", "tools/eslint.config.js"], root);
    expect(r.stderr).toBe(
      `exp-lint: --eslint-config ${join(root, "tools/eslint.config.js")}: Key "rules": Key "exp-lint/require-seed": Value "yes" should be boolean.\n`,
    );
    expect(r.code).toBe(2);
  });

  it("a named config that fails to load is a configuration error", async () => {
    const root = tempProject({ ...housingFiles(), "package.json": '{ "type": "module" }\n', "tools/eslint.config.js": hostile("throw") });
    const r = await runCli(["--eslint-config", "tools/eslint.config.js"], root);
    expect(r.stderr).toBe(`exp-lint: --eslint-config ${join(root, "tools/eslint.config.js")}: boom from the scanned repository\n`);
    expect(r.code).toBe(2);
  });
});
