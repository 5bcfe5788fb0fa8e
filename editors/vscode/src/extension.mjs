// Starts `exp-lint server` and hands it Python files, notebooks, TS/JS and manifests; everything else is the server's.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { workspace } from "vscode";
import { LanguageClient, TransportKind } from "vscode-languageclient/node";

let client;

/** The configured command, else the workspace's own exp-lint, else the one on PATH. */
function serverCommand() {
  const configured = workspace.getConfiguration("exp-lint").get("command", []);
  if (configured.length) return { command: configured[0], args: configured.slice(1) };
  const folder = workspace.workspaceFolders?.[0]?.uri.fsPath;
  const local = folder && join(folder, "node_modules", ".bin", process.platform === "win32" ? "exp-lint.cmd" : "exp-lint");
  return { command: local && existsSync(local) ? local : "exp-lint", args: ["server"] };
}

export async function activate(context) {
  const { command, args } = serverCommand();
  client = new LanguageClient(
    "exp-lint",
    "exp-lint",
    { command, args, transport: TransportKind.stdio, options: { shell: process.platform === "win32" } },
    {
      documentSelector: [
        { language: "python" },
        { language: "pip-requirements" },
        { pattern: "**/{requirements*.txt,requirements/*.txt,constraints*.txt}" },
        { pattern: "**/pyproject.toml" },
        { pattern: "**/environment*.{yml,yaml}" },
        { pattern: "**/package.json" },
        { language: "typescript" },
        { language: "typescriptreact" },
        { language: "javascript" },
        { language: "javascriptreact" },
        // Notebook cells: the server lints a notebook's code cells as one program.
        { notebook: "jupyter-notebook", language: "python" },
      ],
    },
  );
  context.subscriptions.push(client);
  await client.start();
}

export function deactivate() {
  return client?.stop();
}
