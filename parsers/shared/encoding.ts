/**
 * A UTF-16 file read as UTF-8 (as ESLint reads every file): its byte-order
 * mark becomes two U+FFFD and every ASCII character gains a NUL byte.
 * Python and pip read UTF-8 source, so this names the fix rather than
 * calling the file binary.
 */
export function isUtf16(text: string): boolean {
  return /^\ufffd\ufffd/u.test(text) && text.includes("\u0000");
}

export const UTF16_MESSAGE = "UTF-16 encoded (byte-order mark FF FE or FE FF); exp-lint reads UTF-8, as Python and pip do: save the file as UTF-8";
