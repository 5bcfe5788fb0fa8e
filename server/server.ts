import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  createConnection,
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticReportKind,
  LSPErrorCodes,
  NotebookDocuments,
  ProposedFeatures,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type Diagnostic,
  type DocumentDiagnosticReport,
  type InitializeParams,
  type InitializeResult,
  type MessageReader,
  type MessageWriter,
} from "vscode-languageserver/node";
import { TextDocument } from "vscode-languageserver-textdocument";
import { codeActions, OPEN_DOCS, type CommentStyle } from "./actions.js";
import { textDiagnostics } from "./diagnostics.js";
import { kindOf, PACKAGE_VERSION } from "./engine.js";
import { LOCK_FILES } from "../parsers/manifests/locks.js";
import { hoverAt } from "./hover.js";
import { DocumentLinter, lintPath } from "./lint.js";
import { cellDiagnostics, notebookJson, type OpenNotebook } from "./notebook.js";
import { Scheduler, Superseded, type Job } from "./scheduler.js";

/** Settings a client may pass as `initializationOptions`. */
export interface ServerOptions {
  /** Wait this long after a change for the next one before linting (default 40). */
  debounceMs?: number;
  /** "push" publishes diagnostics even to a client that can pull them. */
  diagnosticMode?: "push" | "pull";
}

const DEFAULT_DEBOUNCE_MS = 40;

// Lock files pin manifests beside them and give versions for fixes: the one list lives in parsers/manifests/locks.ts.
const LOCK_NAMES = LOCK_FILES.map((l) => l.name);

/** Files whose change can change other documents' findings: configuration and the version sources of pin fixes. */
const PROJECT_FILES = new RegExp(
  `(?:^|[\\\\/])(?:exp-lint\\.toml|pyproject\\.toml|${LOCK_NAMES.map((n) => n.replace(/[.]/gu, "\\.")).join("|")}|[^\\\\/]*requirements[^\\\\/]*\\.txt)$`,
  "u",
);

const WATCHED = `**/{exp-lint.toml,pyproject.toml,${LOCK_NAMES.join(",")}}`;

type Findings = Map<string, Diagnostic[]>;

/** Start exp-lint's language server on a connection (stdio when no streams are given). */
export function startServer(reader?: MessageReader, writer?: MessageWriter): Connection {
  const connection =
    reader && writer ? createConnection(ProposedFeatures.all, reader, writer) : createConnection(ProposedFeatures.all, process.stdin, process.stdout);
  const documents = new TextDocuments(TextDocument);
  const notebooks = new NotebookDocuments(TextDocument);
  let root = process.cwd();
  const linter = new DocumentLinter(() => root);
  const scheduler = new Scheduler<Findings>((key, error) => connection.console.error(`exp-lint: ${key}: ${(error as Error).stack ?? String(error)}`));
  /** The diagnostics last computed for each document or cell, for code actions and hover. */
  const shown = new Map<string, Diagnostic[]>();
  let debounceMs = DEFAULT_DEBOUNCE_MS;
  let push = true;
  let canWatch = false;
  /** Counts changes to configuration and lock files: results from before one are stale whatever the document's version. */
  let generation = 0;

  const pathOf = (uri: string, fallback: string): string =>
    uri.startsWith("file:") ? fileURLToPath(uri) : join(root, basename(uri.replace(/[?#].*$/u, "")) || fallback);

  const textJob = (doc: TextDocument): Job<Findings> => ({
    key: doc.uri,
    version: `${generation}:${doc.version}`,
    run: async () => new Map([[doc.uri, textDiagnostics(doc, await linter.lint(pathOf(doc.uri, "untitled"), doc.getText(), doc.languageId))]]),
  });

  const openNotebook = (uri: string): OpenNotebook | null => {
    const notebook = notebooks.getNotebookDocument(uri);
    return notebook ? { notebook, cells: notebook.cells.map((c) => notebooks.getCellTextDocument(c)) } : null;
  };
  const notebookJob = (open: OpenNotebook): Job<Findings> => ({
    key: open.notebook.uri,
    // The notebook's version moves with every cell edit and structure change.
    version: `${generation}:${open.notebook.version}`,
    run: async () => {
      const path = pathOf(open.notebook.uri, "untitled.ipynb");
      const json = notebookJson(open);
      return cellDiagnostics(open, json, await linter.lint(path.endsWith(".ipynb") ? path : `${path}.ipynb`, json));
    },
  });

  /** What was last pushed for each document or cell: a notebook edit republishes only the cells whose findings or text changed. */
  const pushed = new Map<string, { version: number | undefined; json: string }>();
  const publish = (findings: Findings) => {
    for (const [uri, diagnostics] of findings) {
      shown.set(uri, diagnostics);
      if (!push) continue;
      const version = (documents.get(uri) ?? notebooks.cellTextDocuments.get(uri))?.version;
      const json = JSON.stringify(diagnostics);
      const last = pushed.get(uri);
      if (last && last.version === version && last.json === json) continue;
      pushed.set(uri, { version, json });
      void connection.sendDiagnostics({ uri, ...(version !== undefined ? { version } : {}), diagnostics });
    }
  };
  const clear = (uris: string[]) => {
    for (const uri of uris) {
      pushed.delete(uri);
      shown.delete(uri);
      if (push) void connection.sendDiagnostics({ uri, diagnostics: [] });
    }
  };
  const lintText = (doc: TextDocument, delay: number) => {
    if (push) scheduler.schedule(textJob(doc), delay, publish);
  };
  const lintNotebook = (uri: string, delay: number) => {
    const open = openNotebook(uri);
    if (open && push) scheduler.schedule(notebookJob(open), delay, publish);
  };
  /** After a configuration or lock file changed: every open document again. */
  const relintAll = () => {
    generation++;
    linter.refresh();
    for (const doc of documents.all()) lintText(doc, 0);
    const open = new Set(notebooks.cellTextDocuments.all().map((cell) => notebooks.findNotebookDocumentForCell(cell.uri)?.uri));
    for (const uri of open) if (uri) lintNotebook(uri, 0);
    if (!push) void connection.languages.diagnostics.refresh();
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const options = (params.initializationOptions ?? {}) as ServerOptions;
    if (typeof options.debounceMs === "number" && options.debounceMs >= 0) debounceMs = options.debounceMs;
    const canPull = Boolean(params.capabilities.textDocument?.diagnostic);
    canWatch = Boolean(params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration);
    push = options.diagnosticMode === "push" || !canPull;
    const folder = params.workspaceFolders?.[0]?.uri ?? params.rootUri;
    if (folder?.startsWith("file:")) root = fileURLToPath(folder);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        notebookDocumentSync: {
          notebookSelector: [
            { notebook: { pattern: "**/*.ipynb" }, cells: [{ language: "python" }] },
            { notebook: "jupyter-notebook", cells: [{ language: "python" }] },
          ],
          save: true,
        },
        ...(push ? {} : { diagnosticProvider: { identifier: "exp-lint", interFileDependencies: true, workspaceDiagnostics: false } }),
        codeActionProvider: { codeActionKinds: ["quickfix"] },
        executeCommandProvider: { commands: [OPEN_DOCS] },
        hoverProvider: true,
      },
      serverInfo: { name: "exp-lint", version: PACKAGE_VERSION },
    };
  });

  // Text documents: the first sight of a document is linted at once, later edits after a pause.
  const seen = new Set<string>();
  documents.onDidChangeContent(({ document }) => {
    const first = !seen.has(document.uri);
    seen.add(document.uri);
    lintText(document, first ? 0 : debounceMs);
  });
  documents.onDidSave(({ document }) => {
    if (PROJECT_FILES.test(document.uri)) relintAll();
    else lintText(document, 0);
  });
  documents.onDidClose(({ document }) => {
    seen.delete(document.uri);
    scheduler.drop(document.uri);
    clear([document.uri]);
  });

  notebooks.onDidOpen((nb) => lintNotebook(nb.uri, 0));
  notebooks.onDidChange(({ notebookDocument, cells }) => {
    if (cells?.removed.length) clear(cells.removed.map((c) => c.document));
    lintNotebook(notebookDocument.uri, debounceMs);
  });
  notebooks.onDidSave((nb) => lintNotebook(nb.uri, 0));
  notebooks.onDidClose((nb) => {
    scheduler.drop(nb.uri);
    clear(nb.cells.map((c) => c.document));
  });

  // Configuration and lock files changed outside the editor (a `git pull`, `uv lock`): watched where the client can watch.
  connection.onInitialized(() => {
    if (canWatch) void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: WATCHED }] });
  });
  connection.onDidChangeWatchedFiles(relintAll);

  // Pull model: the client asks per document or cell; a notebook is linted once for all its cells.
  connection.languages.diagnostics.on(async (params, token): Promise<DocumentDiagnosticReport> => {
    const uri = params.textDocument.uri;
    const nb = notebooks.findNotebookDocumentForCell(uri);
    const open = nb ? openNotebook(nb.uri) : null;
    const doc = documents.get(uri);
    const job = open ? notebookJob(open) : doc ? textJob(doc) : null;
    if (!job) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    const resultId = `${job.version}`;
    try {
      const findings = await scheduler.get(job);
      if (token.isCancellationRequested) throw new Superseded();
      const items = findings.get(uri) ?? [];
      for (const [u, d] of findings) shown.set(u, d);
      return params.previousResultId === resultId
        ? { kind: DocumentDiagnosticReportKind.Unchanged, resultId }
        : { kind: DocumentDiagnosticReportKind.Full, resultId, items };
    } catch (error) {
      if (error instanceof Superseded) throw new ResponseError(LSPErrorCodes.ServerCancelled, "superseded by a newer version", { retriggerRequest: true });
      throw error;
    }
  });

  const styleOf = (uri: string): CommentStyle => {
    if (notebooks.findNotebookDocumentForCell(uri)) return "python";
    const doc = documents.get(uri);
    const target = doc ? lintPath(pathOf(uri, "untitled"), doc.languageId) : null;
    const kind = target ? kindOf(target.path) : null;
    if (kind === "typescript") return "slashes";
    if (kind === "requirements") return /package\.json$/u.test(target!.path) ? "none" : "manifest";
    return "python";
  };
  const docOf = (uri: string) => documents.get(uri) ?? notebooks.cellTextDocuments.get(uri);

  connection.onCodeAction(({ textDocument, range, context }) => {
    const doc = docOf(textDocument.uri);
    if (!doc || (context.only && !context.only.some((k) => k === "quickfix" || "quickfix".startsWith(`${k}.`)))) return [];
    return codeActions(textDocument.uri, doc, shown.get(textDocument.uri) ?? [], range, styleOf(textDocument.uri));
  });
  connection.onExecuteCommand(async ({ command, arguments: args }) => {
    const href = args?.[0];
    if (command === OPEN_DOCS && typeof href === "string" && /^https:\/\//u.test(href)) await connection.window.showDocument({ uri: href, external: true });
  });
  connection.onHover(({ textDocument, position }) => hoverAt(shown.get(textDocument.uri) ?? [], position));

  // A memory and load report, for the long-session test and for bug reports.
  connection.onRequest("exp-lint/serverStatus", () => {
    (globalThis as { gc?: () => void }).gc?.();
    const cpu = process.cpuUsage();
    return {
      heapUsed: process.memoryUsage().heapUsed,
      cpuMs: (cpu.user + cpu.system) / 1000,
      documents: documents.keys().length + notebooks.cellTextDocuments.keys().length,
      lints: scheduler.size,
      shown: shown.size,
      pushed: pushed.size,
    };
  });

  documents.listen(connection);
  notebooks.listen(connection);
  connection.listen();
  return connection;
}
