import { execFile } from "node:child_process";
import { builtinModules } from "node:module";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "vitest";
import { tempProject } from "../util/cli.js";

/** editors/vscode packs into a .vsix with @vscode/vsce, as docs/editor.md says, and the bundle needs nothing but VS Code and Node. */

const EXTENSION = new URL("../../editors/vscode/", import.meta.url).pathname;

const run = (cmd: string, args: string[], cwd: string) =>
  new Promise<string>((resolve, reject) =>
    execFile(cmd, args, { cwd, timeout: 240_000, encoding: "utf8" }, (error, stdout, stderr) =>
      error ? reject(new Error(`${cmd} ${args.join(" ")}: ${error.message}\n${stdout}\n${stderr}`)) : resolve(stdout),
    ),
  );

test("npm run package builds a .vsix holding the manifest and the bundled extension", async () => {
  const out = join(tempProject({}), "exp-lint.vsix");
  await run("npm", ["run", "package", "--", "--out", out], EXTENSION);
  const listing = await run("unzip", ["-Z1", out], EXTENSION);
  expect(listing.split("\n")).toEqual(
    expect.arrayContaining(["extension.vsixmanifest", "extension/package.json", "extension/dist/extension.js", "extension/readme.md"]),
  );
  expect(listing).not.toMatch(/extension\/src\//u);
  const manifest = JSON.parse(await run("unzip", ["-p", out, "extension/package.json"], EXTENSION)) as { main: string; activationEvents: string[] };
  expect(manifest.main).toBe("./dist/extension.js");
  expect(manifest.activationEvents).toContain("onNotebook:jupyter-notebook");
  // vscode-languageclient is inside the bundle: the only module left to load is VS Code's own API.
  const bundle = readFileSync(join(EXTENSION, "dist/extension.js"), "utf8");
  const required = new Set([...bundle.matchAll(/require\("([^"]+)"\)/gu)].map((m) => m[1]!.replace(/^node:/u, "")));
  expect([...required].filter((m) => m !== "vscode" && !builtinModules.includes(m))).toEqual([]);
}, 300_000);
