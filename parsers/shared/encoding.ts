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
