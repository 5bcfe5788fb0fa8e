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
const git = (...args) => execFileSync("git", ["-c", "user.name=exp-lint release", "-c", "user.email=release@exp-lint.invalid", ...args], { cwd: into, encoding: "utf8" }).trim();

if (!existsSync(join(root, "dist/cli/bin.js"))) throw new Error("run `npm run build` first");
rmSync(into, { recursive: true, force: true });
execFileSync("git", ["clone", "--quiet", "--no-local", root, into]);
// The built files, minus what users never run (as package.json's "files" says).
cpSync(join(root, "dist"), join(into, "dist"), { recursive: true, filter: (src) => !/[\\/]dist[\\/](?:bench|fuzz)(?:[\\/]|$)|\.map$/u.test(src) });
const { devDependencies: _dev, scripts: _scripts, overrides: _overrides, ...released } = pkg;
writeFileSync(join(into, "package.json"), `${JSON.stringify(released, null, 2)}\n`);
// The lock file holds every devDependency: a release resolves its runtime dependencies as users' installs do.
rmSync(join(into, "package-lock.json"), { force: true });
git("add", "--all", "--force", "dist", "package.json", "package-lock.json");
git("commit", "--quiet", "-m", `Release ${tag}: built dist/, runtime dependencies only`);
git("tag", "--force", tag);
console.log(`${into} ${tag} ${git("rev-parse", "HEAD")}`);
