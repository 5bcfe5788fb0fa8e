import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { CodeAction, Diagnostic, TextEdit } from "vscode-languageserver-protocol";
import { TextDocument } from "vscode-languageserver-textdocument";
import { main } from "../cli/main.js";
import { tempProject } from "./util/cli.js";
import { fileUri, LspClient } from "./util/lsp-client.js";

/**
 * A notebook through the LSP 3.17 notebook messages, as VS Code sends them:
 * the server's per-cell diagnostics are the CLI's findings on the same
 * notebook written to disk, before and after a cell edit and a new cell.
 */

interface NbCell {
  cell_type: string;
  source: string[] | string;
}

const FIXTURE = new URL("../fixtures/mixed/experiment_churn.ipynb", import.meta.url);
// Versions for the pin fix, as a project's lock file gives them.
const UV_LOCK = 'version = 1\n\n[[package]]\nname = "mlflow"\nversion = "2.9.2"\n\n[[package]]\nname = "scikit-learn"\nversion = "1.4.0"\n';

interface Finding {
  cell: number;
  line: number;
  column: number;
  rule: string | null;
}

const byPlace = (a: Finding, b: Finding) => a.cell - b.cell || a.line - b.line || a.column - b.column || String(a.rule).localeCompare(String(b.rule));

/** The CLI's findings on the notebook file, with their cells. */
async function cliFindings(dir: string, file: string): Promise<Finding[]> {
  const out: string[] = [];
  await main(["--concurrency", "off", "--format", "json", file], { stdout: (s) => void out.push(s), stderr: () => undefined, isTTY: false, cwd: dir });
  const [result] = JSON.parse(out.join("")) as { messages: { cell: number; cellLine: number; cellColumn: number; ruleId: string | null }[] }[];
  return result!.messages.map((m) => ({ cell: m.cell, line: m.cellLine, column: m.cellColumn, rule: m.ruleId })).sort(byPlace);
}

describe("notebook document sync", { timeout: 120_000 }, () => {
  let dir: string;
  let client: LspClient;
  let nbPath: string;
  let nbUri: string;
  /** The editor's view of the notebook: cell kind, URI and text document. */
  let cells: { kind: 1 | 2; uri: string; doc: TextDocument }[];
  let nbVersion = 1;
  let nextCellId = 0;

  const newCell = (kind: 1 | 2, text: string) => {
    const uri = `vscode-notebook-cell:${nbPath}#W${nextCellId++}sZmlsZQ%3D%3D`;
    return { kind, uri, doc: TextDocument.create(uri, kind === 2 ? "python" : "markdown", 1, text) };
  };
  const serverFindings = (): Finding[] =>
    cells
      .flatMap((c, i) =>
        (client.published.get(c.uri)?.diagnostics ?? []).map((d) => ({
          cell: i + 1,
          line: d.range.start.line + 1,
          column: d.range.start.character + 1,
          rule: (d.data as { rule?: string }).rule ?? null,
        })),
      )
      .sort(byPlace);
  /** Write the editor's notebook to disk, as Jupyter saves it, for the CLI. */
  const save = () => {
    const nb = JSON.parse(readFileSync(FIXTURE, "utf8")) as { cells: NbCell[] };
    nb.cells = cells.map((c) => ({
      cell_type: c.kind === 2 ? "code" : "markdown",
      metadata: {},
      source: c.doc.getText(),
      ...(c.kind === 2 ? { outputs: [], execution_count: null } : {}),
    }));
    writeFileSync(nbPath, JSON.stringify(nb, null, 1));
  };
  /** Wait until every cell has diagnostics published after the current notebook version (each publish names its cell's version). */
  const settled = async (expected: Finding[]) => {
    await client.until(() => JSON.stringify(serverFindings()) === JSON.stringify(expected));
    return serverFindings();
  };
  const editCell = async (index: number, edits: TextEdit[]) => {
    const cell = cells[index]!;
    const version = cell.doc.version + 1;
    const text = TextDocument.applyEdits(cell.doc, edits);
    cell.doc = TextDocument.create(cell.uri, cell.doc.languageId, version, text);
    // Sent as ranged content changes: every edit applies to the text left by the one before, so the last comes first.
    const sorted = [...edits].sort((a, b) => b.range.start.line - a.range.start.line || b.range.start.character - a.range.start.character);
    await client.connection.sendNotification("notebookDocument/didChange", {
      notebookDocument: { uri: nbUri, version: ++nbVersion },
      change: { cells: { textContent: [{ document: { uri: cell.uri, version }, changes: sorted.map((e) => ({ range: e.range, text: e.newText })) }] } },
    });
  };

  beforeAll(async () => {
    dir = tempProject({ "uv.lock": UV_LOCK });
    nbPath = join(dir, "experiment_churn.ipynb");
    nbUri = fileUri(nbPath);
    const nb = JSON.parse(readFileSync(FIXTURE, "utf8")) as { cells: NbCell[] };
    cells = nb.cells.map((c) => newCell(c.cell_type === "code" ? 2 : 1, [c.source].flat().join("")));
    save();
    client = new LspClient(dir);
    await client.initialize(dir, { notebookDocument: { synchronization: { dynamicRegistration: false } } });
    await client.connection.sendNotification("notebookDocument/didOpen", {
      notebookDocument: {
        uri: nbUri,
        notebookType: "jupyter-notebook",
        version: nbVersion,
        metadata: {},
        cells: cells.map((c) => ({ kind: c.kind, document: c.uri })),
      },
      cellTextDocuments: cells.map((c) => ({ uri: c.uri, languageId: c.doc.languageId, version: c.doc.version, text: c.doc.getText() })),
    });
  }, 120_000);
  afterAll(async () => {
    expect(await client.close()).toBe(0);
  }, 60_000);

  test("didOpen: each cell gets the CLI's findings for that cell, cross-cell imports and runs included", async () => {
    const expected = await cliFindings(dir, nbPath);
    expect(expected.map((f) => f.rule)).toContain("exp-lint/require-run-context");
    expect(await settled(expected)).toEqual(expected);
    // Markdown cells are published empty.
    expect(client.published.get(cells[0]!.uri)?.diagnostics).toEqual([]);
  });

  test("didChange with a cell edit and a new cell: the findings follow, as the CLI's do", async () => {
    // Cell 6 seeds its split: its require-seed finding goes.
    const split = cells[5]!.doc;
    const line = split
      .getText()
      .split("\n")
      .findIndex((l) => l.includes("test_size=0.2)"));
    const at = split.getText().split("\n")[line]!.indexOf("test_size=0.2)") + "test_size=0.2".length;
    await editCell(5, [{ range: { start: { line, character: at }, end: { line, character: at } }, newText: ", random_state=0" }]);
    // A new code cell after cell 8 draws from Python's unseeded generator.
    const added = newCell(2, "import random\n\nnoise = random.random()\n");
    cells.splice(8, 0, added);
    await client.connection.sendNotification("notebookDocument/didChange", {
      notebookDocument: { uri: nbUri, version: ++nbVersion },
      change: {
        cells: {
          structure: {
            array: { start: 8, deleteCount: 0, cells: [{ kind: 2, document: added.uri }] },
            didOpen: [{ uri: added.uri, languageId: "python", version: 1, text: added.doc.getText() }],
          },
        },
      },
    });
    save();
    const expected = await cliFindings(dir, nbPath);
    expect(expected.some((f) => f.cell === 6 && f.rule === "exp-lint/require-seed")).toBe(false);
    expect(expected.some((f) => f.cell === 9 && f.rule === "exp-lint/require-seed")).toBe(true);
    expect(await settled(expected)).toEqual(expected);
  });

  const actionsFor = async (index: number, d: Diagnostic) =>
    (await client.connection.sendRequest("textDocument/codeAction", {
      textDocument: { uri: cells[index]!.uri },
      range: d.range,
      context: { diagnostics: [d] },
    })) as CodeAction[];

  test("code actions apply: the pin fix, # noqa on the line, and the rule's docs", async () => {
    // Cell 2: `!pip install -q mlflow scikit-learn`, pinned from uv.lock.
    const pins = client.published.get(cells[1]!.uri)!.diagnostics;
    expect(pins.map((d) => d.code)).toEqual(["pin-requirements", "pin-requirements"]);
    const fix = (await actionsFor(1, pins[0]!)).find((a) => a.isPreferred)!;
    expect(fix.title).toContain("mlflow==2.9.2");
    await editCell(1, fix.edit!.changes![cells[1]!.uri]!);
    expect(cells[1]!.doc.getText()).toContain("!pip install -q mlflow==2.9.2 scikit-learn");

    // Cell 7: no-literal-log-param, silenced with # noqa on its line.
    const literal = client.published.get(cells[6]!.uri)!.diagnostics.find((d) => d.code === "no-literal-log-param")!;
    const actions = await actionsFor(6, literal);
    const noqa = actions.find((a) => a.title.includes("# noqa"))!;
    await editCell(6, noqa.edit!.changes![cells[6]!.uri]!);
    expect(cells[6]!.doc.getText()).toContain('mlflow.log_param("n_estimators", 100)  # noqa: no-literal-log-param');
    const docs = actions.find((a) => a.command?.command === "exp-lint.openDocs")!;
    expect(docs.command!.arguments).toEqual([literal.codeDescription!.href]);
    expect(literal.codeDescription!.href).toMatch(/docs\/rules\/no-literal-log-param\.md$/u);

    save();
    const expected = await cliFindings(dir, nbPath);
    expect(expected.filter((f) => f.rule === "exp-lint/pin-requirements").map((f) => f.cell)).toEqual([2]);
    expect(expected.some((f) => f.rule === "exp-lint/no-literal-log-param")).toBe(false);
    expect(await settled(expected)).toEqual(expected);
  });

  test("hover on a finding shows its rule's documentation", async () => {
    const seed = client.published.get(cells[8]!.uri)!.diagnostics.find((d) => d.code === "require-seed")!;
    const hover = (await client.connection.sendRequest("textDocument/hover", { textDocument: { uri: cells[8]!.uri }, position: seed.range.start })) as {
      contents: { value: string };
    };
    expect(hover.contents.value).toBe(readFileSync(new URL("../docs/rules/require-seed.md", import.meta.url), "utf8"));
  });

  test("closing the notebook clears every cell", async () => {
    await client.connection.sendNotification("notebookDocument/didClose", {
      notebookDocument: { uri: nbUri },
      cellTextDocuments: cells.map((c) => ({ uri: c.uri })),
    });
    await client.until(() => cells.every((c) => client.published.get(c.uri)?.diagnostics.length === 0));
  });
});

describe("notebook cells, pull model", { timeout: 120_000 }, () => {
  test("textDocument/diagnostic for each cell gives that cell's findings, the notebook linted once as a whole", async () => {
    const dir = tempProject({});
    const nbPath = join(dir, "experiment_churn.ipynb");
    writeFileSync(nbPath, readFileSync(FIXTURE, "utf8"));
    const nb = JSON.parse(readFileSync(FIXTURE, "utf8")) as { cells: NbCell[] };
    const cells = nb.cells.map((c, i) => ({
      kind: c.cell_type === "code" ? 2 : 1,
      uri: `vscode-notebook-cell:${nbPath}#W${i}sZmlsZQ%3D%3D`,
      text: [c.source].flat().join(""),
    }));
    const client = new LspClient(dir);
    await client.initialize(dir, {
      textDocument: { diagnostic: { dynamicRegistration: false } },
      notebookDocument: { synchronization: { dynamicRegistration: false } },
    });
    await client.connection.sendNotification("notebookDocument/didOpen", {
      notebookDocument: { uri: fileUri(nbPath), notebookType: "jupyter-notebook", version: 1, cells: cells.map((c) => ({ kind: c.kind, document: c.uri })) },
      cellTextDocuments: cells.map((c) => ({ uri: c.uri, languageId: c.kind === 2 ? "python" : "markdown", version: 1, text: c.text })),
    });
    const reports = (await Promise.all(cells.map((c) => client.connection.sendRequest("textDocument/diagnostic", { textDocument: { uri: c.uri } })))) as {
      kind: string;
      resultId: string;
      items: Diagnostic[];
    }[];
    const pulled = reports
      .flatMap((r, i) =>
        r.items.map((d) => ({
          cell: i + 1,
          line: d.range.start.line + 1,
          column: d.range.start.character + 1,
          rule: (d.data as { rule?: string }).rule ?? null,
        })),
      )
      .sort(byPlace);
    expect(pulled).toEqual(await cliFindings(dir, nbPath));
    // One lint for all the cells: every report carries the notebook's result id.
    expect(new Set(reports.map((r) => r.resultId)).size).toBe(1);
    expect(client.log).toEqual([]);
    expect(await client.close()).toBe(0);
  });
});
