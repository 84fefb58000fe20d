/**
 * One-pass phrase matching over article text.
 *
 * The text is cut once into word tokens (`tokenizeSteps`, tokens.ts); phrases (pack names,
 * aliases, topic terms, job titles) are stored in a token trie. Matching walks
 * the trie from each token, so the cost is O(tokens × longest phrase) however
 * many phrases there are, and matches always start and end on word
 * boundaries. Matching is case-insensitive and tolerant of how names are
 * written: "Kim Hyun-chong", "Kim Hyun Chong" and "Kim Hyunchong" are the same
 * phrase; curly and straight apostrophes are the same; non-breaking spaces
 * count as spaces; "U.S." and "US" are the same token.
 */

import { TokenList, listOf, tokenList, type Tokens } from './tokens';

// The tokenizer lives in tokens.ts; these names stay importable from here.
export { Token, TokenList, continuesPhrase, isHyphenJoin, listOf, tokenList, tokenize, tokenizeSteps, type Tokens } from './tokens';

interface TrieNode<T> {
  next: Map<string, TrieNode<T>>;
  values: T[];
}

/** A phrase found in the text. */
export interface PhraseMatch<T> {
  /** Index of the first and one past the last token. */
  firstToken: number;
  endToken: number;
  start: number;
  end: number;
  /** Every value registered for the matched phrase (several when two entries share a phrase). */
  values: readonly T[];
}

/** The token keys a phrase is stored under: as written, plus each hyphenated pair written joined ("hyunchong"). */
function phraseKeys(phrase: string): string[][] {
  const tokens = tokenList(phrase);
  if (tokens.length === 0) return [];
  const base: string[] = [];
  const joins: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    base.push(tokens.norm(i));
    if (i > 0 && tokens.hyphenJoin(i)) joins.push(i);
  }
  const variants: string[][] = [base];
  if (joins.length > 0 && joins.length <= 2) {
    const combos = 1 << joins.length;
    for (let mask = 1; mask < combos; mask++) {
      const out: string[] = [];
      base.forEach((norm, i) => {
        const joinIndex = joins.indexOf(i);
        if (joinIndex >= 0 && mask & (1 << joinIndex) && out.length > 0) out[out.length - 1] += norm;
        else out.push(norm);
      });
      variants.push(out);
    }
  }
  return variants;
}

/**
 * A set of phrases compiled into a token trie. Build it once per phrase set
 * (it is immutable) and call `matchAll` per article.
 */
export class PhraseMatcher<T> {
  private readonly root: TrieNode<T> = { next: new Map(), values: [] };
  private longest = 0;
  /**
   * The token list whose form ids `firstSteps` is indexed by: the last one
   * matched (so one article's list stays referenced until the next).
   */
  private firstStepsList: TokenList | null = null;
  /**
   * The root's child for each word id of that text, filled as words are met
   * (null: no phrase starts with that word): one Map look-up per distinct
   * word instead of one per token.
   */
  private firstSteps: (TrieNode<T> | null | undefined)[] = [];

  /** Compiles `entries`; a phrase listed twice keeps every value. */
  constructor(entries: Iterable<{ phrase: string; value: T }>) {
    for (const { phrase, value } of entries) {
      for (const keys of phraseKeys(phrase)) {
        let node = this.root;
        for (const key of keys) {
          let child = node.next.get(key);
          if (!child) {
            child = { next: new Map(), values: [] };
            node.next.set(key, child);
          }
          node = child;
        }
        if (!node.values.includes(value)) node.values.push(value);
        this.longest = Math.max(this.longest, keys.length);
      }
    }
  }

  /** The longest phrase starting at token `i`, or null. */
  matchAt(tokens: Tokens, i: number): PhraseMatch<T> | null {
    // Called at every token: a plain array test rather than a call into another module.
    const list = Array.isArray(tokens) ? listOf(tokens) : (tokens as TokenList);
    if (i >= list.length || this.longest === 0) return null;
    let node: TrieNode<T> | null | undefined = this.firstStep(list, i);
    if (!node) return null;
    let best: PhraseMatch<T> | null = null;
    for (let j = i; j < list.length && j - i < this.longest; j++) {
      if (j > i) {
        if (!list.continues(j)) break;
        node = node.next.get(list.norm(j));
        if (!node) break;
      }
      if (node.values.length > 0) {
        best = { firstToken: i, endToken: j + 1, start: list.start(i), end: list.end(j), values: node.values };
      }
    }
    return best;
  }

  /** The trie node after token `i`'s word, or null when no phrase starts with it. */
  private firstStep(list: TokenList, i: number): TrieNode<T> | null {
    if (list !== this.firstStepsList) {
      this.firstStepsList = list;
      this.firstSteps = new Array<TrieNode<T> | null | undefined>(list.forms.forms.length).fill(undefined);
    }
    const id = list.id(i);
    let node = this.firstSteps[id];
    if (node === undefined) {
      node = this.root.next.get(list.norm(i)) ?? null;
      this.firstSteps[id] = node;
    }
    return node;
  }

  /** All leftmost-longest, non-overlapping matches, in text order. */
  matchAll(tokens: Tokens): PhraseMatch<T>[] {
    const list = listOf(tokens);
    const out: PhraseMatch<T>[] = [];
    let i = 0;
    while (i < list.length) {
      const m = this.matchAt(list, i);
      if (m) {
        out.push(m);
        i = m.endToken;
      } else i++;
    }
    return out;
  }
}

/**
 * Memoises `build` per list of objects, by the identity of the items (not of
 * the array), so callers that pass a fresh array of the same packs on every
 * page still reuse the compiled matcher. Keeps the few most recent lists.
 */
export function memoizeByItems<K extends object, V>(build: (items: readonly K[]) => V, size = 4): (items: readonly K[]) => V {
  const recent: { items: readonly K[]; value: V }[] = [];
  return (items) => {
    const hit = recent.find((entry) => entry.items.length === items.length && entry.items.every((item, i) => item === items[i]));
    if (hit) return hit.value;
    const value = build(items);
    recent.unshift({ items: [...items], value });
    if (recent.length > size) recent.pop();
    return value;
  };
}
