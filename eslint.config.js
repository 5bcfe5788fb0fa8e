// exp-lint's own code, linted as ESLint plugins are (CONVENTIONS.md, self-lint).
import eslintPlugin from "eslint-plugin-eslint-plugin";
import tseslint from "typescript-eslint";

export default [
  { ignores: ["dist/**", "editors/vscode/dist/**", "node_modules/**", "bench/.corpus/**", "fixtures/**", "examples/**", "docs/**"] },
  ...tseslint.configs.recommended,
  {
    files: ["rules/**/*.ts"],
    ...eslintPlugin.configs.recommended,
  },
];
