/**
 * A large synthetic news article for benchmarks, written from the project's
 * own sentence templates (full of officials, figures and quotes), generated
 * deterministically from a seed.
 *
 *   tsx scripts/make-big-article.ts --html out.html [--paragraphs 2000] [--seed 1]
 *   tsx scripts/make-big-article.ts --text out.txt [--bytes 1000000] [--seed 1]
 *
 * `makeBigArticle` gives the engine's `ArticleText` (Node benchmark);
 * `makeBigArticleHtml` a full page of ~1.5 MB with 2,000 paragraphs and page
 * furniture (browser benchmark).
 */
import { writeFileSync, realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BLOCK_SEPARATOR, type ArticleText, type TextBlock } from '../lib/types';

/** Small deterministic PRNG (mulberry32), so every run benchmarks the same text. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const OFFICIALS = [
  ['Trade Minister', 'Kim Hyun-chong'],
  ['U.S. Trade Representative', 'Robert Lighthizer'],
  ['President', 'Moon Jae-in'],
  ['President', 'Donald Trump'],
  ['Commerce Secretary', 'Wilbur Ross'],
  ['Chief of Staff', 'Jamieson Greer'],
  ['assistant trade representative', 'Michael Beeman'],
  ['Finance Minister', 'Ana Ruiz-Ortega'],
  ['Deputy Mayor', 'Tomas Lindqvist'],
  ['Senator', 'Grace Abernathy'],
] as const;

const SHORT_NAMES: Record<string, string> = {
  'Kim Hyun-chong': 'Kim',
  'Robert Lighthizer': 'Lighthizer',
  'Moon Jae-in': 'Mr. Moon',
  'Donald Trump': 'Trump',
  'Wilbur Ross': 'Ross',
  'Jamieson Greer': 'Greer',
  'Michael Beeman': 'Beeman',
  'Ana Ruiz-Ortega': 'Ruiz-Ortega',
  'Tomas Lindqvist': 'Lindqvist',
  'Grace Abernathy': 'Abernathy',
};

const MONEY = ['$28 billion', '$10.7 billion', 'US$18 billion', '$4.2 million', '$650 million', '€3 billion', '$1.5 trillion'];
const PERCENT = ['95%', '2.3%', '70 per cent', '12 percent', '0.5%', '40%'];
const YEARS = ['2007', '2012', '2015', '2016', '2017', '2018', '2010-2012'];
const DATES = ['August 22, 2017', 'Aug. 23', 'July 2017', 'September 1st', 'Oct. 4', '12 March 2018'];
const RELATIVE = ['last month', 'on Tuesday', 'next Wednesday', 'the previous year', 'three years later', 'Monday afternoon'];
const DURATIONS = ['five years', '10 years', '18 months', 'three weeks', 'a decade', 'two days'];
const COUNTS = ['25,000 vehicles', 'three companies', '1,200 workers', '40 ports', 'nine delegations', '2.68 million tonnes'];
const RANKS = ['second', '6th largest', 'third', 'seventh'];
const TOPICS = ['trade deal', 'tariff schedule', 'steel quota', 'auto rules', 'joint committee', 'dredging plan', 'budget review'];
const PLACES = ['Seoul', 'Washington', 'Geneva', 'Busan', 'Ottawa', 'the capital'];
const QUOTES = [
  'We will not accept a one-sided outcome',
  'This agreement has served both of our economies well',
  'The numbers speak for themselves',
  'We are ready to talk, but not under pressure',
  'Nobody wins a trade war',
  'Our workers deserve a fair deal',
  'It is too early to say what the result will be',
];
const CLAUSES = [
  'the deficit would have been larger without the pact',
  'negotiators had made real progress',
  'the review would take longer than planned',
  'the tariffs would be phased out gradually',
  'exporters had been hurt by the delay',
];

type Pick = <T>(items: readonly T[]) => T;

/** One sentence from a random template; every template carries figures, names or quotes. */
function sentence(pick: Pick, random: () => number): string {
  const [role, name] = pick(OFFICIALS);
  const [, other] = pick(OFFICIALS);
  const short = SHORT_NAMES[name] ?? name;
  const templates: (() => string)[] = [
    () => `${role} ${name} said the ${pick(TOPICS)} would cut the deficit of ${pick(MONEY)} by ${pick(PERCENT)} within ${pick(DURATIONS)}.`,
    () => `"${pick(QUOTES)}," ${short} told reporters ${pick(RELATIVE)}.`,
    () => `According to ${name}, exports reached ${pick(MONEY)} in ${pick(YEARS)}, up ${pick(PERCENT)} from a year earlier.`,
    () => `${name} and ${other} met for ${pick(DURATIONS)} in ${pick(PLACES)} on ${pick(DATES)} to discuss the ${pick(TOPICS)}.`,
    () => `Shipments of ${pick(COUNTS)} fell by ${pick(PERCENT)} over ${pick(DURATIONS)}, the ministry said ${pick(RELATIVE)}.`,
    () => `The country ranked ${pick(RANKS)} among its trading partners in ${pick(YEARS)}, ${short} noted.`,
    () => `${short} argued that ${pick(CLAUSES)}, and said talks would resume by ${pick(DATES)}.`,
    () => `"${pick(QUOTES)}. ${pick(QUOTES)}," said ${role} ${name}, who took office in ${pick(YEARS)}.`,
    () => `The committee, which has met ${2 + Math.floor(random() * 30)} times since ${pick(YEARS)}, will report to ${other} ${pick(RELATIVE)}.`,
  ];
  return pick(templates)();
}

function paragraph(pick: Pick, random: () => number): string {
  const count = 5 + Math.floor(random() * 5);
  const parts: string[] = [];
  for (let i = 0; i < count; i++) parts.push(sentence(pick, random));
  return parts.join(' ');
}

function picker(random: () => number): Pick {
  return <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
}

/** The paragraphs of the synthetic article (deterministic for a seed). */
export function makeParagraphs(count: number, seed = 1): string[] {
  const random = prng(seed);
  const pick = picker(random);
  const out: string[] = [];
  for (let i = 0; i < count; i++) out.push(paragraph(pick, random));
  return out;
}

/** The headline of the synthetic article. */
export const BIG_ARTICLE_TITLE = 'Trade negotiators trade figures in a very long synthetic report';

/**
 * A synthetic `ArticleText` of about `targetChars` characters (default ~1 MB):
 * a title block and body paragraphs joined by `BLOCK_SEPARATOR`, dated
 * 2017-08-23 so relative dates resolve.
 */
export function makeBigArticle(targetChars = 1_000_000, seed = 1): ArticleText {
  const random = prng(seed);
  const pick = picker(random);
  const blocks: TextBlock[] = [{ kind: 'title', start: 0, end: BIG_ARTICLE_TITLE.length }];
  const parts = [BIG_ARTICLE_TITLE];
  let length = BIG_ARTICLE_TITLE.length;
  while (length < targetChars) {
    const p = paragraph(pick, random);
    const start = length + BLOCK_SEPARATOR.length;
    parts.push(p);
    blocks.push({ kind: 'body', start, end: start + p.length });
    length = start + p.length;
  }
  return { text: parts.join(BLOCK_SEPARATOR), blocks, date: '2017-08-23', lang: 'en', title: BIG_ARTICLE_TITLE, url: null };
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * A full news page (~1.5 MB for 2,000 paragraphs) around the synthetic
 * article: navigation, a "most read" sidebar with figure-like text, ads,
 * comments and a footer, so a browser benchmark also measures extraction.
 */
export function makeBigArticleHtml(paragraphs = 2000, seed = 1): string {
  const body = makeParagraphs(paragraphs, seed)
    .map((p, i) => (i % 50 === 49 ? `<h2>Part ${(i + 1) / 50}</h2>\n<p>${escapeHtml(p)}</p>` : `<p>${escapeHtml(p)}</p>`))
    .join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeHtml(BIG_ARTICLE_TITLE)} | Synthetic Gazette</title>
<meta property="article:published_time" content="2017-08-23T09:00:00+09:00">
</head>
<body>
<header class="site-header"><nav><ul><li><a href="#news">News</a></li><li><a href="#trade">Trade</a></li><li><a href="#weather">Weather</a></li></ul></nav></header>
<div class="ad">Advertisement: 20% off for 3 months</div>
<main>
<article>
<h1>${escapeHtml(BIG_ARTICLE_TITLE)}</h1>
<p class="byline">By Synthetic Staff, <time datetime="2017-08-23">Aug. 23, 2017</time></p>
<div class="article-body">
${body}
</div>
</article>
<section class="comments"><h2>Comments</h2><p>Posted 5 minutes ago: first!</p></section>
</main>
<aside class="sidebar"><h2>Most read</h2><ol><li><a href="#1">Five ways to save $100 this week</a></li><li><a href="#2">Ferry fares to rise by 15% next month</a></li></ol></aside>
<footer><p>&copy; 2017 Synthetic Gazette</p></footer>
</body>
</html>
`;
}

function cli(argv: readonly string[]): number {
  const value = (flag: string): string | undefined => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const seed = Number(value('--seed') ?? 1);
  const html = value('--html');
  const text = value('--text');
  if (!html && !text) {
    process.stderr.write('usage: tsx scripts/make-big-article.ts (--html OUT.html [--paragraphs N] | --text OUT.txt [--bytes N]) [--seed S]\n');
    return 2;
  }
  if (html) {
    const page = makeBigArticleHtml(Number(value('--paragraphs') ?? 2000), seed);
    writeFileSync(html, page);
    process.stdout.write(`wrote ${html} (${(Buffer.byteLength(page) / 1e6).toFixed(2)} MB)\n`);
  }
  if (text) {
    const article = makeBigArticle(Number(value('--bytes') ?? 1_000_000), seed);
    writeFileSync(text, article.text);
    process.stdout.write(`wrote ${text} (${(article.text.length / 1e6).toFixed(2)} M chars, ${article.blocks.length} blocks)\n`);
  }
  return 0;
}

const entry = process.argv[1];
if (entry && import.meta.url === pathToFileURL(realpathSync(resolve(entry))).href) process.exitCode = cli(process.argv.slice(2));
