import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** One scratch folder for the whole run, removed at the end, whatever the test workers did. */
export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), "exp-lint-tests-"));
  process.env.EXP_LINT_TEST_TMP = root;
  return () => rmSync(root, { recursive: true, force: true });
}
