import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compareVersions, isPrerelease, parseVersion, satisfies } from "../parsers/manifests/versions.js";
import { parseRequirements, type Specifier } from "../parsers/manifests/requirements.js";

/** Answers from Python's `packaging`, written once by scripts/pep440-table.py: no test runs Python. */
interface Table {
  versions: string[];
  rank: Record<string, number>;
  prerelease: string[];
  invalidVersions: string[];
  contains: { spec: string; allows: string[]; pins: string[] }[];
  invalidSpecifiers: string[];
}

const table = JSON.parse(readFileSync(new URL("./pep440/table.json", import.meta.url), "utf8")) as Table;

/** A specifier set read by the requirements parser, as the rule gets it. */
function specifiers(spec: string): Specifier[] {
  const [line] = parseRequirements(`pkg${spec}`).lines;
  expect(line?.type, spec).toBe("Requirement");
  return line?.type === "Requirement" ? line.specifiers : [];
}

const sign = (n: number) => (n > 0 ? 1 : n < 0 ? -1 : 0);

describe("PEP 440 against packaging's table", () => {
  it("orders every pair of versions as packaging does", () => {
    const wrong: string[] = [];
    for (const a of table.versions) {
      for (const b of table.versions) {
        const got = sign(compareVersions(parseVersion(a)!, parseVersion(b)!));
        if (got !== sign(table.rank[a]! - table.rank[b]!)) wrong.push(`${a} vs ${b}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("tells pre-releases and invalid versions as packaging does", () => {
    expect(table.versions.filter((v) => isPrerelease(parseVersion(v)!))).toEqual(table.prerelease);
    expect(table.invalidVersions.filter((v) => parseVersion(v) !== null)).toEqual([]);
  });

  it("rejects the specifiers packaging rejects", () => {
    const accepted = table.invalidSpecifiers.filter((spec) => parseRequirements(`pkg${spec}`).lines[0]?.type === "Requirement");
    expect(accepted).toEqual([]);
  });

  for (const row of table.contains) {
    it(`"${row.spec || "(any)"}": the range, and what a fix may pin`, () => {
      const specs = specifiers(row.spec);
      expect(table.versions.filter((v) => satisfies(v, specs) === true)).toEqual(row.allows);
      // Pre-releases only when the spec names one: numpy<2.0 never pins 2.0rc1.
      expect(table.versions.filter((v) => satisfies(v, specs, true) === true)).toEqual(row.pins);
    });
  }
});
