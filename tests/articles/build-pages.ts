/**
 * `npx tsx tests/articles/build-pages.ts`
 *
 * Writes the page (`<slug>.html`) of every labelled article in this folder
 * from its labels file: title, dek and body lines (one `<p>` each) inside one
 * of four synthetic page shells. The shells differ in structure and class
 * names and carry furniture with figure-like text, names and quotes (menus,
 * "most read", comments, footer) that an annotator confined to the article
 * must not mark. Pages are self-contained: no scripts, no external requests.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

interface PageLabels {
  id: string;
  publisher: string;
  date: string;
  title: string;
  dek: string | null;
  body: string;
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function humanDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${MONTHS[(m ?? 1) - 1]} ${d}, ${y}`;
}

function site(publisher: string): string {
  return publisher.replace(/\s*\(fictional site\)\s*$/, '');
}

const MOST_READ = [
  'Ten things to know before the markets open',
  'Why the 30-year mortgage is making a comeback',
  'City marathon draws 45,000 runners despite the heat',
  'Review: a five-hour opera that flies by',
  'Ask the expert: should you fix your rate for 2 years?',
];

const COMMENTS = [
  ['Pat Gallagher', 'Said it 20 years ago and I will say it again: nobody reads the fine print.'],
  ['J. Okoro', '"A great deal for everyone," they said. We will see in 12 months.'],
  ['Minister of Silly Walks', 'Only $5 billion? Round it up to a trillion, why not.'],
];

function paragraphs(body: string): string {
  return body
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .map((l) => `<p>${esc(l)}</p>`)
    .join('\n');
}

function mostRead(tag: string, cls: string): string {
  return `<${tag} class="${cls}"><h2>Most read</h2><ol>${MOST_READ.map((t, i) => `<li><a href="#mr${i}">${esc(t)}</a></li>`).join('')}</ol></${tag}>`;
}

function comments(): string {
  return `<section class="comments" aria-label="Comments"><h2>${COMMENTS.length} comments</h2>${COMMENTS.map(
    ([who, what]) => `<div class="comment"><p class="comment-author">${esc(who ?? '')} &middot; 3 hours ago</p><p class="comment-text">${esc(what ?? '')}</p></div>`,
  ).join('')}</section>`;
}

function head(l: PageLabels, withMeta: boolean): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(l.title)} | ${esc(site(l.publisher))}</title>
${withMeta ? `<meta property="article:published_time" content="${l.date}T08:30:00Z">\n<meta property="og:site_name" content="${esc(site(l.publisher))}">\n` : ''}<style>
body{margin:0;font:16px/1.5 Georgia,serif;color:#222}.wrap{max-width:1080px;margin:0 auto;padding:0 16px}
.ad,.promo{background:#eee;color:#888;text-align:center;font:12px sans-serif;padding:24px 0;margin:12px 0}
.dek,.standfirst,.summary{font-size:1.2em;color:#444}aside,.rail{font:14px sans-serif}
</style>
</head>`;
}

/** Shell A: masthead nav, article with header and story-body div, right rail. */
function shellA(l: PageLabels): string {
  return `${head(l, true)}
<body>
<header class="masthead"><div class="wrap"><a href="#home"><strong>${esc(site(l.publisher))}</strong></a>
<nav aria-label="Sections"><ul><li><a href="#world">World</a></li><li><a href="#business">Business</a></li><li><a href="#politics">Politics</a></li><li><a href="#sport">Sport</a></li></ul></nav></div></header>
<div class="wrap"><div class="ad" aria-label="Advertisement">Advertisement &middot; Save 50% for 3 months</div>
<main class="main">
<article class="story">
<header class="story-header"><p class="kicker"><a href="#section">Business</a></p>
<h1 class="headline">${esc(l.title)}</h1>
${l.dek ? `<p class="standfirst">${esc(l.dek)}</p>\n` : ''}<div class="meta"><span class="byline">By Staff Reporters</span> &middot; <time datetime="${l.date}">${humanDate(l.date)}</time> &middot; 4 min read</div>
</header>
<div class="story-body">
${paragraphs(l.body)}
</div>
<footer class="story-footer"><ul class="share"><li><a href="#share-x">Share</a></li><li><a href="#share-mail">Email</a></li></ul></footer>
</article>
${comments()}
</main>
${mostRead('aside', 'rail')}
</div>
<footer class="site"><div class="wrap"><p>&copy; ${l.date.slice(0, 4)} ${esc(site(l.publisher))}. All rights reserved. Founded 1998.</p></div></footer>
</body>
</html>
`;
}

/** Shell B: breadcrumb, article with the dek as summary, body paragraphs straight in the article, sidebar before the article. */
function shellB(l: PageLabels): string {
  return `${head(l, false)}
<body>
<div id="top-bar"><a href="#subscribe">Subscribe: first month free, then $9.99</a></div>
<nav class="menu"><a href="#news">News</a> | <a href="#markets">Markets</a> | <a href="#opinion">Opinion</a></nav>
<div class="layout">
${mostRead('div', 'sidebar popular')}
<div class="content">
<ol class="breadcrumb"><li><a href="#home">Home</a></li><li><a href="#news">News</a></li></ol>
<article>
<h1>${esc(l.title)}</h1>
${l.dek ? `<p class="summary">${esc(l.dek)}</p>\n` : ''}<p class="dateline-meta"><time datetime="${l.date}">${l.date}</time> &middot; Updated 2 hours ago</p>
${paragraphs(l.body)}
<div class="promo">Listen to this article (6 minutes)</div>
</article>
<div class="related"><h3>Related</h3><ul><li><a href="#r1">Five charts that explain the week</a></li><li><a href="#r2">Opinion: "We need a plan," says reader</a></li></ul></div>
</div>
</div>
${comments()}
<footer><p>&copy; ${l.date.slice(0, 4)} ${esc(site(l.publisher))}</p><p><a href="#privacy">Privacy</a> &middot; <a href="#terms">Terms</a></p></footer>
</body>
</html>
`;
}

/** Shell C: section-based layout, dek as standfirst after the byline, ads between body paragraphs' container and comments. */
function shellC(l: PageLabels): string {
  return `${head(l, true)}
<body>
<header><h2 class="logo">${esc(site(l.publisher))}</h2><nav><a href="#uk">UK</a> <a href="#world">World</a> <a href="#money">Money</a> <a href="#sport">Sport</a></nav></header>
<section class="page">
<article class="news-article">
<h1 itemprop="headline">${esc(l.title)}</h1>
<div class="author-box"><span>By our correspondent</span> <time datetime="${l.date}">${humanDate(l.date)}</time></div>
${l.dek ? `<p class="dek">${esc(l.dek)}</p>\n` : ''}<div class="article-text" itemprop="articleBody">
${paragraphs(l.body)}
</div>
</article>
<div class="ad">Sponsored: Win a 7-night cruise for two</div>
${mostRead('section', 'trending')}
${comments()}
</section>
<footer class="bottom"><p>Registered in England No. 1234567. &copy; ${l.date.slice(0, 4)}</p></footer>
</body>
</html>
`;
}

/** Shell D: minimal wire-service page with a newsletter box and a tag list. */
function shellD(l: PageLabels): string {
  return `${head(l, false)}
<body>
<div class="wire-header"><a href="#home">${esc(site(l.publisher))}</a> <span class="ticker">KOSPI 2,041.7 (+0.4%) &middot; USD/KRW 1,130</span></div>
<main>
<article id="story">
<h1>${esc(l.title)}</h1>
${l.dek ? `<p class="standfirst">${esc(l.dek)}</p>\n` : ''}<div class="byline">Wire staff &middot; <time datetime="${l.date}">${humanDate(l.date)}, 09:15 GMT</time></div>
${paragraphs(l.body)}
<ul class="tags"><li>Trade</li><li>Economy</li><li>Top 10</li></ul>
</article>
<div class="newsletter"><p>Get the 5 stories you need every morning.</p></div>
</main>
${mostRead('aside', 'most-read')}
<footer><small>&copy; ${l.date.slice(0, 4)} ${esc(site(l.publisher))}. Data delayed 15 minutes.</small></footer>
</body>
</html>
`;
}

const SHELLS = [shellA, shellB, shellC, shellD];

function main(): void {
  const dir = dirname(fileURLToPath(import.meta.url));
  const files = readdirSync(dir).filter((f) => f.endsWith('.labels.json')).sort();
  files.forEach((file, i) => {
    const labels = JSON.parse(readFileSync(join(dir, file), 'utf8')) as PageLabels;
    const shell = SHELLS[i % SHELLS.length]!;
    writeFileSync(join(dir, `${labels.id}.html`), shell(labels));
  });
  process.stdout.write(`wrote ${files.length} pages\n`);
}

main();
