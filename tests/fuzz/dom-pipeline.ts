/**
 * One DOM fuzz case: a generated page goes through Gloss's real in-page
 * pipeline (the real extractor, engine and bundled packs, `GlossController`
 * with its highlighter, page watcher and card host) and every invariant Gloss
 * promises a page is checked, for the Custom Highlight API path and for the
 * `<gloss-mark>` fallback. A broken invariant throws, so fast-check can shrink
 * the page to a small counterexample.
 */
import { GlossController, type ControllerDeps } from '../../lib/dom/controller';
import type { ArticleDom } from '../../lib/dom/types';
import type { Annotations, ArticleText } from '../../lib/types';
import { extractArticle } from '../../lib/dom/extract';
import { MARK_TAG } from '../../lib/dom/highlighter';
import { annotate } from '../../lib/engine/annotate';
import { bundledPacks } from '../../lib/packs/bundled';
import { DEFAULT_SETTINGS } from '../../lib/settings/types';
import { createCardHost } from '../../components/card/host';
import type { PageEdit, TextSurgery } from './article-arbitrary';
import { firstIdentityDifference, serialise, textNodes } from './dom-snapshot';

/** Which way Gloss paints. */
export type PaintPath = 'highlights' | 'marks';

/** Where Gloss must never start or end a highlight (checked independently of lib/dom's own list). */
const NEVER_PAINTED =
  'input,textarea,select,option,button,[contenteditable]:not([contenteditable="false"]),pre,code,script,style,noscript,template,svg,math,nav,aside,footer,[hidden]';

/** A stand-in for the browser's Highlight (happy-dom has none): a set of ranges with a priority. */
class FakeHighlight extends Set<AbstractRange> {
  priority = 0;
}

/** Installs (or removes) a fake `CSS.highlights` registry on the window; returns the registry. */
export function installHighlightApi(win: Window, on: boolean): Map<string, FakeHighlight> {
  const registry = new Map<string, FakeHighlight>();
  const w = win as unknown as { Highlight?: unknown; CSS?: unknown };
  if (on) {
    w.Highlight = FakeHighlight;
    w.CSS = { highlights: registry };
  } else {
    delete w.Highlight;
    delete w.CSS;
  }
  return registry;
}

/** Throws with `message` (and the details, computed only on failure) when `ok` is false. */
function check(ok: boolean, message: string, details?: () => unknown): asserts ok {
  if (!ok) throw new Error(details === undefined ? message : `${message}: ${JSON.stringify(details()).slice(0, 800)}`);
}

function nodeLength(n: Node): number {
  return n.nodeType === 3 || n.nodeType === 8 ? (n as CharacterData).data.length : n.childNodes.length;
}

function elementOf(n: Node): Element | null {
  return n.nodeType === 1 ? (n as Element) : n.parentElement;
}

/** Puts the page in the document and applies the text-node surgery; returns the body's text nodes. */
export function loadPage(doc: Document, html: string, surgeries: readonly TextSurgery[]): void {
  doc.head.replaceChildren();
  const title = doc.createElement('title');
  title.textContent = 'Fuzz page';
  doc.head.append(title);
  doc.body.replaceChildren(doc.createRange().createContextualFragment(html));
  for (const s of surgeries) {
    const nodes = textNodes(doc.body);
    if (nodes.length === 0) return;
    const node = nodes[s.node % nodes.length]!;
    if (s.op === 'split') {
      if (node.data.length > 1) node.splitText(1 + (s.at % (node.data.length - 1)));
    } else {
      node.parentNode?.insertBefore(doc.createTextNode(''), node);
    }
  }
}

/** The article-level elements a page edit can address, from a page Gloss has not touched. */
function editableElements(root: Element): Element[] {
  return [...root.querySelectorAll('p, li, h2, blockquote')];
}

/**
 * Applies the page's own edits, addressing nodes through lists taken before
 * Gloss ran (a page script holds references, it does not re-query).
 */
export function applyEdits(body: Element, edits: readonly PageEdit[], texts: readonly Text[], elements: readonly Element[]): void {
  const doc = body.ownerDocument;
  for (const e of edits) {
    if (e.op === 'set-data') {
      if (texts.length > 0) texts[e.node % texts.length]!.data = e.text;
    } else if (e.op === 'append-paragraph') {
      const p = doc.createElement('p');
      p.textContent = e.text;
      (body.querySelector('main') ?? body).append(p);
    } else if (e.op === 'remove-element') {
      if (elements.length > 0) elements[e.index % elements.length]!.remove();
    } else if (elements.length > 0) {
      elements[e.index % elements.length]!.textContent = e.text;
    }
  }
}

/** What a fuzz case reports back, for the run's totals. */
export interface CaseStats {
  painted: number;
  article: boolean;
}

/**
 * The engine is pure over the article text, so its results are reused for the
 * same text (both paint paths and every re-run see the same article): the
 * fuzz spends its time on the DOM layer. The engine fuzz checks determinism.
 */
export class EngineCache {
  private readonly results = new Map<string, Annotations>();
  /** The last article extracted, so invariants can be checked against its root. */
  lastDom: ArticleDom | null = null;

  annotate = (article: ArticleText): Annotations => {
    const key = `${article.date}\u0000${article.text}`;
    let a = this.results.get(key);
    if (!a) {
      if (this.results.size > 8) this.results.clear();
      a = annotate(article, bundledPacks);
      this.results.set(key, a);
    }
    return a;
  };

  extract = (doc: Document, url?: string | null): ArticleDom | null => {
    this.lastDom = extractArticle(doc, url);
    return this.lastDom;
  };
}

function deps(doc: Document, path: PaintPath, engine: EngineCache): ControllerDeps {
  return {
    doc,
    extract: engine.extract,
    annotate: engine.annotate,
    packs: bundledPacks,
    loadSettings: async () => DEFAULT_SETTINGS,
    mountCards: async () => {
      const host = doc.createElement('gloss-card-host');
      const container = doc.createElement('div');
      host.append(container);
      doc.documentElement.append(host);
      return { container, hostElement: host, remove: () => host.remove() };
    },
    createCardHost,
    forceFallback: path === 'marks',
    hoverOpenMs: 0,
    hoverCloseMs: 0,
    // Re-annotation after page edits is driven by the test (`update()`), never by a stray timer.
    settleMs: 60_000,
  };
}

/** Checks every painted range: connected, in bounds, inside the article root, never in a forbidden element. */
function checkRanges(controller: GlossController, registry: Map<string, FakeHighlight>, path: PaintPath, engine: EngineCache): void {
  const root = controller.status().state === 'ready' ? engine.lastDom?.root ?? null : null;
  for (const item of controller.painted) {
    const r = item.range;
    for (const [node, offset] of [[r.startContainer, r.startOffset], [r.endContainer, r.endOffset]] as const) {
      check(node.isConnected, 'a painted range points at a detached node', () => item.id);
      check(offset <= nodeLength(node), 'a painted range offset is past its node', () => item.id);
      check(!elementOf(node)?.closest(NEVER_PAINTED), 'a painted range starts or ends in an excluded element', () => item.id);
      if (root) check(root.contains(node), 'a painted range is outside the article root', () => item.id);
    }
  }
  if (path === 'highlights') {
    let registered = 0;
    for (const h of registry.values()) registered += h.size;
    check(registered === controller.painted.length, 'registered highlight ranges differ from painted items', () => ({ registered, painted: controller.painted.length }));
  } else {
    for (const mark of controller.painted.length > 0 ? root?.ownerDocument.querySelectorAll(MARK_TAG) ?? [] : []) {
      check(!!root?.contains(mark), 'a <gloss-mark> outside the article root');
      check(!mark.parentElement?.closest(NEVER_PAINTED), 'a <gloss-mark> inside an excluded element');
    }
  }
}

/** The painted items, comparable: id, kind, and each boundary as (node object, offset). */
interface PaintedPicture {
  labels: string[];
  nodes: Node[];
}

function paintedPicture(controller: GlossController): PaintedPicture {
  const labels: string[] = [];
  const nodes: Node[] = [];
  for (const it of controller.painted) {
    const r = it.range;
    labels.push(`${it.id} ${it.kind} ${r.startOffset}-${r.endOffset}`);
    nodes.push(r.startContainer, r.endContainer);
  }
  return { labels, nodes };
}

function samePicture(a: PaintedPicture, b: PaintedPicture): boolean {
  return a.labels.join('|') === b.labels.join('|') && a.nodes.length === b.nodes.length && a.nodes.every((n, i) => n === b.nodes[i]);
}

/**
 * Runs one page through the pipeline on one paint path and checks:
 * no exception; while painted, the page's text (and on the Highlight API path
 * its whole DOM) is unchanged; every range is valid and in the article; a second
 * run paints exactly what the first did; `stop()` restores the DOM exactly, with
 * the page's own text-node objects; after the page edits itself, a re-run still
 * keeps every invariant and `stop()` leaves exactly the page's edited DOM.
 */
export async function runCase(
  doc: Document,
  html: string,
  surgeries: readonly TextSurgery[],
  edits: readonly PageEdit[],
  path: PaintPath,
  engine: EngineCache,
): Promise<CaseStats> {
  const registry = installHighlightApi(doc.defaultView as unknown as Window, path === 'highlights');
  loadPage(doc, html, surgeries);
  const before = serialise(doc.documentElement);
  const beforeBody = serialise(doc.body);
  const beforeText = doc.body.textContent;
  const nodes = textNodes(doc.documentElement);

  // A pristine copy of the page, edited the same way, is what the page must look like at the end.
  const expected = doc.body.cloneNode(true) as HTMLElement;
  const expectedTexts = textNodes(expected);
  const expectedElements = editableElements(expected);
  const liveTexts = textNodes(doc.body);
  const liveElements = editableElements(doc.body);

  const controller = new GlossController(deps(doc, path, engine));
  try {
    await controller.start();
    checkRanges(controller, registry, path, engine);
    check(doc.body.textContent === beforeText, 'the page text changed while painted');
    if (path === 'highlights') check(serialise(doc.body).join('\n') === beforeBody.join('\n'), 'the Highlight API path changed the DOM');
    const once = paintedPicture(controller);
    const onceDom = serialise(doc.body).join('\n');
    const stats: CaseStats = { painted: once.labels.length, article: controller.status().state === 'ready' };

    // Open a card on the first annotation (keyboard navigation), as a reader would.
    if (once.labels.length > 0) await controller.navigate(1);

    await controller.update();
    checkRanges(controller, registry, path, engine);
    check(samePicture(paintedPicture(controller), once), 'annotating twice differs from annotating once', () => ({ once: once.labels, twice: paintedPicture(controller).labels }));
    check(serialise(doc.body).join('\n') === onceDom, 'a second run changed the DOM');

    controller.stop();
    const after = serialise(doc.documentElement);
    check(after.join('\n') === before.join('\n'), 'stop() did not restore the DOM exactly', () => firstDifference(before, after));
    const i = firstIdentityDifference(nodes, textNodes(doc.documentElement));
    check(i === -1, "stop() replaced the page's own text nodes", () => ({ at: i }));

    // The page edits itself while Gloss runs; Gloss re-runs; then leaves.
    const second = new GlossController(deps(doc, path, engine));
    try {
      await second.start();
      applyEdits(doc.body, edits, liveTexts, liveElements);
      applyEdits(expected, edits, expectedTexts, expectedElements);
      await new Promise((r) => setTimeout(r, 0));
      await second.update();
      checkRanges(second, registry, path, engine);
      check(doc.body.textContent === expected.textContent, 'the edited page text changed while painted');
    } finally {
      second.stop();
    }
    const edited = serialise(doc.body);
    const want = serialise(expected);
    check(edited.join('\n') === want.join('\n'), 'after page edits, stop() did not leave exactly the page\'s DOM', () => firstDifference(want, edited));
    return stats;
  } finally {
    controller.stop();
  }
}

function firstDifference(a: readonly string[], b: readonly string[]): { at: number; want?: string; got?: string } {
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return { at: i, want: a[i], got: b[i] };
  return { at: -1 };
}
