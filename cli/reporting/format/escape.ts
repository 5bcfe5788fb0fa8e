/**
 * Text from a scanned repository (file names, messages that quote it, code
 * frames) made safe to print: control characters become their visible Unicode
 * pictures (one character each, so columns stay put), so a file name with a
 * newline cannot start a GitHub workflow command (`::error ...`) and ESC or
 * OSC sequences cannot drive the reader's terminal (colours, clipboard writes).
 * Tabs are kept.
 */
export function visible(text: string): string {
  let out = "";
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09) || (c >= 0x7f && c <= 0x9f)) {
      out += text.slice(from, i) + (c < 0x20 ? String.fromCharCode(0x2400 + c) : c === 0x7f ? "\u2421" : "\ufffd");
      from = i + 1;
    }
  }
  return from === 0 ? text : out + text.slice(from);
}
