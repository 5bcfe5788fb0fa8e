import { spawn, type ChildProcess } from "node:child_process";
import { pathToFileURL } from "node:url";
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from "vscode-jsonrpc/node";
import type { Diagnostic, PublishDiagnosticsParams } from "vscode-languageserver-protocol";
import { BIN } from "./cli.js";

export const fileUri = (path: string) => pathToFileURL(path).href;

/** `exp-lint server` in its own process, as an editor starts it, with a JSON-RPC client on its stdio. */
export class LspClient {
  readonly process: ChildProcess;
  readonly connection: MessageConnection;
  /** Newest published diagnostics per URI. */
  readonly published = new Map<string, PublishDiagnosticsParams>();
  /** Every publish, in order of arrival. */
  readonly log: PublishDiagnosticsParams[] = [];
  private waiters: { test: () => boolean; resolve: () => void }[] = [];
  stderr = "";
  /** Capabilities the server registered with the client. */
  readonly registrations: { method: string; registerOptions?: unknown }[] = [];

  constructor(cwd: string, nodeArgs: string[] = []) {
    this.process = spawn(process.execPath, [...nodeArgs, BIN, "server", "--stdio"], { cwd, stdio: ["pipe", "pipe", "pipe"] });
    this.process.stderr!.on("data", (d: Buffer) => (this.stderr += d.toString()));
    this.connection = createMessageConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
    this.connection.onNotification("textDocument/publishDiagnostics", (p: PublishDiagnosticsParams) => {
      this.published.set(p.uri, p);
      this.log.push(p);
      this.waiters = this.waiters.filter((w) => (w.test() ? (w.resolve(), false) : true));
    });
    // Requests a real client answers; the server asks for none of these in a run, but must not hang if it did.
    this.connection.onRequest("window/showDocument", () => ({ success: true }));
    this.connection.onRequest("workspace/diagnostic/refresh", () => null);
    this.connection.onRequest("client/registerCapability", (p: { registrations: { method: string; registerOptions?: unknown }[] }) => {
      this.registrations.push(...p.registrations);
      return null;
    });
    this.connection.listen();
  }

  async initialize(rootPath: string, capabilities: object = {}, initializationOptions: object = {}): Promise<{ capabilities: Record<string, unknown> }> {
    const result = await this.connection.sendRequest("initialize", {
      processId: process.pid,
      rootUri: fileUri(rootPath),
      workspaceFolders: [{ uri: fileUri(rootPath), name: "project" }],
      capabilities,
      initializationOptions,
    });
    await this.connection.sendNotification("initialized", {});
    return result as { capabilities: Record<string, unknown> };
  }

  /** Resolves once `test` holds after a publishDiagnostics (or at once if it already does). */
  until(test: () => boolean): Promise<void> {
    if (test()) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ test, resolve }));
  }

  /** The diagnostics published for `uri` at document version `version` (or any, when not given). */
  async diagnostics(uri: string, version?: number): Promise<Diagnostic[]> {
    await this.until(() => {
      const p = this.published.get(uri);
      return p !== undefined && (version === undefined || p.version === version);
    });
    return this.published.get(uri)!.diagnostics;
  }

  async close(): Promise<number | null> {
    const exited = new Promise<number | null>((resolve) => this.process.once("exit", (code) => resolve(code)));
    await this.connection.sendRequest("shutdown");
    await this.connection.sendNotification("exit");
    const code = await exited;
    this.connection.dispose();
    return code;
  }
}
