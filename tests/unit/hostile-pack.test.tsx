// @vitest-environment happy-dom
/**
 * Hostile knowledge packs: malformed, oversized, deeply nested, prototype
 * keys, script-like text and `javascript:` links. Each is refused with a
 * message naming the problem, or, where the text is legal, rendered inert: as
 * text, with no element made from it and no link that is not http(s).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { render } from 'preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { parsePack, formatPackErrors } from '../../lib/packs/load';
import { importUserPack } from '../../lib/packs/user-packs';
import { MAX_PACK_CHARS } from '../../lib/packs/schema';
import type { KnowledgePack } from '../../lib/packs/types';
import type { OfficialMention } from '../../lib/types';
import { Card } from '../../components/card/Card';
import { SourceLink } from '../../components/shared/SourceLink';

const SCRIPTY = '<img src=x onerror=alert(1)>';

/** A valid pack written for these tests, with hostile-looking text where the schema allows text. */
function pack(overrides: Partial<KnowledgePack> = {}): KnowledgePack {
  return {
    schemaVersion: 1,
    id: 'hostile-test',
    name: `Pack ${SCRIPTY}`,
    version: '1',
    description: '<script>alert(1)</script> in a description is only text.',
    topicTerms: ['harbour levy'],
    sources: [{ id: 'src', publisher: `<b onmouseover=alert(1)>Port</b>`, title: '"><svg onload=alert(1)>', url: 'https://port.example/report', accessed: '2024-01-02' }],
    entities: [
      {
        id: 'p1',
        kind: 'person',
        name: SCRIPTY,
        aliases: [],
        misspellings: [],
        nativeName: null,
        roles: [{ title: `Commissioner <iframe src="javascript:alert(1)">`, from: '2019', to: null, sourceIds: ['src'] }],
        summary: `Summary with ${SCRIPTY} and <a href="javascript:alert(1)">a link</a>.`,
        sourceIds: ['src'],
      },
    ],
    series: [],
    timeline: [],
    facts: [],
    ...overrides,
  };
}

function errorsOf(json: unknown): string {
  const r = parsePack(json);
  expect(r.ok).toBe(false);
  return r.ok ? '' : formatPackErrors(r.errors);
}

describe('refused packs, with a clear message', () => {
  afterEach(() => fakeBrowser.reset());

  it('malformed JSON', async () => {
    const r = await importUserPack('{"schemaVersion": 1, "id": ', []);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(formatPackErrors(r.errors)).toMatch(/not valid JSON/);
  });

  it('a 50 MB string is refused before it is parsed, quickly', async () => {
    const huge = `{"schemaVersion":1,"description":"${'a'.repeat(50 * 1024 * 1024)}"}`;
    const t0 = performance.now();
    const r = await importUserPack(huge, []);
    expect(performance.now() - t0).toBeLessThan(500);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(formatPackErrors(r.errors)).toContain(`the limit is ${MAX_PACK_CHARS}`);
  });

  it('an object over the size limit is refused by parsePack too', () => {
    expect(errorsOf({ ...pack(), description: 'a'.repeat(MAX_PACK_CHARS) })).toMatch(/too large/);
  });

  it('deep nesting, as JSON text and as an object, without blowing the stack', async () => {
    const deepText = `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`;
    const r = await importUserPack(deepText, []);
    expect(r.ok).toBe(false);
    let deep: Record<string, unknown> = {};
    const top = deep;
    for (let i = 0; i < 100_000; i++) deep = (deep.a = {}) as Record<string, unknown>;
    expect(errorsOf({ ...pack(), extra: top })).toMatch(/deep|nest/i);
  });

  it('a cycle is refused', () => {
    const cyclic: Record<string, unknown> = { ...pack() };
    cyclic.self = cyclic;
    expect(errorsOf(cyclic)).not.toBe('');
  });

  it('__proto__ and constructor keys are refused and pollute nothing', async () => {
    const text = JSON.stringify(pack()).replace('{', '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},');
    const r = await importUserPack(text, []);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(formatPackErrors(r.errors)).toMatch(/__proto__|constructor/);
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });

  it.each([
    'javascript:alert(1)',
    ' javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    'java\nscript:alert(1)',
    'java\tscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    '//evil.example/x',
    'file:///etc/passwd',
    'chrome-extension://abc/popup.html',
  ])('a source link %j is refused', (url) => {
    const bad = pack({ sources: [{ id: 'src', publisher: 'Port', title: 'Report', url, accessed: '2024-01-02' }] });
    expect(errorsOf(bad)).toMatch(/sources\[0\]\.url: must be an http: or https: URL/);
  });

  it('ids that look like paths or markup are refused', () => {
    expect(errorsOf(pack({ id: '../../settings' }))).toMatch(/^- id:/m);
    expect(errorsOf(pack({ id: '<b>x</b>' }))).toMatch(/^- id:/m);
  });
});

describe('legal but hostile-looking text renders inert', () => {
  let div: HTMLDivElement | null = null;
  afterEach(() => {
    if (div) render(null, div);
    div?.remove();
    div = null;
  });
  const show = (node: preact.ComponentChild): HTMLElement => {
    div = document.createElement('div');
    document.body.append(div);
    render(node, div);
    return div;
  };

  it('the pack is accepted: markup in text is just text', () => {
    expect(parsePack(pack()).ok).toBe(true);
  });

  it('an official card shows script-like names, roles and summaries as text, making no elements from them', () => {
    const p = pack();
    const mention: OfficialMention = { start: 0, end: SCRIPTY.length, text: SCRIPTY, name: SCRIPTY, entityId: 'p1', packId: p.id, role: null, via: 'pack-name' };
    const el = show(<Card model={{ kind: 'official', mention, articleDate: '2021-06-01' }} packs={[p]} />);
    expect(el.textContent).toContain(SCRIPTY);
    expect(el.textContent).toContain('Commissioner <iframe');
    expect(el.querySelector('img, script, iframe, svg, b[onmouseover]')).toBeNull();
    for (const a of el.querySelectorAll('a')) expect(a.getAttribute('href')).toMatch(/^https?:\/\//);
    const withHandlers = [...el.querySelectorAll('*')].filter((e) => [...e.attributes].some((at) => at.name.startsWith('on')));
    expect(withHandlers).toEqual([]);
  });

  it('a source whose URL slipped past validation becomes plain text, never a javascript: link', () => {
    const el = show(<SourceLink source={{ id: 's', publisher: 'Port', title: SCRIPTY, url: 'javascript:alert(1)', accessed: '2024-01-02' }} />);
    expect(el.querySelector('a')).toBeNull();
    expect(el.textContent).toBe(`Port: ${SCRIPTY}`);
  });
});
