// Make a release commit and tag: `node scripts/release.mjs [DIR]` (after `npm run build`).
//
// A release is a commit that holds the built dist/ and a package.json without devDependencies or build
// scripts, tagged v<version> and pushed as a tag (it sits beside main, not on it). pre-commit installs a
// node hook by running `npm install` in the tagged checkout, then `npm pack` and a global install of the
// tarball: from this commit that installs the runtime dependencies only and builds nothing. The same
// folder is what `npm publish` uploads. DIR (default: a temporary folder) receives a clone of this
// repository with the release commit and tag; push it with `git -C DIR push origin v<version>`.
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

const root = join(dirname(new URL(import.meta.url).pathname), "..");
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const tag = `v${pkg.version}`;
const into = process.argv[2] ?? mkdtempSync(join(tmpdir(), "exp-lint-release-"));
const git = (...args) =>
  execFileSync("git", ["-c", "user.name=exp-lint release", "-c", "user.email=release@exp-lint.invalid", ...args], { cwd: into, encoding: "utf8" }).trim();

if (!existsSync(join(root, "dist/cli/bin.js"))) throw new Error("run `npm run build` first");
rmSync(into, { recursive: true, force: true });
execFileSync("git", ["clone", "--quiet", "--no-local", root, into]);
// The built files, minus what users never run (as package.json's "files" says).
cpSync(join(root, "dist"), join(into, "dist"), {
  recursive: true,
  filter: (src) => !/[\\/]dist[\\/](?:bench|fuzz)(?:[\\/]|$)|\.(?:map|tsbuildinfo)$/u.test(src),
});
const rest = { ...pkg };
for (const key of ["devDependencies", "scripts", "overrides"]) delete rest[key];
const released = { ...rest, files: [...rest.files, "npm-shrinkwrap.json"] };
writeFileSync(join(into, "package.json"), `${JSON.stringify(released, null, 2)}\n`);
// The lock file without its development-only entries becomes npm-shrinkwrap.json, which npm honours in a
// package's tarball too: both of pre-commit's installs then take the exact runtime versions CI tested
// from npm's cache, without asking the registry about 180 packages twice (about 40 s of the first run).
// `npm publish` goes without it (rm npm-shrinkwrap.json): a plugin's dependencies should dedupe with the user's.
const lock = JSON.parse(readFileSync(join(root, "package-lock.json"), "utf8"));
const lockRoot = { ...lock.packages[""] };
delete lockRoot.devDependencies;
// With each tarball's URL written out (npm leaves it out where omit-lockfile-registry-resolved is set), npm
// takes the tarball from its cache by integrity instead of first fetching each package's registry document.
const tarball = (path, version) => {
  const name = path.slice(path.lastIndexOf("node_modules/") + "node_modules/".length);
  return `https://registry.npmjs.org/${name}/-/${name.split("/").at(-1)}-${version}.tgz`;
};
const packages = Object.fromEntries(
  Object.entries(lock.packages)
    .filter(([path, entry]) => path !== "" && !entry.dev)
    .map(([path, entry]) => [
      path,
      entry.resolved || !entry.integrity || entry.link ? entry : { version: entry.version, resolved: tarball(path, entry.version), ...entry },
    ]),
);
writeFileSync(
  join(into, "npm-shrinkwrap.json"),
  `${JSON.stringify({ ...lock, packages: { "": { ...lockRoot, dependencies: released.dependencies }, ...packages } }, null, 2)}\n`,
);
rmSync(join(into, "package-lock.json"), { force: true });
git("add", "--all", "--force", "dist", "package.json", "package-lock.json", "npm-shrinkwrap.json");
git("commit", "--quiet", "-m", `Release ${tag}: built dist/, runtime dependencies only`);
git("tag", "--force", tag);
console.log(`${into} ${tag} ${git("rev-parse", "HEAD")}`);
