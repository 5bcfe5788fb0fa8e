/**
 * IPython syntax kept out of the Python parse: line magics (`%pip install x`),
 * cell magics (`%%time`), shell escapes (`!ls`, `files = !ls`) and help
 * lines (`df.head?`). Each such line becomes a comment of the same text, so
 * lines and columns of everything else stay where they were.
 */

// Cell magics whose body is still Python.
// `%%wandb` shows the run beside the cell's output (wandb/jupyter.py): the body is Python.
const PYTHON_BODY_MAGICS = new Set(["time", "timeit", "capture", "prun", "debug", "autoreload", "memit", "wandb"]);

// Lines are matched by scans, not patterns: an assignment's target and its spaces share characters, and a
// backtracking pattern over them costs the square of the line's length (a 300k-character line took minutes).
const isSpace = (c: string | undefined) => c !== undefined && /\s/u.test(c);
const isTargetChar = (c: string | undefined) => c !== undefined && /[\w.,\s]/u.test(c);
const isHelpChar = (c: string | undefined) => c !== undefined && /[\w.[\]()]/u.test(c);
const oneLine = (s: string) => !/[\n\r\u2028\u2029]/u.test(s);

function indent(line: string): number {
  let i = 0;
  while (isSpace(line[i])) i++;
  return i;
}

/** `%magic` or `!shell` at the start of the line: [indent, the rest]. */
function lineMagic(line: string): [string, string] | null {
  const i = indent(line);
  return (line[i] === "%" || line[i] === "!") && oneLine(line.slice(i)) ? [line.slice(0, i), line.slice(i)] : null;
}

/** `files = !ls` or `x = %timeit f()`: [the target with its `=`, the magic]. */
function shellAssign(line: string): [string, string] | null {
  let i = 0;
  while (isTargetChar(line[i])) i++;
  if (line[i] !== "=" || i === 0) return null;
  i++;
  while (isSpace(line[i])) i++;
  return (line[i] === "!" || line[i] === "%") && oneLine(line.slice(i)) ? [line.slice(0, i), line.slice(i)] : null;
}

/** `?obj`, `??obj` or `obj?`, `obj.attr??`: [indent, the rest]. */
function help(line: string): [string, string] | null {
  const i = indent(line);
  const rest = line.slice(i);
  if (rest[0] === "?") {
    const body = rest[1] === "?" && rest.length > 2 && !isSpace(rest[2]) ? 2 : 1;
    return rest.length > body && !isSpace(rest[body]) && oneLine(rest.slice(body)) ? [line.slice(0, i), rest] : null;
  }
  let k = 0;
  while (isHelpChar(rest[k])) k++;
  if (k === 0 || rest[k] !== "?") return null;
  k++;
  if (rest[k] === "?") k++;
  while (isSpace(rest[k])) k++;
  return k === rest.length ? [line.slice(0, i), rest] : null;
}

/** Python text for one cell, line for line. */
export function maskMagics(source: string): string {
  const lines = source.split("\n");
  const first = lines[0]?.trimStart() ?? "";
  if (first.startsWith("%%")) {
    const name = first.slice(2).split(/\s/u, 1)[0] ?? "";
    // A cell magic other than the timing ones makes the whole cell another language (%%bash, %%writefile).
    if (!PYTHON_BODY_MAGICS.has(name)) return lines.map((l) => (l.trim() ? `#${l}` : l)).join("\n");
    lines[0] = `#${lines[0]}`;
  }
  const state: ScanState = { depth: 0, quote: null, backslash: false };
  // A magic or shell escape ending in a backslash goes on to the next line (`!python train.py \`).
  let magicGoesOn = false;
  const masked = (line: string, out: string) => {
    magicGoesOn = line.trimEnd().endsWith("\\");
    return out;
  };
  return lines
    .map((line, i) => {
      if (i === 0 && line.startsWith("#%%")) return line;
      if (magicGoesOn) return masked(line, line.replace(/^(\s*)\S/u, "$1#"));
      // IPython reads magics only at the start of a logical line: `% x` inside brackets is Python's modulo.
      if (state.depth === 0 && state.quote === null && !state.backslash) {
        const assign = shellAssign(line);
        if (assign) return masked(line, `${assign[0]}...  #${assign[1].slice(1)}`);
        const magic = lineMagic(line);
        if (magic) return masked(line, `${magic[0]}#${magic[1].slice(1)}`);
        const asked = help(line);
        if (asked && !line.trimStart().startsWith("#")) return `${asked[0]}#${asked[1].slice(1)}`;
      }
      scanLine(line, state);
      return line;
    })
    .join("\n");
}

interface ScanState {
  /** Open brackets. */
  depth: number;
  /** The open string's delimiter, if a line ended inside a triple-quoted one. */
  quote: string | null;
  /** The line ended with a backslash continuation. */
  backslash: boolean;
}

/** Carry bracket depth, open triple-quoted strings and backslash continuations over one line. */
function scanLine(line: string, state: ScanState): void {
  state.backslash = false;
  let i = 0;
  while (i < line.length) {
    const c = line[i]!;
    if (state.quote) {
      if (c === "\\") i += 2;
      else if (line.startsWith(state.quote, i)) {
        i += state.quote.length;
        state.quote = null;
      } else i++;
      continue;
    }
    if (c === "#") return;
    if (c === "'" || c === '"') {
      const triple = line.startsWith(c.repeat(3), i);
      state.quote = triple ? c.repeat(3) : c;
      i += triple ? 3 : 1;
      continue;
    }
    if (c === "(" || c === "[" || c === "{") state.depth++;
    else if ((c === ")" || c === "]" || c === "}") && state.depth > 0) state.depth--;
    else if (c === "\\" && i === line.length - 1) state.backslash = true;
    i++;
  }
  // A one-quote string cannot span lines: an unterminated one ends here.
  if (state.quote && state.quote.length === 1) state.quote = null;
}
