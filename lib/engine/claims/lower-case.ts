/**
 * Lowercase forms of words, cheaply. Articles with curly quotes or dashes are
 * two-byte strings, and so is every word sliced from them; `toLowerCase` on a
 * two-byte string takes the slow Unicode path (about a microsecond a call),
 * which over every word of a long article adds up to tens of milliseconds.
 * Words already lowercase ASCII are returned as they are, and the rest are
 * remembered: an article repeats its capitalised words (names, "The", "He").
 */

/** Words lowercased so far; cleared when full so that memory stays bounded across articles. */
const LOWERED = new Map<string, string>();
const MAX_LOWERED = 20_000;

/** `w.toLowerCase()`: the same string, from a cache or from `w` itself when nothing changes. */
export function lowerCase(w: string): string {
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if ((c >= 65 && c <= 90) || c >= 128) return loweredSlowly(w);
  }
  return w;
}

function loweredSlowly(w: string): string {
  let lower = LOWERED.get(w);
  if (lower === undefined) {
    lower = w.toLowerCase();
    if (LOWERED.size >= MAX_LOWERED) LOWERED.clear();
    LOWERED.set(w, lower);
  }
  return lower;
}
