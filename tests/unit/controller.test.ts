// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { GlossController, hostMatches, type ControllerDeps } from '../../lib/dom/controller';
import { createCardHost } from '../../components/card/host';
import { MARK_TAG } from '../../lib/dom/highlighter';
import type { ArticleDom, TextPiece } from '../../lib/dom/types';
import type { Annotations, ArticleText } from '../../lib/types';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings/types';
import { AnnotationAssembler, replyParts, type AnnotateReply } from '../../lib/remote/protocol';

/** Extractor stand-in: the <p>s of #story joined by "\n\n"; null when there is no #story. */
function extract(doc: Document): ArticleDom | null {
  const root = doc.getElementById('story');
  if (!root) return null;
  const pieces: TextPiece[] = [];
  const blocks: ArticleText['blocks'] = [];
  const blockElements: Element[] = [];
  let text = '';
  for (const p of root.querySelectorAll('p')) {
    if (text) {
      pieces.push({ start: text.length, end: text.length + 2, node: null, nodeOffset: 0, text: '\n\n' });
      text += '\n\n';
    }
    const start = text.length;
    const w = doc.createTreeWalker(p, NodeFilter.SHOW_TEXT);
    for (let n = w.nextNode() as Text | null; n; n = w.nextNode() as Text | null) {
      pieces.push({ start: text.length, end: text.length + n.data.length, node: n, nodeOffset: 0 });
      text += n.data;
    }
    blocks.push({ kind: 'body', start, end: text.length });
    blockElements.push(p);
  }
  return { article: { text, blocks, date: '2021-06-01', lang: 'en', title: 'Port story', url: null }, pieces, root, blockElements };
}

/** Engine stand-in: finds fixed phrases wherever they occur. */
function annotate(article: ArticleText): Annotations {
  const at = (phrase: string) => {
    const start = article.text.indexOf(phrase);
    return start < 0 ? null : { start, end: start + phrase.length, text: phrase };
  };
  const name = at('Mara Okonkwo-Lind');
  const fig = at('4.2 million containers');
  const claim = at('the levy would stay where it is');
  return {
    date: article.date,
    officials: name ? [{ ...name, name: 'Mara Okonkwo-Lind', entityId: null, packId: null, role: null, via: 'title-pattern' }] : [],
    figures: fig ? [{ ...fig, kind: 'count', value: 4_200_000, unit: 'container', relative: false, period: null }] : [],
    claims: claim ? [{ ...claim, quoted: false, speaker: 'Mara Okonkwo-Lind', speakerEntityId: null, worthiness: { score: 0.5, reasons: ['predicts'] } }] : [],
    topics: [],
  };
}

const STORY = `<main><div id="story">
  <p>Commissioner Mara Okonkwo-Lind said the port handled 4.2 million containers last year.</p>
  <p>She added that the levy would stay where it is until the new quay opens.</p>
  <p>Residents can reply in the box below.</p>
</div><textarea id="note">Mara Okonkwo-Lind</textarea></main>`;

function snapshot(node: Node): string[] {
  const out: string[] = [];
  const walk = (n: Node, d: number) => {
    if (n.nodeType === 3) out.push(`${d}#${(n as Text).data}`);
    else if (n.nodeType === 1) out.push(`${d}<${(n as Element).localName} ${[...(n as Element).attributes].map((a) => `${a.name}=${a.value}`).join(' ')}>`);
    n.childNodes.forEach((c) => walk(c, d + 1));
  };
  walk(node, 0);
  return out;
}

function deps(overrides: Partial<ControllerDeps> = {}, settings: Settings = DEFAULT_SETTINGS): ControllerDeps & { state: { counts: number[]; extracts: number } } {
  const state = { counts: [] as number[], extracts: 0 };
  const d: ControllerDeps = {
    doc: document,
    extract: (doc) => {
      state.extracts++;
      return extract(doc);
    },
    annotate,
    packs: [],
    loadSettings: async () => settings,
    mountCards: async () => {
      const host = document.createElement('gloss-card-host');
      const container = document.createElement('div');
      host.append(container);
      document.documentElement.append(host);
      return { container, hostElement: host, remove: () => host.remove() };
    },
    createCardHost,
    sendCount: (n) => state.counts.push(n),
    forceFallback: true,
    hoverOpenMs: 0,
    hoverCloseMs: 0,
    settleMs: 10,
    ...overrides,
  };
  return { ...d, state };
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('GlossController', () => {
  let controller: GlossController | null = null;
  beforeEach(() => {
    document.body.replaceChildren(document.createRange().createContextualFragment(STORY));
  });
  afterEach(() => {
    controller?.stop();
    controller = null;
    vi.restoreAllMocks();
  });

  it('paints every annotation in reading order and reports the count', async () => {
    const d = deps();
    controller = new GlossController(d);
    await controller.start();
    expect(controller.painted.map((p) => p.id)).toEqual(['officials:0', 'figures:0', 'claims:0']);
    const marks = [...document.querySelectorAll(MARK_TAG)].map((m) => m.textContent);
    expect(marks).toContain('Mara Okonkwo-Lind');
    expect(marks).toContain('4.2 million containers');
    expect(document.querySelector('#note')!.textContent).toBe('Mara Okonkwo-Lind');
    expect(d.state.counts.at(-1)).toBe(3);
    const status = controller.status();
    expect(status.state).toBe('ready');
    if (status.state === 'ready') expect(status.annotations.officials).toHaveLength(1);
  });

  it.each([
    ['the Highlight API', false],
    ['the <gloss-mark> fallback', true],
  ])('keeps no copy of the article text once the engine has it, and annotations read their text back (%s)', async (_path, forceFallback) => {
    const view = window as unknown as { CSS?: unknown };
    const css = view.CSS;
    if (!forceFallback) {
      // happy-dom has no Highlight API: a registry and a Highlight class enough for painting.
      vi.stubGlobal('Highlight', class extends Set<AbstractRange> {});
      view.CSS = { highlights: new Map() };
    }
    let sentText = '';
    // As in the extension: the annotations arrive without their text and are given the page's reader.
    const d = deps({
      forceFallback,
      annotate: (article, _packs, _signal, textOf) => {
        sentText = article.text;
        const assembler = new AnnotationAssembler(textOf);
        for (const reply of replyParts(annotate(article), article.text)) {
          const done = assembler.add(JSON.parse(JSON.stringify(reply)) as Extract<AnnotateReply, { type: 'part' | 'done' }>);
          if (done) return done;
        }
        throw new Error('the parts never said done');
      },
    });
    const expected = annotate(extract(document)!.article);
    controller = new GlossController(d);
    await controller.start();
    expect(controller.painted).toHaveLength(3);
    expect(document.querySelectorAll(MARK_TAG).length > 0).toBe(forceFallback);
    expect(sentText).toContain('Mara Okonkwo-Lind');
    const status = controller.status();
    if (status.state !== 'ready') throw new Error(`not ready: ${status.state}`);
    expect(status.annotations).toEqual(expected);
    // What the controller holds of the article: the index and the metadata, not the text.
    const held = (controller as unknown as { dom: { article: Record<string, unknown> } }).dom;
    expect(Object.keys(held.article).sort()).toEqual(['blocks', 'date', 'lang', 'title', 'url']);
    view.CSS = css;
    vi.unstubAllGlobals();
  });

  it.each([
    ['throws at once', () => {
      throw new Error('engine down');
    }],
    ['rejects', () => Promise.reject(new Error('background gone'))],
  ] as const)('leaves the page untouched when the engine %s', async (_how, failing) => {
    const before = snapshot(document.body);
    controller = new GlossController(deps({ annotate: failing }));
    await controller.start();
    expect(controller.status().state).toBe('loading');
    expect(controller.painted).toHaveLength(0);
    expect(snapshot(document.body)).toEqual(before);
  });

  it('running twice gives the same page as running once', async () => {
    controller = new GlossController(deps());
    await controller.start();
    const once = snapshot(document.body);
    await controller.update();
    await controller.start();
    expect(snapshot(document.body)).toEqual(once);
    expect(controller.painted).toHaveLength(3);
  });

  it('stop() removes every mark, the card host and its listeners, restoring the page exactly', async () => {
    const before = snapshot(document.documentElement);
    controller = new GlossController(deps());
    await controller.start();
    expect(await controller.navigate(1)).toBe('officials:0');
    expect(document.querySelector('gloss-card-host [role="dialog"]')).not.toBeNull();
    controller.stop();
    expect(snapshot(document.documentElement)).toEqual(before);
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'N', code: 'KeyN', altKey: true, shiftKey: true, bubbles: true }));
    await wait(5);
    expect(document.querySelector('gloss-card-host')).toBeNull();
  });

  it('paints only the categories enabled in settings', async () => {
    const settings: Settings = { ...DEFAULT_SETTINGS, categories: { officials: true, figures: false, claims: false } };
    controller = new GlossController(deps({}, settings));
    await controller.start();
    expect(controller.painted.map((p) => p.id)).toEqual(['officials:0']);
  });

  it('does nothing on a disabled site, and waits for the user in on-demand mode', async () => {
    const host = document.location.hostname;
    const d = deps({}, { ...DEFAULT_SETTINGS, disabledSites: [host] });
    controller = new GlossController(d);
    await controller.start();
    expect(controller.status().state).toBe('disabled-site');
    // The first run overlaps the settings read, so the page may have been read; nothing of it is painted, kept or counted.
    expect(document.querySelectorAll(MARK_TAG)).toHaveLength(0);
    expect(controller.painted).toHaveLength(0);
    expect(controller.current).toBeNull();
    expect(d.state.counts.every((n) => n === 0)).toBe(true);
    controller.stop();
    controller = new GlossController(deps({}, { ...DEFAULT_SETTINGS, runMode: 'on-demand' }));
    await controller.start();
    expect(controller.status().state).toBe('off');
    expect(document.querySelectorAll(MARK_TAG)).toHaveLength(0);
    expect(controller.current).toBeNull();
    await controller.handle({ type: 'gloss:set-enabled', enabled: true });
    expect(controller.painted).toHaveLength(3);
    await controller.handle({ type: 'gloss:set-enabled', enabled: false });
    expect(document.querySelectorAll(MARK_TAG)).toHaveLength(0);
  });

  it('works while the settings are read, but paints only what the late settings allow', async () => {
    const late = (settings: Settings) => () => wait(30).then(() => settings);
    const officialsOnly: Settings = { ...DEFAULT_SETTINGS, categories: { officials: true, figures: false, claims: false } };
    const d = deps({ loadSettings: late(officialsOnly) });
    controller = new GlossController(d);
    const started = controller.start();
    await wait(5);
    expect(d.state.extracts).toBe(1);
    expect(document.querySelectorAll(MARK_TAG)).toHaveLength(0);
    await started;
    expect(controller.painted.map((p) => p.id)).toEqual(['officials:0']);
    controller.stop();
    const disabled = deps({ loadSettings: late({ ...DEFAULT_SETTINGS, disabledSites: [document.location.hostname] }) });
    controller = new GlossController(disabled);
    await controller.start();
    expect(controller.status().state).toBe('disabled-site');
    expect(document.querySelectorAll(MARK_TAG)).toHaveLength(0);
    expect(disabled.state.counts).toEqual([]);
  });

  it('navigates with Alt+Shift+N/P outside fields, opens the card, and Escape closes it', async () => {
    controller = new GlossController(deps());
    await controller.start();
    const key = (init: KeyboardEventInit, target: EventTarget = document.body) =>
      target.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init }));
    key({ key: 'N', code: 'KeyN', altKey: true, shiftKey: true });
    await wait(5);
    expect(controller.openCardId).toBe('officials:0');
    key({ key: 'N', code: 'KeyN', altKey: true, shiftKey: true });
    await wait(5);
    expect(controller.openCardId).toBe('figures:0');
    expect(document.querySelector('gloss-card-host [aria-live="polite"]')!.textContent).toContain('4.2 million containers');
    key({ key: 'P', code: 'KeyP', altKey: true, shiftKey: true });
    await wait(5);
    expect(controller.openCardId).toBe('officials:0');
    key({ key: 'Escape', code: 'Escape' });
    expect(controller.openCardId).toBeNull();
    // Typing in a field is never taken over.
    key({ key: 'N', code: 'KeyN', altKey: true, shiftKey: true }, document.getElementById('note')!);
    await wait(5);
    expect(controller.openCardId).toBeNull();
  });

  it('answers reveal and get-status requests', async () => {
    controller = new GlossController(deps());
    await controller.start();
    expect(await controller.handle({ type: 'gloss:reveal', kind: 'figures', index: 0 })).toBe(true);
    expect(document.querySelector('[data-gloss-flash]')?.textContent).toBe('4.2 million containers');
    expect(await controller.handle({ type: 'gloss:reveal', kind: 'claims', index: 7 })).toBe(false);
    const status = (await controller.handle({ type: 'gloss:get-status' })) as { state: string };
    expect(status.state).toBe('ready');
    // The toggle command's question carries the state only, not the annotations.
    expect(await controller.handle({ type: 'gloss:get-state' })).toEqual({ state: 'ready' });
  });

  it('re-annotates when the article text changes, and picks up an article that arrives late', async () => {
    document.getElementById('story')!.remove();
    const d = deps();
    controller = new GlossController(d);
    await controller.start();
    expect(controller.status().state).toBe('no-article');
    document.querySelector('main')!.append(document.createRange().createContextualFragment(STORY).querySelector('#story')!);
    await wait(80);
    expect(controller.status().state).toBe('ready');
    expect(controller.painted).toHaveLength(3);
    const p = document.querySelector('#story p')!;
    p.append(document.createTextNode(' Later, 4.2 million containers were counted again.'));
    const before = d.state.extracts;
    await wait(80);
    expect(d.state.extracts).toBeGreaterThan(before);
    expect(controller.painted).toHaveLength(3);
  });

  it('matches disabled sites by host and parent domain only', () => {
    expect(hostMatches('news.example.com', 'example.com')).toBe(true);
    expect(hostMatches('example.com', 'example.com')).toBe(true);
    expect(hostMatches('badexample.com', 'example.com')).toBe(false);
    expect(hostMatches('example.com', '')).toBe(false);
  });
});
