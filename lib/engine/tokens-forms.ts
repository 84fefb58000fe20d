/**
 * Interned word forms for one text. The tokenizer folds every word
 * ("Hyun" → "hyun", "U.S." → "us"); interning gives each distinct form one
 * string and a small id instead of a new string per occurrence, so a 1 MB
 * article makes a few thousand strings, not two hundred thousand, and
 * per-word look-ups can be cached per id.
 */

/** The hash `internAscii` gives a range: over the folded form's code units. */
function hashOf(form: string): number {
  let h = 0;
  for (let i = 0; i < form.length; i++) h = (Math.imul(h, 31) + form.charCodeAt(i)) | 0;
  return h;
}

/** An open-addressing table of the folded forms met in one text, each with an id (0, 1, 2 … in order met). */
export class WordForms {
  /** Forms by id. */
  readonly forms: string[] = [];
  /** Hash of each form, by id (cheap rejection before comparing characters). */
  private hashes: Int32Array;
  /** Slots holding id + 1 (0 = empty); the size is a power of two, at most half full. */
  private slots: Int32Array;

  constructor(private readonly text: string) {
    // Small for a phrase, a few thousand slots for an article (the tables grow when needed).
    let size = 16;
    while (size < 4096 && size * 16 < text.length) size *= 2;
    this.slots = new Int32Array(size);
    this.hashes = new Int32Array(size >> 1);
  }

  /**
   * Id of the folded form of the range `text[start, end)` when it is all
   * ASCII (letters lower-cased, periods dropped), else -1: the caller folds
   * other words the Unicode way and calls `intern`. Compares characters in
   * place, so a form already met makes no string.
   */
  internAscii(start: number, end: number): number {
    const text = this.text;
    let h = 0;
    for (let i = start; i < end; i++) {
      let c = text.charCodeAt(i);
      if (c >= 128) return -1;
      if (c === 46) continue;
      if (c >= 65 && c <= 90) c += 32;
      h = (Math.imul(h, 31) + c) | 0;
    }
    return this.internHashed(start, end, h);
  }

  /** `internAscii` for a range whose hash the caller worked out while scanning it (the same hash `internAscii` gives). */
  internHashed(start: number, end: number, h: number): number {
    const mask = this.slots.length - 1;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot]!;
      if (entry === 0) break;
      if (this.hashes[entry - 1] === h && this.sameAsciiForm(this.forms[entry - 1]!, start, end)) return entry - 1;
    }
    let form = this.text.slice(start, end).toLowerCase();
    if (form.includes('.')) form = form.replace(/\./g, '');
    return this.add(form, h);
  }

  /** Id of an already folded form (words with non-ASCII characters are folded by the caller). */
  intern(form: string): number {
    const h = hashOf(form);
    const found = this.find(form, h);
    return found >= 0 ? found : this.add(form, h);
  }

  /** Id of `form` when the text has a word with that form, else -1. */
  idOf(form: string): number {
    return this.find(form, hashOf(form));
  }

  private find(form: string, h: number): number {
    const mask = this.slots.length - 1;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot]!;
      if (entry === 0) return -1;
      if (this.hashes[entry - 1] === h && this.forms[entry - 1] === form) return entry - 1;
    }
  }

  /** True when `form` is `text[start, end)` lower-cased without its periods. */
  private sameAsciiForm(form: string, start: number, end: number): boolean {
    const text = this.text;
    let k = 0;
    for (let i = start; i < end; i++) {
      let c = text.charCodeAt(i);
      if (c === 46) continue;
      if (c >= 65 && c <= 90) c += 32;
      if (form.charCodeAt(k++) !== c) return false;
    }
    return k === form.length;
  }

  private add(form: string, h: number): number {
    const id = this.forms.length;
    this.forms.push(form);
    if (id === this.hashes.length) {
      const grown = new Int32Array(id * 2);
      grown.set(this.hashes);
      this.hashes = grown;
    }
    this.hashes[id] = h;
    if (this.forms.length * 2 > this.slots.length) this.rehash();
    else this.place(id, h);
    return id;
  }

  private place(id: number, h: number): void {
    const mask = this.slots.length - 1;
    let slot = h & mask;
    while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
    this.slots[slot] = id + 1;
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2);
    for (let id = 0; id < this.forms.length; id++) this.place(id, this.hashes[id]!);
  }
}
