import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { runCli, tempProject } from "./util/cli.js";

const read = (rel: string) => readFileSync(new URL(`../${rel}`, import.meta.url), "utf8");
const blocks = (doc: string, lang: string) => [...doc.matchAll(new RegExp(`^\`\`\`${lang}\\n([\\s\\S]*?)^\`\`\`$`, "gmu"))].map((m) => m[1]!);

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  "continue-on-error"?: boolean;
}
interface Workflow {
  on: unknown;
  permissions?: Record<string, string>;
  jobs: Record<string, { "runs-on": string; steps: Step[] }>;
}

/** The exp-lint command lines in a text: the arguments after `exp-lint`, without a shell redirection. */
function commands(text: string): string[][] {
  return [...text.matchAll(/\bnpx (?:--yes )?exp-lint((?: +[^\s>&|;]+)*)/gu)].map((m) => m[1]!.trim().split(/ +/u).filter(Boolean));
}

// The options the CLI really has, read from its own --help.
const help = (await runCli(["--help"], process.cwd())).stdout;
const realOptions = new Set([...help.matchAll(/^ {2}(?:(-\w), )?(--[a-z-]+)/gmu)].flatMap((m) => [m[1], m[2]]).filter(Boolean));

const workflows = (doc: string) =>
  blocks(doc, "yaml")
    .map((y) => parse(y) as Workflow)
    .filter((w) => w && typeof w === "object" && "jobs" in w);

describe("CI docs", () => {
  const ci = read("docs/ci.md");
  const readme = read("README.md");

  it("reads the real options from --help", async () => {
    for (const o of ["--format", "-f", "--baseline", "--update-baseline", "--cache", "--max-warnings"]) expect(realOptions.has(o)).toBe(true);
  });

  it("has workflows that parse, with checkout, setup-node, exp-lint and (for SARIF) the upload", async () => {
    const docs = workflows(ci);
    expect(docs.length).toBe(2);
    for (const w of [...docs, ...workflows(readme)]) {
      const steps = Object.values(w.jobs).flatMap((j) => j.steps);
      expect(steps.map((s) => s.uses?.split("@")[0])).toEqual(expect.arrayContaining(["actions/checkout", "actions/setup-node"]));
      const lint = steps.find((s) => s.run?.includes("exp-lint"))!;
      expect(lint.run).toMatch(/^npx (?:--yes )?exp-lint /u);
      if (lint.run!.includes("--format sarif")) {
        const out = /> *(\S+)/u.exec(lint.run!)![1];
        const upload = steps.find((s) => s.uses?.startsWith("github/codeql-action/upload-sarif@"))!;
        expect(upload.with?.sarif_file).toBe(out);
        // The lint step fails on findings; the upload must still happen.
        expect(lint["continue-on-error"]).toBe(true);
        expect(w.permissions?.["security-events"]).toBe("write");
      }
    }
    expect(docs.some((w) => JSON.stringify(w).includes("--format github --baseline"))).toBe(true);
  });

  it("uses only real exp-lint options, and the documented commands run", async () => {
    const texts = [ci, readme];
    const all = texts.flatMap((t) => [...blocks(t, "yaml"), ...blocks(t, "sh")].flatMap(commands));
    expect(all.length).toBeGreaterThanOrEqual(4);
    for (const args of all) for (const a of args.filter((x) => x.startsWith("-"))) expect(realOptions, `${a} in: exp-lint ${args.join(" ")}`).toContain(a);

    // In a small repository with one legacy finding, in the order the doc gives them: the baseline is written first.
    const dir = tempProject({ "train.py": "import numpy as np\n\nweights = np.random.randn(10)\n" });
    for (const args of [...blocks(ci, "yaml"), ...blocks(ci, "sh")].sort((a, b) => ci.indexOf(a) - ci.indexOf(b)).flatMap(commands)) {
      const r = await runCli(args, dir);
      expect(r.code, `exp-lint ${args.join(" ")}: ${r.stderr}`).not.toBe(2);
      if (args.includes("--baseline") && !args.includes("--update-baseline")) expect(r.code).toBe(0);
    }
  });

  it("is linked from the README, with the editor doc", async () => {
    expect(readme).toContain("(docs/ci.md)");
    expect(readme).toContain("(docs/editor.md)");
  });
});

describe("editor docs", () => {
  const editor = read("docs/editor.md");

  it("has an ESLint config that finds problems in .py files and keeps file-less Python text (notebook cells) quiet", async () => {
    const config = blocks(editor, "js").find((b) => b.includes("expLint.configs.recommended"));
    const plugin = new URL("../dist/plugin/index.js", import.meta.url).pathname;
    const dir = tempProject({});
    writeFileSync(join(dir, "eslint.config.mjs"), config!.replace('from "exp-lint"', `from ${JSON.stringify(plugin)}`));
    const eslint = new ESLint({ cwd: dir, overrideConfigFile: join(dir, "eslint.config.mjs") });
    const code = "import numpy as np\n\nweights = np.random.randn(10)\n";
    const [py] = await eslint.lintText(code, { filePath: join(dir, "train.py") });
    expect(py!.messages.map((m) => m.ruleId)).toEqual(["exp-lint/require-seed"]);
    // What the VS Code extension sends for a Python notebook cell: the text, no file name.
    expect(await eslint.lintText(code, { warnIgnored: false })).toEqual([]);
    const bare = new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: (await import(plugin)).default.configs.recommended });
    expect((await bare.lintText(code))[0]!.messages[0]!.message).toMatch(/^Parsing error/u);
  });

  it("names only settings the ESLint extension has", async () => {
    const settings = [...editor.matchAll(/[`"](eslint\.[a-zA-Z.]+)[`"]/gu)].map((m) => m[1]).filter((s) => !/^eslint\.config\.m?js$/u.test(s!));
    // From the extension's package.json (microsoft/vscode-eslint 3.0.x).
    const known = new Set([
      "eslint.validate",
      "eslint.probe",
      "eslint.useFlatConfig",
      "eslint.workingDirectories",
      "eslint.onIgnoredFiles",
      "eslint.enable",
      "eslint.notebooks.rules.customizations",
    ]);
    expect(settings.length).toBeGreaterThan(2);
    for (const s of settings) expect(known, s!).toContain(s);
    expect(JSON.parse(blocks(editor, "json").find((b) => b.includes("eslint.validate"))!)).toEqual({
      "eslint.validate": ["python", "pip-requirements", "toml", "yaml"],
    });
  });
});

describe("editor docs: the language server", () => {
  const editor = read("docs/editor.md");
  const SERVER = ["npx", "--no-install", "exp-lint", "server"];

  it("every editor snippet starts the same command, `exp-lint server`, which the CLI has", async () => {
    const jupyter = JSON.parse(blocks(editor, "json").find((b) => b.includes("LanguageServerManager"))!) as {
      LanguageServerManager: {
        language_servers: Record<string, { version: number; argv: string[]; languages: string[]; mime_types: string[]; display_name: string }>;
      };
    };
    const spec = jupyter.LanguageServerManager.language_servers["exp-lint"]!;
    expect(spec).toMatchObject({ version: 2, argv: SERVER, languages: ["python"] });
    const { parse: parseToml } = await import("smol-toml");
    const helix = parseToml(blocks(editor, "toml")[0]!) as {
      "language-server": Record<string, { command: string; args: string[] }>;
      language: { name: string; "language-servers": string[] }[];
    };
    expect([helix["language-server"]["exp-lint"]!.command, ...helix["language-server"]["exp-lint"]!.args]).toEqual(SERVER);
    expect(helix.language[0]!["language-servers"]).toContain("exp-lint");
    const lua = blocks(editor, "lua");
    expect(lua).toHaveLength(2);
    for (const block of lua) expect(block).toContain('cmd = { "npx", "--no-install", "exp-lint", "server" }');
    // The sub-command is listed in the CLI's own help.
    expect(help).toMatch(/^ {2}exp-lint server\b/mu);
  });

  it("packs the VS Code extension with the commands it prints", () => {
    const [sh] = blocks(editor, "sh").filter((b) => b.includes("editors/vscode"));
    expect(sh!.trim().split("\n")).toEqual(["cd editors/vscode", "npm run package", "code --install-extension exp-lint-0.1.0.vsix"]);
    const manifest = JSON.parse(read("editors/vscode/package.json")) as { name: string; version: string; scripts: Record<string, string> };
    expect(`${manifest.name}-${manifest.version}.vsix`).toBe("exp-lint-0.1.0.vsix");
    expect(manifest.scripts.package).toContain("vsce package");
  });
});
