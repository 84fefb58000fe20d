import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { formatPackErrors, loadPacks, parsePack, type PackError } from '../../lib/packs/load';
import { BUNDLED_PACK_FILES, bundledPacks } from '../../lib/packs/bundled';
import { checkBundledPacks } from '../../scripts/check-bundled-packs';
import { fileURLToPath } from 'node:url';
import { isPartialDate, isWebUrl } from '../../lib/packs/schema';

/** A small valid pack about an invented topic; each test breaks one thing. */
function samplePack(): Record<string, unknown> {
  return {
    schemaVersion: 1,
    id: 'harbour-accord',
    name: 'Harbour Accord',
    version: '0.1.0',
    description: 'An invented pack used by the tests.',
    topicTerms: ['Harbour Accord'],
    sources: [
      { id: 'gazette-2020', publisher: 'Harbour Gazette', title: 'Accord signed', url: 'https://example.org/accord', accessed: '2024-01-02', published: '2020-05' },
      { id: 'registry', publisher: 'Port Registry', title: 'Tonnage table', url: 'http://example.org/tonnage', accessed: '2024-01-02' },
    ],
    entities: [
      {
        id: 'ines-morel',
        kind: 'person',
        name: 'Ines Morel',
        aliases: ['I. Morel'],
        misspellings: ['Ines Morell'],
        nativeName: null,
        roles: [{ title: 'Harbour Minister', country: 'XX', from: '2019-03', to: null, sourceIds: ['gazette-2020'] }],
        summary: 'Signed the accord.',
        sourceIds: ['gazette-2020'],
      },
    ],
    series: [
      {
        id: 'tonnage',
        label: 'Tonnage handled',
        basis: 'registry',
        unit: 'USD',
        points: [{ period: '2020', value: 12, sourceIds: ['registry'] }],
        match: { measureTerms: ['tonnage'], partnerTerms: ['harbour'], primary: true },
        sourceIds: ['registry'],
      },
    ],
    timeline: [{ date: '2020-05-01', event: 'Accord signed.', key: true, sourceIds: ['gazette-2020'] }],
    facts: [{ text: 'The accord covers two ports.', tags: ['scope'], sourceIds: ['gazette-2020'] }],
  };
}

type Json = Record<string, unknown>;
const at = (value: unknown, ...path: (string | number)[]): Json =>
  path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], value) as Json;

function errorsOf(json: unknown): PackError[] {
  const result = parsePack(json);
  if (result.ok) throw new Error('expected the pack to be refused');
  return result.errors;
}

describe('parsePack', () => {
  it('accepts a valid pack and returns it typed', () => {
    const result = parsePack(samplePack());
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.pack.entities[0]!.roles[0]!.from).toBe('2019-03');
  });

  it('refuses a missing or unknown schemaVersion with a readable message', () => {
    const missing = samplePack();
    delete missing.schemaVersion;
    expect(errorsOf(missing)).toEqual([{ path: 'schemaVersion', message: expect.stringMatching(/missing.*schemaVersion": 1/) }]);
    expect(errorsOf({ ...samplePack(), schemaVersion: 2 })[0]!.message).toMatch(/^2 is not supported; .* reads schemaVersion 1$/);
  });

  it('names the path and the reason of a bad date', () => {
    const pack = samplePack();
    at(pack, 'entities', 0, 'roles', 0).from = '2019-13';
    expect(errorsOf(pack)).toEqual([{ path: 'entities[0].roles[0].from', message: expect.stringContaining('YYYY, YYYY-MM or YYYY-MM-DD') }]);
    expect(isPartialDate('2017')).toBe(true);
    expect(isPartialDate('2017-02-29')).toBe(false);
    expect(isPartialDate('2016-02-29')).toBe(true);
    expect(isPartialDate('17-02')).toBe(false);
  });

  it('refuses source ids that do not exist, and sources never cited', () => {
    const pack = samplePack();
    at(pack, 'timeline', 0).sourceIds = ['gazette-2021'];
    const errors = errorsOf(pack);
    expect(errors).toContainEqual({ path: 'timeline[0].sourceIds[0]', message: expect.stringContaining('unknown source "gazette-2021"') });
    const unused = samplePack();
    (unused.sources as unknown[]).push({ id: 'spare', publisher: 'P', title: 'T', url: 'https://example.org/x', accessed: '2024-01-02' });
    expect(errorsOf(unused)).toEqual([{ path: 'sources[2]', message: expect.stringContaining('never cited') }]);
  });

  it('refuses URLs that are not http(s)', () => {
    for (const url of ['javascript:alert(1)', 'data:text/html,x', '/relative/path', 'ftp://example.org/f']) {
      const pack = samplePack();
      at(pack, 'sources', 0).url = url;
      expect(errorsOf(pack)).toEqual([{ path: 'sources[0].url', message: 'must be an http: or https: URL' }]);
    }
    expect(isWebUrl('https://example.org')).toBe(true);
  });

  it('refuses duplicate ids, unknown fields, missing fields and a role that ends before it starts', () => {
    const pack = samplePack();
    const entities = pack.entities as Json[];
    entities.push({ ...entities[0]!, name: 'Someone Else' });
    at(pack, 'entities', 0).misspelling = [];
    delete at(pack, 'facts', 0).tags;
    at(pack, 'entities', 1).roles = [{ title: 'Mayor', from: '2020', to: '2019-06', sourceIds: ['gazette-2020'] }];
    const errors = errorsOf(pack);
    expect(errors).toContainEqual({ path: 'entities[0].misspelling', message: expect.stringContaining('not a field') });
    expect(errors).toContainEqual({ path: 'facts[0].tags', message: 'is required' });
    // Cross-checks run once the shape is right.
    delete at(pack, 'entities', 0).misspelling;
    at(pack, 'facts', 0).tags = [];
    expect(errorsOf(pack)).toEqual([
      { path: 'entities[1].id', message: 'duplicate id "ines-morel" (first used at entities[0])' },
      { path: 'entities[1].roles[0].to', message: 'ends (2019-06) before it starts (2020)' },
    ]);
  });

  it('refuses nesting deeper than the schema, cycles, non-objects and oversized packs without crashing', () => {
    const deep = samplePack();
    at(deep, 'facts', 0).tags = [[[['too deep']]]];
    expect(errorsOf(deep)[0]!.message).toMatch(/nested deeper/);
    let bomb: unknown = 'x';
    for (let i = 0; i < 100_000; i++) bomb = [bomb];
    expect(errorsOf({ ...samplePack(), facts: bomb })[0]!.message).toMatch(/nested deeper/);
    const cyclic = samplePack();
    at(cyclic, 'facts', 0).self = cyclic;
    expect(errorsOf(cyclic)[0]!.message).toMatch(/cycle/);
    // Shared references are fine (not a cycle) but may not blow a small graph up into billions of values.
    let shared: unknown = ['x'];
    for (let i = 0; i < 3; i++) shared = new Array(200).fill(shared);
    expect(errorsOf({ ...samplePack(), topicTerms: shared })[0]!.message).toMatch(/too large/);
    expect(errorsOf([samplePack()])).toEqual([{ path: '', message: 'a pack must be a JSON object' }]);
    expect(errorsOf(null)[0]!.path).toBe('');
    const big = samplePack();
    at(big, 'facts', 0).text = 'x'.repeat(5 * 1024 * 1024);
    expect(errorsOf(big)[0]!.message).toMatch(/too large/);
  });
});

describe('loadPacks and formatPackErrors', () => {
  it('skips a bad pack and keeps the others, naming the bad one', () => {
    const bad = samplePack();
    bad.id = 'broken';
    at(bad, 'sources', 1).url = 'javascript:void(0)';
    const { packs, errors } = loadPacks([samplePack(), bad, 'not a pack', samplePack()]);
    expect(packs.map((p) => p.id)).toEqual(['harbour-accord']);
    expect(errors.map((e) => [e.index, e.packId])).toEqual([
      [1, 'broken'],
      [2, undefined],
      [3, 'harbour-accord'],
    ]);
    expect(errors[2]!.errors[0]!.message).toMatch(/already loaded/);
    const text = formatPackErrors(errors);
    expect(text).toContain('Pack "broken" (#2) was not loaded:\n  - sources[1].url: must be an http: or https: URL');
    expect(text).toContain('Pack #3 was not loaded:\n  - (pack): a pack must be a JSON object');
  });

  it('formats parsePack errors one per line', () => {
    expect(formatPackErrors([{ path: 'entities[3].roles[0].from', message: 'must be a date' }])).toBe('- entities[3].roles[0].from: must be a date');
    expect(formatPackErrors([])).toBe('No problems.');
  });
});

describe('the bundled KORUS pack', () => {
  const korus = bundledPacks.find((p) => p.id === 'korus')!;
  const series = (id: string) => korus.series.find((s) => s.id === id)!;

  it('validates, and stays small enough for the content script', () => {
    expect(korus.schemaVersion).toBe(1);
    const raw = readFileSync(new URL('../../lib/packs/korus.json', import.meta.url));
    expect(raw.length).toBeLessThan(60 * 1024);
    const parsed = parsePack(JSON.parse(raw.toString('utf8')));
    expect(parsed.ok).toBe(true);
    // bundled.ts types the JSON without validating it at load: safe only if validation returns it unchanged.
    expect(parsed.ok && parsed.pack).toEqual(korus);
  });

  it('passes the check run before every build', () => {
    expect(() => checkBundledPacks(fileURLToPath(new URL('../..', import.meta.url)))).not.toThrow();
    expect(BUNDLED_PACK_FILES).toContain('lib/packs/korus.json');
  });

  it('keeps the trade bases apart, with the series ids the figure check relies on', () => {
    expect(korus.series.map((s) => [s.id, s.match.primary])).toEqual([
      ['us-kr-goods-balance', true],
      ['us-kr-goods-services-balance', false],
      ['us-kr-services-balance', false],
      ['kr-us-surplus-korean-data', false],
    ]);
    const goods = series('us-kr-goods-balance');
    expect(goods.points.find((p) => p.period === '2016')?.value).toBe(-27_700_000_000);
    expect(goods.points.find((p) => p.period === '2010')?.approximate).toBe(true);
    expect(goods.points.some((p) => p.period === '2015')).toBe(false);
    expect(goods.points.every((p) => p.value < 0)).toBe(true);
    expect(series('us-kr-goods-services-balance').points.find((p) => p.period === '2016')?.value).toBe(-17_000_000_000);
    expect(series('kr-us-surplus-korean-data').points.every((p) => p.value > 0)).toBe(true);
  });

  it('knows the officials, their spellings and dated roles', () => {
    const kim = korus.entities.find((e) => e.id === 'kim-hyun-chong')!;
    expect(kim.misspellings).toEqual(['Kim Hyung-chong']);
    expect(kim.nativeName).toBe('김현종');
    expect(kim.roles.map((r) => [r.from, r.to])).toContainEqual(['2017-07-30', '2019-02-28']);
    expect(korus.entities).toHaveLength(27);
    const greer = korus.entities.find((e) => e.id === 'jamieson-greer')!;
    expect(greer.roles.map((r) => [r.from, r.to])).toEqual([
      ['2017', null],
      ['2025-02-26', null],
    ]);
  });

  it('marks the milestones on the timeline', () => {
    const key = korus.timeline.filter((t) => t.key).map((t) => t.date);
    expect(key).toEqual(expect.arrayContaining(['2007-06-30', '2010-12-03', '2011-10-12', '2012-03-15', '2018-09-24', '2019-01-01']));
  });
});
