/**
 * A UTF-16 file read as UTF-8 (as ESLint reads every file): its byte-order
 * mark becomes two U+FFFD and every ASCII character gains a NUL byte.
 * Python and pip read UTF-8 source, so this names the fix rather than
 * calling the file binary.
 */
export function isUtf16(text: string): boolean {
  return /^\ufffd\ufffd/u.test(text) && text.includes("\u0000");
}

export const UTF16_MESSAGE = "UTF-16 encoded (byte-order mark FF FE or FE FF); exp-lint reads UTF-8, as Python does: save the file as UTF-8";

/** pip reads a requirements file by its byte-order mark (pip/_internal/utils/encoding.py, auto_decode): only exp-lint cannot. */
export const UTF16_REQUIREMENTS_MESSAGE =
  "UTF-16 encoded (byte-order mark FF FE or FE FF): pip reads it, but exp-lint reads UTF-8 and cannot check its pins; save the file as UTF-8";

/** How a text file is stored: pip reads requirements files in UTF-8, with or without a byte-order mark, or UTF-16 with one. */
export type Encoding = "utf8" | "utf8-bom" | "utf16le" | "utf16be";

/**
 * A file's text as pip reads a requirements file (pip's `auto_decode`): a
 * byte-order mark says UTF-16 (little or big endian) or UTF-8; without one,
 * UTF-8. The text keeps a UTF-8 byte-order mark (ESLint writes it back);
 * a UTF-16 one is dropped (`encodeText` writes it back).
 */
export function decodeBytes(bytes: Uint8Array): { text: string; encoding: Encoding } {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf[0] === 0xff && buf[1] === 0xfe) return { text: buf.subarray(2).toString("utf16le"), encoding: "utf16le" };
  if (buf[0] === 0xfe && buf[1] === 0xff) return { text: Buffer.from(buf.subarray(2)).swap16().toString("utf16le"), encoding: "utf16be" };
  const text = buf.toString("utf8");
  return { text, encoding: text.charCodeAt(0) === 0xfeff ? "utf8-bom" : "utf8" };
}

/** The bytes of `text` stored as `encoding`: the same byte-order mark the file had. */
export function encodeText(text: string, encoding: Encoding): Buffer {
  if (encoding === "utf8" || encoding === "utf8-bom") return Buffer.from(text, "utf8");
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(body, "utf16le")]);
  return encoding === "utf16le" ? le : le.swap16();
}

/**
 * A UTF-16 file as a UTF-8 read garbles it (what ESLint hands a language):
 * each character becomes itself and a NUL, in byte order. When every
 * character was ASCII this gives the text back; otherwise `null`.
 */
export function recoverUtf16(garbled: string): string | null {
  if (!isUtf16(garbled) || garbled.length % 2 !== 0) return null;
  const le = garbled.charCodeAt(3) === 0;
  const out: string[] = [];
  for (let i = 2; i < garbled.length; i += 2) {
    const c = garbled.charCodeAt(le ? i : i + 1);
    const nul = garbled.charCodeAt(le ? i + 1 : i);
    if (nul !== 0 || c === 0 || c > 0x7f) return null;
    out.push(String.fromCharCode(c));
  }
  return out.join("");
}
