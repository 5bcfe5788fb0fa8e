import { describe, expect, it } from "vitest";
import { buildTree, requirementsLanguage } from "../parsers/manifests/language.js";
import { normalizeName, parseRequirements, type LineRecord, type Range, type RequirementRecord } from "../parsers/manifests/requirements.js";

const slice = (text: string, range: Range | null) => (range ? text.slice(range[0], range[1]) : null);

function only(text: string): RequirementRecord {
  const { lines } = parseRequirements(text);
  expect(lines).toHaveLength(1);
  const [line] = lines;
  if (line!.type !== "Requirement") throw new Error(`expected a requirement, got ${JSON.stringify(line)}`);
  return line!;
}

function kinds(lines: LineRecord[]): string[] {
  return lines.map((l) => (l.type === "Requirement" ? `${l.form}:${l.name}` : l.type));
}

describe("parseRequirements: PEP 508 requirements", () => {
  it("reads name, extras, specifiers and markers with exact ranges", () => {
    const text = 'torch[cuda, extra] >= 2.1 , <3 ; python_version < "3.12"  # gpu box\n';
    const r = only(text);
    expect(r).toMatchObject({
      form: "name",
      name: "torch",
      normalizedName: "torch",
      extras: ["cuda", "extra"],
      marker: 'python_version < "3.12"',
      editable: false,
    });
    expect(r.specifiers.map((s) => [s.operator, s.version, slice(text, s.range)])).toEqual([
      [">=", "2.1", ">= 2.1"],
      ["<", "3", "<3"],
    ]);
    expect(slice(text, r.nameRange)).toBe("torch");
    expect(slice(text, r.specifierRange)).toBe(">= 2.1 , <3");
    expect(slice(text, r.markerRange)).toBe('python_version < "3.12"');
    expect(slice(text, r.requirementRange)).toBe('torch[cuda, extra] >= 2.1 , <3 ; python_version < "3.12"');
    expect(slice(text, r.range)).toBe(slice(text, r.requirementRange));
  });

  it("normalises names as PEP 503 does", () => {
    expect(normalizeName("Scikit_Learn")).toBe("scikit-learn");
    expect(normalizeName("zope.interface")).toBe("zope-interface");
    expect(normalizeName("a-_.b")).toBe("a-b");
    expect(only("Scikit_Learn==1.4.2").normalizedName).toBe("scikit-learn");
  });

  it("reads bare names, parenthesised specifiers, wildcards, === and env vars", () => {
    expect(only("pandas").specifiers).toEqual([]);
    expect(only("numpy (>=1.0, <2)").specifiers.map((s) => s.operator + s.version)).toEqual([">=1.0", "<2"]);
    expect(only("mlflow==2.*").specifiers[0]!.version).toBe("2.*");
    expect(only("weird===1.0-custom").specifiers[0]).toMatchObject({ operator: "===", version: "1.0-custom" });
    expect(only("numpy==${NUMPY_VERSION}").specifiers[0]!.version).toBe("${NUMPY_VERSION}");
    expect(only("torch==2.1.0+cu121").specifiers[0]!.version).toBe("2.1.0+cu121");
    expect(only("numpy==1.26.4;python_version>='3.9'").marker).toBe("python_version>='3.9'");
  });

  it("takes --hash options after a requirement, across continuation lines", () => {
    const text = "scikit-learn==1.4.2 \\\n    --hash=sha256:aaa \\\n    --hash sha256:bbb\nnumpy==1.26.4\n";
    const { lines } = parseRequirements(text);
    expect(kinds(lines)).toEqual(["name:scikit-learn", "name:numpy"]);
    const r = lines[0] as RequirementRecord;
    expect(r.hashes).toEqual(["sha256:aaa", "sha256:bbb"]);
    expect(r.options.map((o) => [o.flag, o.value, slice(text, o.valueRange)])).toEqual([
      ["--hash", "sha256:aaa", "sha256:aaa"],
      ["--hash", "sha256:bbb", "sha256:bbb"],
    ]);
    expect(slice(text, r.requirementRange)).toBe("scikit-learn==1.4.2");
    expect(slice(text, r.range)).toBe("scikit-learn==1.4.2 \\\n    --hash=sha256:aaa \\\n    --hash sha256:bbb");
  });

  it("maps positions through continuations inside a requirement", () => {
    const text = "numpy \\\n  >=1.26 \\\n  ; sys_platform == 'linux'\n";
    const r = only(text);
    expect(slice(text, r.specifierRange)).toBe(">=1.26");
    expect(slice(text, r.markerRange)).toBe("sys_platform == 'linux'");
    expect(slice(text, r.requirementRange)).toBe("numpy \\\n  >=1.26 \\\n  ; sys_platform == 'linux'");
  });
});

describe("parseRequirements: URLs, VCS and paths", () => {
  it("reads named URL requirements with hashes in the fragment", () => {
    const text = "foo[x] @ https://example.com/foo-1.0.tar.gz#sha256=abcd ; python_version > '3'";
    const r = only(text);
    expect(r).toMatchObject({ form: "url", name: "foo", extras: ["x"], hashes: ["sha256:abcd"], fileVersion: "1.0", marker: "python_version > '3'" });
    expect(slice(text, r.urlRange)).toBe("https://example.com/foo-1.0.tar.gz#sha256=abcd");
  });

  it("reads VCS refs past the user@host part", () => {
    const r = only("bar @ git+ssh://git@github.com/org/bar.git@v1.2.0");
    expect(r).toMatchObject({ form: "vcs", vcs: "git", name: "bar", ref: "v1.2.0" });
    expect(only("bar @ git+https://github.com/org/bar").ref).toBeNull();
  });

  it("reads bare VCS lines with #egg= names", () => {
    const sha = "0123456789abcdef0123456789abcdef01234567";
    const r = only(`git+https://github.com/org/repo@${sha}#egg=My_Pkg[extra]`);
    expect(r).toMatchObject({ form: "vcs", name: "My_Pkg", normalizedName: "my-pkg", extras: ["extra"], ref: sha });
    expect(only("hg+https://hg.example.com/repo#egg=thing")).toMatchObject({ vcs: "hg", name: "thing", ref: null });
  });

  it("reads editables, local paths and wheel files", () => {
    const text =
      "-e .\n-e ./pkg[dev]\n--editable=git+https://github.com/org/lib@main#egg=lib\n./vendor/pkg\nwheels/thing-1.2.3-py3-none-any.whl\nfile:///opt/wheels/x-2.0.tar.gz\n";
    const { lines } = parseRequirements(text);
    expect(kinds(lines)).toEqual(["path:null", "path:null", "vcs:lib", "path:null", "path:thing", "path:x"]);
    const [dot, pkg, lib] = lines as RequirementRecord[];
    expect(dot).toMatchObject({ editable: true, url: "." });
    expect(slice(text, dot!.requirementRange)).toBe(".");
    expect(pkg).toMatchObject({ editable: true, url: "./pkg", extras: ["dev"] });
    expect(lib).toMatchObject({ editable: true, ref: "main" });
    expect((lines[4] as RequirementRecord).fileVersion).toBe("1.2.3");
  });
});

describe("parseRequirements: options, comments, invalid lines", () => {
  it("reads option lines in short, long and = forms", () => {
    const text =
      "-r base.txt\n--requirement=dev.txt\n-c constraints.txt\n-i https://pypi.org/simple\n--extra-index-url https://x.example/simple\n--find-links ./wheels\n--no-binary :all:\n--pre\n--require-hashes\n";
    const { lines } = parseRequirements(text);
    expect(lines.every((l) => l.type === "OptionLine")).toBe(true);
    const options = lines.flatMap((l) => (l.type === "OptionLine" ? l.options : []));
    expect(options.map((o) => [o.name, o.value])).toEqual([
      ["requirement", "base.txt"],
      ["requirement", "dev.txt"],
      ["constraint", "constraints.txt"],
      ["index-url", "https://pypi.org/simple"],
      ["extra-index-url", "https://x.example/simple"],
      ["find-links", "./wheels"],
      ["no-binary", ":all:"],
      ["pre", null],
      ["require-hashes", null],
    ]);
    expect(slice(text, options[0]!.valueRange)).toBe("base.txt");
    expect(slice(text, options[1]!.valueRange)).toBe("dev.txt");
  });

  it("keeps comments apart, with `#` only at line start or after whitespace", () => {
    const text = "# header\nfoo @ https://x.example/foo.whl#sha256=ab  # why\n\n   # indented\n";
    const { lines, comments } = parseRequirements(text);
    expect(comments.map((c) => [c.value, slice(text, c.range)])).toEqual([
      [" header", "# header"],
      [" why", "# why"],
      [" indented", "# indented"],
    ]);
    expect((lines[0] as RequirementRecord).url).toBe("https://x.example/foo.whl#sha256=ab");
  });

  it("ends a continuation at a comment, and anchors the comment to its logical line", () => {
    const text = "numpy==1.26.4 \\\n    --hash=sha256:aa  # noqa \\\npandas==2.2.2\n";
    const { lines, comments } = parseRequirements(text);
    expect(kinds(lines)).toEqual(["name:numpy", "name:pandas"]);
    expect(comments[0]!.lineStart).toBe(0);
  });

  it("turns unreadable lines into InvalidLine records with a reason", () => {
    const text = "numpy=1.2\n--no-such-option\nñame==1\nnumpy>=\nfoo[bar\n-r\nnumpy==1.0 junk\n";
    const { lines } = parseRequirements(text);
    expect(lines.map((l) => (l.type === "InvalidLine" ? l.reason : l.type))).toEqual([
      '"=" is not a version operator; use "==" to pin',
      'unknown option "--no-such-option"',
      'expected a package name, path or URL at "ñame==1"',
      'invalid version "" after ">="',
      'unclosed "[" in extras',
      "-r needs a value",
      'unexpected "junk" after "numpy==1.0"',
    ]);
    expect(slice(text, lines[2]!.range)).toBe("ñame==1");
  });
});

describe("parseRequirements: text encodings and hostile input", () => {
  it("handles CRLF and lone CR line ends", () => {
    const text = "numpy==1.26.4\r\npandas>=2 \\\r\n  ; os_name == 'nt'\rtorch\r\n";
    const { lines } = parseRequirements(text);
    expect(kinds(lines)).toEqual(["name:numpy", "name:pandas", "name:torch"]);
    expect(slice(text, (lines[1] as RequirementRecord).markerRange)).toBe("os_name == 'nt'");
  });

  it("skips a leading BOM and counts UTF-16 offsets past non-ASCII text", () => {
    const text = "\uFEFF# résumé 🚀 deps\nnumpy==1.26.4  # ✓\n";
    const { lines, comments } = parseRequirements(text);
    expect(slice(text, lines[0]!.range)).toBe("numpy==1.26.4");
    expect(comments.map((c) => slice(text, c.range))).toEqual(["# résumé 🚀 deps", "# ✓"]);
    const tree = buildTree(text.slice(1));
    expect(tree.body[0]!.loc).toEqual({ start: { line: 2, column: 0 }, end: { line: 2, column: 13 } });
    expect(tree.comments[0]!.loc.end).toEqual({ line: 1, column: 16 });
  });

  it("never throws on garbage, huge lines or odd continuations", () => {
    const inputs = [
      "",
      "\\",
      "\\\n\\\n",
      "#",
      "-",
      "--",
      "-e",
      "@",
      "[",
      "x @",
      "x[",
      "x (",
      "x==1 ;",
      "git+",
      "\u0001\u0002\uFFFD\uD800",
      "a".repeat(200_000) + "==1",
      "x" + "==1,".repeat(50_000),
      "-r " + "y".repeat(100_000),
      "\\\n".repeat(20_000) + "numpy",
      Array.from({ length: 2000 }, (_, i) => String.fromCharCode((i * 7919) % 0xffff)).join(""),
    ];
    for (const text of inputs) expect(() => parseRequirements(text)).not.toThrow();
    const many = parseRequirements("\\\n".repeat(20_000) + "numpy");
    expect(kinds(many.lines)).toEqual(["name:numpy"]);
  });
});

describe("requirementsLanguage", () => {
  const file = (body: string) => ({ path: "requirements.txt", physicalPath: "requirements.txt", bom: false, body });

  it("refuses binary files with one error at the NUL byte", () => {
    expect(requirementsLanguage.parse(file("numpy\n\u0000\u0001"))).toEqual({
      ok: false,
      errors: [{ message: "binary file, not a requirements file", line: 2, column: 1 }],
    });
  });

  it("builds a stable tree with loc on every node", () => {
    const result = requirementsLanguage.parse(file("-r base.txt\nnumpy>=1\n"));
    if (!result.ok) throw new Error("parse failed");
    const code = requirementsLanguage.createSourceCode(file("-r base.txt\nnumpy>=1\n"), result);
    expect(code.ast.body.map((n) => [n.type, n.loc.start.line])).toEqual([
      ["OptionLine", 1],
      ["Requirement", 2],
    ]);
    expect(code.ast.loc.end).toEqual({ line: 3, column: 0 });
    expect(code.ast.body[1]).toBe(code.ast.body[1]);
    expect(code.getParent(code.ast.body[1]!)).toBe(code.ast);
    const steps = [...code.traverse()];
    expect(steps).toHaveLength(6);
    expect([...code.traverse()][3]).toBe(steps[3]);
  });
});
