/**
 * IPython syntax kept out of the Python parse: line magics (`%pip install x`),
 * cell magics (`%%time`), shell escapes (`!ls`, `files = !ls`) and help
 * lines (`df.head?`). Each such line becomes a comment of the same text, so
 * lines and columns of everything else stay where they were.
 */

// Cell magics whose body is still Python.
const PYTHON_BODY_MAGICS = new Set(["time", "timeit", "capture", "prun", "debug", "autoreload", "memit"]);

const LINE_MAGIC = /^(\s*)([%!].*)$/u;
const SHELL_ASSIGN = /^(\s*[\w.,\s]+=\s*)(!.*|%.*)$/u;
const HELP = /^(\s*)(\?\??\S.*|[\w.[\]()]+\?\??\s*)$/u;

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
  return lines
    .map((line, i) => {
      if (i === 0 && line.startsWith("#%%")) return line;
      const assign = SHELL_ASSIGN.exec(line);
      if (assign) return `${assign[1]}...  #${assign[2]!.slice(1)}`;
      const magic = LINE_MAGIC.exec(line);
      if (magic) return `${magic[1]}#${magic[2]!.slice(1)}`;
      const help = HELP.exec(line);
      if (help && !line.trimStart().startsWith("#")) return `${help[1]}#${help[2]!.slice(1)}`;
      return line;
    })
    .join("\n");
}
