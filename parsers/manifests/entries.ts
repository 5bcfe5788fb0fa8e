/**
 * The one model `pin-requirements` reads: requirement entries. Every manifest
 * kind (pip requirements files, pyproject.toml, PEP 723 script blocks, conda
 * environment files, `%pip install` lines in notebooks, npm's package.json) has a front end that
 * turns its dependencies into `RequirementRecord`s (the pip parser's record,
 * with PEP 440 specifiers and file offsets) plus how an exact pin is written
 * back in that manifest's own syntax.
 */

import { normalizeName, parseRequirements, type LineRecord, type Range, type RequirementRecord, type Specifier } from "./requirements.js";

/**
 * The installer and the build tools it runs (`pip install -U pip setuptools wheel`,
 * conda's `- pip`): they install the experiment's packages, and are not among them.
 */
export const INSTALLER_PACKAGES = ["pip", "setuptools", "wheel"];

/** Which kind of file an entry comes from. */
export type Manifest = "requirements" | "pyproject" | "pipfile" | "setup" | "script" | "conda" | "notebook" | "dockerfile" | "package-json";

/** How to write an exact pin: replace `range` with `prefix + version`. */
export interface PinEdit {
  range: Range;
  prefix: string;
}

export interface ManifestFields {
  manifest?: Manifest;
  /** Where an exact pin goes; `null` when this entry cannot be pinned by rewriting text. */
  pin?: PinEdit | null;
  /** How the requirement reads in messages, when that is not its source text. */
  display?: string;
  /** Specifiers that cannot be expressed in PEP 440 (`||` in Poetry or conda): never fixed. */
  opaque?: boolean;
  /** npm: the semver range written (`^1.2.3`, `*` for a dist-tag); versions are checked against it with semver, not PEP 440. */
  npmRange?: string;
  /** The one version the range names, worth suggesting as the pin, when the front end knows it (`null`: none). */
  named?: string | null;
}

export type Entry = RequirementRecord & ManifestFields;
export type EntryLine = Exclude<LineRecord, RequirementRecord> | Entry;

/** Every offset in a record moved by `f`. */
export function mapRecord<T extends LineRecord & ManifestFields>(record: T, f: (offset: number) => number): T {
  const r = (range: Range | null | undefined): Range | null => (range ? [f(range[0]), f(range[1])] : null);
  const out = { ...record, range: r(record.range)! } as T & Partial<RequirementRecord> & ManifestFields;
  if (record.type === "Requirement") {
    const rec = record as RequirementRecord & ManifestFields;
    Object.assign(out, {
      requirementRange: r(rec.requirementRange),
      nameRange: r(rec.nameRange),
      specifierRange: r(rec.specifierRange),
      markerRange: r(rec.markerRange),
      urlRange: r(rec.urlRange),
      specifiers: rec.specifiers.map((s) => ({ ...s, range: r(s.range)! })),
      options: rec.options.map((o) => ({ ...o, range: r(o.range)!, valueRange: r(o.valueRange) })),
      ...(rec.pin ? { pin: { ...rec.pin, range: r(rec.pin.range)! } } : {}),
    });
  } else if ("options" in record) {
    Object.assign(out, { options: record.options.map((o) => ({ ...o, range: r(o.range)!, valueRange: r(o.valueRange) })) });
  }
  return out;
}

/** Where `==<version>` goes in a PEP 508 requirement: over its specifiers, or right after its name and extras. */
export function pep508Pin(rec: RequirementRecord, text: string): PinEdit | null {
  if (rec.form !== "name" || !rec.nameRange) return null;
  if (rec.specifierRange) return { range: rec.specifierRange, prefix: "==" };
  let end = rec.nameRange[1];
  let i = end;
  while (text[i] === " " || text[i] === "\t") i++;
  if (text[i] === "[") {
    const close = text.indexOf("]", i);
    if (close > 0) end = close + 1;
  }
  return { range: [end, end], prefix: "==" };
}

/**
 * One PEP 508 string (a pyproject.toml array item, a `pip:` entry, a shell
 * argument) read with the pip parser, offsets moved to where it sits in the file.
 */
export function pep508Entry(content: string, offset: number, manifest: Manifest): EntryLine | null {
  const line = parseRequirements(content).lines[0];
  if (!line) return null;
  const shifted = mapRecord(line, (i) => i + offset);
  if (shifted.type !== "Requirement" || line.type !== "Requirement") return shifted;
  const pin = pep508Pin(line, content);
  return { ...shifted, manifest, pin: pin && mapPin(pin, offset) };
}

function mapPin(pin: PinEdit, offset: number): PinEdit {
  return { range: [pin.range[0] + offset, pin.range[1] + offset], prefix: pin.prefix };
}

/** A named requirement built by a front end whose syntax is not PEP 508 (Poetry tables, conda specs). */
export function namedEntry(fields: {
  name: string;
  nameRange: Range;
  range: Range;
  specifiers: Specifier[];
  specifierRange: Range | null;
  manifest: Manifest;
  pin: PinEdit | null;
  display: string;
  extras?: string[];
  opaque?: boolean;
  /** npm: the semver range written (`^1.2.3`, `*` for a dist-tag); versions are checked against it with semver, not PEP 440. */
  npmRange?: string;
  /** The one version the range names, worth suggesting as the pin, when the front end knows it (`null`: none). */
  named?: string | null;
}): Entry {
  return {
    type: "Requirement",
    form: "name",
    editable: false,
    name: fields.name,
    normalizedName: normalizeName(fields.name),
    extras: fields.extras ?? [],
    specifiers: fields.specifiers,
    marker: null,
    url: null,
    vcs: null,
    ref: null,
    fileVersion: null,
    hashes: [],
    options: [],
    range: fields.range,
    requirementRange: fields.range,
    nameRange: fields.nameRange,
    specifierRange: fields.specifierRange,
    markerRange: null,
    urlRange: null,
    manifest: fields.manifest,
    pin: fields.pin,
    display: fields.display,
    ...(fields.opaque ? { opaque: true } : {}),
  };
}

/** A requirement that is a URL, VCS checkout or local path, from a table (`{ git = "...", rev = "..." }`). */
export function sourceEntry(fields: {
  name: string;
  form: "url" | "vcs" | "path";
  url: string;
  vcs?: string | null;
  ref?: string | null;
  range: Range;
  nameRange: Range;
  manifest: Manifest;
}): Entry {
  return {
    ...namedEntry({ ...fields, specifiers: [], specifierRange: null, pin: null, display: fields.name }),
    form: fields.form,
    url: fields.url,
    vcs: fields.vcs ?? null,
    ref: fields.ref ?? null,
  };
}
