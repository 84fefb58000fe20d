/**
 * fast-check arbitraries for random news-article pages, used by the DOM fuzz
 * (tests/unit/fuzz-dom.test.ts). Pages are HTML strings made of sentences
 * written for these tests, seeded with names, titles, figures and quotations
 * so the real engine finds something to annotate in most cases, and salted with
 * everything that breaks naive DOM code: inline elements splitting words and
 * figures, entities, odd whitespace, unclosed quotes, RTL and CJK text, huge
 * text nodes, comments, `template`/`svg`/`math`, form fields, editable areas
 * and code inside the article.
 */
import fc from 'fast-check';

/** Officials from the bundled KORUS pack, plus names no pack knows. */
const NAMES = [
  'Kim Hyun-chong', 'Jamieson Greer', 'Michael Beeman', 'Robert Lighthizer', 'Moon Jae-in', 'Wendy Cutler',
  'Yoo Myung-hee', 'Mara Okonkwo-Lind', 'Tomasz Wierzbicki', 'Ana Lucía Ferreira',
];
const TITLES = ['Trade Minister', 'U.S. Trade Representative', 'President', 'Senator', 'Commerce Secretary', 'Mr.', 'Ms.', 'Dr.', 'Chief of Staff'];
const FIGURES = [
  '$28 billion', '$2 8 billion', '12%', '3.5 percent', '2017', 'Aug. 22', 'Tuesday', 'five years', '95%', '1,200 jobs',
  'third-largest', '₩1.2 trillion', '€40 million', 'USD 17.4bn', 'last year', 'in 2012', 'two-thirds', '0.25 points',
];
const VERBS = ['said', 'told reporters', 'argued', 'added', 'warned', 'wrote', 'insisted', 'claimed'];
const FILLERS = [
  'the two delegations met in Seoul to review the agreement',
  'car exports and steel were at the top of the list',
  'the goods deficit with South Korea widened after the deal took effect',
  'negotiators would meet again within weeks',
  'farmers on both sides watched the talks closely',
  'the pact removed tariffs on most industrial goods',
  'a second special session was planned for the autumn',
];
/** Scripts and odd characters: Hangul, CJK, Arabic and Hebrew (RTL), emoji. */
const FOREIGN = ['한미 자유무역협정', '김현종 통상교섭본부장', '贸易协定', '関税撤廃', 'اتفاقية التجارة الحرة', 'הסכם סחר', '🇰🇷🇺🇸', '📈 12%'];
/** Characters that make text look like one thing and be another. */
const ODD_SPACE = ['\u00a0', '\u00ad', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u202f', '\u2009', '\t', '\n', '  ', '\r\n', '\u2028'];
const ENTITIES = ['&amp;', '&nbsp;', '&shy;', '&#8220;', '&#8221;', '&rsquo;', '&quot;', '&lt;', '&gt;', '&#x200B;', '&mdash;', '&#36;'];
const INLINE_TAGS = ['b', 'i', 'em', 'strong', 'span', 'a', 'small', 'sup', 'mark', 'q', 'abbr', 'u', 'time', 'cite'];

/** Escapes text for an HTML text position (the generator builds markup on purpose; Gloss never does). */
function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A word or short phrase of the article vocabulary. */
const phrase = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...FILLERS).map(esc) },
  { weight: 3, arbitrary: fc.tuple(fc.constantFrom(...TITLES), fc.constantFrom(...NAMES)).map(([t, n]) => esc(`${t} ${n}`)) },
  { weight: 2, arbitrary: fc.constantFrom(...NAMES).map(esc) },
  { weight: 3, arbitrary: fc.constantFrom(...FIGURES).map(esc) },
  { weight: 1, arbitrary: fc.constantFrom(...VERBS) },
  { weight: 1, arbitrary: fc.constantFrom(...FOREIGN) },
  { weight: 1, arbitrary: fc.constantFrom(...ENTITIES) },
  { weight: 1, arbitrary: fc.constantFrom(...ODD_SPACE) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }).map(esc) },
);

/** A figure or name split by inline markup: `$2<b>8</b> billion`, `Kim <span>Hyun</span>-chong`. */
const splitToken = fc
  .tuple(fc.constantFrom(...FIGURES, ...NAMES), fc.nat(), fc.nat(), fc.constantFrom(...INLINE_TAGS))
  .map(([word, a, b, tag]) => {
    const i = a % (word.length + 1);
    const j = i + (b % (word.length - i + 1));
    return `${esc(word.slice(0, i))}<${tag}>${esc(word.slice(i, j))}</${tag}>${esc(word.slice(j))}`;
  });

/** A sentence, often a quotation with a speaker, sometimes with its quote left open. */
const sentence = fc
  .tuple(
    fc.array(fc.oneof({ weight: 5, arbitrary: phrase }, { weight: 1, arbitrary: splitToken }), { minLength: 2, maxLength: 7 }),
    fc.constantFrom('plain', 'quoted', 'curly', 'open', 'reported'),
    fc.constantFrom(...NAMES),
    fc.constantFrom(...VERBS),
  )
  .map(([parts, shape, name, verb]) => {
    const body = parts.join(' ');
    switch (shape) {
      case 'quoted':
        return `"${body}," ${esc(name)} ${verb}.`;
      case 'curly':
        return `\u201c${body}\u201d ${verb} ${esc(name)}.`;
      case 'open':
        return `${esc(name)} ${verb}: \u201c${body}`;
      case 'reported':
        return `${esc(name)} ${verb} that ${body}.`;
      default:
        return `${body}.`;
    }
  });

/** Elements Gloss must never paint inside, placed inside the article. */
const excluded = fc
  .tuple(fc.constantFrom('input', 'textarea', 'ce', 'pre', 'code', 'template', 'svg', 'math', 'script', 'style', 'select', 'button', 'noscript'), sentence)
  .map(([kind, s]) => {
    switch (kind) {
      case 'input':
        return `<input type="text" value="Kim Hyun-chong said $28 billion">`;
      case 'textarea':
        return `<textarea>${s}</textarea>`;
      case 'ce':
        return `<div contenteditable="true"><p>${s}</p></div>`;
      case 'pre':
        return `<pre>${s}</pre>`;
      case 'code':
        return `<p>Run <code>${s}</code> now, ${esc(FILLERS[0]!)}.</p>`;
      case 'template':
        return `<template><p>${s}</p></template>`;
      case 'svg':
        return `<svg viewBox="0 0 10 10"><text x="1" y="5">${s}</text><foreignObject><p>${s}</p></foreignObject></svg>`;
      case 'math':
        return `<math><mi>x</mi><mtext>${s}</mtext></math>`;
      case 'script':
        return `<script type="text/plain">var t = "${s.replace(/<\//g, '<\\/')}";</script>`;
      case 'style':
        return `<style>.x::after { content: "$28 billion"; }</style>`;
      case 'select':
        return `<select><option>Kim Hyun-chong</option><option>$28 billion</option></select>`;
      case 'button':
        return `<button>${s}</button>`;
      default:
        return `<noscript><p>${s}</p></noscript>`;
    }
  });

/** A paragraph-level block of the article. */
const block: fc.Arbitrary<string> = fc.oneof(
  { weight: 8, arbitrary: fc.array(sentence, { minLength: 1, maxLength: 5 }).map((s) => `<p>${s.join(' ')}</p>`) },
  { weight: 2, arbitrary: excluded },
  { weight: 1, arbitrary: fc.array(sentence, { minLength: 1, maxLength: 3 }).map((s) => `<blockquote><p>${s.join(' ')}</p></blockquote>`) },
  { weight: 1, arbitrary: fc.array(sentence, { minLength: 1, maxLength: 4 }).map((s) => `<ul>${s.map((x) => `<li>${x}</li>`).join('')}</ul>`) },
  { weight: 1, arbitrary: sentence.map((s) => `<h2>${s}</h2>`) },
  { weight: 1, arbitrary: sentence.map((s) => `<!-- ${s.replace(/--/g, '')} --><p>${s}<!-- c --></p>`) },
  { weight: 1, arbitrary: fc.tuple(sentence, fc.integer({ min: 1, max: 12 })).map(([s, d]) => `${'<div>'.repeat(d)}<p>${s}</p>${'</div>'.repeat(d)}`) },
  { weight: 1, arbitrary: sentence.map((s) => `<p dir="rtl" lang="ar">${FOREIGN[4]} ${s} ${FOREIGN[5]}</p>`) },
  { weight: 1, arbitrary: sentence.map((s) => `<p lang="ko">${FOREIGN[0]}, ${FOREIGN[1]}: ${s}</p>`) },
  { weight: 1, arbitrary: sentence.map((s) => `<p>${s}<br>${s}<br/><wbr>${s}</p>`) },
  { weight: 1, arbitrary: sentence.map((s) => `<p>${s} <img src="data:," alt="Kim Hyun-chong"> <span hidden>${s}</span></p>`) },
  { weight: 1, arbitrary: sentence.map((s) => `${s} <b>${s}</b>`) },
  { weight: 1, arbitrary: fc.tuple(sentence, fc.integer({ min: 200, max: 2000 })).map(([s, n]) => `<p>${`${s} `.repeat(Math.ceil(n / Math.max(1, s.length)))}</p>`) },
);

/** A whole page: headline, an article of 1–14 blocks, and page furniture around it. */
export const articlePage: fc.Arbitrary<string> = fc
  .tuple(sentence, fc.array(block, { minLength: 1, maxLength: 8 }), fc.boolean(), fc.boolean())
  .map(([headline, blocks, furniture, wrapArticle]) => {
    const body = blocks.join('\n');
    const article = wrapArticle ? `<article><h1>${headline}</h1>${body}</article>` : `<div class="story-body"><h1>${headline}</h1>${body}</div>`;
    const nav = furniture ? '<nav><a href="#a">Home</a> <a href="#b">Kim Hyun-chong</a></nav>' : '';
    const aside = furniture ? '<aside><p>Most read: $28 billion deficit, says Kim Hyun-chong.</p></aside>' : '';
    return `${nav}<main>${article}${aside}</main><footer><p>Written for Gloss's tests.</p></footer>`;
  });

/**
 * Text-node surgery a page's script can do but HTML parsing never produces:
 * split a text node in two, or insert an empty one. Applied after parsing,
 * addressed by indices into the page's text nodes (taken modulo their count).
 */
export type TextSurgery = { op: 'split'; node: number; at: number } | { op: 'empty'; node: number };

/** A few surgeries per page. */
export const textSurgeries: fc.Arbitrary<TextSurgery[]> = fc.array(
  fc.oneof(
    fc.record({ op: fc.constant('split' as const), node: fc.nat(), at: fc.nat() }),
    fc.record({ op: fc.constant('empty' as const), node: fc.nat() }),
  ),
  { maxLength: 4 },
);

/** A change the page makes to its own article while Gloss is running. */
export type PageEdit =
  | { op: 'set-data'; node: number; text: string }
  | { op: 'append-paragraph'; text: string }
  | { op: 'remove-element'; index: number }
  | { op: 'replace-text-content'; index: number; text: string };

/** One to three edits, with replacement text from the same vocabulary (as text, not markup). */
export const pageEdits: fc.Arbitrary<PageEdit[]> = fc.array(
  fc.oneof(
    fc.record({ op: fc.constant('set-data' as const), node: fc.nat(), text: sentence }),
    fc.record({ op: fc.constant('append-paragraph' as const), text: sentence }),
    fc.record({ op: fc.constant('remove-element' as const), index: fc.nat() }),
    fc.record({ op: fc.constant('replace-text-content' as const), index: fc.nat(), text: sentence }),
  ),
  { minLength: 1, maxLength: 3 },
);
