import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** This package's package.json, found upwards from here (the same from sources and from dist/). */
function readOwnPackage(): { name: string; version: string } {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { name: string; version: string };
      if (pkg.name === "exp-lint") return pkg;
    } catch {
      // not here: keep climbing
    }
    const up = dirname(dir);
    if (up === dir) return { name: "exp-lint", version: "0.0.0" };
    dir = up;
  }
}

export const { name: PACKAGE_NAME, version: PACKAGE_VERSION } = readOwnPackage();
