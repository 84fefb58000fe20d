// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { render } from 'preact';
import { Card } from '../../components/card/Card';
import { placeCard } from '../../components/card/CardLayer';
import { formatFigureValue, relatedFacts, roleAt } from '../../components/card/model';
import type { KnowledgePack } from '../../lib/packs/types';
import type { Claim, Figure, OfficialMention } from '../../lib/types';

/** A made-up pack: a harbour authority, its commissioner, a container series and two facts. */
const PACK: KnowledgePack = {
  schemaVersion: 1,
  id: 'harbour',
  name: 'Harbour test pack',
  version: '1',
  description: 'Invented data for card tests.',
  topicTerms: ['harbour'],
  sources: [
    { id: 'port-report', publisher: 'Port Authority', title: 'Annual report', url: 'https://port.example/report', accessed: '2024-01-02' },
    { id: 'bad-link', publisher: 'Mystery', title: 'Script link', url: 'javascript:alert(1)', accessed: '2024-01-02' },
  ],
  entities: [
    {
      id: 'okonkwo-lind',
      kind: 'person',
      name: 'Mara Okonkwo-Lind',
      aliases: ['M. Okonkwo-Lind'],
      misspellings: ['Mara Okonkwo Lynd'],
      nativeName: '마라',
      roles: [
        { title: 'Harbour Commissioner', org: 'Port Authority', from: '2019-03', to: null, sourceIds: ['port-report'] },
        { title: 'Deputy Director', org: 'Port Authority', from: '2014', to: '2019-02', sourceIds: ['port-report'] },
      ],
      summary: 'Runs the port authority and sets its levies.',
      sourceIds: ['port-report', 'bad-link'],
    },
  ],
  series: [],
  timeline: [],
  facts: [
    { text: 'The container levy was last raised in 2018.', tags: ['levy'], sourceIds: ['port-report'] },
    { text: 'The ferry timetable changes each spring.', tags: ['ferry'], sourceIds: ['port-report'] },
  ],
};

const mention: OfficialMention = {
  start: 0,
  end: 17,
  text: 'Mara Okonkwo Lynd',
  name: 'Mara Okonkwo-Lind',
  entityId: 'okonkwo-lind',
  packId: 'harbour',
  role: null,
  via: 'pack-variant',
  standardSpelling: 'Mara Okonkwo-Lind',
};

const figure: Figure = {
  start: 0,
  end: 11,
  text: '$28 billion',
  kind: 'money',
  value: 28_000_000_000,
  unit: 'USD',
  relative: false,
  period: { start: '2016-01-01', end: '2016-12-31', label: '2016' },
  check: {
    verdict: 'differs',
    packId: 'harbour',
    seriesId: 'throughput',
    seriesLabel: 'Port revenue',
    period: '2016',
    officialValue: 21_500_000_000,
    statedValue: 28_000_000_000,
    unit: 'USD',
    basis: 'audited accounts',
    sourceIds: ['port-report'],
    note: 'The audited figure is about a quarter lower.',
  },
};

const claim: Claim = {
  start: 0,
  end: 40,
  text: 'the levy will not rise this year',
  quoted: false,
  speaker: 'Okonkwo-Lind',
  speakerEntityId: 'okonkwo-lind',
  worthiness: { score: 0.8, reasons: ['makes a prediction', 'concerns public money'] },
};

function show(node: preact.ComponentChild): HTMLElement {
  const div = document.createElement('div');
  document.body.append(div);
  render(node, div);
  return div;
}

afterEach(() => {
  document.body.replaceChildren();
});

describe('cards', () => {
  it('official: names, native name, role at the date, other roles, summary, standard spelling and safe sources', () => {
    const el = show(<Card model={{ kind: 'official', mention, articleDate: '2021-06-01' }} packs={[PACK]} />);
    const dialog = el.querySelector('[role="dialog"]')!;
    expect(dialog.getAttribute('aria-label')).toContain('official');
    expect(el.querySelector('.gloss-title')!.textContent).toContain('Mara Okonkwo-Lind');
    expect(el.querySelector('.gloss-native')!.textContent).toContain('마라');
    expect(el.querySelector('.gloss-role')!.textContent).toContain('Harbour Commissioner, Port Authority');
    expect(el.querySelector('.gloss-roles')!.textContent).toContain('Deputy Director, Port Authority (2014–2019-02)');
    expect(el.querySelector('.gloss-summary')!.textContent).toBe('Runs the port authority and sets its levies.');
    expect(el.querySelector('.gloss-spelling')!.textContent).toContain('Standard spelling: Mara Okonkwo-Lind');
    const links = [...el.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['https://port.example/report']);
    expect(links[0]!.getAttribute('target')).toBe('_blank');
    expect(el.textContent).toContain('Mystery: Script link');
  });

  it('official: the role held at an earlier article date is the earlier one', () => {
    const el = show(<Card model={{ kind: 'official', mention: { ...mention, standardSpelling: undefined }, articleDate: '2016-05-05' }} packs={[PACK]} />);
    expect(el.querySelector('.gloss-role')!.textContent).toContain('Deputy Director');
    expect(el.querySelector('.gloss-spelling')).toBeNull();
  });

  it('figure: written → normalised · period, and the check with verdict, basis and source', () => {
    const el = show(<Card model={{ kind: 'figure', figure, articleDate: null }} packs={[PACK]} />);
    expect(el.querySelector('.gloss-title')!.textContent).toBe('$28 billion → US$28,000,000,000 · 2016');
    const check = el.querySelector('.gloss-check')!;
    expect(check.className).toContain('gloss-verdict-differs');
    expect(check.textContent).toContain('Differs from the official figure');
    expect(check.textContent).toContain('Port revenue, 2016: US$21,500,000,000');
    expect(check.textContent).toContain('Basis: audited accounts');
    expect(check.querySelector('a')!.getAttribute('href')).toBe('https://port.example/report');
  });

  it('claim: speaker with role, reported, worthiness with reasons, related facts with sources', () => {
    const el = show(<Card model={{ kind: 'claim', claim, articleDate: '2022-01-01' }} packs={[PACK]} />);
    expect(el.querySelector('.gloss-kind')!.textContent).toBe('Reported statement');
    expect(el.querySelector('.gloss-title')!.textContent).toBe('Mara Okonkwo-Lind');
    expect(el.querySelector('.gloss-role')!.textContent).toContain('Harbour Commissioner');
    expect(el.querySelector('.gloss-worthiness')!.textContent).toContain('high');
    expect([...el.querySelectorAll('.gloss-reasons li')].map((li) => li.textContent)).toEqual(['makes a prediction', 'concerns public money']);
    const facts = el.querySelector('.gloss-facts')!;
    expect(facts.textContent).toContain('The container levy was last raised in 2018.');
    expect(facts.textContent).not.toContain('ferry');
  });

  it('renders page text as text, never as markup', () => {
    const hostile = { ...claim, speaker: '<img src=x onerror=alert(1)>', speakerEntityId: null };
    const el = show(<Card model={{ kind: 'claim', claim: hostile, articleDate: null }} packs={[PACK]} />);
    expect(el.querySelector('img')).toBeNull();
    expect(el.querySelector('.gloss-title')!.textContent).toBe('<img src=x onerror=alert(1)>');
  });

  it('look-up: a selected misspelling finds the person; other text finds related facts', () => {
    const person = show(<Card model={{ kind: 'lookup', text: 'mara okonkwo lynd', articleDate: '2021-01-01' }} packs={[PACK]} />);
    expect(person.querySelector('.gloss-title')!.textContent).toContain('Mara Okonkwo-Lind');
    const other = show(<Card model={{ kind: 'lookup', text: 'the container levy', articleDate: null }} packs={[PACK]} />);
    expect(other.textContent).toContain('The container levy was last raised in 2018.');
  });
});

describe('card helpers', () => {
  it('formats figures by kind', () => {
    expect(formatFigureValue({ ...figure, value: -27_700_000_000 })).toBe('−US$27,700,000,000');
    expect(formatFigureValue({ ...figure, kind: 'percent', value: 95, unit: 'percent' })).toBe('95%');
    expect(formatFigureValue({ ...figure, kind: 'duration', value: 5, unit: 'year' })).toBe('5 years');
    expect(formatFigureValue({ ...figure, kind: 'date', value: '2017-07-12', unit: null })).toBe('2017-07-12');
  });

  it('finds the role at a date and no role before any began', () => {
    const roles = PACK.entities[0]!.roles;
    expect(roleAt(roles, '2020-01-01')?.title).toBe('Harbour Commissioner');
    expect(roleAt(roles, '2019-02-15')?.title).toBe('Deputy Director');
    expect(roleAt(roles, '2010')).toBeNull();
    expect(relatedFacts('nothing in common here', [PACK])).toEqual([]);
  });

  it('places a card below its anchor, above when there is no room, always on screen', () => {
    const view = { width: 800, height: 600 };
    const size = { width: 300, height: 200 };
    const low = new DOMRect(100, 100, 80, 20);
    expect(placeCard(low, size, view)).toEqual({ left: 100, top: 126, above: false });
    const high = new DOMRect(700, 500, 80, 20);
    const p = placeCard(high, size, view);
    expect(p.above).toBe(true);
    expect(p.top + size.height).toBeLessThanOrEqual(500);
    expect(p.left + size.width).toBeLessThanOrEqual(800 - 8);
  });
});
