import { resolve } from "node:path";
import { parseRequirements } from "./requirements.js";

const INCLUDE_OPTIONS = new Set(["requirement", "constraint"]);

/** Absolute paths of the files a requirements file pulls in with `-r`/`-c` (URLs are not followed: no network). */
export function includedFiles(text: string, dir: string): string[] {
  const out: string[] = [];
  for (const line of parseRequirements(text).lines) {
    if (line.type !== "OptionLine") continue;
    for (const opt of line.options) {
      if (!INCLUDE_OPTIONS.has(opt.name) || !opt.value || /^[a-z][a-z0-9+.-]*:\/\//iu.test(opt.value)) continue;
      out.push(resolve(dir, opt.value));
    }
  }
  return out;
}
