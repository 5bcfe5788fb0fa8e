// npm run new-rule <id>: scaffold a rule's three mirrors (CONVENTIONS.md 1) and its test, then regenerate the indexes.
// The files are starting points that pass the checks in tests/rules-meta.test.ts: replace every TODO.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../", import.meta.url));
const id = process.argv[2] ?? "";
if (!/^(?:no|require|pin)-[a-z]+(?:-[a-z]+)*$/u.test(id)) {
  console.error("usage: npm run new-rule <id>   (kebab-case, starting with no-, require- or pin-, e.g. require-split-seed)");
  process.exit(2);
}
const files: Record<string, string> = {
  [`rules/${id}.ts`]: `import { createRule } from "./util/create-rule.js";
import { onProgram } from "./util/program.js";

type MessageIds = "TODO";

// TODO: the calls this rule looks for belong in the catalogue (catalogue/*.ts), imported here.
const WATCHED = ["TODO.module.function"];

export default createRule<[], MessageIds>({
  name: "${id}",
  meta: {
    type: "problem",
    languages: ["exp-lint/python"],
    docs: {
      description: "Disallow TODO (the experiment failure this prevents)",
      recommended: false,
    },
    messages: {
      TODO: "{{call}} TODO: what is wrong, why it matters for the experiment, and what to write instead.",
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return onProgram(context, ({ model, loc, text }) => {
      // Guard clauses first (cheap exits), then one report per finding.
      if (!model.imports("TODO")) return;
      for (const { site } of model.callsTo(WATCHED)) {
        context.report({ loc: loc(site.call.range), messageId: "TODO", data: { call: text(site.call.range) } });
      }
    });
  },
});
`,
  [`docs/rules/${id}.md`]: `# ${id}

Disallow TODO (the experiment failure this prevents)

## Why

TODO: the experiment failure this rule prevents, with a source.

## Rule details

TODO: what the rule reports, and what it leaves alone.

### Incorrect

\`\`\`python
import TODO

TODO.module.function()
\`\`\`

### Correct

\`\`\`python
import TODO
\`\`\`

## Options

None.

## When not to use it

TODO.

## Further reading

- TODO
`,
  [`fixtures/${id}/train.py`]: `"""TODO: a whole, realistic training script that makes the mistake this rule reports."""
import TODO

# ruleid: ${id}
TODO.module.function()
`,
  [`fixtures/${id}/train.ok.py`]: `"""TODO: the same script done right: it must give no findings at all."""
import TODO
`,
  [`tests/${id}.rule.test.ts`]: `import rule from "../rules/${id}.js";
import { pythonRuleTester } from "./util/python-rule-tester.js";

pythonRuleTester().run("${id}", rule, {
  valid: ["import TODO\\n"],
  invalid: [
    {
      code: "import TODO\\nTODO.module.function()\\n",
      errors: [{ messageId: "TODO", line: 2, column: 1, endLine: 2, endColumn: 23 }],
    },
  ],
});
`,
};
for (const rel of Object.keys(files)) {
  if (existsSync(`${root}${rel}`)) {
    console.error(`${rel} exists already; nothing written`);
    process.exit(2);
  }
}
for (const [rel, body] of Object.entries(files)) {
  mkdirSync(`${root}${rel}`.replace(/\/[^/]+$/u, ""), { recursive: true });
  writeFileSync(`${root}${rel}`, body);
  console.log(`wrote ${rel}`);
}
// The rules map, configs and README table are generated, never edited by hand.
execFileSync("npm", ["run", "generate"], { cwd: root, stdio: "inherit" });
console.log(`\nNext: replace every TODO, then npx vitest run tests/${id}.rule.test.ts tests/fixtures.test.ts tests/rules-meta.test.ts`);
