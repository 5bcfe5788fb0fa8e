/** The `data` pin-requirements reports with, per message, as pip and npm word their remedies. */

const PIP_REMEDY = ' ("exp-lint --fix" writes it from a lock file, from "pip freeze" output given with --pin-from, or from the project\'s virtual environment)';
const NPM_REMEDY =
  ', or commit the lock file your package manager writes (package-lock.json, pnpm-lock.yaml, yarn.lock or bun.lock); "exp-lint --fix" writes the version installed in node_modules';

// After a file's first finding has given the remedy in full, its later findings give it in a few words.
const PIP_LATER = ' ("exp-lint --fix" can write it)';
const NPM_LATER = ", or commit your lock file";

/** `later`: not the file's first finding with a remedy. */
export const pip = {
  noVersion: (name: string, later = false) => ({ name, exact: `${name}==<version>`, remedy: later ? PIP_LATER : PIP_REMEDY }),
  notPinned: (requirement: string, suggestion: string, later = false) => ({ requirement, suggestion, remedy: later ? PIP_LATER : PIP_REMEDY }),
  noHint: (requirement: string, name: string, later = false) => ({
    requirement,
    name,
    exact: `${name}==<version>`,
    installed: '"pip freeze"',
    remedy: later ? PIP_LATER : PIP_REMEDY,
  }),
  vcs: (target: string, ref: string) => ({ target, ref, commit: '"@<full commit hash>"' }),
  url: (target: string, url: string) => ({ target, url, urlFix: 'add --hash=sha256:<digest> ("pip hash <file>" prints it) or a "#sha256=<digest>" fragment' }),
};

export const npm = {
  noVersion: (name: string, later = false) => ({ name, exact: `"${name}": "<version>"`, remedy: later ? NPM_LATER : NPM_REMEDY }),
  notPinned: (requirement: string, suggestion: string, later = false) => ({ requirement, suggestion, remedy: later ? NPM_LATER : NPM_REMEDY }),
  noHint: (requirement: string, name: string, later = false) => ({
    requirement,
    name,
    exact: `"${name}": "<version>"`,
    installed: `"npm ls ${name}"`,
    remedy: later ? NPM_LATER : NPM_REMEDY,
  }),
  vcs: (target: string, ref: string) => ({ target, ref, commit: '"#<full commit hash>"' }),
  url: (target: string, url: string) => ({
    target,
    url,
    urlFix: "commit the lock file your package manager writes (it records the file's integrity hash), or depend on a published version",
  }),
};
