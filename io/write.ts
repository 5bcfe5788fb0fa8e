import { closeSync, constants, fchmodSync, fchownSync, fstatSync, lstatSync, openSync, readdirSync, renameSync, unlinkSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { BroadcastChannel, isMainThread } from "node:worker_threads";
import { isInside, realPath } from "./read.js";

/**
 * Every file exp-lint writes (fixes, baselines) is written here: never
 * through a symbolic link, through a temp file in the same folder renamed over
 * the original (so a reader sees the old file or the new one, never half), with
 * the original's owner and mode, and without leaving the temp file behind
 * on SIGINT/SIGTERM/SIGHUP (after SIGKILL, the next write in that folder
 * removes it).
 */

export class WriteRefused extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const TEMP = /^\..*\.exp-lint-(\d+)-\d+\.tmp$/u;
let counter = 0;

// Temp files being written right now, on this thread; other threads tell the main thread of theirs.
const pending = new Set<string>();
const CHANNEL = "exp-lint/temp-files";
let toMain: BroadcastChannel | null = null;

function track(path: string, on: boolean): void {
  if (on) pending.add(path);
  else pending.delete(path);
  if (isMainThread) return;
  if (!toMain) {
    toMain = new BroadcastChannel(CHANNEL);
    toMain.unref();
  }
  toMain.postMessage({ path, on });
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Already gone.
  }
}

/** On the main thread of the CLI: remove temp files (of any thread) when a signal ends the process. */
export function cleanUpOnSignals(): void {
  const channel = new BroadcastChannel(CHANNEL);
  channel.unref();
  channel.onmessage = (event) => {
    const { path, on } = (event as { data: { path: string; on: boolean } }).data;
    if (on) pending.add(path);
    else pending.delete(path);
  };
  for (const [signal, number] of [
    ["SIGINT", 2],
    ["SIGTERM", 15],
    ["SIGHUP", 1],
  ] as const) {
    process.once(signal, () => {
      for (const path of pending) removeQuietly(path);
      process.exit(128 + number);
    });
  }
}

function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Temp files a killed exp-lint left in `dir`. */
function removeStale(dir: string): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const m = TEMP.exec(name);
    if (m && !alive(Number(m[1]))) removeQuietly(join(dir, name));
  }
}

const sameFile = (a: { dev: number; ino: number }, b: { dev: number; ino: number }) => a.dev === b.dev && a.ino === b.ino;

export interface WriteOptions {
  /** Real folders the file must be in; absent: anywhere. */
  roots?: readonly string[];
  /** Create the file when it does not exist (baselines); fixes only replace files. */
  create?: boolean;
}

/** Replace (or create) `path` with `text`, atomically; throws WriteRefused or a file-system error. */
export function writeAtomic(path: string, text: string | Uint8Array, opts: WriteOptions = {}): void {
  const link = lstatSync(path, { throwIfNoEntry: false });
  if (link?.isSymbolicLink()) throw new WriteRefused("ESYMLINK", "it is a symbolic link; exp-lint does not write through links");
  if (link && !link.isFile()) throw new WriteRefused("ENOTREG", "it is not a regular file");
  if (!link && !opts.create) throw new WriteRefused("ENOENT", "the file is gone");
  const dir = realPath(dirname(path));
  if (dir === null) throw new WriteRefused("ENOENT", "its folder is gone");
  const target = join(dir, basename(path));
  if (opts.roots && !opts.roots.some((root) => isInside(target, root))) throw new WriteRefused("EOUTSIDE", "it is outside the paths being linted");
  removeStale(dir);
  const tmp = join(dir, `.${basename(path)}.exp-lint-${process.pid}-${counter++}.tmp`);
  track(tmp, true);
  let fd: number | null = null;
  try {
    fd = openSync(tmp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0), link ? 0o600 : 0o666);
    const written = fstatSync(fd);
    if (link) {
      // Kept as they were: a fix run as root must not hand a user's file to root.
      if (written.uid !== link.uid || written.gid !== link.gid) {
        try {
          fchownSync(fd, link.uid, link.gid);
        } catch {
          // Only root may give a file away; anyone else writes files they own.
        }
      }
      fchmodSync(fd, link.mode & 0o7777);
    }
    const data = typeof text === "string" ? Buffer.from(text, "utf8") : Buffer.from(text);
    for (let off = 0; off < data.length; ) off += writeSync(fd, data, off, data.length - off);
    // The folder must still be the one checked, and the temp file the one written, right before the rename.
    if (realPath(dir) !== dir || !sameFile(lstatSync(tmp), written)) throw new WriteRefused("ERACE", "its folder changed while it was written");
    const now = lstatSync(target, { throwIfNoEntry: false });
    if (now?.isSymbolicLink() || (link && (!now || !sameFile(now, link)))) throw new WriteRefused("ERACE", "the file changed while it was written");
    renameSync(tmp, target);
    if (realPath(dir) !== dir) throw new WriteRefused("ERACE", "its folder changed while it was written");
  } catch (error) {
    removeQuietly(tmp);
    throw error;
  } finally {
    if (fd !== null) closeSync(fd);
    track(tmp, false);
  }
}
