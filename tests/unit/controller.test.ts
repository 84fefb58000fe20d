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

  describe('a long article', () => {
    const NAME = 'Mara Okonkwo-Lind';
    const PARAGRAPH = `Commissioner ${NAME} said the port handled more boxes this year than in any year since the quay was built, and more again is planned.`;
    /** Engine stand-in for long stories: every mention of the commissioner, in order. */
    const everyMention = (article: ArticleText): Annotations => {
      const officials: Annotations['officials'] = [];
      for (let at = article.text.indexOf(NAME); at >= 0; at = article.text.indexOf(NAME, at + 1)) {
        officials.push({ start: at, end: at + NAME.length, text: NAME, name: NAME, entityId: null, packId: null, role: null, via: 'title-pattern' });
      }
      return { date: article.date, officials, figures: [], claims: [], topics: [] };
    };
    /** A promise the test settles when it chooses. */
    const later = <T,>(): { promise: Promise<T>; resolve: (v: T) => void } => {
      let resolve!: (v: T) => void;
      const promise = new Promise<T>((r) => (resolve = r));
      return { promise, resolve };
    };
    const until = async (ok: () => boolean): Promise<void> => {
      for (let i = 0; i < 200 && !ok(); i++) await wait(2);
      expect(ok()).toBe(true);
    };
    const view = window as unknown as { CSS?: unknown };
    let css: unknown;
    beforeEach(() => {
      const html = Array.from({ length: 600 }, () => `<p>${PARAGRAPH}</p>`).join('');
      document.body.replaceChildren(document.createRange().createContextualFragment(`<main><div id="story">${html}</div></main>`));
      // happy-dom has no Highlight API: a registry and a Highlight class enough for painting.
      css = view.CSS;
      vi.stubGlobal('Highlight', class extends Set<AbstractRange> {});
      view.CSS = { highlights: new Map() };
    });
    afterEach(() => {
      view.CSS = css;
      vi.unstubAllGlobals();
    });
    const registered = (): number => [...(view.CSS as { highlights: Map<string, Set<unknown>> }).highlights.values()].reduce((n, h) => n + h.size, 0);

    it.each([
      ['every highlight registered', 1],
      ['a window of highlights registered (more than 5,000)', 10],
    ])('paints its head first, then replaces it with the whole article (%s)', async (_how, perParagraph) => {
      if (perParagraph > 1) {
        for (const p of document.querySelectorAll('#story p')) p.textContent = Array.from({ length: perParagraph }, () => PARAGRAPH).join(' ');
      }
      const asked: ArticleText[] = [];
      const whole = later<Annotations>();
      const d = deps({
        forceFallback: false,
        annotate: (article) => {
          asked.push(article);
          return asked.length === 1 ? everyMention(article) : whole.promise;
        },
      });
      controller = new GlossController(d);
      const started = controller.start();
      await until(() => controller!.painted.length > 0);
      // The head went first: a prefix of the article ending at a block's end, of a few screens of text.
      const [head, full] = asked as [ArticleText, ArticleText];
      expect(asked).toHaveLength(2);
      expect(full.text.length).toBeGreaterThan(64_000);
      expect(head.text.length).toBeLessThanOrEqual(16_000);
      expect(full.text.startsWith(head.text)).toBe(true);
      expect(head.blocks.at(-1)!.end).toBe(head.text.length);
      expect(head.blocks).toEqual(full.blocks.slice(0, head.blocks.length));
      // While the background reads the rest: the head's highlights, no count, and the popup sees 'loading'.
      const headCount = everyMention(head).officials.length;
      expect(controller.painted).toHaveLength(headCount);
      expect(registered()).toBe(headCount);
      expect(controller.status().state).toBe('loading');
      expect(d.state.counts.filter((n) => n > 0)).toEqual([]);
      // Sampled between tasks until the whole article is painted: the head's highlights never go before it is.
      const samples: number[] = [];
      const sampler = setInterval(() => samples.push(registered()), 0);
      whole.resolve(everyMention(full));
      await started;
      clearInterval(sampler);
      expect(samples.length).toBeGreaterThan(0);
      expect(Math.min(...samples)).toBeGreaterThanOrEqual(headCount);
      const all = everyMention(full).officials.length;
      expect(all).toBe(600 * perParagraph);
      expect(controller.paintedCount).toBe(all);
      if (perParagraph === 1) {
        expect(controller.painted.map((p) => p.id)).toEqual(Array.from({ length: all }, (_, i) => `officials:${i}`));
        expect(registered()).toBe(all);
        expect(controller.painted.every((p) => p.range.startOffset === PARAGRAPH.indexOf(NAME))).toBe(true);
      } else {
        // Windowed: what is registered is the window, made from the whole article's spans.
        expect(registered()).toBeGreaterThan(0);
        expect(controller.painted).toEqual([]);
      }
      expect(controller.status().state).toBe('ready');
      expect(d.state.counts.at(-1)).toBe(all);
    });

    it('keeps the head painted, and the state loading, when the whole article fails', async () => {
      let calls = 0;
      let headCount = 0;
      controller = new GlossController(
        deps({
          forceFallback: false,
          annotate: (article) => {
            if (++calls === 2) return new Promise((_, reject) => setTimeout(() => reject(new Error('background gone')), 30));
            const head = everyMention(article);
            headCount = head.officials.length;
            return head;
          },
        }),
      );
      await controller.start();
      expect(calls).toBe(2);
      expect(headCount).toBeGreaterThan(0);
      expect(controller.painted).toHaveLength(headCount);
      expect(registered()).toBe(headCount);
      expect(controller.status().state).toBe('loading');
    });

    it('asks for the whole article only in the <gloss-mark> fallback', async () => {
      const asked: number[] = [];
      controller = new GlossController(deps({ forceFallback: true, annotate: (article) => (asked.push(article.text.length), everyMention(article)) }));
      await controller.start();
      expect(asked).toHaveLength(1);
      expect(asked[0]).toBeGreaterThan(64_000);
      expect(document.querySelectorAll(MARK_TAG)).toHaveLength(600);
    });

    it('skips the head when the whole article is there first, and paints nothing when the engine fails', async () => {
      const head = later<Annotations>();
      let calls = 0;
      controller = new GlossController(deps({ forceFallback: false, annotate: (article) => (++calls === 1 ? head.promise : everyMention(article)) }));
      await controller.start();
      expect(controller.painted).toHaveLength(600);
      head.resolve({ date: null, officials: [], figures: [], claims: [], topics: [] });
      await wait(10);
      expect(controller.painted).toHaveLength(600);
      expect(controller.status().state).toBe('ready');
      controller.stop();
      const before = snapshot(document.body);
      let failed = 0;
      controller = new GlossController(deps({ forceFallback: false, annotate: () => (failed++, Promise.reject(new Error('background gone'))) }));
      await controller.start();
      expect(failed).toBe(2);
      expect(controller.painted).toHaveLength(0);
      expect(registered()).toBe(0);
      expect(snapshot(document.body)).toEqual(before);
    });
  });

  it('matches disabled sites by host and parent domain only', () => {
    expect(hostMatches('news.example.com', 'example.com')).toBe(true);
    expect(hostMatches('example.com', 'example.com')).toBe(true);
    expect(hostMatches('badexample.com', 'example.com')).toBe(false);
    expect(hostMatches('example.com', '')).toBe(false);
  });
});
