/**
 * Finding where the article sits on a page: which elements are page furniture
 * (navigation, ads, comments, "most read" lists…), which container holds the
 * body paragraphs (scored by paragraph text density, like Readability), and
 * which heading and standfirst belong to it. No layout APIs: works in linkedom.
 */
import { drain, type Steps } from '../engine/steps';

/** Paragraphs handled between pauses of the resumable body-root search (`findBodyRootSteps`). */
const PARAGRAPHS_PER_STEP = 64;

/** Elements whose whole subtree is never article text. */
const EXCLUDED_TAGS = new Set([
  'nav', 'aside', 'footer', 'form', 'button', 'figcaption', 'figure', 'pre', 'code', 'script', 'style',
  'noscript', 'template', 'svg', 'math', 'textarea', 'input', 'select', 'option', 'label', 'iframe',
  'object', 'embed', 'video', 'audio', 'canvas', 'dialog', 'menu', 'time', 'head', 'title', 'link', 'meta',
]);

/** Class/id words that always mark furniture, even next to an article-like name ("article-comments"). */
const STRONG_NEGATIVE_WORDS = new Set([
  'nav', 'navbar', 'navigation', 'menu', 'footer', 'comment', 'comments', 'disqus', 'sidebar', 'related',
  'promo', 'share', 'sharing', 'sharetools', 'social', 'ad', 'ads', 'advert', 'adverts', 'advertisement',
  'sponsor', 'sponsored', 'mostread', 'popular', 'trending', 'byline', 'caption', 'newsletter', 'subscribe',
  'signup', 'breadcrumb', 'breadcrumbs', 'outbrain', 'taboola', 'recirculation', 'recommended', 'adblocker', 'paywall',
  'gallery', 'slideshow', 'legend', 'photo', 'image', 'video', 'player',
]);

/** Class/id words that mark furniture unless the element also has an article-like name ("story-meta" holds the headline). */
const WEAK_NEGATIVE_WORDS = new Set([
  'author', 'credit', 'tags', 'widget', 'modal', 'popup', 'cookie', 'banner', 'masthead', 'kicker', 'dateline',
  'timestamp', 'meta', 'toolbar', 'citation', 'feedback', 'hidden', 'offscreen', 'sronly', 'teaser',
]);

/** Multi-word hints, matched on the joined class/id string. */
const NEGATIVE_PHRASES =
  /most[-_]?read|most[-_]?popular|off[-_]screen|sr[-_]only|visually[-_]hidden|screen[-_]reader|related|nocontent|byline|timestamp|dateline|newsletter|advert|sponsor|share[-_]?(?:bar|tools|buttons)/i;

/** Class/id words that mark the article container (cancel a negative word on the same element). */
const POSITIVE_WORDS = new Set([
  'article', 'articlebody', 'body', 'content', 'entry', 'main', 'post', 'story', 'text', 'column', 'prose',
]);

const STYLE_HIDDEN = /display\s*:\s*none|visibility\s*:\s*hidden/i;

function hintWords(el: Element): string[] {
  const cls = el.getAttribute('class') ?? '';
  const id = el.getAttribute('id') ?? '';
  if (cls === '' && id === '') return [];
  return `${cls} ${id}`.toLowerCase().split(/[^a-z0-9]+/).filter((w) => w !== '');
}

/** Readability-style class weight: +25 for article-like names, -25 for furniture names. */
export function classWeight(el: Element): number {
  const words = hintWords(el);
  let weight = 0;
  if (words.some((w) => POSITIVE_WORDS.has(w))) weight += 25;
  if (words.some((w) => STRONG_NEGATIVE_WORDS.has(w) || WEAK_NEGATIVE_WORDS.has(w)) || NEGATIVE_PHRASES.test(`${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`)) weight -= 25;
  return weight;
}

/** True when the element is hidden by markup (no layout needed). */
function isHidden(el: Element): boolean {
  if (el.hasAttribute('hidden')) return true;
  if (el.getAttribute('aria-hidden') === 'true') return true;
  const style = el.getAttribute('style');
  return style !== null && STYLE_HIDDEN.test(style);
}

/** True when the element is hidden or its tag can never hold article text (used inside paragraphs too). */
export function isInlineExcluded(el: Element): boolean {
  const tag = el.localName;
  if (EXCLUDED_TAGS.has(tag) && tag !== 'time') return true;
  if (isHidden(el)) return true;
  if (el.hasAttribute('contenteditable') && el.getAttribute('contenteditable') !== 'false') return true;
  const cls = el.getAttribute('class');
  return cls !== null && /off[-_]?screen|sr[-_]only|visually[-_]hidden|screen[-_]reader/i.test(cls);
}

const FURNITURE_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'complementary', 'search', 'form', 'dialog', 'menu', 'menubar', 'toolbar', 'button']);

/** True for tags, hidden markers, chrome roles and author markup that always mean furniture. */
function isStructuralFurniture(el: Element): boolean {
  const tag = el.localName;
  if (EXCLUDED_TAGS.has(tag) || tag === 'header') return true;
  if (isInlineExcluded(el)) return true;
  const role = el.getAttribute('role');
  if (role !== null && FURNITURE_ROLES.has(role)) return true;
  const rel = el.getAttribute('rel');
  if (rel !== null && /\bauthor\b/.test(rel)) return true;
  const itemprop = el.getAttribute('itemprop');
  return itemprop !== null && /\bauthor\b|\bcreator\b/.test(itemprop);
}

/** True when the element's class/id names furniture (and no article-like name cancels it). */
function hasFurnitureHint(el: Element): boolean {
  const words = hintWords(el);
  if (words.length === 0) return false;
  if (words.some((w) => STRONG_NEGATIVE_WORDS.has(w))) return true;
  if (words.some((w) => POSITIVE_WORDS.has(w))) return false;
  if (words.some((w) => WEAK_NEGATIVE_WORDS.has(w))) return true;
  return NEGATIVE_PHRASES.test(`${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`);
}

/**
 * True when the element's whole subtree is page furniture: excluded tags,
 * hidden elements, landmark roles of chrome, and class/id hints (nav, footer,
 * comment, sidebar, related, promo, share, ad, most-read, byline, caption,
 * newsletter…) unless the same element also carries an article-like name.
 * `header` counts as chrome; the extractor still takes the headline and
 * standfirst from an article's own header.
 */
export function isFurniture(el: Element): boolean {
  return isStructuralFurniture(el) || hasFurnitureHint(el);
}

/** Tags that are block-level text containers for the body walk. */
export const BLOCK_TAGS = new Set(['p', 'li', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'dd', 'dt']);

/**
 * Memoised "is this element inside furniture?" check for the scoring pass.
 * Class hints are ignored on `<body>`/`<html>` and on wrappers holding most of
 * the page's text: sites put "ads-enabled" or "has-sidebar" on page wrappers.
 */
class FurnitureCache {
  private readonly verdicts = new Map<Element, boolean>();

  /** `pageParagraphChars`: total text length of the page's paragraphs. */
  constructor(private readonly pageParagraphChars: number) {}

  private furniture(e: Element): boolean {
    if (isStructuralFurniture(e)) return true;
    if (e.localName === 'body' || e.localName === 'html' || !hasFurnitureHint(e)) return false;
    let inside = 0;
    for (const p of e.getElementsByTagName('p')) inside += (p.textContent ?? '').length;
    return inside < this.pageParagraphChars / 2;
  }

  inside(el: Element | null): boolean {
    const path: Element[] = [];
    let verdict = false;
    for (let e = el; e; e = e.parentElement) {
      const known = this.verdicts.get(e);
      if (known !== undefined) {
        verdict = known;
        break;
      }
      path.push(e);
      if (this.furniture(e)) {
        verdict = true;
        break;
      }
    }
    for (const e of path) this.verdicts.set(e, verdict);
    return verdict;
  }
}

function textLength(el: Element): number {
  return (el.textContent ?? '').trim().length;
}

function linkTextLength(el: Element): number {
  let total = 0;
  for (const a of el.getElementsByTagName('a')) total += (a.textContent ?? '').length;
  return total;
}

const SHOW_TEXT = 4;

/**
 * `el.textContent.length` without building the text: the lengths of its text
 * nodes added up. A candidate body root holds the whole article (megabytes on
 * a very long page), and its link density is all that needs its length.
 */
function textContentLength(el: Element): number {
  const doc = el.ownerDocument;
  if (!doc?.createTreeWalker) return (el.textContent ?? '').length;
  const walker = doc.createTreeWalker(el, SHOW_TEXT);
  let length = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) length += (n as CharacterData).length;
  return length;
}

/** Share of an element's text that sits inside links (0 to 1). */
export function linkDensity(el: Element): number {
  const length = textContentLength(el);
  return length === 0 ? 0 : Math.min(1, linkTextLength(el) / length);
}

/**
 * How many commas `text` holds. Found with `indexOf`, one call per comma: the
 * content script's code is new to every page and runs unoptimised at first,
 * and a loop over each character of a very long article took 30–45 ms there.
 */
function commaCount(text: string): number {
  let n = 0;
  for (let at = text.indexOf(','); at >= 0; at = text.indexOf(',', at + 1)) n++;
  return n;
}

const MARKED_BODY = '[itemprop~="articleBody"], [property~="articleBody"]';

/** Bonus for semantic markers of the article body. */
function semanticBonus(el: Element): number {
  if (el.matches(MARKED_BODY)) return 40;
  const tag = el.localName;
  if (tag === 'article') return 15;
  if (tag === 'main' || el.getAttribute('role') === 'main') return 5;
  return 0;
}

/**
 * The element holding the article's body paragraphs, or null when the page has
 * no paragraph text. Every `<p>` outside furniture with at least 25 characters
 * adds a score (1 + commas + one per 100 characters, up to 3) to its parent,
 * half to its grandparent and a sixth to the next ancestor; candidates are then
 * weighted by link density, class/id hints and semantic markers
 * (`itemprop=articleBody`, `<article>`, `<main>`), then widened when the body
 * is split across sibling containers.
 */
export function findBodyRoot(doc: Document): Element | null {
  return drain(findBodyRootSteps(doc));
}

/**
 * `findBodyRoot` as resumable steps (a pause every few dozen paragraphs), so
 * the content script can search a very long page in slices; same result.
 */
export function* findBodyRootSteps(doc: Document): Steps<Element | null> {
  // Scan from <html>: parsers recovering from broken markup can leave several <body> elements.
  const html = doc.documentElement;
  if (!html) return null;
  const paragraphs: { p: Element; text: string }[] = [];
  let pageParagraphChars = 0;
  // A static list (not the live collection), so pausing between paragraphs is safe.
  const all = [...html.getElementsByTagName('p')];
  for (let i = 0; i < all.length; i++) {
    const p = all[i]!;
    const text = (p.textContent ?? '').trim();
    pageParagraphChars += text.length;
    if (text.length >= 25) paragraphs.push({ p, text });
    if (i % PARAGRAPHS_PER_STEP === PARAGRAPHS_PER_STEP - 1) yield;
  }
  const furniture = new FurnitureCache(pageParagraphChars);
  const scores = new Map<Element, number>();
  let counted = 0;
  for (const { p, text } of paragraphs) {
    if (++counted % PARAGRAPHS_PER_STEP === 0) yield;
    if (furniture.inside(p)) continue;
    const score = 1 + commaCount(text) + Math.min(3, Math.floor(text.length / 100));
    let ancestor = p.parentElement;
    const divisors = [1, 2, 6];
    for (const divisor of divisors) {
      if (!ancestor || ancestor === html) break;
      scores.set(ancestor, (scores.get(ancestor) ?? 0) + score / divisor);
      ancestor = ancestor.parentElement;
    }
  }
  let best: Element | null = null;
  let bestScore = -Infinity;
  // Highest raw score first, so candidates that cannot win even with the largest bonus are
  // skipped before their (costly) link density is measured.
  const MAX_BONUS = 25 * 0.2 + 40;
  for (const [el, raw] of [...scores].sort((a, b) => b[1] - a[1])) {
    if (raw + MAX_BONUS <= bestScore) break;
    const final = raw * (1 - linkDensity(el)) + classWeight(el) * 0.2 + semanticBonus(el);
    if (final > bestScore) {
      bestScore = final;
      best = el;
    }
    // A large candidate's link density reads all its text: a pause after each.
    yield;
  }
  if (!best) return null;
  yield;
  return widenToSplitBody(best, paragraphs.filter(({ p }) => !furniture.inside(p)));
}

function classTokens(el: Element): string[] {
  return (el.getAttribute('class') ?? '').split(/\s+/).filter((t) => t !== '');
}

/** True when two elements look like parts of one series: same tag and a shared class name. */
function sameKind(a: Element, b: Element): boolean {
  if (a.localName !== b.localName) return false;
  const tokens = classTokens(a);
  return classTokens(b).some((t) => tokens.includes(t));
}

/**
 * When the body is split across containers (`div.body-part` × 3 with ads
 * between them, or an intro box before the main text), the best-scoring
 * container holds only part of it. Within three levels up, takes the nearest
 * ancestor that either has a child of the same kind (tag and class) as the
 * branch holding the body, itself holding prose, or holds clearly more prose
 * (15% and 150 characters more). Paragraphs in list items (teaser lists) do
 * not count as prose here.
 */
function widenToSplitBody(best: Element, paragraphs: readonly { p: Element; text: string }[]): Element {
  // Only the prose of `top` (the highest ancestor the widening below can reach) and of elements
  // inside it is ever asked for, so each paragraph inside it walks up to `top` and no further.
  let top = best;
  for (let level = 0; level < 3; level++) {
    const parent: Element | null = top.parentElement;
    if (!parent || parent.localName === 'body' || parent.localName === 'html') break;
    top = parent;
  }
  let listAboveTop = false;
  for (let e = top.parentElement; e; e = e.parentElement) if (e.localName === 'li') listAboveTop = true;
  // Prose per element, in one upward walk per paragraph (no subtree scans).
  const proseBy = new Map<Element, number>();
  for (const { p, text } of paragraphs) {
    if (listAboveTop || !top.contains(p)) continue;
    const chain: Element[] = [];
    let inList = false;
    for (let e = p.parentElement; e; e = e.parentElement) {
      if (e.localName === 'li') inList = true;
      chain.push(e);
      if (e === top) break;
    }
    if (inList) continue;
    for (const e of chain) proseBy.set(e, (proseBy.get(e) ?? 0) + text.length);
  }
  const proseIn = (el: Element): number => proseBy.get(el) ?? 0;
  const bestProse = proseIn(best);
  let node: Element = best;
  for (let level = 0; level < 3; level++) {
    const parent: Element | null = node.parentElement;
    if (!parent || parent.localName === 'body' || parent.localName === 'html') break;
    for (const sibling of parent.children) {
      if (sibling !== node && sameKind(sibling, node) && !isFurniture(sibling) && proseIn(sibling) >= 100) return parent;
    }
    const more = proseIn(parent);
    if (more >= bestProse * 1.15 && more - bestProse >= 150) return parent;
    node = parent;
  }
  return best;
}

function normalise(s: string): string {
  return s.replace(/\s+/g, ' ').trim().toLowerCase();
}

/** True when `a` and `b` are the same headline, allowing for a site name added to one of them. */
function sameHeadline(a: string, b: string): boolean {
  const x = normalise(a);
  const y = normalise(b);
  if (x === '' || y === '') return false;
  return x === y || (x.length >= 15 && y.startsWith(x)) || (y.length >= 15 && x.startsWith(y));
}

/**
 * The article's headline element: the `<h1>` in the nearest ancestor of the
 * body that has one (preferring one whose text matches the page's declared
 * title), else the page's h1 that matches its declared title. Null when none.
 */
export function findHeadline(doc: Document, bodyRoot: Element, declared: string | null): Element | null {
  const usable = (h: Element): boolean => textLength(h) > 0 && !isInlineExcluded(h);
  for (let scope: Element | null = bodyRoot; scope && scope.localName !== 'html'; scope = scope.parentElement) {
    const h1s = [...scope.getElementsByTagName('h1')].filter(usable);
    if (h1s.length === 0) continue;
    if (scope.localName === 'body' && h1s.length > 1) break;
    if (declared) {
      const match = h1s.find((h) => sameHeadline(h.textContent ?? '', declared));
      if (match) return match;
    }
    return h1s[0] ?? null;
  }
  if (declared) {
    for (const h of doc.getElementsByTagName('h1')) if (usable(h) && sameHeadline(h.textContent ?? '', declared)) return h;
  }
  return null;
}

/** Class names of a standfirst, as a whole class token. */
const DEK_TOKENS = new Set(['standfirst', 'dek', 'deck', 'summary', 'subheadline', 'subhead', 'strapline', 'excerpt']);
/** The same as the last part of a BEM/kebab token ("article__standfirst"); not "summary" ("theme-summary" is a teaser). */
const DEK_SUFFIXES = new Set(['standfirst', 'dek', 'strapline', 'subheadline']);

function isDekElement(el: Element): boolean {
  if (el.getAttribute('itemprop') === 'description') return true;
  const cls = el.getAttribute('class');
  if (!cls) return false;
  for (const token of cls.toLowerCase().split(/\s+/)) {
    if (DEK_TOKENS.has(token) || DEK_SUFFIXES.has(token.split(/__|--|-|_/).pop() ?? '')) return true;
  }
  return false;
}

/**
 * The standfirst: an element classed standfirst/dek/summary (or
 * `itemprop=description`) near the headline, that is, inside the headline's
 * nearest containers up to the article, and not furniture. Null when none.
 */
export function findStandfirst(headline: Element | null, bodyRoot: Element): Element | null {
  const start = headline?.parentElement ?? bodyRoot;
  let scope: Element | null = start;
  for (let depth = 0; scope && depth < 4; depth++, scope = scope.parentElement) {
    if (scope.localName === 'body') break;
    for (const el of scope.querySelectorAll('[class], [itemprop="description"]')) {
      if (el.localName !== 'p' && el.localName !== 'div' && el.localName !== 'h2' && el.localName !== 'span') continue;
      if (!isDekElement(el)) continue;
      if (headline && (el.contains(headline) || headline.contains(el))) continue;
      if (textLength(el) < 20) continue;
      if (el.querySelector('p') && el.localName !== 'div') continue;
      if (hasFurnitureBetween(el, scope)) continue;
      return el;
    }
    if (scope.localName === 'article' || scope.contains(bodyRoot)) break;
  }
  return null;
}

function hasFurnitureBetween(el: Element, scope: Element): boolean {
  for (let e = el.parentElement; e && e !== scope; e = e.parentElement) {
    if (e.localName === 'header') continue;
    if (isFurniture(e)) return true;
  }
  return false;
}
