import { closeSync, constants, fstatSync, openSync, readSync, realpathSync } from "node:fs";

// One realpath(3) call; the JavaScript realpathSync stats every component of the path (300 ms of 12 s linting the bench's 3,000 files).
const resolveLinks = realpathSync.native;
import { sep } from "node:path";

/**
 * The one gate every read of a scanned repository's file goes through (lint
 * targets, `-r` includes, configurations, lock files, node_modules manifests,
 * baselines, the files output formats read again). A pull request from a
 * stranger may hold a link to /dev/zero, /proc/self/mem or a FIFO, or to a
 * file outside the checkout: this refuses them, so a run never hangs, never
 * grows without bound and never prints what lies outside the scanned roots.
 */

/** Files larger than this are not read: one generated blob (or a pseudo-file) cannot stall a run. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

export interface ReadOptions {
  /** Real folders the file must resolve into, after symbolic links; absent: anywhere. */
  roots?: readonly string[];
  /** Bytes to read at most; one more makes the read fail with code "ETOOBIG". Default MAX_FILE_BYTES. */
  limit?: number;
}

export type ReadFailure = { ok: false; code: string; message: string };
export type ReadResult = { ok: true; text: string; realPath: string } | ReadFailure;
export type BytesResult = { ok: true; bytes: Buffer; realPath: string } | ReadFailure;

// What a file-system error code means, where the code alone does not say it.
const HINTS: Record<string, string> = {
  ELOOP: "a loop of symbolic links",
  ENOENT: "a broken symbolic link, or the file went away",
  EISDIR: "a folder",
  EIO: "not readable as a file",
};

export function failure(code: string, detail?: string): ReadFailure {
  const hint = detail ?? HINTS[code];
  return { ok: false, code, message: `cannot read file (${code}${hint ? `: ${hint}` : ""})` };
}

/** Whether `path` is `root` or inside it (both real, absolute). */
export function isInside(path: string, root: string): boolean {
  return path === root || path.startsWith(root.endsWith(sep) ? root : root + sep);
}

/** The real path, or null when it cannot be resolved. */
export function realPath(path: string): string | null {
  try {
    return resolveLinks(path);
  } catch {
    return null;
  }
}

/** Real paths of `paths` that exist, for `roots`. */
export function realRoots(paths: readonly string[]): string[] {
  return [...new Set(paths.map(realPath).filter((p): p is string => p !== null))];
}

// O_NONBLOCK: opening a FIFO does not wait for a writer; O_NOCTTY: a terminal device never becomes ours.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);
const CHUNK = 64 * 1024;

/** Read a regular file's bytes, at most `limit`: never trusting its size (pseudo-files in /proc report 0). */
export function readBytes(path: string, opts: ReadOptions = {}): BytesResult {
  const limit = opts.limit ?? MAX_FILE_BYTES;
  let real: string;
  try {
    real = resolveLinks(path);
  } catch (error) {
    return failure((error as NodeJS.ErrnoException).code ?? "error");
  }
  if (opts.roots && !opts.roots.some((root) => isInside(real, root))) {
    return outside();
  }
  let fd: number;
  try {
    // The real path, so the file checked is the file read.
    fd = openSync(real, OPEN_FLAGS);
  } catch (error) {
    return failure((error as NodeJS.ErrnoException).code ?? "error");
  }
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) return failure("EISDIR");
    if (!st.isFile()) return notRegular();
    if (st.size > limit) return tooBig(st.size, limit);
    // Read until end of file or one byte past the limit, whatever fstat said.
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buf = Buffer.allocUnsafe(Math.min(CHUNK, limit + 1 - total));
      let n: number;
      try {
        n = readSync(fd, buf, 0, buf.length, null);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code ?? "error";
        // A regular file that would block is a pseudo-file with a writer on the other end.
        return failure(code, code === "EAGAIN" ? "not a regular file" : undefined);
      }
      if (n === 0) break;
      chunks.push(n === buf.length ? buf : buf.subarray(0, n));
      total += n;
      if (total > limit) return tooBig(null, limit);
    }
    return { ok: true, bytes: Buffer.concat(chunks, total), realPath: real };
  } finally {
    closeSync(fd);
  }
}

function outside(): ReadFailure {
  return { ok: false, code: "EOUTSIDE", message: "leads outside the scanned folders (a symbolic link, or an include of a file elsewhere); not read" };
}

function notRegular(): ReadFailure {
  return { ok: false, code: "ENOTREG", message: "not a regular file, skipped" };
}

function tooBig(size: number | null, limit: number): ReadFailure {
  const over = size === null ? "over" : `${(size / 1048576).toFixed(1)} MiB, over`;
  return { ok: false, code: "ETOOBIG", message: `file is ${over} the ${limit / 1048576} MiB limit; skipped` };
}

/** `readBytes` decoded as UTF-8 (invalid bytes become U+FFFD, as ESLint reads files). */
export function readText(path: string, opts: ReadOptions = {}): ReadResult {
  const r = readBytes(path, opts);
  return r.ok ? { ok: true, text: r.bytes.toString("utf8"), realPath: r.realPath } : r;
}

/** `readText`, throwing an Error with `code` set on failure: for callers that already catch read errors. */
export function readTextOrThrow(path: string, opts: ReadOptions = {}): string {
  const r = readText(path, opts);
  if (r.ok) return r.text;
  throw Object.assign(new Error(r.message), { code: r.code });
}

export type CheckResult = { ok: true; realPath: string; size: number } | ReadFailure;

/**
 * Whether `path` would read: `readBytes`'s checks without reading the file,
 * except when it reports size 0 (an empty file, or a pseudo-file whose size
 * lies), which is read to the limit.
 */
export function checkFile(path: string, opts: ReadOptions = {}): CheckResult {
  let real: string;
  try {
    real = resolveLinks(path);
  } catch (error) {
    return failure((error as NodeJS.ErrnoException).code ?? "error");
  }
  if (opts.roots && !opts.roots.some((root) => isInside(real, root))) return outside();
  let fd: number;
  try {
    fd = openSync(real, OPEN_FLAGS);
  } catch (error) {
    return failure((error as NodeJS.ErrnoException).code ?? "error");
  }
  let size: number;
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) return failure("EISDIR");
    if (!st.isFile()) return notRegular();
    if (st.size > (opts.limit ?? MAX_FILE_BYTES)) return tooBig(st.size, opts.limit ?? MAX_FILE_BYTES);
    size = st.size;
  } finally {
    closeSync(fd);
  }
  if (size > 0) return { ok: true, realPath: real, size };
  const r = readBytes(real, opts);
  return r.ok ? { ok: true, realPath: real, size: r.bytes.length } : r;
}
