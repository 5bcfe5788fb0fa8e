import { readFileSync } from "node:fs";
import { ESLint } from "eslint";
import { engineOptions } from "./dist/cli/config/eslint-config.js";
import { corpusFiles } from "./dist/bench/corpus.js";
const dir = "/work/main/bench/.corpus/n3000"; const files = corpusFiles(dir);
const eslint = new ESLint(await engineOptions({ cwd: dir, extraRequirements: [], concurrency: "off", config: "recommended", cache: false }));
const mode = process.argv[2]; const t0 = performance.now(); let n = 0;
if (mode === "files") { for (const r of await eslint.lintFiles(files)) n += r.messages.length; }
else { for (const f of files) for (const r of await eslint.lintText(readFileSync(f, "utf8"), { filePath: f })) n += r.messages.length; }
console.log(mode, (performance.now() - t0).toFixed(0), n);
