/** The `data` pin-requirements reports with, per message, as pip and npm word their remedies. */

const PIP_REMEDY = ' ("exp-lint --fix" writes it from a lock file, from "pip freeze" output given with --pin-from, or from the project\'s virtual environment)';
const NPM_REMEDY =
  ', or commit the lock file your package manager writes (package-lock.json, pnpm-lock.yaml, yarn.lock or bun.lock); "exp-lint --fix" writes the version installed in node_modules';

export const pip = {
  noVersion: (name: string) => ({ name, exact: `${name}==<version>`, remedy: PIP_REMEDY }),
  notPinned: (requirement: string, suggestion: string) => ({ requirement, suggestion, remedy: PIP_REMEDY }),
  noHint: (requirement: string, name: string) => ({ requirement, name, exact: `${name}==<version>`, installed: '"pip freeze"', remedy: PIP_REMEDY }),
  vcs: (target: string, ref: string) => ({ target, ref, commit: '"@<full commit hash>"' }),
  url: (target: string, url: string) => ({ target, url, urlFix: 'add --hash=sha256:<digest> ("pip hash <file>" prints it) or a "#sha256=<digest>" fragment' }),
};

export const npm = {
  noVersion: (name: string) => ({ name, exact: `"${name}": "<version>"`, remedy: NPM_REMEDY }),
  notPinned: (requirement: string, suggestion: string) => ({ requirement, suggestion, remedy: NPM_REMEDY }),
  noHint: (requirement: string, name: string) => ({ requirement, name, exact: `"${name}": "<version>"`, installed: `"npm ls ${name}"`, remedy: NPM_REMEDY }),
  vcs: (target: string, ref: string) => ({ target, ref, commit: '"#<full commit hash>"' }),
  url: (target: string, url: string) => ({
    target,
    url,
    urlFix: "commit the lock file your package manager writes (it records the file's integrity hash), or depend on a published version",
  }),
};
