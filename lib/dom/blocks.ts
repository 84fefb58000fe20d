/**
 * The walk that turns the article's elements into text blocks: one pass over
 * the body root's nodes, skipping furniture, keeping each text node's
 * characters exactly so every offset maps back to a (node, offset) pair.
 */
import type { BlockKind } from '../types';
import { BLOCK_TAGS, isFurniture, isInlineExcluded, linkDensity } from './article-root';
import { drain, type Steps } from '../engine/steps';

/** Blocks emitted between pauses of the resumable walk (`walkBodySteps`). */
const BLOCKS_PER_STEP = 32;

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/** A stretch of block text before the blocks are joined: a text node's data, or a synthetic "\n" for `<br>`. */
export interface RawPiece {
  text: string;
  node: Text | null;
  nodeOffset: number;
}

/** One block found by the walk, with its text pieces (already trimmed). */
export interface BlockDraft {
  kind: BlockKind;
  element: Element;
  pieces: RawPiece[];
}

/** Phrasing elements: their text flows into the surrounding block. */
const INLINE_TAGS = new Set([
  'a', 'abbr', 'b', 'bdi', 'bdo', 'br', 'cite', 'data', 'dfn', 'em', 'font', 'i', 'kbd', 'mark', 'q', 's',
  'samp', 'small', 'span', 'strong', 'sub', 'sup', 'u', 'var', 'wbr', 'del', 'ins', 'time', 'img', 'big', 'tt',
  'nobr', 'acronym', 'strike',
]);

const NESTED_BLOCK_SELECTOR = 'p, li, h2, h3, h4, h5, h6, blockquote, div, section, article, ul, ol, table, dl';

/** Collects the text pieces under `el`, skipping hidden/non-text subtrees; `<br>` gives a synthetic "\n". */
function collectPieces(el: Element, out: RawPiece[], timeChars: { inTime: number }, insideTime: boolean): void {
  for (let child = el.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === TEXT_NODE) {
      const text = child as Text;
      if (text.data.length === 0) continue;
      out.push({ text: text.data, node: text, nodeOffset: 0 });
      if (insideTime) timeChars.inTime += solidLength([{ text: text.data, node: null, nodeOffset: 0 }]);
    } else if (child.nodeType === ELEMENT_NODE) {
      const element = child as Element;
      if (element.localName === 'br') {
        out.push({ text: '\n', node: null, nodeOffset: 0 });
      } else if (!isInlineExcluded(element)) {
        collectPieces(element, out, timeChars, insideTime || element.localName === 'time');
      }
    }
  }
}

const NON_SPACE = /\S/;

/** Drops leading and trailing whitespace from a block's pieces by moving piece edges (never altering characters). */
function trimPieces(pieces: RawPiece[]): RawPiece[] {
  let first = 0;
  while (first < pieces.length && !NON_SPACE.test(pieces[first]?.text ?? '')) first++;
  let last = pieces.length - 1;
  while (last >= first && !NON_SPACE.test(pieces[last]?.text ?? '')) last--;
  if (first > last) return [];
  const kept = pieces.slice(first, last + 1).map((p) => ({ ...p }));
  const head = kept[0];
  if (head) {
    const lead = head.text.length - head.text.trimStart().length;
    head.text = head.text.slice(lead);
    head.nodeOffset += lead;
  }
  const tail = kept[kept.length - 1];
  if (tail) tail.text = tail.text.trimEnd();
  return kept;
}

function piecesLength(pieces: RawPiece[]): number {
  let n = 0;
  for (const p of pieces) n += p.text.length;
  return n;
}

/** Non-space length of the pieces (counted without allocating). */
function solidLength(pieces: RawPiece[]): number {
  let n = 0;
  for (const p of pieces) {
    const t = p.text;
    for (let i = 0; i < t.length; i++) {
      const c = t.charCodeAt(i);
      if (c > 32 && c !== 160 && !(c >= 0x2000 && c <= 0x200a) && c !== 0x3000 && c !== 0x2028 && c !== 0x2029 && c !== 0x202f && c !== 0x205f && c !== 0xfeff) n++;
    }
  }
  return n;
}

/** What the walk needs to know besides the body root. */
export interface WalkTargets {
  title: Element | null;
  dek: Element | null;
}

/** Builds a block draft for one element's text, or null when it is empty. */
export function draftOf(kind: BlockKind, element: Element): BlockDraft | null {
  const raw: RawPiece[] = [];
  collectPieces(element, raw, { inTime: 0 }, false);
  const pieces = trimPieces(raw);
  return pieces.length > 0 ? { kind, element, pieces } : null;
}

/** True when a body block is real article text: not mostly links, not a bare date line. */
function acceptBody(element: Element, pieces: RawPiece[], timeChars: number): boolean {
  // Trimmed pieces always hold a non-space character; a line made only of a <time> is a date line.
  if (timeChars > 0 && timeChars >= solidLength(pieces)) return false;
  if (element.localName !== 'p' || element.getElementsByTagName('a').length > 0) {
    if (linkDensity(element) > 0.5) return false;
  }
  if (/^h[2-6]$/.test(element.localName) && piecesLength(pieces) > 250) return false;
  return true;
}

/**
 * Walks `bodyRoot` in document order and returns its blocks: the headline and
 * standfirst when they are inside it, then paragraphs, list items, quotes and
 * subheadings that are not furniture. Loose text directly in a container (text
 * and inline elements between blocks) becomes a block when it is prose-sized.
 */
export function walkBody(bodyRoot: Element, targets: WalkTargets): BlockDraft[] {
  return drain(walkBodySteps(bodyRoot, targets));
}

/**
 * `walkBody` as resumable steps (a pause every few dozen blocks), so the
 * content script can walk a very long article in slices; same result.
 */
export function* walkBodySteps(bodyRoot: Element, targets: WalkTargets): Steps<BlockDraft[]> {
  const out: BlockDraft[] = [];
  let sincePause = 0;
  const special = (el: Element): BlockKind | null => (el === targets.title ? 'title' : el === targets.dek ? 'dek' : null);

  const emitLeaf = (element: Element): void => {
    const raw: RawPiece[] = [];
    const time = { inTime: 0 };
    collectPieces(element, raw, time, false);
    const pieces = trimPieces(raw);
    if (pieces.length > 0 && acceptBody(element, pieces, time.inTime)) out.push({ kind: 'body', element, pieces });
  };

  /** Finds the headline/standfirst inside a furniture subtree (an article's own header). */
  const findSpecial = (container: Element): void => {
    for (let child = container.firstElementChild; child; child = child.nextElementSibling) {
      const kind = special(child);
      if (kind) {
        const draft = draftOf(kind, child);
        if (draft) out.push(draft);
      } else if ((targets.title && child.contains(targets.title)) || (targets.dek && child.contains(targets.dek))) {
        findSpecial(child);
      }
    }
  };

  const walk = function* (container: Element): Steps<void> {
    let loose: RawPiece[] = [];
    let looseTime = { inTime: 0 };
    const flushLoose = (): void => {
      const pieces = trimPieces(loose);
      const solid = pieces.length > 0 ? solidLength(pieces) : 0;
      if (solid >= 40 && looseTime.inTime < solid) {
        out.push({ kind: 'body', element: container, pieces });
      }
      loose = [];
      looseTime = { inTime: 0 };
    };
    for (let child = container.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === TEXT_NODE) {
        const text = child as Text;
        if (text.data.length > 0) loose.push({ text: text.data, node: text, nodeOffset: 0 });
        continue;
      }
      if (child.nodeType !== ELEMENT_NODE) continue;
      const element = child as Element;
      const tag = element.localName;
      const kind = special(element);
      if (kind) {
        flushLoose();
        const draft = draftOf(kind, element);
        if (draft) out.push(draft);
        continue;
      }
      if (tag === 'br') {
        loose.push({ text: '\n', node: null, nodeOffset: 0 });
        continue;
      }
      if (isFurniture(element)) {
        if ((targets.title && element.contains(targets.title)) || (targets.dek && element.contains(targets.dek))) {
          flushLoose();
          findSpecial(element);
        }
        continue;
      }
      if (INLINE_TAGS.has(tag) && !element.querySelector('p, div, li')) {
        if (!isInlineExcluded(element)) collectPieces(element, loose, looseTime, tag === 'time');
        continue;
      }
      flushLoose();
      if (tag === 'h1') continue; // A second headline (a teaser's) is never body text.
      if (tag === 'p' || (BLOCK_TAGS.has(tag) && !element.querySelector(NESTED_BLOCK_SELECTOR))) {
        emitLeaf(element);
        if (++sincePause >= BLOCKS_PER_STEP) {
          sincePause = 0;
          yield;
        }
      } else {
        yield* walk(element);
      }
    }
    flushLoose();
  };

  yield* walk(bodyRoot);
  return out;
}
