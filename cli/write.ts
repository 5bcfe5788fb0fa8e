import { chmodSync, renameSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";

/** Replace a file's content atomically: a temp file in the same folder, its permissions copied, then a rename over the original. */
export function writeFileAtomic(path: string, text: string | Uint8Array): void {
  const mode = statSync(path).mode & 0o7777;
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.exp-lint.tmp`);
  try {
    writeFileSync(tmp, text, { mode });
    chmodSync(tmp, mode);
    renameSync(tmp, path);
  } catch (error) {
    try {
      unlinkSync(tmp);
    } catch {
      // Nothing was left behind.
    }
    throw error;
  }
}
