/**
 * Secrets a requirement line may carry, masked wherever a line or message is
 * printed (every output format, baselines): the user-info of a URL
 * (`https://user:token@host`, `git+https://ghp_x@github.com`) and
 * token-shaped words (known prefixes, or long mixes of upper case, lower case
 * and digits, which hashes in hex are not). Plain scans, linear in the text.
 */

const MASK = "***";
const TOKEN_PREFIXES = ["ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_", "glpat-", "pypi-", "xoxb-", "xoxp-", "AKIA", "sk-", "hf_", "npm_"];
const MIN_TOKEN = 24;

const isWordChar = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 45;

function tokenShaped(word: string): boolean {
  if (word.length >= 16 && TOKEN_PREFIXES.some((p) => word.startsWith(p))) return true;
  if (word.length < MIN_TOKEN) return false;
  return /[A-Z]/u.test(word) && /[a-z]/u.test(word) && /[0-9]/u.test(word);
}

/** `text` with URL credentials and token-shaped words replaced by `***`. */
export function redact(text: string): string {
  return maskTokens(maskUserInfo(text));
}

function maskUserInfo(text: string): string {
  let out = "";
  let from = 0;
  for (let i = text.indexOf("://"); i >= 0; i = text.indexOf("://", i)) {
    let j = i + 3;
    while (j < text.length && !" \t\r\n/@?#\"'".includes(text[j]!)) j++;
    if (text[j] === "@" && j > i + 3) {
      out += text.slice(from, i + 3) + MASK;
      from = j;
    }
    i = Math.max(j, i + 3);
  }
  return from === 0 ? text : out + text.slice(from);
}

function maskTokens(text: string): string {
  let out = "";
  let from = 0;
  for (let i = 0; i < text.length; ) {
    if (!isWordChar(text.charCodeAt(i))) {
      i++;
      continue;
    }
    let j = i;
    while (j < text.length && isWordChar(text.charCodeAt(j))) j++;
    if (j - i >= 16 && tokenShaped(text.slice(i, j))) {
      out += text.slice(from, i) + MASK;
      from = j;
    }
    i = j;
  }
  return from === 0 ? text : out + text.slice(from);
}
