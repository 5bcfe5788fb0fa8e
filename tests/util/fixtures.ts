import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

export const FIXTURES = new URL("../../fixtures/", import.meta.url).pathname;

/** Every fixture file, as `<rule-id>/<name>` (or `mixed/<name>` for scripts that exercise several rules). */
export function fixtureFiles(): string[] {
  const out: string[] = [];
  for (const folder of readdirSync(FIXTURES)) {
    // Folders inside are whole projects with their own tests (mixed/typed-project: typed linting).
    for (const entry of readdirSync(join(FIXTURES, folder), { withFileTypes: true })) if (entry.isFile()) out.push(`${folder}/${entry.name}`);
  }
  return out.sort();
}

// A leading `# ` more is allowed: annotations inside a PEP 723 `# /// script` block.
const ANNOTATION = /^\s*(?:#\s*)?(?:#|\/\/)\s*(ruleid|ok)\s*:\s*([\w\-/,\s]+?)\s*$/u;

/**
 * Semgrep-style expectations: `# ruleid: <id>` above a line that must be
 * reported, `# ok: <id>` above a look-alike that must not. Returns the
 * expected `<rule>@<line>` keys and the `ok` ones.
 */
export function expectations(text: string): { expected: Set<string>; ok: Set<string> } {
  const lines = text.split(/\r\n|[\r\n]/u);
  const expected = new Set<string>();
  const ok = new Set<string>();
  let pending: { kind: string; ids: string[] }[] = [];
  lines.forEach((line, i) => {
    const m = ANNOTATION.exec(line);
    if (m) {
      pending.push({ kind: m[1]!, ids: m[2]!.split(/[\s,]+/u).filter(Boolean) });
      return;
    }
    for (const p of pending) for (const id of p.ids) (p.kind === "ruleid" ? expected : ok).add(`${id.replace(/^exp-lint\//u, "")}@${i + 1}`);
    pending = [];
  });
  return { expected, ok };
}

/** The text with annotation lines blanked, line numbers kept: a package.json fixture becomes the JSON npm reads. */
export function withoutAnnotations(text: string): string {
  return text
    .split(/(\r\n|[\r\n])/u)
    .map((part) => (ANNOTATION.test(part) ? "" : part))
    .join("");
}

export function readFixture(rel: string): string {
  return readFileSync(join(FIXTURES, rel), "utf8");
}
