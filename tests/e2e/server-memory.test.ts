import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "vitest";
import { tempProject } from "../util/cli.js";
import { fileUri, LspClient } from "../util/lsp-client.js";

/**
 * A long session: one document edited 1,000 times. The server keeps only the
 * newest state of each document, so its heap after the last edit is about what
 * it was once warm.
 */

const SCRIPT = readFileSync(new URL("../../fixtures/require-seed/train.py", import.meta.url), "utf8");
const MB = 1024 * 1024;

test("1,000 edits of one document leave the heap where it was after the first 100", async () => {
  const dir = tempProject({ "train.py": SCRIPT });
  // --expose-gc: the status request collects garbage first, so heap figures are live objects only.
  const client = new LspClient(dir, ["--expose-gc"]);
  await client.initialize(dir, { textDocument: { diagnostic: { dynamicRegistration: false } } });
  const uri = fileUri(join(dir, "train.py"));
  await client.connection.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "python", version: 1, text: SCRIPT } });
  const heap = async () => ((await client.connection.sendRequest("exp-lint/serverStatus")) as { heapUsed: number }).heapUsed;
  let warm = 0;
  for (let version = 2; version <= 1001; version++) {
    // Each edit changes a literal the rules read, so every lint is a real one.
    const line = `LEARNING_RATE = ${version / 10_000}  # edit ${version}\n`;
    await client.connection.sendNotification("textDocument/didChange", {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: version === 2 ? 0 : 1, character: 0 } }, text: line }],
    });
    const report = (await client.connection.sendRequest("textDocument/diagnostic", { textDocument: { uri } })) as { items: unknown[] };
    expect(report.items.length).toBeGreaterThan(0);
    if (version === 101) warm = await heap();
  }
  const end = await heap();
  // Keeping each version's text and findings would add ~900 × (2.4 KB of text + ~3 KB of diagnostics), about 5 MB; a parse tree per version far more.
  console.log(`server heap: ${(warm / MB).toFixed(1)} MB after 100 edits, ${(end / MB).toFixed(1)} MB after 1,000`);
  expect(end - warm).toBeLessThan(4 * MB);
  const status = (await client.connection.sendRequest("exp-lint/serverStatus")) as { documents: number; lints: number; shown: number };
  expect(status).toMatchObject({ documents: 1, lints: 1, shown: 1 });
  expect(await client.close()).toBe(0);
}, 300_000);
