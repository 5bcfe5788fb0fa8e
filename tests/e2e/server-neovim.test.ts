import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "vitest";
import { main } from "../../cli/main.js";
import { BIN, tempProject } from "../util/cli.js";

/** Debian's Neovim, headless, with its built-in LSP client, shows exp-lint's findings for a Python file and a requirements file. */

const SCRIPT = new URL("../util/nvim-lsp.lua", import.meta.url).pathname;

interface NvimDiagnostic {
  lnum: number;
  col: number;
  source: string;
  code: string;
  message: string;
}

async function cliFindings(cwd: string, file: string): Promise<string[]> {
  const out: string[] = [];
  await main(["--concurrency", "off", "--format", "json", file], { stdout: (s) => void out.push(s), stderr: () => undefined, isTTY: false, cwd });
  const [result] = JSON.parse(out.join("")) as { messages: { line: number; column: number; ruleId: string; message: string }[] }[];
  return result!.messages.map((m) => `${m.line}:${m.column} ${m.ruleId.replace("exp-lint/", "")} ${m.message}`).sort();
}

test("headless Neovim gets the CLI's findings for train.py and requirements.txt", async () => {
  const dir = tempProject({
    "train.py": readFileSync(new URL("../../fixtures/require-seed/train.py", import.meta.url), "utf8"),
    "requirements.txt": "# Training environment\nnumpy>=1.26\npandas\nscikit-learn==1.4.2  # as in the model card\n",
  });
  const setup = `lua _G.lsp_test = { cmd = { ${JSON.stringify(process.execPath)}, ${JSON.stringify(BIN)}, "server" }, out = ${JSON.stringify(join(dir, "nvim.json"))}, files = { "train.py", "requirements.txt" } }`;
  await new Promise<void>((resolve, reject) =>
    execFile("nvim", ["--headless", "--clean", "-c", setup, "-c", `luafile ${SCRIPT}`], { cwd: dir, timeout: 240_000 }, (error, _stdout, stderr) =>
      error ? reject(new Error(`nvim: ${error.message}\n${stderr}`)) : resolve(),
    ),
  );
  const shown = JSON.parse(readFileSync(join(dir, "nvim.json"), "utf8")) as Record<string, NvimDiagnostic[]>;
  for (const file of ["train.py", "requirements.txt"]) {
    const expected = await cliFindings(dir, file);
    expect(expected.length).toBeGreaterThan(0);
    expect(shown[file]!.every((d) => d.source === "exp-lint")).toBe(true);
    expect(shown[file]!.map((d) => `${d.lnum + 1}:${d.col + 1} ${d.code} ${d.message}`).sort()).toEqual(expected);
  }
}, 300_000);
