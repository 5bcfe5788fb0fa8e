"""Writes tests/pep440/table.json: PEP 440 answers from Python's `packaging`.

Run once, by hand, when the cases change (Debian: apt-get install python3-packaging):
    python3 scripts/pep440-table.py > tests/pep440/table.json
The tests read the committed table; none of them runs Python.
"""

import json
import sys

import packaging
from packaging.specifiers import InvalidSpecifier, SpecifierSet
from packaging.version import InvalidVersion, Version

VERSIONS = [
    "0.9", "1.0.dev0", "1.0a1.dev1", "1.0a1", "1.0A2", "1.0b1", "1.0-beta.2", "1.0c1", "1.0rc1", "1.0rc2.post1",
    "1.0", "1.0.0", "v1.0", "1.0.0.0", "1.0+local", "1.0+ubuntu.1", "1.0+ubuntu.2", "1.0+abc.5", "1.0+5", "1.0.post1.dev2",
    "1.0.post1", "1.0-1", "1.0.post2", "1.0.1", "1.1", "1.1.0", "1.1rc1", "1.2", "1.26", "1.26.0rc1", "1.26.4", "1.26.4+cpu",
    "1.27", "2.0.dev1", "2.0a1", "2.0rc1", "2.0", "2.0.0", "2.0.post1", "2.0+cu118", "2.1", "3.0", "1!0.5", "1!1.0", "1!2.0rc1",
]

INVALID = ["", "foo", "1.0+", "1.0.x", "1..0", "1.0-beta-2", "1.0+local+again", "latest", "*"]

SPECS = [
    "", "==1.0", "==1.0.0", "==1.0+local", "==1.*", "==1.0.*", "==2.*", "!=1.0", "!=1.*", "!=1.0.post1",
    ">=1.0", ">1.0", ">1.0.post1", ">=1.0.dev0", ">1.0.dev0", "<2.0", "<=2.0", "<2.0rc1", "<2", "<1.0.post1",
    ">=2.0rc1", ">=1.26", ">=1.26,<2.0", ">=1.0,!=1.1,<2", "~=1.0", "~=1.0.0", "~=1.26.4", "~=1.26", "~=2.0rc1", "===1.0",
    "===1.0.0", "==1!1.0", ">=1!0", "<1!0", "==2.0.post1", ">=1.0a1", "<=1.0", "!=2.0.*", ">0.9,<1.1", "==1.26.4+cpu",
]


def main() -> None:
    ordered = sorted(VERSIONS, key=Version)
    # Equal versions share a rank: compare(a, b) is the sign of rank[a] - rank[b].
    rank, prev = {}, None
    for v in ordered:
        rank[v] = rank[prev] if prev is not None and Version(v) == Version(prev) else len(rank)
        prev = v
    contains = []
    for spec in SPECS:
        s = SpecifierSet(spec)
        contains.append({
            "spec": spec,
            # The range as written, pre-releases and all.
            "allows": [v for v in VERSIONS if s.contains(v, prereleases=True)],
            # What a fix may pin: pre-releases only when the spec names one.
            "pins": [v for v in VERSIONS if s.contains(v, prereleases=bool(s.prereleases))],
        })
    invalid_specs = []
    for spec in ["=1.0", "==1.0.*.1", "~=1", ">=1.0.*", "==1.0+local.*", "!=1.0+x.*", "<=", "=>1.0"]:
        try:
            SpecifierSet(spec)
        except InvalidSpecifier:
            invalid_specs.append(spec)
    json.dump(
        {
            "generatedBy": f"scripts/pep440-table.py with packaging {packaging.__version__}",
            "versions": VERSIONS,
            "rank": rank,
            "normalized": {v: str(Version(v)) for v in VERSIONS},
            "prerelease": [v for v in VERSIONS if Version(v).is_prerelease],
            "invalidVersions": [v for v in INVALID if not valid(v)],
            "contains": contains,
            "invalidSpecifiers": invalid_specs,
        },
        sys.stdout,
        indent=1,
    )
    sys.stdout.write("\n")


def valid(v: str) -> bool:
    try:
        Version(v)
        return True
    except InvalidVersion:
        return False


if __name__ == "__main__":
    main()
