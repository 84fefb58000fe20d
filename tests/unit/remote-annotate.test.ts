/**
 * The engine runs in the background and streams its results to the content
 * script (lib/remote, lib/background/annotate-service.ts). Over an in-memory
 * port pair that serialises every message as JSON, as Chrome does, the
 * annotations that arrive must be exactly what the engine gives in-process;
 * aborting must stop the background; strangers and malformed requests get
 * nothing useful.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { annotate } from '../../lib/engine/annotate';
import { extractArticle } from '../../lib/dom/extract';
import { parseHtmlDocument } from '../../lib/node/parse-html';
import { bundledPacks } from '../../lib/packs/bundled';
import type { KnowledgePack } from '../../lib/packs/types';
import { serveAnnotatePort } from '../../lib/background/annotate-service';
import { createPacksCache } from '../../lib/background/packs-cache';
import { RemoteAnnotateError, RemoteAnnotator, type Pace } from '../../lib/remote/annotate-client';
import { AnnotationAssembler, RequestJoiner, TEXT_PIECE_CHARS, articleOfRequest, replyParts, requestMessages, type AnnotateReply } from '../../lib/remote/protocol';
import type { ArticleText } from '../../lib/types';
import { makeBigArticle } from '../../scripts/make-big-article';
import { event, portPair, type Wire } from './port-pair';

const RUNTIME_ID = 'gloss-test-id';

function seedArticle(): ArticleText {
  const html = readFileSync(join(import.meta.dirname, '..', '..', 'samples', 'seed-korus-2017.html'), 'utf8');
  const dom = extractArticle(parseHtmlDocument(html));
  if (!dom) throw new Error('the seed article was not extracted');
  return dom.article;
}

/** A client whose every connection is served by the annotate service. */
function connected(options: { senderId?: string; packs?: readonly KnowledgePack[]; budgetMs?: number; pace?: Pace } = {}): { remote: RemoteAnnotator; wires: Wire[] } {
  const wires: Wire[] = [];
  const remote = new RemoteAnnotator(() => {
    const { client, service, wire } = portPair(options.senderId ?? RUNTIME_ID);
    wires.push(wire);
    serveAnnotatePort(service, { runtimeId: RUNTIME_ID, loadPacks: () => Promise.resolve(options.packs ?? bundledPacks), budgetMs: options.budgetMs });
    return client;
  }, options.pace);
  return { remote, wires };
}

describe('annotating through the background', () => {
  it('gives the seed article exactly the annotations the engine gives in-process', async () => {
    const article = seedArticle();
    const { remote } = connected();
    const remoteResult = await remote.annotate(article);
    expect(remoteResult?.toAnnotations()).toEqual(annotate(article, bundledPacks));
    expect(remoteResult?.size('officials')).toBeGreaterThan(0);
  });

  it('makes the text of each annotation with the reader it is given, not from a copy of the article', async () => {
    const article = seedArticle();
    const { remote } = connected();
    const reads: [number, number][] = [];
    const result = await remote.annotate(article, undefined, (start, end) => {
      reads.push([start, end]);
      return article.text.slice(start, end).toUpperCase();
    });
    expect(reads).toEqual([]); // nothing is read until an annotation is made
    const claim = result?.item('claims', 0);
    expect(claim?.text).toBe(article.text.slice(claim!.start, claim!.end).toUpperCase());
    expect(reads).toEqual([[claim!.start, claim!.end]]);
  });

  it('rejects, and closes its port, when the request cannot be sent', async () => {
    let disconnected = 0;
    const remote = new RemoteAnnotator(() => ({
      name: 'gloss:annotate',
      postMessage: () => {
        throw new Error('Attempting to use a disconnected port object');
      },
      disconnect: () => void disconnected++,
      onMessage: event<(m: unknown) => void>(),
      onDisconnect: event<() => void>(),
    }));
    await expect(remote.annotate(seedArticle())).rejects.toBeInstanceOf(RemoteAnnotateError);
    expect(disconnected).toBe(1);
  });

  it('sends no packs with the annotations: the cards fetch them once, when they first open', async () => {
    const { remote, wires } = connected();
    await remote.annotate(seedArticle());
    // Officials, figures and claims (one part each on the seed), then done: no packs.
    expect(wires[0]!.toClient.map((m) => (m as AnnotateReply).type)).toEqual(['part', 'part', 'part', 'done']);
    expect(remote.packs).toEqual([]);
    const packs = await remote.ensurePacks();
    expect(packs.map((p) => p.id)).toEqual(bundledPacks.map((p) => p.id));
    await remote.ensurePacks();
    // One port for the article, one for the packs: the second call was served from memory.
    expect(wires).toHaveLength(2);
  });

  it('streams a large article in parts no bigger than the part size, and they add up to the whole', async () => {
    const article = makeBigArticle(120_000);
    const { remote, wires } = connected();
    const result = await remote.annotate(article);
    const local = annotate(article, bundledPacks);
    expect(result?.toAnnotations()).toEqual(local);
    const parts = wires[0]!.toClient.filter((m): m is Extract<AnnotateReply, { type: 'part' }> => (m as AnnotateReply).type === 'part');
    // Each list in its own parts, in the order the engine finishes them: officials, figures, claims.
    const parts2000 = (n: number): number => Math.ceil(n / 2000);
    expect(parts.length).toBe(parts2000(local.officials.length) + parts2000(local.figures.length) + parts2000(local.claims.length));
    expect(parts.map((p) => p.list)).toEqual([
      ...Array<string>(parts2000(local.officials.length)).fill('officials'),
      ...Array<string>(parts2000(local.figures.length)).fill('figures'),
      ...Array<string>(parts2000(local.claims.length)).fill('claims'),
    ]);
    for (const p of parts) expect(p.items.shapeOf.length).toBeLessThanOrEqual(2000);
    // The texts stay behind (the content script has the article): the result above got them back exactly.
    expect(parts.flatMap((p) => p.items.shapes).filter((keys) => keys.includes('text'))).toEqual([]);
  });

  it('sends a long text in pieces, one per call of its pace, and the background joins them', async () => {
    const article = makeBigArticle(3 * TEXT_PIECE_CHARS + 1000);
    const paced: number[] = [];
    const pace: Pace = async (postNext) => {
      for (let more = true; more; ) {
        await new Promise((r) => setTimeout(r, 0));
        paced.push(wires[0]!.toService.length);
        more = postNext();
      }
    };
    const { remote, wires } = connected({ pace });
    const result = await remote.annotate(article);
    expect(result?.toAnnotations()).toEqual(annotate(article, bundledPacks));
    const sent = wires[0]!.toService as { type: string; pieces?: number; text?: string; article?: ArticleText }[];
    expect(sent.map((m) => m.type)).toEqual(['annotate', 'text', 'text', 'text']);
    expect(sent[0]!.pieces).toBe(4);
    expect(sent.map((m) => (m.article?.text ?? m.text)!.length)).toEqual([TEXT_PIECE_CHARS, TEXT_PIECE_CHARS, TEXT_PIECE_CHARS, article.text.length - 3 * TEXT_PIECE_CHARS]);
    // One piece per call: the pace ran three times, each after the previous piece was posted.
    expect(paced).toHaveLength(3);
    expect(sent.map((m) => m.text ?? m.article!.text).join('')).toBe(article.text);
  });

  it('never cuts a surrogate pair between two pieces', () => {
    const base = makeBigArticle(40);
    // An emoji (two UTF-16 code units) straddling every piece boundary of 10 characters.
    const text = `${'x'.repeat(9)}😀${'y'.repeat(8)}😀${'z'.repeat(30)}`;
    const article = { ...base, text, blocks: [{ kind: 'body' as const, start: 0, end: text.length }] };
    const [first, ...rest] = requestMessages(article, 10);
    const pieces = [(first as { article: ArticleText }).article.text, ...rest.map((m) => m.text)];
    expect(pieces.join('')).toBe(text);
    for (const piece of pieces) expect(piece.isWellFormed()).toBe(true);
    expect((first as { pieces?: number }).pieces).toBe(pieces.length);
  });

  it('answers malformed pieces with an error, and a text longer than the limit too', () => {
    const article = makeBigArticle(2 * TEXT_PIECE_CHARS + 10);
    const [first, ...rest] = requestMessages(article);
    const joiner = new RequestJoiner();
    expect(joiner.add(first)).toBeNull();
    expect(joiner.add(rest[0])).toBeNull();
    expect(joiner.add(rest[1])).toEqual({ request: { type: 'annotate', article } });
    expect(new RequestJoiner().add({ type: 'packs' })).toEqual({ request: { type: 'packs' } });
    const broken = [
      [{ ...first, pieces: 1 }],
      [{ ...first, pieces: 999 }],
      [{ ...first, pieces: 2.5 }],
      [{ ...first, article: { ...article, text: 7 } }],
      [first, { type: 'text', text: 42 }],
      [first, { type: 'annotate', article }],
      [{ ...first, pieces: 16 }, ...Array.from({ length: 15 }, () => ({ type: 'text', text: 'x'.repeat(TEXT_PIECE_CHARS) }))],
    ];
    for (const messages of broken) {
      const j = new RequestJoiner();
      expect(() => messages.forEach((m) => j.add(m))).toThrow(/malformed/);
    }
  });

  it('reports a malformed piece from the background as an error', async () => {
    const { client, service } = portPair(RUNTIME_ID);
    serveAnnotatePort(service, { runtimeId: RUNTIME_ID, loadPacks: () => Promise.resolve(bundledPacks) });
    const replies: unknown[] = [];
    client.onMessage.addListener((m) => replies.push(m));
    const [first] = requestMessages(makeBigArticle(TEXT_PIECE_CHARS + 10));
    client.postMessage(first);
    client.postMessage({ type: 'text', text: null });
    await new Promise((r) => setTimeout(r, 20));
    expect(replies).toEqual([{ type: 'error', message: 'Gloss: malformed annotate request' }]);
  });

  it('sends officials and figures while it still looks for claims', async () => {
    const article = makeBigArticle(120_000);
    const { remote, wires } = connected({ budgetMs: 1 });
    const pending = remote.annotate(article);
    const types = (): string[] => (wires[0]?.toClient ?? []).map((m) => (m as AnnotateReply).type);
    // Watch between the background's slices for the first part to arrive.
    while (!types().includes('part')) await new Promise((r) => setTimeout(r, 0));
    const first = wires[0]!.toClient.find((m) => (m as AnnotateReply).type === 'part') as Extract<AnnotateReply, { type: 'part' }>;
    expect(first.list).toBe('officials');
    expect(first.items.shapeOf.length).toBeGreaterThan(0);
    expect(types()).not.toContain('done');
    expect((await pending)?.toAnnotations()).toEqual(annotate(article, bundledPacks));
  });

  it('stops the background when the run is aborted, and resolves to null', async () => {
    const article = makeBigArticle(400_000);
    const { remote, wires } = connected({ budgetMs: 1 });
    const abort = new AbortController();
    const pending = remote.annotate(article, abort.signal);
    setTimeout(() => abort.abort(), 20);
    await expect(pending).resolves.toBeNull();
    expect(wires[0]!.disconnectedByClient).toBe(true);
    // Officials may have gone out before the abort; after it, nothing more is posted.
    const atAbort = wires[0]!.toClient.length;
    // Give the background time it would have needed to finish.
    await new Promise((r) => setTimeout(r, 300));
    expect(wires[0]!.toClient).toHaveLength(atAbort);
    expect(wires[0]!.toClient.some((m) => (m as AnnotateReply).type === 'done')).toBe(false);
  });

  it('resolves to null at once for a signal that is already aborted', async () => {
    const { remote, wires } = connected();
    const abort = new AbortController();
    abort.abort();
    await expect(remote.annotate(seedArticle(), abort.signal)).resolves.toBeNull();
    expect(wires).toHaveLength(0);
  });

  it('drops a connection from another extension without a reply', async () => {
    const { remote, wires } = connected({ senderId: 'someone-else' });
    await expect(remote.annotate(seedArticle())).rejects.toBeInstanceOf(RemoteAnnotateError);
    expect(wires[0]!.toClient).toEqual([]);
  });

  it('answers a malformed request with an error, which the client reports', async () => {
    const { remote } = connected();
    const bad = { ...seedArticle(), blocks: [{ kind: 'body', start: 10, end: 5 }] } as ArticleText;
    await expect(remote.annotate(bad)).rejects.toThrow(/malformed/);
  });

  it('fetches the packs alone once, for a page that was never annotated', async () => {
    const { remote, wires } = connected();
    expect(remote.packs).toEqual([]);
    const packs = await remote.ensurePacks();
    expect(packs.map((p) => p.id)).toEqual(bundledPacks.map((p) => p.id));
    await remote.ensurePacks();
    expect(wires).toHaveLength(1);
  });
});

describe('the annotate protocol', () => {
  it('splits annotations into parts and assembles them back in order', () => {
    const article = seedArticle();
    const local = annotate(article, bundledPacks);
    const assembler = new AnnotationAssembler(article.text);
    let result = null;
    let parts = 0;
    for (const reply of replyParts(local, article.text, 7)) {
      if (reply.type === 'part') parts++;
      if (reply.type === 'part' || reply.type === 'done') result = assembler.add(reply) ?? result;
    }
    expect(parts).toBe(Math.ceil(local.officials.length / 7) + Math.ceil(local.figures.length / 7) + Math.ceil(local.claims.length / 7));
    expect(result?.toAnnotations()).toEqual(local);
  });

  it('sends each distinct value once per part, and the page gets one shared object per role', () => {
    const article = makeBigArticle(60_000);
    const local = annotate(article, bundledPacks);
    const withRole = local.officials.filter((o) => o.role);
    expect(withRole.length).toBeGreaterThan(50);
    // Through JSON, as the port sends it.
    const replies = [...replyParts(local, article.text)].map((r) => JSON.parse(JSON.stringify(r)) as AnnotateReply);
    const parts = replies.filter((r): r is Extract<AnnotateReply, { type: 'part' }> => r.type === 'part');
    const officials = parts.filter((p) => p.list === 'officials');
    expect(officials).toHaveLength(1);
    const wire = officials[0]!.items;
    const distinct = new Set(withRole.map((o) => JSON.stringify(o.role)));
    // Each role, and each name, once in the part's table of values; offsets as plain numbers.
    expect(wire.values.filter((v) => typeof v === 'object' && v !== null && 'title' in v)).toHaveLength(distinct.size);
    expect(wire.values.filter((v) => v === 'Jamieson Greer')).toHaveLength(1);
    expect('n' in wire.cols.start! && 'n' in wire.cols.end!).toBe(true);
    // Far smaller than the objects themselves.
    expect(JSON.stringify(parts).length).toBeLessThan(JSON.stringify(local).length / 3);
    const assembler = new AnnotationAssembler(article.text);
    let result = null;
    for (const r of replies) result = assembler.add(r as Extract<AnnotateReply, { type: 'part' | 'done' }>) ?? result;
    const rebuilt = result!.toAnnotations();
    expect(rebuilt).toEqual(local);
    // Rebuilt objects serialise exactly like the engine's (keys in their order, text last as before).
    expect(JSON.stringify(rebuilt.figures.map(({ text: _t, ...rest }) => rest))).toBe(JSON.stringify(local.figures.map(({ text: _t, ...rest }) => rest)));
    expect(new Set(rebuilt.officials.map((o) => o.role).filter((r) => r !== null)).size).toBe(distinct.size);
    // Offsets and checks are read without making objects.
    expect(result!.start('claims', 3)).toBe(local.claims[3]!.start);
    expect(result!.end('figures', 5)).toBe(local.figures[5]!.end);
    expect(result!.item('officials', 2)).toEqual(local.officials[2]);
    expect(result!.item('officials', local.officials.length)).toBeUndefined();
  });

  it('refuses a malformed part, keeping nothing of it', () => {
    const base = { shapes: [['start', 'end']], shapeOf: [0], cols: { start: { n: [0] }, end: { n: [3] } }, values: [] };
    const bad: unknown[] = [
      { ...base, shapeOf: [1] },
      { ...base, cols: { start: { n: [0, 1] }, end: { n: [3] } } },
      { ...base, cols: { start: { v: [4] }, end: { n: [3] } } },
      { ...base, cols: { start: { n: ['0'] }, end: { n: [3] } } },
      { ...base, cols: { start: { n: [0] } } },
      { ...base, values: null },
      { ...base, cols: { start: 5, end: { n: [3] } } },
      { ...base, shapes: [[1, 2]] },
    ];
    for (const items of bad) {
      const assembler = new AnnotationAssembler('Kim said so.');
      expect(() => assembler.add({ type: 'part', list: 'officials', items } as Extract<AnnotateReply, { type: 'part' }>)).toThrow(/Gloss:/);
      expect(() => assembler.add({ type: 'done', date: null, topics: [], officials: 0, figures: 0, claims: 0 })).not.toThrow();
    }
    const assembler = new AnnotationAssembler('Kim said so.');
    expect(() => assembler.add({ type: 'part', list: 'people', items: base } as unknown as Extract<AnnotateReply, { type: 'part' }>)).toThrow(/no list/);
  });

  it('refuses a result whose parts do not add up', () => {
    const assembler = new AnnotationAssembler('');
    expect(() => assembler.add({ type: 'done', date: null, topics: [], officials: 1, figures: 0, claims: 0 })).toThrow(/incomplete/);
  });

  it('accepts only well-formed article requests', () => {
    const article = seedArticle();
    expect(articleOfRequest({ type: 'annotate', article })).toBe(article);
    expect(articleOfRequest(null)).toBeNull();
    expect(articleOfRequest({ type: 'other', article })).toBeNull();
    expect(articleOfRequest({ type: 'annotate', article: { ...article, text: 42 } })).toBeNull();
    expect(articleOfRequest({ type: 'annotate', article: { ...article, date: 5 } })).toBeNull();
    expect(articleOfRequest({ type: 'annotate', article: { ...article, blocks: [{ kind: 'aside', start: 0, end: 1 }] } })).toBeNull();
    expect(articleOfRequest({ type: 'annotate', article: { ...article, blocks: [{ kind: 'body', start: 0, end: article.text.length + 1 }] } })).toBeNull();
    expect(articleOfRequest({ type: 'annotate', article: { ...article, blocks: [{ kind: 'body', start: 0.5, end: 2 }] } })).toBeNull();
    expect(articleOfRequest({ type: 'annotate', article: { ...article, text: 'x'.repeat(4_000_001), blocks: [] } })).toBeNull();
  });
});

describe('the background packs cache', () => {
  function storageEvent(): { addListener(l: (changes: Record<string, unknown>, area: string) => void): void; fire(changes: Record<string, unknown>, area: string): void } {
    const e = event<(changes: Record<string, unknown>, area: string) => void>();
    return { addListener: e.addListener, fire: e.fire };
  }
  const imported = { ...bundledPacks[0]!, id: 'imported-pack' } as KnowledgePack;

  it('adds the imported packs to the bundled ones and reads storage once until they change', async () => {
    const changes = storageEvent();
    let reads = 0;
    const load = createPacksCache(changes, () => {
      reads++;
      return Promise.resolve([imported]);
    });
    expect((await load()).map((p) => p.id)).toEqual([...bundledPacks.map((p) => p.id), 'imported-pack']);
    await load();
    expect(reads).toBe(1);
    changes.fire({ settings: {} }, 'local');
    await load();
    expect(reads).toBe(1);
    changes.fire({ userPacks: {} }, 'local');
    await load();
    expect(reads).toBe(2);
  });

  it('keeps working with the bundled packs when storage cannot be read, and tries again next time', async () => {
    let fail = true;
    const load = createPacksCache(storageEvent(), () => (fail ? Promise.reject(new Error('storage is broken')) : Promise.resolve([imported])));
    expect(await load()).toEqual(bundledPacks);
    fail = false;
    expect((await load()).map((p) => p.id)).toContain('imported-pack');
  });

  it('never lets an imported pack shadow a bundled one', async () => {
    const shadow = { ...bundledPacks[0]!, entities: [] } as KnowledgePack;
    const load = createPacksCache(storageEvent(), () => Promise.resolve([shadow]));
    expect(await load()).toEqual(bundledPacks);
  });
});
