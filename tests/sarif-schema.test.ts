import { readFileSync } from "node:fs";
import { Ajv } from "ajv";
import addFormatsModule from "ajv-formats";
import { describe, expect, it } from "vitest";
import { runCli, tempProject } from "./util/cli.js";
import { FIXTURES } from "./util/fixtures.js";

// The OASIS SARIF 2.1.0 schema (draft-07, $id .../oasis-tcs/sarif-spec/.../sarif-schema-2.1.0.json), as shipped
// unmodified by @datadog/datadog-ci-plugin-sarif 5.11.0, the last release that keeps it as a separate file.
// Its "exports" hide the file from require.resolve, so it is read from node_modules by path.
const schemaPath = new URL("../node_modules/@datadog/datadog-ci-plugin-sarif/dist/json-schema/sarif-schema-2.1.0.json", import.meta.url);
const schema = JSON.parse(readFileSync(schemaPath, "utf8")) as { $schema: string; $id: string };
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

const fixture = (rel: string) => readFileSync(`${FIXTURES}/${rel}`, "utf8");

interface SarifLog {
  runs: {
    tool: { driver: { rules: { id: string; shortDescription?: { text: string }; helpUri?: string }[] } };
    originalUriBaseIds: Record<string, { uri: string }>;
    results: {
      ruleId: string;
      partialFingerprints: Record<string, string>;
      locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string } } }[];
    }[];
  }[];
}

describe("SARIF output against the official SARIF 2.1.0 schema", () => {
  // Draft-07 is what Ajv's default class implements.
  const ajv = addFormats(new Ajv({ allErrors: true, strict: false }));
  const validate = ajv.compile(schema);

  it("loads the official schema", async () => {
    expect(schema.$schema).toBe("http://json-schema.org/draft-07/schema#");
    expect(schema.$id).toMatch(/oasis-tcs\/sarif-spec\/.+\/sarif-schema-2\.1\.0\.json$/u);
    // The validator is real: a log without runs is rejected.
    expect(validate({ version: "2.1.0" })).toBe(false);
  });

  it("validates findings, syntax errors, notebooks, unreadable files and odd file names", async () => {
    const dir = tempProject({
      "src/train.py": fixture("require-seed/train.py"),
      "src/broken.py": fixture("syntax-error/train.py"),
      "notebooks/churn.ipynb": fixture("mixed/experiment_churn.ipynb"),
      "model weights.py": Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x00, 0x01, 0x02, 0x00, 0xff]),
      "requirements.txt": "numpy>=1.20\npandas\n",
    });
    const r = await runCli(["--format", "sarif"], dir);
    expect(r.code).toBe(1);
    const log = JSON.parse(r.stdout) as SarifLog;
    const ok = validate(log);
    expect(validate.errors ?? [], JSON.stringify(validate.errors?.slice(0, 5), null, 2)).toEqual([]);
    expect(ok).toBe(true);

    const [run] = log.runs;
    const ids = run!.tool.driver.rules.map((x) => x.id).sort();
    expect(ids).toEqual(expect.arrayContaining(["exp-lint/file-error", "exp-lint/pin-requirements", "exp-lint/require-seed", "exp-lint/syntax-error"]));
    expect(new Set(run!.results.map((x) => x.ruleId))).toEqual(new Set(ids));
    // GitHub code scanning shows each rule's description and links its help.
    for (const rule of run!.tool.driver.rules) {
      expect(rule.shortDescription?.text.length).toBeGreaterThan(10);
      if (rule.id !== "exp-lint/file-error") expect(rule.helpUri).toMatch(/docs\/rules\/[a-z-]+\.md$/u);
    }
    const uris = new Set(run!.results.map((x) => x.locations[0]!.physicalLocation.artifactLocation.uri));
    expect([...uris].sort()).toEqual(["model%20weights.py", "notebooks/churn.ipynb", "requirements.txt", "src/broken.py", "src/train.py"]);
    expect(run!.results.every((x) => x.locations[0]!.physicalLocation.artifactLocation.uriBaseId === "SRCROOT")).toBe(true);
    expect(run!.originalUriBaseIds.SRCROOT!.uri).toBe(`file://${dir}/`);
    // One distinct fingerprint per finding, as GitHub uses them to track alerts across commits.
    const prints = run!.results.map((x) => x.partialFingerprints["expLint/v1"]);
    expect(prints.every((p) => /^[0-9a-f]{24}:\d+$/u.test(p!))).toBe(true);
    expect(new Set(prints).size).toBe(prints.length);
  });

  it("is valid with no findings at all", async () => {
    const dir = tempProject({ "train.py": fixture("require-seed/train.ok.py") });
    const r = await runCli(["--format", "sarif"], dir);
    expect(r.code).toBe(0);
    expect(validate(JSON.parse(r.stdout)), JSON.stringify(validate.errors)).toBe(true);
  });
});
