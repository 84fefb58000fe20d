import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectClaims, isBareImperative } from '../../lib/engine/claims';
import { BLOCK_SEPARATOR, type ArticleText, type Claim, type OfficialMention, type TextBlock } from '../../lib/types';

/** Builds an article from paragraphs (the first may be a title). */
function article(paragraphs: string[], title?: string): ArticleText {
  const blocks: TextBlock[] = [];
  let text = '';
  const push = (kind: TextBlock['kind'], p: string): void => {
    if (text) text += BLOCK_SEPARATOR;
    blocks.push({ kind, start: text.length, end: text.length + p.length });
    text += p;
  };
  if (title) push('title', title);
  for (const p of paragraphs) push('body', p);
  return { text, blocks, date: '2019-05-02', lang: 'en', title: title ?? null, url: null };
}

/** An official mention of `surface` (its `nth` occurrence) standing for `name`. */
function official(a: ArticleText, surface: string, name: string, nth = 0, roleTitle = 'Minister of Trade'): OfficialMention {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = a.text.indexOf(surface, at + 1);
  if (at < 0) throw new Error(`no occurrence ${nth} of ${surface}`);
  return {
    start: at,
    end: at + surface.length,
    text: surface,
    name,
    entityId: name.toLowerCase().replace(/\W+/g, '-'),
    packId: 'test',
    role: { title: roleTitle, sourceIds: [] },
    via: 'pack-name',
  };
}

function brief(claims: readonly Claim[]): [string, string | null, boolean][] {
  return claims.map((c) => [c.text, c.speaker, c.quoted]);
}

describe('quoted claims', () => {
  it('takes the words between the marks, drops a trailing comma and links a trailing speaker', () => {
    const a = article(['“Exports will recover by spring,” said Lena Park, an economist at the central bank.']);
    expect(brief(detectClaims(a, []))).toEqual([['Exports will recover by spring', 'Lena Park', true]]);
  });

  it('keeps a sentence-final full stop inside the marks and reads an attribution before the quote', () => {
    const a = article(['Minister Rosa Alvarez told reporters: "We have no plans to raise the fuel tax."']);
    const claims = detectClaims(a, [official(a, 'Rosa Alvarez', 'Rosa Alvarez')]);
    expect(brief(claims)).toEqual([['We have no plans to raise the fuel tax.', 'Rosa Alvarez', true]]);
    expect(claims[0]?.speakerEntityId).toBe('rosa-alvarez');
  });

  it('splits a quote interrupted by its attribution into two claims with one speaker', () => {
    const a = article(['“Tariffs hurt our farmers,” Alvarez said. “They also raise prices for every family.”']);
    expect(brief(detectClaims(a, [official(a, 'Alvarez', 'Rosa Alvarez')]))).toEqual([
      ['Tariffs hurt our farmers', 'Rosa Alvarez', true],
      ['They also raise prices for every family.', 'Rosa Alvarez', true],
    ]);
  });

  it('keeps a quote of several sentences whole', () => {
    const a = article(['"Prices rose. Wages did not. That is the problem," Senator Okafor said.']);
    expect(brief(detectClaims(a, [official(a, 'Okafor', 'Ngozi Okafor')]))).toEqual([
      ['Prices rose. Wages did not. That is the problem', 'Ngozi Okafor', true],
    ]);
  });

  it('counts short attributed fragments as claims', () => {
    const a = article(['Senator Okafor called the bill "a historic step" for rural hospitals.']);
    expect(brief(detectClaims(a, [official(a, 'Senator Okafor', 'Ngozi Okafor')]))).toEqual([['a historic step', 'Ngozi Okafor', true]]);
  });

  it('does not count unattributed scare quotes', () => {
    const a = article(['The so-called "reform package" has stalled in committee since March.']);
    expect(detectClaims(a, [])).toEqual([]);
  });

  it('continues the previous paragraph’s speaker for a paragraph that opens with an unattributed quote', () => {
    const a = article([
      '"Our reserves are strong," the central bank governor, Amir Haddad, said on Friday.',
      '"We can defend the currency for as long as we need to."',
      'Markets closed higher after the remarks.',
    ]);
    const claims = detectClaims(a, [official(a, 'Amir Haddad', 'Amir Haddad', 0, 'Governor of the Central Bank')]);
    expect(brief(claims)).toEqual([
      ['Our reserves are strong', 'Amir Haddad', true],
      ['We can defend the currency for as long as we need to.', 'Amir Haddad', true],
    ]);
  });

  it('attributes a quote that runs on over two paragraphs', () => {
    const a = article(['"The port handled more containers than ever last year.', '"That is a record for the region," said Tom Reyes, the harbour master.']);
    expect(brief(detectClaims(a, []))).toEqual([
      ['The port handled more containers than ever last year.', 'Tom Reyes', true],
      ['That is a record for the region', 'Tom Reyes', true],
    ]);
  });

  it('reads a quoted headline fragment in single quotes when it is attributed', () => {
    const a = article(['The governor spoke on Monday.'], "Governor Lee calls drought plan 'a last resort'");
    expect(brief(detectClaims(a, [official(a, 'Lee', 'Lee Park', 0, 'Governor')]))).toEqual([['a last resort', 'Lee Park', true]]);
  });
});

describe('reported claims', () => {
  it('takes the clause after "said that" and after "told reporters that"', () => {
    const a = article([
      'Finance Minister Olga Berg said that the deficit would shrink to 2 percent next year.',
      'Berg told reporters on Monday that the central bank had not been consulted.',
    ]);
    const officials = [official(a, 'Olga Berg', 'Olga Berg'), official(a, 'Berg', 'Olga Berg', 1)];
    expect(brief(detectClaims(a, officials))).toEqual([
      ['the deficit would shrink to 2 percent next year', 'Olga Berg', false],
      ['the central bank had not been consulted', 'Olga Berg', false],
    ]);
  });

  it('takes the clause after the verb when there is no "that", skipping a time word', () => {
    const a = article(['The transport minister said Wednesday she expects the tunnel to open in 2026.']);
    expect(brief(detectClaims(a, []))).toEqual([['she expects the tunnel to open in 2026', 'The transport minister', false]]);
  });

  it('links a role noun to the official holding that role', () => {
    const a = article(['Olga Berg arrived in Oslo on Tuesday.', 'The minister said the fishing quota would not change.']);
    const claims = detectClaims(a, [official(a, 'Olga Berg', 'Olga Berg', 0, 'Minister of Fisheries')]);
    expect(brief(claims)).toEqual([['the fishing quota would not change', 'Olga Berg', false]]);
  });

  it('takes the clause before a trailing attribution and before "according to"', () => {
    const a = article([
      'Exports of steel fell 12 percent in April, the statistics office said on Tuesday.',
      'The plant will close by December, according to a person familiar with the plans.',
    ]);
    expect(brief(detectClaims(a, []))).toEqual([
      ['Exports of steel fell 12 percent in April', 'the statistics office', false],
      ['The plant will close by December', 'a person familiar with the plans', false],
    ]);
  });

  it('handles "has said he would …, which he said has …" with one speaker and two claims', () => {
    const a = article(['Governor Dana Whitfield has said she would veto the bill, which she said has raised insurance costs.']);
    expect(brief(detectClaims(a, [official(a, 'Dana Whitfield', 'Dana Whitfield', 0, 'Governor')]))).toEqual([
      ['she would veto the bill', 'Dana Whitfield', false],
      ['has raised insurance costs', 'Dana Whitfield', false],
    ]);
  });

  it('handles "X and others say …" and a ", saying …" participle with the sentence subject as speaker', () => {
    const a = article([
      'Mr. Haddad and other bankers say the new rules have doubled lending costs.',
      'Later, Lisbon sought to calm investors, saying the bond sale would go ahead as planned.',
    ]);
    const claims = detectClaims(a, [official(a, 'Mr. Haddad', 'Amir Haddad', 0, 'Governor')]);
    expect(brief(claims)).toEqual([
      ['the new rules have doubled lending costs', 'Amir Haddad', false],
      ['the bond sale would go ahead as planned', 'Lisbon', false],
    ]);
  });

  it('keeps a clause that embeds a quoted fragment as one reported claim', () => {
    const a = article(['Okafor said the plan was "dead on arrival" in the Senate.']);
    expect(brief(detectClaims(a, [official(a, 'Okafor', 'Ngozi Okafor')]))).toEqual([
      ['the plan was "dead on arrival" in the Senate', 'Ngozi Okafor', false],
    ]);
  });

  it('reads "blamed X for Y" as a claim', () => {
    const a = article(['The opposition has blamed the new levy for the drop in car sales.']);
    expect(brief(detectClaims(a, []))).toEqual([['has blamed the new levy for the drop in car sales', 'The opposition', false]]);
  });

  it('reads an organisation or a country as the speaker', () => {
    const a = article(['Norway told the European Union that its fishing fleet had shrunk by a third since 2010.']);
    expect(brief(detectClaims(a, []))).toEqual([['its fishing fleet had shrunk by a third since 2010', 'Norway', false]]);
  });

  it('keeps unnamed sources as phrases', () => {
    const a = article(['Officials said the bridge had failed two inspections.', 'A source close to the board said the chief executive would resign.']);
    expect(brief(detectClaims(a, []))).toEqual([
      ['the bridge had failed two inspections', 'Officials', false],
      ['the chief executive would resign', 'A source close to the board', false],
    ]);
  });

  it('reads a parenthetical attribution ("The deal, she said, will …")', () => {
    const a = article(['The merger, Whitfield said, will cut 400 jobs.']);
    expect(brief(detectClaims(a, [official(a, 'Whitfield', 'Dana Whitfield')]))).toEqual([['will cut 400 jobs', 'Dana Whitfield', false]]);
  });

  it('splits "said X but insisted Y" and ", but that" into separate claims', () => {
    const a = article([
      'Berg said exports were strong but insisted that the currency was undervalued.',
      'Officials said that they had met the lenders, but that no agreement was reached.',
    ]);
    const claims = detectClaims(a, [official(a, 'Berg', 'Olga Berg')]);
    expect(claims.map((c) => c.text)).toEqual([
      'exports were strong',
      'the currency was undervalued',
      'they had met the lenders',
      'no agreement was reached',
    ]);
  });

  it('reads a bullet list introduced by "also said:" as reported claims', () => {
    const a = article(['In the interview, Whitfield also said:', 'The state budget will be balanced this year', 'Teachers will get a raise in the autumn', 'Whitfield then left for the airport.']);
    const claims = detectClaims(a, [official(a, 'Whitfield', 'Dana Whitfield')]);
    expect(brief(claims)).toEqual([
      ['The state budget will be balanced this year', 'Dana Whitfield', false],
      ['Teachers will get a raise in the autumn', 'Dana Whitfield', false],
    ]);
  });
});

describe('speakers', () => {
  it('resolves "he said" to the person mentioned most recently', () => {
    const a = article([
      'Economist Paul Mensah, who advises the cabinet, spoke at the forum.',
      '"Inflation has peaked," he said.',
    ]);
    expect(brief(detectClaims(a, []))).toEqual([['Inflation has peaked', 'Paul Mensah', true]]);
  });

  it('resolves a pronoun in the same sentence to its subject, not to a later-named person', () => {
    const a = article(['Whitfield thanked Mensah for what she called "an honest report".']);
    const claims = detectClaims(a, [official(a, 'Whitfield', 'Dana Whitfield'), official(a, 'Mensah', 'Paul Mensah')]);
    expect(brief(claims)).toEqual([['an honest report', 'Dana Whitfield', true]]);
  });

  it('resolves "they said" to the previous group speaker', () => {
    const a = article(['Union leaders said the strike would continue.', 'They said that talks had broken down over pensions.']);
    expect(brief(detectClaims(a, []))).toEqual([
      ['the strike would continue', 'Union leaders', false],
      ['talks had broken down over pensions', 'Union leaders', false],
    ]);
  });

  it('does not take an official used as a modifier as the speaker', () => {
    const a = article(['Berg administration officials said the ferry contract was cancelled.']);
    expect(brief(detectClaims(a, [official(a, 'Berg', 'Olga Berg')]))).toEqual([
      ['the ferry contract was cancelled', 'Berg administration officials', false],
    ]);
  });
});

describe('more attribution shapes', () => {
  it('links a bare surname to the full name given earlier and reads "says spokesman X"', () => {
    const a = article([
      'Nadia Petrov runs a freight firm in Gdansk.',
      'Patience matters more than price, Petrov said at the hearing.',
      'The depot will reopen in June, says spokesman Tomas Lind.',
    ]);
    expect(brief(detectClaims(a, []))).toEqual([
      ['Patience matters more than price', 'Nadia Petrov', false],
      ['The depot will reopen in June', 'Tomas Lind', false],
    ]);
  });

  it('takes the words after a parenthetical attribution that follows an introductory phrase', () => {
    const a = article(['Within weeks of the merger, Petrov said, the firm was cutting routes.']);
    expect(brief(detectClaims(a, [])).map((c) => c[0])).toEqual(['the firm was cutting routes']);
  });

  it('does not read "she said according to X" as a second claim', () => {
    const a = article(['Talks take years, she said according to a court transcript.']);
    expect(detectClaims(a, []).map((c) => c.text)).toEqual(['Talks take years']);
  });

  it('does not read a noun object of "claimed" as a clause', () => {
    const a = article(['Although no group claimed responsibility, the blast raised fears of more attacks.']);
    expect(detectClaims(a, [])).toEqual([]);
  });
});

describe('not claims', () => {
  it('ignores requests, demands, proposals and promises', () => {
    const a = article([
      'The mayor asked residents to conserve water.',
      'Unions urged the government to raise wages and demanded that talks resume.',
      'The committee proposed that the tax be scrapped and called for an inquiry.',
      'Whitfield promised to cut taxes.',
    ]);
    expect(detectClaims(a, [official(a, 'Whitfield', 'Dana Whitfield')])).toEqual([]);
  });

  it('ignores the journalist’s own narration', () => {
    const a = article(['The bridge opened in 1998. It carries 40,000 cars a day and cost $300 million.']);
    expect(detectClaims(a, [])).toEqual([]);
  });

  it('ignores attributions nested inside a quotation', () => {
    const a = article(['"Berg said the port would close, and then she changed her mind," Mensah said.']);
    const claims = detectClaims(a, [official(a, 'Mensah', 'Paul Mensah')]);
    expect(brief(claims)).toEqual([['Berg said the port would close, and then she changed her mind', 'Paul Mensah', true]]);
  });

  it('ignores infinitives and passives of speech verbs', () => {
    const a = article(['The minister declined to say whether the plant would close.', 'The plant is said to be losing money.']);
    expect(detectClaims(a, [])).toEqual([]);
  });
});

describe('claims carry check-worthiness', () => {
  it('scores a numeric causal claim above a vague opinion', () => {
    const a = article([
      'Berg said the levy caused a 12 percent drop in sales.',
      'Berg said she feels good about the team.',
    ]);
    const [numeric, vague] = detectClaims(a, [official(a, 'Berg', 'Olga Berg'), official(a, 'Berg', 'Olga Berg', 1)]);
    expect(numeric?.worthiness.score).toBeGreaterThan(vague?.worthiness.score ?? 1);
    expect(numeric?.worthiness.reasons).toContain('states a number');
  });
});

describe('performance', () => {
  it('stays fast on 100,000 characters of open quotes and "said"', () => {
    const unit = 'Kim said "the talks will go on and the minister said, adding that "they said ';
    const text = unit.repeat(Math.ceil(100000 / unit.length)).slice(0, 100000);
    const a: ArticleText = { text, blocks: [{ kind: 'body', start: 0, end: text.length }], date: null, lang: null, title: null, url: null };
    const t0 = performance.now();
    const claims = detectClaims(a, []);
    expect(performance.now() - t0).toBeLessThan(3000);
    for (let i = 1; i < claims.length; i++) expect(claims[i]?.start ?? 0).toBeGreaterThanOrEqual(claims[i - 1]?.end ?? 0);
  });
});

describe('the seed article (2017-08-23)', () => {
  const html = readFileSync(join(import.meta.dirname, '../../samples/seed-korus-2017.html'), 'utf8');
  const articleHtml = html.slice(html.indexOf('<article'), html.indexOf('</article>'));
  const decode = (s: string): string =>
    s.replace(/<[^>]+>/g, '').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&').trim();
  const title = decode(/<h1[^>]*>([\s\S]*?)<\/h1>/.exec(articleHtml)?.[1] ?? '');
  const paragraphs = [...articleHtml.matchAll(/<p>([\s\S]*?)<\/p>/g)].map((m) => decode(m[1] ?? '')).filter(Boolean);
  const a = article(paragraphs, title);
  const minister = 'Minister of Trade, Industry and Energy';
  const officials: OfficialMention[] = [
    official(a, 'Kim', 'Kim Hyun-chong', 0, minister),
    official(a, 'Kim Hyun-chong', 'Kim Hyun-chong', 0, minister),
    official(a, 'Kim Hyung-chong', 'Kim Hyun-chong', 0, minister),
    official(a, 'Jamieson Greer', 'Jamieson Greer', 0, 'Chief of Staff'),
    official(a, 'Michael Beeman', 'Michael Beeman', 0, 'Assistant US Trade Representative'),
    official(a, 'said Kim', 'Kim Hyun-chong', 0, minister),
    official(a, 'Donald Trump', 'Donald Trump', 0, 'President of the United States'),
    official(a, 'Mr. Moon', 'Moon Jae-in', 0, 'President of South Korea'),
    official(a, 'George W. Bush', 'George W. Bush', 0, 'President of the United States'),
    official(a, 'Barack Obama', 'Barack Obama', 0, 'President of the United States'),
  ].map((m) => (m.text === 'said Kim' ? { ...m, start: m.start + 5, text: 'Kim' } : m));

  // Each claim by its first three words and its length (the sentences are the sample's own; the
  // assertion below also checks every claim's text is the article's text between its offsets).
  const expected: [string, number, string, boolean][] = [
    ["It's very hard", 57, 'Kim Hyun-chong', true],
    ['From my point', 66, 'Kim Hyun-chong', true],
    ['Seoul could not', 59, 'Kim Hyun-chong', false],
    ['Seoul will not', 150, 'Kim Hyun-chong', true],
    ['We were unable', 37, 'Kim Hyun-chong', true],
    ['he would either', 49, 'Donald Trump', false],
    ['has led to', 30, 'Donald Trump', false],
    ['the absence of', 112, 'South Korea', false],
    ['the deal-which has', 233, 'Moon Jae-in', false],
    ['the talks will', 147, 'Seoul', false],
  ];
  const byOpening = (claims: readonly Claim[]): [string, number, string | null, boolean][] =>
    claims.map((c) => [c.text.split(' ').slice(0, 3).join(' '), c.text.length, c.speaker, c.quoted]);

  it('builds the article from the bundled sample', () => {
    // The headline as the page's <title> gives it too, before the site's name.
    expect(title).toBe(decode(/<title>([\s\S]*?)<\/title>/.exec(html)?.[1] ?? '').split(' | ')[0]);
    expect(title.length).toBeGreaterThan(20);
    expect(paragraphs.length).toBeGreaterThan(8);
  });

  it('finds exactly the ten labelled claims with their speakers and kinds', () => {
    const claims = detectClaims(a, officials);
    expect(byOpening(claims)).toEqual(expected);
    const kim = claims.find((c) => c.text.startsWith('We were unable'));
    expect(kim?.speakerEntityId).toBe('kim-hyun-chong');
    for (const c of claims) expect(a.text.slice(c.start, c.end)).toBe(c.text);
  });
});

describe('claims: attribution shapes from unseen text', () => {
  it('reads a sentence-opening "According to X," with a participle aside about the source', () => {
    const a = article(['According to the coroner’s report, obtained by the Gazette, the driver was travelling at 70mph on a 40mph road.']);
    expect(brief(detectClaims(a, []))).toEqual([['the driver was travelling at 70mph on a 40mph road', 'the coroner’s report', false]]);
  });

  it('keeps a reported clause whose subject carries a comma-enclosed aside', () => {
    const a = article(['The harbour board said the new quay, finished in March, had doubled cargo capacity.']);
    expect(brief(detectClaims(a, []))).toEqual([['the new quay, finished in March, had doubled cargo capacity', 'The harbour board', false]]);
  });

  it('reads "a claim X disputed" as a noun, not a speech verb', () => {
    const a = article(['The ferry operator said sailings had resumed on time, a claim passengers disputed.']);
    const claims = detectClaims(a, []);
    expect(claims).toHaveLength(1);
    expect(claims[0]?.speaker).toBe('The ferry operator');
  });

  it('makes one reported claim when the clause verb opens the quoted fragment', () => {
    const a = article(['A port official said the new toll “was the only way to pay for dredging”, because grants had dried up.']);
    expect(brief(detectClaims(a, []))).toEqual([
      ['the new toll “was the only way to pay for dredging”, because grants had dried up', 'A port official', false],
    ]);
  });

  it('attributes findings ("the audit found that …")', () => {
    const a = article(['The audit found that a fifth of the council’s invoices had been paid twice.']);
    expect(brief(detectClaims(a, []))).toEqual([['a fifth of the council’s invoices had been paid twice', 'The audit', false]]);
  });
});

describe('claims: a naming participle after a reported clause', () => {
  it('ends the clause at ", calling it …" and makes the fragment its own claim', () => {
    const a = article(['The coach said the referee had cost his side the match, calling the decision "a disgrace".']);
    expect(brief(detectClaims(a, []))).toEqual([
      ['the referee had cost his side the match', 'The coach', false],
      ['a disgrace', 'The coach', true],
    ]);
  });
});

describe('speakers: organisations and people introduced by an appositive', () => {
  it('keeps an organisation headed by "Office of …" as the speaker, not the official with a similar title', () => {
    const a = article([
      'The finance minister, Ana Rios, met bankers in the capital on Monday.',
      'According to the Office of the Finance Minister, the budget gap narrowed to 3 percent in March.',
      'The Ministry of Finance said the bond sale would go ahead in May.',
    ]);
    const claims = detectClaims(a, [official(a, 'Ana Rios', 'Ana Rios', 0, 'Finance Minister')]);
    expect(brief(claims)).toEqual([
      ['the budget gap narrowed to 3 percent in March', 'the Office of the Finance Minister', false],
      ['the bond sale would go ahead in May', 'The Ministry of Finance', false],
    ]);
    expect(claims.map((c) => c.speakerEntityId)).toEqual([null, null]);
  });

  it('still resolves "the minister at the ministry" to the official', () => {
    const a = article(['Ana Rios opened the session.', 'The minister at the Ministry of Finance said the bond sale would go ahead.']);
    const claims = detectClaims(a, [official(a, 'Ana Rios', 'Ana Rios', 0, 'Finance Minister')]);
    expect(claims[0]?.speaker).toBe('Ana Rios');
  });

  it('resolves "she said" to a non-official introduced with an appositive, even when a name word is also a place word', () => {
    const a = article([
      'Park Soo-min, an analyst at Daehan Securities, said the rate cut was overdue.',
      '“Exporters have waited long enough,” she said.',
    ]);
    expect(brief(detectClaims(a, []))).toEqual([
      ['the rate cut was overdue', 'Park Soo-min', false],
      ['Exporters have waited long enough', 'Park Soo-min', true],
    ]);
  });

  it('resolves "she said" to a person named with an appositive who has not spoken yet, not to the employer', () => {
    const a = article([
      'Park Soo-min, an analyst at Daehan Securities, has tracked chip exports for a decade.',
      '“Orders are drying up,” she said.',
    ]);
    expect(brief(detectClaims(a, []))).toEqual([['Orders are drying up', 'Park Soo-min', true]]);
  });

  it('takes the named subject, not the organisation inside the appositive', () => {
    const a = article(['Lina Park, a strategist at Northgate Capital, said the rally had further to run. “Yields will keep falling,” she said.']);
    expect(brief(detectClaims(a, []))).toEqual([
      ['the rally had further to run', 'Lina Park', false],
      ['Yields will keep falling', 'Lina Park', true],
    ]);
  });
});

describe('speakers: a named spokesperson in a trailing attribution', () => {
  it('takes the name in "…, a spokeswoman, X Y, said" rather than the sentence subject', () => {
    const a = article(['The port authority has closed two docks for repairs, a spokeswoman, Mira Chen, said.']);
    expect(brief(detectClaims(a, []))).toEqual([['The port authority has closed two docks for repairs', 'Mira Chen', false]]);
  });

  it('reads "a spokesman for the ministry, X Y," and the reversed "X Y, a spokesman for …,"', () => {
    const a = article([
      'The coast guard suspended the search at dusk, a spokesman for the ministry, Tomas Varga, said.',
      'Rail services will resume on Friday, Hana Ilic, a spokeswoman for the operator, said.',
    ]);
    expect(brief(detectClaims(a, []))).toEqual([
      ['The coast guard suspended the search at dusk', 'Tomas Varga', false],
      ['Rail services will resume on Friday', 'Hana Ilic', false],
    ]);
  });
});

describe('speakers: a headline speaker given only by role', () => {
  it('resolves the role to the one official holding it in the body', () => {
    const a = article(['The Foreign Secretary, Helen Marsh, flew to Oslo on Tuesday for a day of meetings.'], 'Foreign Secretary insists ceasefire talks will resume');
    const claims = detectClaims(a, [official(a, 'Helen Marsh', 'Helen Marsh', 0, 'Foreign Secretary')]);
    expect(brief(claims)).toEqual([['ceasefire talks will resume', 'Helen Marsh', false]]);
  });

  it('ignores a holder named with a qualifier ("shadow", "former") and keeps the phrase when two hold the role', () => {
    const shadow = article(
      ['The Foreign Secretary, Helen Marsh, flew to Oslo.', 'The shadow foreign secretary, Omar Reid, called the trip a stunt.'],
      'Foreign Secretary insists ceasefire talks will resume',
    );
    const one = detectClaims(shadow, [
      official(shadow, 'Helen Marsh', 'Helen Marsh', 0, 'Foreign Secretary'),
      official(shadow, 'Omar Reid', 'Omar Reid', 0, 'foreign secretary'),
    ]);
    expect(one[0]?.speaker).toBe('Helen Marsh');
    const two = article(['Finance Minister Ivo Dant met Finance Minister Lea Borg in Vienna.'], 'Finance minister says budget will balance');
    const both = detectClaims(two, [
      official(two, 'Ivo Dant', 'Ivo Dant', 0, 'Minister of Finance'),
      official(two, 'Lea Borg', 'Lea Borg', 0, 'Minister of Finance'),
    ]);
    expect(brief(both)).toEqual([['budget will balance', 'Finance minister', false]]);
  });
});

describe('not claims: names and labels in quotation marks', () => {
  it('does not read a sentence-opening "Dubbed “X”" as a claim or "Dubbed" as a speaker', () => {
    const a = article(['Dubbed “the iron lady of the docks” or “the harbour queen”, she ran the harbour for a decade.']);
    expect(detectClaims(a, [])).toEqual([]);
  });

  it('skips labels given without a namer ("known as", "so-called", ", branded", "a scheme called")', () => {
    const a = article([
      'The plan, known as “Fair Start”, was praised by the mayor.',
      'The levy, branded “the coffee tax”, takes effect in June.',
      'Workers joined a scheme called “Fair Start” last year.',
    ]);
    expect(detectClaims(a, [])).toEqual([]);
  });

  it('keeps a label with a namer: "called it “X”" and "dubbed “X” by Y"', () => {
    const a = article(['The mayor called the levy “a tax on breakfast”.', 'The levy, dubbed “the coffee tax” by shop owners, takes effect in June.']);
    expect(brief(detectClaims(a, []))).toEqual([
      ['a tax on breakfast', 'The mayor', true],
      ['the coffee tax', 'shop owners', true],
    ]);
  });

  it('reads the subject after an opening participle phrase', () => {
    const a = article(['Founded in 1990, the ferry firm says it carries 4,000 cars a day.']);
    expect(brief(detectClaims(a, []))).toEqual([['it carries 4,000 cars a day', 'the ferry firm', false]]);
  });
});

describe('not claims: short commands in quotation marks', () => {
  it('skips a bare command but keeps the speaker for the next quote', () => {
    const a = article(['“Stay indoors,” the fire chief told residents. “The smoke will be worse by noon.”', '“If the siren sounds, get out.”']);
    expect(brief(detectClaims(a, []))).toEqual([['The smoke will be worse by noon.', 'the fire chief', true]]);
  });

  it('keeps short statements and fragments that merely start with a verb-like word', () => {
    const a = article(['“Help arrived too late,” the farmer said.', '“We are leaving,” the owner said.']);
    expect(brief(detectClaims(a, []))).toEqual([
      ['Help arrived too late', 'the farmer', true],
      ['We are leaving', 'the owner', true],
    ]);
    // A lowercase fragment is part of a sentence, not a command on its own.
    expect(isBareImperative('keep fighting')).toBe(false);
    expect(isBareImperative('Keep fighting.')).toBe(true);
  });
});
