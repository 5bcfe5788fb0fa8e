import { startServer } from "./server.js";

/**
 * `exp-lint server`: the language server on stdin/stdout. Resolves when the
 * client closes the connection. Whatever one document does, the server stays
 * up: an error that escapes a handler is logged to the client, not fatal.
 */
export function runServer(args: string[]): Promise<number> {
  if (args.includes("--help") || args.includes("-h")) {
    process.stdout.write("Usage: exp-lint server [--stdio]\n\nThe exp-lint language server: LSP over stdin and stdout, for editors (see docs/editor.md).\n");
    return Promise.resolve(0);
  }
  // Editors start language servers with a transport flag; stdio is the one there is.
  const unknown = args.filter((a) => a !== "--stdio");
  if (unknown.length) {
    process.stderr.write(`exp-lint server: unknown argument ${unknown[0]} (the server talks LSP over stdin and stdout)\n`);
    return Promise.resolve(2);
  }
  const connection = startServer();
  const log = (error: unknown) => connection.console.error(`exp-lint: internal error: ${(error as Error)?.stack ?? String(error)}`);
  process.on("uncaughtException", log);
  process.on("unhandledRejection", log);
  return new Promise((resolve) => connection.onExit(() => resolve(0)));
}
