/**
 * The engine runs in Gloss's background, not in the page: the content script
 * extracts the article and sends its text over a port; the background
 * annotates it and streams the annotations back in parts.
 *
 * Why: the engine and the knowledge packs are most of Gloss's code. In the
 * content script they were evaluated afresh on every page (one long task on
 * every page, article or not) and ran cold in every tab; in the background
 * they are loaded once and stay warm, and annotating never holds the page's
 * main thread. The article text never leaves the browser: it goes from one of
 * Gloss's own contexts to another.
 *
 * Why parts: Chrome serialises each port message as JSON, and the page's main
 * thread parses it. One message with tens of thousands of annotations would be
 * one long parse; parts of at most `PART_SIZE` items are parsed a task each.
 */
import type { KnowledgePack } from '../packs/types';
import type { Annotations, ArticleText, Claim, Figure, OfficialMention } from '../types';
import type { AnnotationListName, AnnotationOf, AnnotationSet } from '../annotation-set';
import { ColumnList, ColumnsError, encodeColumns, type ColumnsWire } from './columns';

/** The port name the content script connects with. */
export const ANNOTATE_PORT = 'gloss:annotate';

/** Most annotations in one `part` message. */
export const PART_SIZE = 2000;

/** Longest article text the background accepts (the content script caps articles below this). */
export const MAX_ARTICLE_CHARS = 4_000_000;

/**
 * Most characters of article text in one message. A longer text goes in
 * pieces, each posted in a task of its own: Chrome serialises a message in
 * the task that posts it, and 1.4 M characters in one message made a task of
 * 17–45 ms on the page's main thread.
 */
export const TEXT_PIECE_CHARS = 262_144;

/** Most pieces a text may come in (`MAX_ARTICLE_CHARS` in pieces of `TEXT_PIECE_CHARS`). */
const MAX_TEXT_PIECES = Math.ceil(MAX_ARTICLE_CHARS / TEXT_PIECE_CHARS);

/**
 * Content script → background, the first message on a port. An `annotate`
 * request whose text comes in pieces says how many (`pieces`, counting its
 * own); the rest follow as `MoreText` messages, in order.
 */
export type AnnotateRequest =
  | { type: 'annotate'; article: ArticleText; pieces?: number }
  /**
   * The packs, for the cards. Asked for separately, when the pointer first
   * rests on a highlight (or a card opens): the bundled pack is a 50 KB message, and parsing it on every page held
   * the page's main thread for about 9 ms on the seed page, for cards most
   * readers never open.
   */
  | { type: 'packs' };

/** The next piece of a long article's text (see `TEXT_PIECE_CHARS`). */
export interface MoreText {
  type: 'text';
  text: string;
}

/**
 * The messages that send `article`: one `annotate` request, its text's first
 * piece in it when the text is longer than `size`, then the other pieces.
 * No piece ends between the two halves of a surrogate pair, so each piece is
 * well-formed text on the wire.
 */
export function requestMessages(article: ArticleText, size = TEXT_PIECE_CHARS): [AnnotateRequest, ...MoreText[]] {
  const { text } = article;
  if (text.length <= size) return [{ type: 'annotate', article }];
  const pieces: string[] = [];
  for (let at = 0; at < text.length; ) {
    let end = Math.min(at + size, text.length);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff && end - 1 > at) end--;
    pieces.push(text.slice(at, end));
    at = end;
  }
  const [first, ...rest] = pieces as [string, ...string[]];
  return [{ type: 'annotate', article: { ...article, text: first }, pieces: pieces.length }, ...rest.map((t): MoreText => ({ type: 'text', text: t }))];
}

/**
 * The background's side of `requestMessages`: takes a port's messages in
 * order and gives back the whole request once its text is complete. Checks
 * only the pieces (count, type, total length); `articleOfRequest` checks the
 * article once it is whole.
 */
export class RequestJoiner {
  private first: { type: 'annotate'; article: Record<string, unknown> } | null = null;
  private pieces: string[] = [];
  private expected = 0;
  private chars = 0;

  /** The request once complete (a request in one message is complete at once), else null; throws on a malformed piece. */
  add(msg: unknown): { request: unknown } | null {
    if (!this.first) {
      const { type, article, pieces } = (typeof msg === 'object' && msg !== null ? msg : {}) as { type?: unknown; article?: unknown; pieces?: unknown };
      if (type !== 'annotate' || pieces === undefined) return { request: msg };
      const text = typeof article === 'object' && article !== null ? (article as { text?: unknown }).text : undefined;
      if (typeof text !== 'string' || !Number.isInteger(pieces) || (pieces as number) < 2 || (pieces as number) > MAX_TEXT_PIECES) {
        throw new Error('Gloss: malformed annotate request');
      }
      this.first = { type, article: article as Record<string, unknown> };
      this.expected = pieces as number;
      this.take(text);
      return null;
    }
    const { type, text } = (typeof msg === 'object' && msg !== null ? msg : {}) as { type?: unknown; text?: unknown };
    if (type !== 'text' || typeof text !== 'string') throw new Error('Gloss: malformed annotate request');
    this.take(text);
    if (this.pieces.length < this.expected) return null;
    const whole = { type: 'annotate', article: { ...this.first.article, text: this.pieces.join('') } };
    this.pieces = [];
    return { request: whole };
  }

  private take(text: string): void {
    this.chars += text.length;
    if (this.chars > MAX_ARTICLE_CHARS) throw new Error('Gloss: malformed annotate request');
    this.pieces.push(text);
  }
}

/**
 * Background → content script. To `annotate`: any `part`s, then `done`; to
 * `packs`: one `packs`. `error` can come at any point instead.
 */
export type AnnotateReply =
  | { type: 'packs'; packs: KnowledgePack[] }
  /** Up to `PART_SIZE` items of one list, as columns (`lib/remote/columns.ts` says why). */
  | { type: 'part'; list: AnnotationListName; items: ColumnsWire }
  | { type: 'done'; date: string | null; topics: string[]; officials: number; figures: number; claims: number }
  | { type: 'error'; message: string };

/**
 * An annotation's `text` is left out of what is sent when it is exactly the
 * article's text between its offsets (always, in practice), since the content
 * script has that text already; claims are whole sentences, so this halves
 * what crosses the wire and what the page must parse.
 */
function textIsDerivable(articleText: string): (item: { text: string; start: number; end: number }, key: string) => boolean {
  // Compared in place: slicing a string per annotation was a tenth of the encoding's time.
  return (item, key) => key === 'text' && item.end - item.start === item.text.length && articleText.startsWith(item.text, item.start);
}

/**
 * One list of annotations as `part` replies of at most `size` items each.
 * The background sends officials and figures as soon as the engine has
 * finished them, while it still looks for claims (see `annotate-service.ts`).
 */
export function* listParts<L extends AnnotationListName>(list: L, items: Annotations[L], articleText: string, size = PART_SIZE): Generator<AnnotateReply> {
  for (let at = 0; at < items.length; at += size) {
    const slice = (items as readonly (OfficialMention | Figure | Claim)[]).slice(at, at + size);
    yield { type: 'part', list, items: encodeColumns(slice, textIsDerivable(articleText)) };
  }
}

/** The `done` reply: what the parts must add up to, and the article-wide results. */
export function doneReply(annotations: Annotations): AnnotateReply {
  const { officials, figures, claims } = annotations;
  return { type: 'done', date: annotations.date, topics: annotations.topics, officials: officials.length, figures: figures.length, claims: claims.length };
}

/** The annotations of `article` as a sequence of replies: each list in parts of at most `size` items, then `done`. */
export function* replyParts(annotations: Annotations, articleText: string, size = PART_SIZE): Generator<AnnotateReply> {
  yield* listParts('officials', annotations.officials, articleText, size);
  yield* listParts('figures', annotations.figures, articleText, size);
  yield* listParts('claims', annotations.claims, articleText, size);
  yield doneReply(annotations);
}

const LIST_NAMES: readonly AnnotationListName[] = ['officials', 'figures', 'claims'];

/** Reads the article's text between two offsets (the page reads it back from its text nodes). */
export type TextReader = (start: number, end: number) => string;

/**
 * Collects replies back into the annotations of an article, kept as columns;
 * `add` returns them once `done` arrives. `text` is the article's text, or a
 * reader of it: an annotation that arrived without its text gets the text
 * between its offsets when it is made.
 */
export class AnnotationAssembler {
  private readonly lists: { [L in AnnotationListName]: ColumnList<AnnotationOf<L>> };

  constructor(text: string | TextReader) {
    const read: TextReader = typeof text === 'string' ? (start, end) => text.slice(start, end) : text;
    const derive = (item: Record<string, unknown>): void => {
      if (!('text' in item)) item.text = read(item.start as number, item.end as number);
    };
    this.lists = { officials: new ColumnList(derive), figures: new ColumnList(derive), claims: new ColumnList(derive) };
  }

  /** Adds one `part` or `done` reply; returns the annotations on `done`, else null. Throws on a malformed part or a count mismatch. */
  add(reply: Extract<AnnotateReply, { type: 'part' | 'done' }>): AnnotationSet | null {
    if (reply.type === 'part') {
      if (!LIST_NAMES.includes(reply.list)) throw new ColumnsError('Gloss: a part names no list');
      this.lists[reply.list].add(reply.items);
      return null;
    }
    const { officials, figures, claims } = this.lists;
    if (reply.officials !== officials.length || reply.figures !== figures.length || reply.claims !== claims.length) {
      throw new Error('Gloss: annotations arrived incomplete');
    }
    return columnSet(reply.date, reply.topics, this.lists);
  }
}

/** The `AnnotationSet` over columns: offsets and checks read in place, objects made on request. */
function columnSet(date: string | null, topics: string[], lists: { [L in AnnotationListName]: ColumnList<AnnotationOf<L>> }): AnnotationSet {
  let differs: Uint8Array | null = null;
  return {
    date,
    topics,
    size: (list) => lists[list].length,
    start: (list, i) => lists[list].number('start', i),
    end: (list, i) => lists[list].number('end', i),
    starts: (list) => lists[list].numbers('start'),
    ends: (list) => lists[list].numbers('end'),
    figureDiffers: (i) => {
      if (!differs) {
        const flags = new Uint8Array(lists.figures.length);
        lists.figures.forEachValue('check', (at, check) => {
          if ((check as { verdict?: unknown } | null)?.verdict === 'differs') flags[at] = 1;
        });
        differs = flags;
      }
      return differs[i] === 1;
    },
    item: <L extends AnnotationListName>(list: L, i: number) => lists[list].get(i) as AnnotationOf<L> | undefined,
    toAnnotations: () => ({ date, topics, officials: lists.officials.toArray(), figures: lists.figures.toArray(), claims: lists.claims.toArray() }),
  };
}

function isString(v: unknown): v is string {
  return typeof v === 'string';
}

function isNullableString(v: unknown): v is string | null {
  return v === null || typeof v === 'string';
}

/**
 * The article of a request, or null when the request is not a well-formed
 * article (the background checks even its own content script's messages: a
 * compromised renderer must not be able to crash or stall it).
 */
export function articleOfRequest(msg: unknown): ArticleText | null {
  if (typeof msg !== 'object' || msg === null) return null;
  const { type, article } = msg as { type?: unknown; article?: unknown };
  if (type !== 'annotate' || typeof article !== 'object' || article === null) return null;
  const a = article as Record<string, unknown>;
  if (!isString(a.text) || a.text.length > MAX_ARTICLE_CHARS || !Array.isArray(a.blocks)) return null;
  if (!isNullableString(a.date) || !isNullableString(a.lang) || !isNullableString(a.title) || !isNullableString(a.url)) return null;
  const length = a.text.length;
  let previousEnd = 0;
  for (const b of a.blocks as unknown[]) {
    if (typeof b !== 'object' || b === null) return null;
    const { kind, start, end } = b as Record<string, unknown>;
    if (kind !== 'title' && kind !== 'dek' && kind !== 'body') return null;
    if (!Number.isInteger(start) || !Number.isInteger(end)) return null;
    const s = start as number;
    const e = end as number;
    if (s < previousEnd || e < s || e > length) return null;
    previousEnd = e;
  }
  return a as unknown as ArticleText;
}
