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
import type { Annotations, ArticleText, Claim, Figure, OfficialMention, Role } from '../types';

/** The port name the content script connects with. */
export const ANNOTATE_PORT = 'gloss:annotate';

/** Most annotations in one `part` message. */
export const PART_SIZE = 2000;

/** Longest article text the background accepts (the content script caps articles below this). */
export const MAX_ARTICLE_CHARS = 4_000_000;

/** An annotation as sent: `text` is left out when it is the article's text between the offsets (see `withoutText`). */
export type OnTheWire<T extends { text: string }> = Omit<T, 'text'> & { text?: string };

/** An official as sent: its role is an index into its part's `roles` (see `withRoleIndex`). */
export type OfficialOnTheWire = Omit<OnTheWire<OfficialMention>, 'role'> & { role: number | null };

/** Content script → background, the first and only message on a port. */
export type AnnotateRequest =
  | { type: 'annotate'; article: ArticleText }
  /**
   * The packs, for the cards. Asked for separately, when the first card opens:
   * the bundled pack is a 50 KB message, and parsing it on every page held
   * the page's main thread for about 9 ms on the seed page, for cards most
   * readers never open.
   */
  | { type: 'packs' };

/**
 * Background → content script. To `annotate`: any `part`s, then `done`; to
 * `packs`: one `packs`. `error` can come at any point instead.
 */
export type AnnotateReply =
  | { type: 'packs'; packs: KnowledgePack[] }
  | { type: 'part'; roles: Role[]; officials: OfficialOnTheWire[]; figures: OnTheWire<Figure>[]; claims: OnTheWire<Claim>[] }
  | { type: 'done'; date: string | null; topics: string[]; officials: number; figures: number; claims: number }
  | { type: 'error'; message: string };

/**
 * An annotation as sent: its `text` is left out when it is exactly the
 * article's text between its offsets (always, in practice), since the content
 * script has that text already; claims are whole sentences, so this halves
 * what crosses the wire and what the page must parse.
 */
function withoutText<T extends { text: string; start: number; end: number }>(items: readonly T[], articleText: string): OnTheWire<T>[] {
  return items.map((item) => {
    if (item.text !== articleText.slice(item.start, item.end)) return item;
    const { text: _text, ...rest } = item;
    return rest;
  });
}

/** Gives every annotation that arrived without its `text` the article's text between its offsets. */
function withText<T extends { text: string; start: number; end: number }>(items: OnTheWire<T>[], articleText: string): T[] {
  for (const item of items) item.text ??= articleText.slice(item.start, item.end);
  return items as T[];
}

/**
 * Officials with each role sent once per part: a role is an index into
 * `roles`. Why: the same few roles repeat on every mention of a person (on
 * the 1.5 MB benchmark page 13,553 mentions carry 10 distinct roles), and as
 * copies they were a third of what crossed the wire and as many objects in
 * the page's heap. Roles equal in value share one entry, so the page gets
 * one object per distinct role.
 */
function withRoleIndex(officials: readonly OnTheWire<OfficialMention>[]): { roles: Role[]; officials: OfficialOnTheWire[] } {
  const roles: Role[] = [];
  const byValue = new Map<string, number>();
  const byObject = new Map<Role, number>();
  const indexOf = (role: Role): number => {
    let at = byObject.get(role);
    if (at !== undefined) return at;
    const key = JSON.stringify(role);
    at = byValue.get(key);
    if (at === undefined) {
      at = roles.length;
      roles.push(role);
      byValue.set(key, at);
    }
    byObject.set(role, at);
    return at;
  };
  return { roles, officials: officials.map((o) => ({ ...o, role: o.role ? indexOf(o.role) : null })) };
}

/**
 * Gives every official its role back from its part's `roles`, in place (the
 * objects are fresh from the message); throws on an index the part lacks.
 */
function withRoles(officials: OfficialOnTheWire[], roles: readonly Role[]): OnTheWire<OfficialMention>[] {
  for (const o of officials) {
    if (o.role === null) continue;
    const role = roles[o.role];
    if (!role) throw new Error('Gloss: an official arrived with an unknown role');
    (o as unknown as OnTheWire<OfficialMention>).role = role;
  }
  return officials as unknown as OnTheWire<OfficialMention>[];
}

/** The lists of annotations, in the order the engine finishes them and the parts are sent. */
export type AnnotationListName = 'officials' | 'figures' | 'claims';

/**
 * One list of annotations as `part` replies of at most `size` items each.
 * The background sends officials and figures as soon as the engine has
 * finished them, while it still looks for claims (see `annotate-service.ts`).
 */
export function* listParts<L extends AnnotationListName>(list: L, items: Annotations[L], articleText: string, size = PART_SIZE): Generator<AnnotateReply> {
  for (let at = 0; at < items.length; at += size) {
    const part: Extract<AnnotateReply, { type: 'part' }> = { type: 'part', roles: [], officials: [], figures: [], claims: [] };
    if (list === 'officials') Object.assign(part, withRoleIndex(withoutText((items as OfficialMention[]).slice(at, at + size), articleText)));
    else if (list === 'figures') part.figures = withoutText((items as Figure[]).slice(at, at + size), articleText);
    else part.claims = withoutText((items as Claim[]).slice(at, at + size), articleText);
    yield part;
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

/** Collects replies back into the annotations of the article whose text is `articleText`; `add` returns them once `done` arrives. */
export class AnnotationAssembler {
  private readonly officials: OfficialMention[] = [];
  private readonly figures: Figure[] = [];
  private readonly claims: Claim[] = [];

  constructor(private readonly articleText: string) {}

  /** Adds one `part` or `done` reply; returns the whole annotations on `done`, else null. Throws on a count mismatch. */
  add(reply: Extract<AnnotateReply, { type: 'part' | 'done' }>): Annotations | null {
    if (reply.type === 'part') {
      for (const o of withText(withRoles(reply.officials, reply.roles), this.articleText)) this.officials.push(o);
      for (const f of withText(reply.figures, this.articleText)) this.figures.push(f);
      for (const c of withText(reply.claims, this.articleText)) this.claims.push(c);
      return null;
    }
    if (reply.officials !== this.officials.length || reply.figures !== this.figures.length || reply.claims !== this.claims.length) {
      throw new Error('Gloss: annotations arrived incomplete');
    }
    return { date: reply.date, officials: this.officials, figures: this.figures, claims: this.claims, topics: reply.topics };
  }
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
