import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { CodeAction, Diagnostic, TextEdit } from "vscode-languageserver-protocol";
import { TextDocument } from "vscode-languageserver-textdocument";
import { main } from "../cli/main.js";
import { tempProject } from "./util/cli.js";
import { fileUri, LspClient } from "./util/lsp-client.js";

/** `exp-lint server` as a process, with scripts and manifests: the CLI's findings, the project's configuration, code actions, both diagnostic models. */

const fixture = (rel: string) => readFileSync(new URL(`../fixtures/${rel}`, import.meta.url), "utf8");
const LANGUAGE: Record<string, string> = { py: "python", txt: "pip-requirements", toml: "toml", yml: "yaml", json: "json", ts: "typescript", js: "javascript" };
const languageOf = (path: string) => LANGUAGE[path.split(".").pop()!]!;

interface Finding {
  line: number;
  column: number;
  rule: string | null;
}
const byPlace = (a: Finding, b: Finding) => a.line - b.line || a.column - b.column || String(a.rule).localeCompare(String(b.rule));
const fromDiagnostics = (ds: Diagnostic[]): Finding[] =>
  ds.map((d) => ({ line: d.range.start.line + 1, column: d.range.start.character + 1, rule: (d.data as { rule?: string }).rule ?? null })).sort(byPlace);

/** The CLI's findings on one file, run from `cwd` as a user in that folder would. */
async function cliFindings(cwd: string, file: string): Promise<Finding[]> {
  const out: string[] = [];
  await main(["--concurrency", "off", "--format", "json", file], { stdout: (s) => void out.push(s), stderr: () => undefined, isTTY: false, cwd });
  const [result] = JSON.parse(out.join("")) as { messages: { line: number; column: number; ruleId: string | null }[] }[];
  return result!.messages.map((m) => ({ line: m.line, column: m.column, rule: m.ruleId })).sort(byPlace);
}

const FILES = {
  "train.py": fixture("require-seed/train.py"),
  "loop.py": fixture("no-literal-log-param/train.py"),
  "requirements.txt": fixture("pin-requirements/requirements.txt").replace(/^-r .*$/mu, ""),
  // Apart from uv.lock, which makes a pyproject.toml locked.
  "app/pyproject.toml": fixture("pin-requirements/pyproject.toml"),
  "environment.yml": fixture("pin-requirements/environment.yml"),
  // The fixture's expectations are comments, which package.json cannot hold.
  "package.json": fixture("pin-requirements/npm-package.json").replace(/^\s*\/\/.*\n/gmu, ""),
  "split.ts": fixture("require-seed/train.ts"),
  "uv.lock": 'version = 1\n\n[[package]]\nname = "numpy"\nversion = "1.26.4"\n',
  // A nested project whose own configuration turns require-seed off.
  "sub/exp-lint.toml": 'ignore = ["require-seed"]\n',
  "sub/train.py": fixture("require-seed/train.py"),
  // A nested project whose configuration does not parse.
  "broken/exp-lint.toml": "ignore = [\n",
  "broken/train.py": fixture("require-seed/train.py"),
};

describe("exp-lint server, push model", { timeout: 120_000 }, () => {
  let dir: string;
  let client: LspClient;
  const docs = new Map<string, TextDocument>();

  const open = async (rel: string, text = readFileSync(join(dir, rel), "utf8")) => {
    const uri = fileUri(join(dir, rel));
    docs.set(rel, TextDocument.create(uri, languageOf(rel), 1, text));
    await client.connection.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: languageOf(rel), version: 1, text } });
    return client.diagnostics(uri, 1);
  };
  const edit = async (rel: string, edits: TextEdit[]) => {
    const doc = docs.get(rel)!;
    const next = TextDocument.create(doc.uri, doc.languageId, doc.version + 1, TextDocument.applyEdits(doc, edits));
    docs.set(rel, next);
    await client.connection.sendNotification("textDocument/didChange", {
      textDocument: { uri: doc.uri, version: next.version },
      contentChanges: [{ text: next.getText() }],
    });
    return client.diagnostics(doc.uri, next.version);
  };
  const actions = async (rel: string, d: Diagnostic) =>
    (await client.connection.sendRequest("textDocument/codeAction", {
      textDocument: { uri: docs.get(rel)!.uri },
      range: d.range,
      context: { diagnostics: [d] },
    })) as CodeAction[];

  beforeAll(async () => {
    dir = tempProject(FILES);
    client = new LspClient(dir);
    const init = await client.initialize(dir, { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } });
    expect(init.capabilities.diagnosticProvider).toBeUndefined();
  }, 120_000);
  afterAll(async () => {
    expect(await client.close()).toBe(0);
  }, 60_000);

  test.each(["train.py", "loop.py", "requirements.txt", "app/pyproject.toml", "environment.yml", "package.json", "split.ts"])(
    "%s: the CLI's findings",
    async (rel) => {
      const expected = await cliFindings(dir, rel);
      expect(expected.length).toBeGreaterThan(0);
      expect(fromDiagnostics(await open(rel))).toEqual(expected);
    },
  );

  test("a notebook sent as one Python document (jupyterlab-lsp's virtual document, named *.ipynb) is linted as Python", async () => {
    const code = "import numpy as np\n\nweights = np.random.randn(10)\n";
    const uri = fileUri(join(dir, ".virtual_documents", "experiment.ipynb"));
    await client.connection.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "python", version: 1, text: code } });
    expect((await client.diagnostics(uri, 1)).map((d) => [d.range.start.line, d.code])).toEqual([[2, "require-seed"]]);
  });

  test("the nearest configuration applies, as it does to the CLI run from that folder", async () => {
    const nested = fromDiagnostics(await open("sub/train.py"));
    expect(nested).toEqual(await cliFindings(join(dir, "sub"), "train.py"));
    expect(nested.some((f) => f.rule === "exp-lint/require-seed")).toBe(false);
    expect(
      fromDiagnostics(docs.has("train.py") ? client.published.get(docs.get("train.py")!.uri)!.diagnostics : []).some((f) => f.rule === "exp-lint/require-seed"),
    ).toBe(true);
  });

  test("a configuration changed on disk applies to open documents once the client reports the change", async () => {
    await client.until(() => client.registrations.some((r) => r.method === "workspace/didChangeWatchedFiles"));
    const uri = docs.get("sub/train.py")!.uri;
    expect(client.published.get(uri)!.diagnostics.some((d) => d.code === "require-seed")).toBe(false);
    writeFileSync(join(dir, "sub/exp-lint.toml"), 'ignore = ["no-literal-log-param"]\n');
    await client.connection.sendNotification("workspace/didChangeWatchedFiles", { changes: [{ uri: fileUri(join(dir, "sub/exp-lint.toml")), type: 2 }] });
    await client.until(() => client.published.get(uri)!.diagnostics.some((d) => d.code === "require-seed"));
    expect(fromDiagnostics(client.published.get(uri)!.diagnostics)).toEqual(await cliFindings(join(dir, "sub"), "train.py"));
  });

  test("a broken configuration or a file too deep to parse costs that document only", async () => {
    const broken = await open("broken/train.py");
    expect(broken).toHaveLength(1);
    expect(broken[0]!.message).toMatch(/exp-lint\.toml:\d+:\d+: invalid TOML/u);
    // Deeper than any stack holds: the parser gives up on this file, with one message.
    const deep = await open("deep.js", `export const x = ${"[".repeat(200_000)}${"]".repeat(200_000)};\n`);
    expect(deep).toHaveLength(1);
    expect(deep[0]!.severity).toBe(1);
    // The server goes on.
    expect(
      fromDiagnostics(await edit("train.py", [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: "# edited\n" }])),
    ).toEqual(fromDiagnostics(client.published.get(docs.get("train.py")!.uri)!.diagnostics));
  });

  test("suggestions are code actions; applying one removes its finding", async () => {
    const found = await open("nested.py", "import mlflow\n\nwith mlflow.start_run():\n    with mlflow.start_run(run_name='fold'):\n        pass\n");
    const nested = found.find((d) => d.code === "require-run-context")!;
    const offered = await actions("nested.py", nested);
    const suggestion = offered.find((a) => a.title === "Pass nested=True to mlflow.start_run().")!;
    expect(suggestion.isPreferred).toBeUndefined();
    const after = await edit("nested.py", suggestion.edit!.changes![docs.get("nested.py")!.uri]!);
    expect(docs.get("nested.py")!.getText()).toContain("    with mlflow.start_run(run_name='fold', nested=True):\n");
    expect(after.filter((d) => d.code === "require-run-context")).toEqual([]);
  });

  test("requirements: the pin fix writes the version from uv.lock; # noqa silences a line", async () => {
    const numpy = client.published.get(docs.get("requirements.txt")!.uri)!.diagnostics.find((d) => /^numpy/u.test(d.message as string))!;
    const fix = (await actions("requirements.txt", numpy)).find((a) => a.isPreferred)!;
    expect(fix.title).toBe("Fix: write numpy==1.26.4");
    const afterFix = await edit("requirements.txt", fix.edit!.changes![docs.get("requirements.txt")!.uri]!);
    expect(docs.get("requirements.txt")!.getText()).toMatch(/^numpy==1\.26\.4$/mu);
    expect(afterFix.some((d) => /^numpy/u.test(d.message as string))).toBe(false);

    const pandas = afterFix.find((d) => /^pandas/u.test(d.message as string))!;
    const noqa = (await actions("requirements.txt", pandas)).find((a) => a.title.includes("# noqa"))!;
    const afterNoqa = await edit("requirements.txt", noqa.edit!.changes![docs.get("requirements.txt")!.uri]!);
    expect(docs.get("requirements.txt")!.getText()).toMatch(/^pandas {2}# noqa: pin-requirements$/mu);
    expect(afterNoqa).toHaveLength(afterFix.length - 1);
  });

  test("TS/JS: the suppression is an ESLint directive on the line above", async () => {
    const before = client.published.get(docs.get("split.ts")!.uri)!.diagnostics;
    const first = before[0]!;
    const disable = (await actions("split.ts", first)).find((a) => a.title.includes("eslint-disable-next-line"))!;
    const after = await edit("split.ts", disable.edit!.changes![docs.get("split.ts")!.uri]!);
    expect(docs.get("split.ts")!.getText().split("\n")[first.range.start.line]).toBe(`  // eslint-disable-next-line exp-lint/${first.code}`);
    expect(after).toHaveLength(before.length - 1);
  });

  test("package.json has no comments: no suppression is offered, the docs are", async () => {
    const d = client.published.get(docs.get("package.json")!.uri)!.diagnostics[0]!;
    const titles = (await actions("package.json", d)).map((a) => a.title);
    expect(titles.some((t) => t.startsWith("Disable"))).toBe(false);
    expect(titles).toContain("Show documentation for exp-lint/pin-requirements");
  });

  test("changes in a burst: superseded versions are never published after newer ones, and the last one is", async () => {
    const rel = "loop.py";
    const start = client.log.length;
    let last: Promise<Diagnostic[]> = Promise.resolve([]);
    for (let i = 0; i < 20; i++) last = edit(rel, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: `# ${i}\n` }]);
    await last;
    const versions = client.log
      .slice(start)
      .filter((p) => p.uri === docs.get(rel)!.uri)
      .map((p) => p.version!);
    expect(versions.at(-1)).toBe(docs.get(rel)!.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(versions.length).toBeLessThan(20);
  });

  test("closing a document clears its diagnostics", async () => {
    await client.connection.sendNotification("textDocument/didClose", { textDocument: { uri: docs.get("loop.py")!.uri } });
    await client.until(() => client.published.get(docs.get("loop.py")!.uri)!.diagnostics.length === 0);
  });
});

describe("exp-lint server, pull model", { timeout: 120_000 }, () => {
  test("textDocument/diagnostic: the CLI's findings, then `unchanged` for the same version", async () => {
    const dir = tempProject({ "train.py": FILES["train.py"] });
    const client = new LspClient(dir);
    const init = await client.initialize(dir, { textDocument: { diagnostic: { dynamicRegistration: false } } });
    expect(init.capabilities.diagnosticProvider).toMatchObject({ interFileDependencies: true });
    const uri = fileUri(join(dir, "train.py"));
    await client.connection.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "python", version: 1, text: FILES["train.py"] } });
    const full = (await client.connection.sendRequest("textDocument/diagnostic", { textDocument: { uri } })) as {
      kind: string;
      resultId: string;
      items: Diagnostic[];
    };
    expect(full.kind).toBe("full");
    expect(fromDiagnostics(full.items)).toEqual(await cliFindings(dir, "train.py"));
    const again = (await client.connection.sendRequest("textDocument/diagnostic", { textDocument: { uri }, previousResultId: full.resultId })) as {
      kind: string;
    };
    expect(again.kind).toBe("unchanged");
    // Nothing is pushed to a client that pulls.
    expect(client.log).toEqual([]);
    expect(await client.close()).toBe(0);
  });
});
