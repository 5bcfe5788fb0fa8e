import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readFileSync } from "node:fs";
import { Linter, RuleTester } from "eslint";
import { describe, expect, it } from "vitest";
import { npmSpecifiers, readPackageJson } from "../parsers/manifests/package-json.js";
import { requirementsLanguage } from "../parsers/manifests/language.js";
import plugin from "../plugin/index.js";
import rule from "../rules/pin-requirements.js";
import { runCli, tempProject } from "./util/cli.js";
import { npm } from "./util/pin-data.js";

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const own = { languages: { requirements: requirementsLanguage }, rules: { "pin-requirements": rule } };
const tester = new RuleTester({ files: ["**/*.js", "**/*.json"], plugins: { "exp-lint": own }, language: "exp-lint/requirements" } as never);

const deps = (field: string, body: Record<string, string>) => JSON.stringify({ name: "churn-model", [field]: body }, null, 2) + "\n";
const pkg = (code: string) => ({ code, filename: "package.json" });
const SHA = "4f2a1c9e8b7d6a5f4e3d2c1b0a9f8e7d6c5b4a39";

tester.run("pin-requirements (package.json)", rule as never, {
  valid: [
    pkg(deps("dependencies", { "@tensorflow/tfjs-node": "4.22.0", mlflow: "=1.0.3", seedrandom: "v3.0.5", pre: "5.0.0-beta.2" })),
    // Local code and versions declared elsewhere: nothing to pin here.
    pkg(deps("dependencies", { shared: "workspace:*", utils: "file:../utils", linked: "link:../linked", portal: "portal:../p", fromCatalog: "catalog:" })),
    pkg(deps("devDependencies", { "data-tools": `github:acme/data-tools#${SHA}`, gitlab: `git+https://gitlab.com/acme/x.git#${SHA}` })),
    // Peer dependencies are ranges by design; scripts and engines are not dependencies.
    pkg(JSON.stringify({ peerDependencies: { "@tensorflow/tfjs": "^4.0.0" }, engines: { node: ">=20" }, scripts: { train: "tsx train.ts" } })),
    pkg(deps("dependencies", { aliased: "npm:@tensorflow/tfjs@4.22.0" })),
    { ...pkg(deps("dependencies", { weights: "https://models.example.com/w-1.0.tgz" })), options: [{ allowUrls: true }] },
    // Not a dependency map npm reads, or not a spec npm reads.
    pkg('{ "dependencies": ["lodash"] }'),
    pkg('{ "dependencies": { "lodash": 4 } }'),
    pkg("[]"),
  ],
  invalid: [
    {
      ...pkg('{\n  "dependencies": {\n    "@tensorflow/tfjs-node": "^4.17.0",\n    "mlflow": "latest",\n    "lodash": "4.17.21"\n  }\n}\n'),
      errors: [
        {
          messageId: "notPinned",
          data: npm.notPinned('"@tensorflow/tfjs-node": "^4.17.0"', '"@tensorflow/tfjs-node": "4.17.0"'),
          line: 3,
          column: 5,
          endLine: 3,
          endColumn: 39,
        },
        { messageId: "noVersion", data: npm.noVersion("mlflow", true), line: 4, column: 5, endLine: 4, endColumn: 23 },
      ],
    },
    {
      ...pkg(deps("devDependencies", { a: "~1.2.3", b: "*", c: "", d: "x", e: ">=2.1.0", f: "1.x", g: "1.2", h: "1 - 2", i: "^1.0.0 || ^2.0.0", j: "next" })),
      errors: [
        { messageId: "notPinned", data: npm.notPinned('"a": "~1.2.3"', '"a": "1.2.3"') },
        { messageId: "noVersion", data: npm.noVersion("b", true) },
        { messageId: "noVersion", data: npm.noVersion("c", true) },
        { messageId: "noVersion", data: npm.noVersion("d", true) },
        { messageId: "notPinned", data: npm.notPinned('"e": ">=2.1.0"', '"e": "2.1.0"', true) },
        // `1.x` and `1.2` name no version the user wrote: no suggestion.
        { messageId: "notPinnedNoHint", data: npm.noHint('"f": "1.x"', "f", true) },
        { messageId: "notPinnedNoHint", data: npm.noHint('"g": "1.2"', "g", true) },
        { messageId: "notPinnedNoHint", data: npm.noHint('"h": "1 - 2"', "h", true) },
        { messageId: "notPinnedNoHint", data: npm.noHint('"i": "^1.0.0 || ^2.0.0"', "i", true) },
        { messageId: "noVersion", data: npm.noVersion("j", true) },
      ],
    },
    {
      // Columns count UTF-16 code units after non-ASCII text; CRLF line endings.
      ...pkg('{\r\n  "description": "Modèle de churn — données 2024 ✓", "dependencies": { "seedrandom": "~3.0.5" }\r\n}\r\n'),
      errors: [{ messageId: "notPinned", line: 2, column: 72, endLine: 2, endColumn: 94 }],
    },
    {
      ...pkg(deps("optionalDependencies", { gpu: "npm:@tensorflow/tfjs-node-gpu@^4.17.0" })),
      errors: [
        { messageId: "notPinned", data: npm.notPinned('"gpu": "npm:@tensorflow/tfjs-node-gpu@^4.17.0"', '"gpu": "npm:@tensorflow/tfjs-node-gpu@4.17.0"') },
      ],
    },
    {
      ...pkg(
        deps("dependencies", {
          a: "github:acme/a#main",
          b: "acme/b",
          c: "git+https://github.com/acme/c.git#4f2a1c9",
          d: "git+ssh://git@github.com/acme/d.git#semver:^1.0.0",
          e: "https://x.example.com/e-1.0.tgz",
        }),
      ),
      errors: [
        { messageId: "vcsNoCommit", data: npm.vcs("a", '"#main"') },
        { messageId: "vcsNoCommit", data: npm.vcs("b", "the default branch") },
        { messageId: "vcsNoCommit", data: npm.vcs("c", 'the abbreviated commit "4f2a1c9"') },
        { messageId: "vcsNoCommit", data: npm.vcs("d", '"#semver:^1.0.0"') },
        { messageId: "urlNoHash", data: npm.url("e", "https://x.example.com/e-1.0.tgz") },
      ],
    },
  ],
});

describe("package.json front end", () => {
  it("keeps dependency entries in file order, and names an invalid file's error position", () => {
    const text = '{"devDependencies": {"b": "^1.0.0"}, "dependencies": {"a": "^2.0.0"}}';
    expect(readPackageJson(text).lines.map((l) => (l.type === "Requirement" ? l.name : l.type))).toEqual(["b", "a"]);
    expect(() => readPackageJson('{\n  "dependencies": {,}\n}')).toThrow(expect.objectContaining({ lineNumber: 2, column: 19 }));
  });

  it.each([
    ["^1.2.3", ">=1.2.3,<2.0.0-0"],
    ["~0.2.3", ">=0.2.3,<0.3.0-0"],
    ["*", ""],
    ["", ""],
    ["1.x", ">=1.0.0,<2.0.0-0"],
  ])("semver %j is %s", (range, specs) => {
    expect(
      npmSpecifiers(range, [0, 0])!
        .map((s) => `${s.operator}${s.version}`)
        .join(","),
    ).toBe(specs);
  });

  it("a union has no single pin", () => {
    expect(npmSpecifiers("^1 || ^2", [0, 0])).toBeNull();
  });

  it("an invalid package.json is one parse error naming JSON", () => {
    const linter = new Linter();
    const [m] = linter.verify(
      '{ "dependencies": { "a": } }',
      [{ files: ["**/*.json"], plugins: { "exp-lint": plugin }, language: "exp-lint/requirements", rules: { "exp-lint/pin-requirements": "error" } }] as never,
      "package.json",
    );
    expect(m).toMatchObject({ fatal: true, line: 1, column: 26 });
    expect(m!.message).toMatch(/invalid JSON/u);
  });
});

describe("package.json lock files and installed versions", () => {
  const linter = new Linter({ cwd: tmpdir() });
  const config = (lockfiles = "satisfy") => [
    {
      files: ["**/*.json"],
      plugins: { "exp-lint": plugin },
      language: "exp-lint/requirements",
      rules: { "exp-lint/pin-requirements": ["error", { lockfiles }] },
    },
  ];
  const manifest = deps("dependencies", { "@tensorflow/tfjs-node": "^4.17.0", seedrandom: "latest" });
  const repo = (): string => {
    const dir = mkdtempSync(join(tmpdir(), "exp-lint-npm-"));
    mkdirSync(join(dir, ".git"));
    return dir;
  };
  const lint = (file: string, lockfiles?: string) => linter.verify(manifest, config(lockfiles) as never, file).map((m) => m.messageId ?? m.message);

  it.each(["package-lock.json", "npm-shrinkwrap.json", "pnpm-lock.yaml", "yarn.lock", "bun.lock", "bun.lockb"])(
    "accepts ranges beside %s, and reports them with lockfiles: ignore",
    (lock) => {
      const dir = repo();
      expect(lint(join(dir, "package.json"))).toEqual(["notPinned", "noVersion"]);
      writeFileSync(join(dir, lock), "");
      expect(lint(join(dir, "package.json"))).toEqual([]);
      expect(lint(join(dir, "package.json"), "ignore")).toEqual(["notPinned", "noVersion"]);
    },
  );

  it("finds a workspace's lock file in a folder above, but not above the repository root", () => {
    const outer = mkdtempSync(join(tmpdir(), "exp-lint-npm-outer-"));
    writeFileSync(join(outer, "package-lock.json"), "{}");
    const root = join(outer, "repo");
    mkdirSync(join(root, ".git"), { recursive: true });
    mkdirSync(join(root, "packages", "trainer"), { recursive: true });
    const member = join(root, "packages", "trainer", "package.json");
    // The lock above the repository belongs to another project.
    expect(lint(member)).toEqual(["notPinned", "noVersion"]);
    writeFileSync(join(root, "pnpm-lock.yaml"), "lockfileVersion: '9.0'\n");
    expect(lint(member)).toEqual([]);
  });

  it("fixes to the version installed in node_modules when it is in range, and reports one outside it", () => {
    const dir = repo();
    const install = (name: string, version: string) => {
      mkdirSync(join(dir, "node_modules", name), { recursive: true });
      writeFileSync(join(dir, "node_modules", name, "package.json"), JSON.stringify({ name, version }));
    };
    install("@tensorflow/tfjs-node", "4.22.0");
    install("seedrandom", "3.0.5");
    const fixed = linter.verifyAndFix(manifest, config() as never, join(dir, "package.json"));
    expect(fixed.output).toBe(deps("dependencies", { "@tensorflow/tfjs-node": "4.22.0", seedrandom: "3.0.5" }));
    expect(fixed.messages).toEqual([]);
    install("@tensorflow/tfjs-node", "3.21.0");
    const [outside] = linter.verify(manifest, config() as never, join(dir, "package.json"));
    expect(outside).toMatchObject({ messageId: "pinOutsideRange" });
    expect(outside!.message).toContain("the version in node_modules/@tensorflow/tfjs-node/package.json, 3.21.0, is outside the range");
  });
});

describe("exp-lint --fix on a package.json", () => {
  it("pins to node_modules, keeps the file's layout, and a second run changes nothing", async () => {
    const before = '{\n\t"name": "churn-trainer",\n\t"dependencies": {\n\t\t"@tensorflow/tfjs-node": "^4.17.0",\n\t\t"seedrandom": "latest"\n\t}\n}\n';
    const dir = tempProject({
      ".git/HEAD": "ref: refs/heads/main\n",
      "package.json": before,
      "node_modules/@tensorflow/tfjs-node/package.json": '{ "name": "@tensorflow/tfjs-node", "version": "4.22.0" }',
      "node_modules/seedrandom/package.json": '{ "name": "seedrandom", "version": "3.0.5" }',
    });
    expect((await runCli(["."], dir)).code).toBe(1);
    const first = await runCli(["--fix", "."], dir);
    expect(first.code, first.stdout + first.stderr).toBe(0);
    const after = readFileSync(join(dir, "package.json"), "utf8");
    expect(after).toBe(before.replace("^4.17.0", "4.22.0").replace('"latest"', '"3.0.5"'));
    expect((await runCli(["--fix", "."], dir)).code).toBe(0);
    expect(readFileSync(join(dir, "package.json"), "utf8")).toBe(after);
  }, 300_000);
});
