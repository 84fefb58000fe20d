/**
 * Character classes of regular expressions as tests on code units, for the
 * hand-written scans that replace regexes on the engine's hot paths (a test
 * on a number allocates nothing; a regex test on `text[i]` makes a string).
 */

/** Whether the code unit is regex whitespace (`\s`, the same set `String.prototype.trim` removes). */
export function isRegexSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 ||
    c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Whether the code unit is a regex word character (`\w` without the `i` flag: ASCII only). */
export function isRegexWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}
