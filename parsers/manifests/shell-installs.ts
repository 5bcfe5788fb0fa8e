/**
 * Packages named by install commands in shell text: `pip install`,
 * `pip3 install`, `python -m pip install`, `uv pip install`, and `conda` /
 * `mamba` / `micromamba install`, wherever a command starts (after `&&`,
 * `||`, `;` or `|`). Shared by notebooks' `%pip install` lines and
 * Dockerfiles' `RUN` instructions. Words whose text the shell would change
 * (`$VAR`, `${VAR}`, `$(...)`, backticks) are not read as requirements.
 */

import { condaSpecEntry } from "./conda.js";
import { INSTALLER_PACKAGES, pep508Entry, type Entry, type Manifest } from "./entries.js";
import type { Range } from "./requirements.js";

export interface Word {
  text: string;
  /** File offset of `text[0]` when the word is written as-is (or inside one pair of quotes), else `null`. */
  at: number | null;
  range: Range;
}

/** Shell words of `s`, which starts at file offset `offset`; a `;` glued to a word's end is a word of its own. */
export function shellWords(s: string, offset: number): Word[] {
  const out: Word[] = [];
  for (const m of s.matchAll(/"[^"]*"|'[^']*'|[^\s"']+/gu)) {
    let raw = m[0];
    const start = offset + m.index;
    const quoted = raw.length >= 2 && (raw[0] === '"' || raw[0] === "'") && raw.at(-1) === raw[0];
    if (quoted) {
      out.push({ text: raw.slice(1, -1), at: start + 1, range: [start, start + raw.length] });
      continue;
    }
    const semi = raw.length > 1 && raw.endsWith(";");
    if (semi) raw = raw.slice(0, -1);
    out.push({ text: raw, at: start, range: [start, start + raw.length] });
    if (semi) out.push({ text: ";", at: start + raw.length, range: [start + raw.length, start + raw.length + 1] });
  }
  return out;
}

// Options whose value is the next word: it is not a requirement.
const PIP_VALUE_OPTIONS = new Set([
  "-r",
  "--requirement",
  "-c",
  "--constraint",
  "-e",
  "--editable",
  "-i",
  "--index-url",
  "--extra-index-url",
  "-f",
  "--find-links",
  "-t",
  "--target",
  "--prefix",
  "--root",
  "--upgrade-strategy",
  "--python-version",
  "--platform",
  "--only-binary",
  "--no-binary",
  "--trusted-host",
  "--cache-dir",
  "--src",
  "-C",
  "--config-settings",
  "--python",
  "-p",
]);
const CONDA_VALUE_OPTIONS = new Set(["-c", "--channel", "-n", "--name", "-p", "--prefix", "--file"]);
const SEPARATOR = /^(?:&&|\|\|?|;|&)$/u;
const REDIRECT = /^(?:\d?>.*|>.*|<.*)$/u;
// The installer itself, upgraded before the real installs: not a dependency of the project.
const NOT_PACKAGES = new Set(INSTALLER_PACKAGES);
const PIP = /^pip(?:\d+(?:\.\d+)?)?$/u;
const PYTHON = /^python(?:\d+(?:\.\d+)?)?$/u;
const CONDA = /^(?:conda|mamba|micromamba)$/u;
// Words that may come before the command: `sudo pip install`, `env X=1 pip install`.
const PREFIX = /^(?:sudo|env|exec|time|[A-Za-z_][A-Za-z0-9_]*=\S*)$/u;

/** Which installer the words at `k` run, and where its arguments start; `null` when they are not an install command. */
function installAt(w: Word[], k: number): { conda: boolean; args: number } | null {
  while (k < w.length && PREFIX.test(w[k]!.text)) k++;
  const t = (i: number): string => w[i]?.text ?? "";
  if (PIP.test(t(k)) && t(k + 1) === "install") return { conda: false, args: k + 2 };
  if (PYTHON.test(t(k)) && t(k + 1) === "-m" && t(k + 2) === "pip" && t(k + 3) === "install") return { conda: false, args: k + 4 };
  if (t(k) === "uv" && t(k + 1) === "pip" && t(k + 2) === "install") return { conda: false, args: k + 3 };
  if (CONDA.test(t(k)) && t(k + 1) === "install") return { conda: true, args: k + 2 };
  return null;
}

/** Requirement entries of every install command among `words`, in order. */
export function installEntries(words: Word[], manifest: Manifest): Entry[] {
  const out: Entry[] = [];
  let commandStart = true;
  for (let k = 0; k < words.length; k++) {
    if (SEPARATOR.test(words[k]!.text)) {
      commandStart = true;
      continue;
    }
    const install = commandStart ? installAt(words, k) : null;
    commandStart = false;
    if (!install) continue;
    const valueOptions = install.conda ? CONDA_VALUE_OPTIONS : PIP_VALUE_OPTIONS;
    for (k = install.args; k < words.length; k++) {
      const w = words[k]!;
      if (SEPARATOR.test(w.text)) {
        commandStart = true;
        break;
      }
      // A shell comment ends the command.
      if (w.text.startsWith("#")) break;
      if (REDIRECT.test(w.text)) continue;
      if (w.text.startsWith("-")) {
        if (valueOptions.has(w.text)) k++;
        continue;
      }
      if (/[$`{}]/u.test(w.text) || w.at === null) continue;
      const entry = install.conda ? condaSpecEntry(w.text, w.at, w.range, manifest) : pep508Entry(w.text, w.at, manifest);
      if (entry?.type === "Requirement" && !(entry.normalizedName !== null && NOT_PACKAGES.has(entry.normalizedName))) out.push(entry);
    }
  }
  return out;
}
