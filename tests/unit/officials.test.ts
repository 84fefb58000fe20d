import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { BLOCK_SEPARATOR, type ArticleText, type OfficialMention, type TextBlock } from '../../lib/types';
import type { KnowledgePack, PackEntity } from '../../lib/packs/types';
import { bundledPacks } from '../../lib/packs/bundled';
import { detectOfficials } from '../../lib/engine/officials';
import { roleAt, roleCoverage, roleStatusAt } from '../../lib/engine/roles';

/** Builds an article from paragraphs the way the extractor does (blocks joined by BLOCK_SEPARATOR). */
function article(paragraphs: string[], date: string | null, title: string | null = null): ArticleText {
  const parts = title === null ? paragraphs : [title, ...paragraphs];
  const blocks: TextBlock[] = [];
  let pos = 0;
  parts.forEach((p, i) => {
    blocks.push({ kind: title !== null && i === 0 ? 'title' : 'body', start: pos, end: pos + p.length });
    pos += p.length + BLOCK_SEPARATOR.length;
  });
  return { text: parts.join(BLOCK_SEPARATOR), blocks, date, lang: 'en', title, url: null };
}

const find = (paragraphs: string[], date: string | null, packs: readonly KnowledgePack[] = bundledPacks): OfficialMention[] =>
  detectOfficials(article(paragraphs, date), packs);

const brief = (ms: OfficialMention[]) => ms.map((m) => [m.text, m.name]);

function entity(id: string): PackEntity {
  const e = bundledPacks[0]!.entities.find((x) => x.id === id);
  if (!e) throw new Error(`no entity ${id}`);
  return e;
}

describe('seed article (2017-08-23)', () => {
  const html = readFileSync(new URL('../../samples/seed-korus-2017.html', import.meta.url), 'utf8');
  const { document } = parseHTML(html);
  const title = document.querySelector('article h1')?.textContent ?? '';
  const paragraphs = [...document.querySelectorAll('article [itemprop="articleBody"] p')].map((p) => (p.textContent ?? '').trim());
  const seed = article(paragraphs, '2017-08-23', title);
  const found = detectOfficials(seed, bundledPacks);

  // Expected values copied from the project's seed labels (samples/seed-korus-2017): text as written, canonical name, role held on the date.
  const expected: [text: string, name: string, role: string][] = [
    ['Kim', 'Kim Hyun-chong', 'Trade Minister'],
    ['Kim Hyun-chong', 'Kim Hyun-chong', 'Trade Minister'],
    ['Kim Hyung-chong', 'Kim Hyun-chong', 'Trade Minister'],
    ['Jamieson Greer', 'Jamieson Greer', 'Chief of Staff to the U.S. Trade Representative'],
    ['Michael Beeman', 'Michael Beeman', 'Assistant U.S. Trade Representative for Japan, Korea and APEC'],
    ['Kim', 'Kim Hyun-chong', 'Trade Minister'],
    ['Donald Trump', 'Donald Trump', 'President of the United States (45th)'],
    ['Mr. Moon', 'Moon Jae-in', 'President of the Republic of Korea'],
    ['George W. Bush', 'George W. Bush', 'President of the United States (43rd)'],
    ['Barack Obama', 'Barack Obama', 'President of the United States (44th)'],
  ];

  it('finds exactly the ten official mentions, in order', () => {
    expect(found.map((m) => m.text)).toEqual(expected.map((e) => e[0]));
  });

  it('gives each its canonical name and the role held on 2017-08-23', () => {
    found.forEach((m, i) => {
      const [, name, role] = expected[i]!;
      expect(m.name).toBe(name);
      expect(m.role?.title.startsWith(role)).toBe(true);
      expect(seed.text.slice(m.start, m.end)).toBe(m.text);
    });
  });

  it('flags the misspelling with its standard spelling and says how each was found', () => {
    expect(found.map((m) => m.via)).toEqual([
      'short-form', 'pack-name', 'pack-variant', 'pack-name', 'pack-name', 'short-form', 'pack-name', 'short-form', 'pack-name', 'pack-name',
    ]);
    expect(found[2]!.standardSpelling).toBe('Kim Hyun-chong');
    expect(found.every((m) => m.packId === 'korus')).toBe(true);
  });
});

describe('pack names, aliases and misspellings', () => {
  it('marks the canonical name, an alias and a misspelling, and reports the standard spelling', () => {
    const ms = find(['Robert E. Lighthizer met Hyun Chong Kim, whom one paper called Kim Hyung-chong.'], '2018-02-01');
    expect(brief(ms)).toEqual([
      ['Robert E. Lighthizer', 'Robert Lighthizer'],
      ['Hyun Chong Kim', 'Kim Hyun-chong'],
      ['Kim Hyung-chong', 'Kim Hyun-chong'],
    ]);
    expect(ms.map((m) => m.via)).toEqual(['pack-alias', 'pack-alias', 'pack-variant']);
    expect(ms[2]!.standardSpelling).toBe('Kim Hyun-chong');
    expect(ms[0]!.standardSpelling).toBeUndefined();
  });

  it('accepts spaces for hyphens, given-name-first order for Korean names, curly apostrophes and non-breaking spaces', () => {
    const ms = find(['Moon Jae In greeted Myung-hee Yoo and Kim\u00a0Hyun-chong’s aides.'], '2018-02-01');
    expect(brief(ms)).toEqual([
      ['Moon Jae In', 'Moon Jae-in'],
      ['Myung-hee Yoo', 'Yoo Myung-hee'],
      ['Kim\u00a0Hyun-chong', 'Kim Hyun-chong'],
    ]);
  });

  it('keeps the possessive out of the span and takes a courtesy title in', () => {
    const ms = find(['Mr. Robert Lighthizer’s letter reached Seoul; Lighthizer’s aides followed.'], '2017-08-01');
    expect(ms.map((m) => m.text)).toEqual(['Mr. Robert Lighthizer', 'Lighthizer']);
  });

  it('does not take a son for his father', () => {
    expect(find(['Donald Trump Jr. visited a farm show in Iowa.'], '2019-06-01')).toEqual([]);
  });
});

describe('short forms', () => {
  it('links a surname to the nearest full mention before it, else after it', () => {
    const ms = find(['Kim opened the meeting on the KORUS deal.', 'Trade Minister Kim Hyun-chong then spoke, and Kim left at noon.'], '2017-09-10');
    expect(brief(ms)).toEqual([
      ['Kim', 'Kim Hyun-chong'],
      ['Kim Hyun-chong', 'Kim Hyun-chong'],
      ['Kim', 'Kim Hyun-chong'],
    ]);
  });

  it('labels a name used as a modifier and keeps the job title out of "President Moon"', () => {
    const ms = find(['The Trump administration met President Moon on KORUS.'], '2018-05-01');
    expect(brief(ms)).toEqual([
      ['Trump', 'Donald Trump'],
      ['Moon', 'Moon Jae-in'],
    ]);
  });

  it('uses the article date to pick the one pack person in office with that surname', () => {
    const inOffice = find(['Mr. Moon defended the KORUS deal in a speech.'], '2017-09-01');
    expect(brief(inOffice)).toEqual([['Mr. Moon', 'Moon Jae-in']]);
    expect(inOffice[0]!.role?.title).toMatch(/^President of the Republic of Korea/);
    // In 2012 Moon Jae-in held no office the pack knows of, so the short form stays unmarked.
    expect(find(['Mr. Moon defended the KORUS deal in a speech.'], '2012-05-01')).toEqual([]);
  });

  it('leaves a shared Korean surname alone when several pack people could be meant', () => {
    // In January 2026 three people called Kim in the pack hold open-ended roles.
    expect(find(['Kim said the KORUS deal needed work.'], '2026-01-10')).toEqual([]);
    expect(brief(find(['Kim said the KORUS deal needed work.'], '2017-09-01'))).toEqual([['Kim', 'Kim Hyun-chong']]);
  });

  it('does not link a common surname in an article off the pack topic', () => {
    expect(find(['Kim said the bakery would open a second shop in spring.'], '2017-09-01')).toEqual([]);
  });

  it('ignores sentence-initial common words and names that merely start with a surname', () => {
    expect(find(['Moon dust covered the rover. The talks on KORUS went on.'], '2018-03-01')).toEqual([]);
    const ms = find(['Trade Minister Kim Hyun-chong spoke on KORUS before Kim Jong Un arrived.'], '2018-03-01');
    expect(brief(ms)).toEqual([['Kim Hyun-chong', 'Kim Hyun-chong']]);
  });
});

describe('officials found from their titles', () => {
  it('takes the title as stated on the page as the role, and links later surnames and courtesy forms', () => {
    const ms = find(['Finance Minister Maria Okonkwo said talks would resume.', 'Okonkwo added that Ms. Okonkwo’s deputy would attend.'], '2019-05-02');
    expect(brief(ms)).toEqual([
      ['Maria Okonkwo', 'Maria Okonkwo'],
      ['Okonkwo', 'Maria Okonkwo'],
      ['Ms. Okonkwo', 'Maria Okonkwo'],
    ]);
    expect(ms[0]).toMatchObject({ via: 'title-pattern', entityId: null, packId: null, role: { title: 'Finance Minister', sourceIds: [] } });
    expect(ms[1]!.via).toBe('short-form');
  });

  it('reads abbreviated titles, ambassadors, "former" and particles in names', () => {
    const ms = find(
      ['Sen. Harold Brandt met Ambassador Koji Tanabe and former President Ana María de la Vega.', 'Mr. Brandt and Ms. Vega left.'],
      '2019-05-02',
    );
    expect(brief(ms)).toEqual([
      ['Harold Brandt', 'Harold Brandt'],
      ['Koji Tanabe', 'Koji Tanabe'],
      ['Ana María de la Vega', 'Ana María de la Vega'],
      ['Mr. Brandt', 'Harold Brandt'],
      ['Ms. Vega', 'Ana María de la Vega'],
    ]);
    expect(ms.map((m) => m.role?.title)).toEqual(['Sen.', 'Ambassador', 'former President', 'Sen.', 'former President']);
  });

  it('finds a spokesperson named after the ministry, an appositive title, and a leader named with a country', () => {
    const ms = find(
      [
        'A spokeswoman for the ministry Park Ji-won said the KORUS talks were over.',
        'Tomas Varga, the deputy trade minister, agreed.',
        'North Korean leader Kim Jong Un was not mentioned by Varga.',
      ],
      '2018-03-01',
    );
    expect(brief(ms)).toEqual([
      ['Park Ji-won', 'Park Ji-won'],
      ['Tomas Varga', 'Tomas Varga'],
      ['Kim Jong Un', 'Kim Jong Un'],
      ['Varga', 'Tomas Varga'],
    ]);
    expect(ms.map((m) => m.role?.title)).toEqual(['spokeswoman for the ministry', 'deputy trade minister', 'North Korean leader', 'deputy trade minister']);
  });

  it('keeps the office words before a capitalised title, and gives a title to the name that follows it', () => {
    const ms = find(['The team met Harbour Works Minister Ivo Brandl and Jana Roth, who advises Attorney-General Pavel Ilic on law.'], '2019-05-02');
    expect(ms.map((m) => [m.text, m.role?.title])).toEqual([
      ['Ivo Brandl', 'Harbour Works Minister'],
      ['Pavel Ilic', 'Attorney-General'],
    ]);
  });

  it('does not take "president of" a business for an office', () => {
    expect(find(['Rosa Lind, president of Lind Timber, said prices rose.'], '2019-05-02')).toEqual([]);
    expect(brief(find(['Omar Saleh, the president of Sudan, spoke.'], '2019-05-02'))).toEqual([['Omar Saleh', 'Omar Saleh']]);
  });

  it('does not turn a company title into an office', () => {
    expect(find(['Company president Lara Quint said sales rose, and chief executive Omar Lee agreed.'], '2019-05-02')).toEqual([]);
  });
});

describe('people who are not officials', () => {
  it('skips analysts, economists and bylines, and keeps their surnames from linking to pack people', () => {
    const ms = find(
      [
        'By Anna Kim',
        'Economist Paul Greer said the KORUS tariffs were modest, and Greer expects little change.',
        '"It will pass," said Lena Hart, an analyst at Northwind Securities. Kim agreed.',
      ],
      '2017-09-01',
    );
    expect(ms).toEqual([]);
  });

  it('skips a surname followed by a non-official appositive', () => {
    expect(find(['"Tariffs will stay," said Lighthizer, a professor of law, on the KORUS panel.'], '2017-09-01')).toEqual([]);
  });
});

describe('roles at the article date', () => {
  const greer = entity('jamieson-greer');
  const trump = entity('donald-trump');
  const bush = entity('george-w-bush');

  it('picks the role held on the date, preferring the latest appointment', () => {
    expect(roleAt(greer, '2017-08-23')?.title).toMatch(/^Chief of Staff/);
    expect(roleAt(greer, '2025-06-01')?.title).toBe('U.S. Trade Representative');
    expect(roleAt(trump, '2018-09-24')?.title).toBe('President of the United States (45th)');
    expect(roleAt(trump, '2025-03-01')?.title).toBe('President of the United States (47th)');
  });

  it('reads partial dates as whole periods', () => {
    // Trump's first term ends "2021-01": still held on 2021-01-15, over by February.
    expect(roleAt(trump, '2021-01-15')?.title).toBe('President of the United States (45th)');
    expect(roleCoverage(trump.roles[0]!, '2021-02-02')).toBeNull();
    expect(roleCoverage(trump.roles[0]!, '2020')).toBe('closed');
    expect(roleCoverage(trump.roles[1]!, '2026-01-01')).toBe('open');
  });

  it('is honest outside the roles: former role after it ended, nothing before any began', () => {
    expect(roleAt(bush, '2017-08-23')?.title).toBe('President of the United States (43rd)');
    expect(roleStatusAt(bush.roles[0]!, '2017-08-23')).toBe('former');
    expect(roleAt(trump, '2016-06-01')).toBeNull();
    expect(roleStatusAt(trump.roles[0]!, '2016-06-01')).toBe('future');
    const ms = find(['Donald Trump addressed a rally in Ohio.'], '2016-06-01');
    expect(ms).toHaveLength(1);
    expect(ms[0]!.role).toBeNull();
  });

  it('with no date, gives the most recent role', () => {
    expect(roleAt(greer, null)?.title).toBe('U.S. Trade Representative');
    expect(roleAt(trump, null)?.title).toBe('President of the United States (47th)');
  });
});

describe('officials: titles from unseen text (local, legislative, judicial, counterparts)', () => {
  it('reads council, MP and judge titles before names, and links the short forms', () => {
    const ms = find(
      [
        'Councillor Bridget Nwosu voted against the plan, while MP Hamish Calder backed it.',
        'Judge Miriam Castellano adjourned the hearing. Nwosu said she would appeal.',
      ],
      '2020-02-03',
    );
    expect(brief(ms)).toEqual([
      ['Bridget Nwosu', 'Bridget Nwosu'],
      ['Hamish Calder', 'Hamish Calder'],
      ['Miriam Castellano', 'Miriam Castellano'],
      ['Nwosu', 'Bridget Nwosu'],
    ]);
  });

  it('takes "his Peruvian counterpart, X" as an official but not a counterpart without a country', () => {
    const ms = find(['The minister met his Peruvian counterpart, Lucia Quispe, in Lima. The chief executive met her counterpart, Tom Verhoef.'], '2020-02-03');
    expect(brief(ms)).toEqual([['Lucia Quispe', 'Lucia Quispe']]);
  });

  it('takes a city finance chief in apposition and a White House press secretary', () => {
    const ms = find(
      ['The county’s chief financial officer, Dolores Whitby, warned of a shortfall.', 'White House press secretary Dana Kirkland took questions.'],
      '2020-02-03',
    );
    expect(brief(ms)).toEqual([
      ['Dolores Whitby', 'Dolores Whitby'],
      ['Dana Kirkland', 'Dana Kirkland'],
    ]);
  });
});

describe('officials: title shapes from unseen text', () => {
  it('keeps a courtesy title between the job title and the name in the span', () => {
    expect(brief(find(['The review is chaired by the retired judge Dame Helen Cartwright.'], '2020-02-03'))).toEqual([['Dame Helen Cartwright', 'Helen Cartwright']]);
  });

  it('names both people after a plural title', () => {
    expect(brief(find(['Cabinet ministers Rufaro Dube and Tendai Sibanda were detained overnight.'], '2020-02-03'))).toEqual([
      ['Rufaro Dube', 'Rufaro Dube'],
      ['Tendai Sibanda', 'Tendai Sibanda'],
    ]);
  });

  it('takes "a spokesman, X," as an official when the sentence opens with a government body, not a company', () => {
    expect(brief(find(['The Department of Transportation has closed the bridge, a spokeswoman, Carla Benet, said.'], '2020-02-03'))).toEqual([['Carla Benet', 'Carla Benet']]);
    expect(find(['Acme Foods has closed the plant, a spokeswoman, Carla Benet, said.'], '2020-02-03')).toEqual([]);
  });

  it('does not let the last word of the previous sentence ("… a trade group.") mark a surname as a non-official', () => {
    const ms = find(['Trade Minister Ana Kovac met exporters, said Ivo Maric, who heads a trade group.', 'Kovac left without comment.'], '2020-02-03');
    expect(brief(ms)).toEqual([
      ['Ana Kovac', 'Ana Kovac'],
      ['Kovac', 'Ana Kovac'],
    ]);
  });
});
