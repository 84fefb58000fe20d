/**
 * What a page says about itself: publication date and language. Read from
 * meta tags, JSON-LD, microdata, `<time>` elements and the URL, with no layout
 * APIs, so it runs the same on a live page and on a parsed document in Node.
 */

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function ymd(year: number, month: number, day: number): string | null {
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1 || day > 31) return null;
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?![\d])/;
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})(?!\d)/;
const SLASH_DATE = /^(\d{4})\/(\d{1,2})\/(\d{1,2})(?!\d)/;
/** "Aug. 23, 2017", "August 23 2017", "Thu, Aug 23, 2017", "Fri Mar 13 21:30:09 EST 2015" (Unix `date`). */
const MONTH_DAY_YEAR = /\b([A-Za-z]{3,9})\.? (\d{1,2})(?:st|nd|rd|th)?,? (?:\d{1,2}:\d{2}(?::\d{2})? (?:[A-Z]{2,5} )?)?(\d{4})\b/;
/** "23 August 2017", "Thu, 23 Aug 2017 10:00:00 GMT". */
const DAY_MONTH_YEAR = /\b(\d{1,2}) ([A-Za-z]{3,9})\.?,? (\d{4})\b/;

function monthNumber(word: string): number | undefined {
  return MONTHS[word.slice(0, 4).toLowerCase()] ?? MONTHS[word.slice(0, 3).toLowerCase()];
}

/**
 * Normalise a date as a page writes it to `YYYY-MM-DD`, using the date part as
 * written (no time-zone shift: "2017-08-23T23:30:00-05:00" stays 2017-08-23,
 * the publisher's own calendar day). Returns null when no date is recognised.
 */
export function normaliseDate(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const s = raw.trim();
  if (s === '') return null;
  const iso = ISO_DATE.exec(s) ?? SLASH_DATE.exec(s) ?? COMPACT_DATE.exec(s);
  if (iso) return ymd(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const mdy = MONTH_DAY_YEAR.exec(s);
  if (mdy) {
    const month = monthNumber(mdy[1] ?? '');
    if (month) return ymd(Number(mdy[3]), month, Number(mdy[2]));
  }
  const dmy = DAY_MONTH_YEAR.exec(s);
  if (dmy) {
    const month = monthNumber(dmy[2] ?? '');
    if (month) return ymd(Number(dmy[3]), month, Number(dmy[1]));
  }
  return null;
}

const META_DATE_SELECTORS = [
  'meta[property="article:published_time"]',
  'meta[property="og:article:published_time"]',
  'meta[itemprop="datePublished"]',
  'meta[name="article:published_time"]',
  'meta[name="article:publicationdate"]',
  'meta[name="publication_date"]',
  'meta[name="datePublished"]',
  'meta[name="date"]',
  'meta[name="pubdate"]',
  'meta[name="publishdate"]',
  'meta[name="publish-date"]',
  'meta[name="sailthru.date"]',
  'meta[name="parsely-pub-date"]',
  'meta[name="dc.date"]',
  'meta[name="DC.date"]',
  'meta[name="dc.date.issued"]',
  'meta[name="DC.date.issued"]',
  'meta[name="dcterms.created"]',
];

function fromMeta(doc: Document): string | null {
  for (const selector of META_DATE_SELECTORS) {
    for (const meta of doc.querySelectorAll(selector)) {
      const date = normaliseDate(meta.getAttribute('content'));
      if (date) return date;
    }
  }
  return null;
}

/** Finds `datePublished` anywhere in a parsed JSON-LD value (objects, arrays, `@graph`). */
function datePublishedIn(value: unknown, depth = 0): string | null {
  if (depth > 8 || value === null || typeof value !== 'object') return null;
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = datePublishedIn(item, depth + 1);
      if (found) return found;
    }
    return null;
  }
  const record = value as Record<string, unknown>;
  const direct = record['datePublished'];
  if (typeof direct === 'string') {
    const date = normaliseDate(direct);
    if (date) return date;
  }
  for (const key of Object.keys(record)) {
    if (key === 'datePublished') continue;
    const found = datePublishedIn(record[key], depth + 1);
    if (found) return found;
  }
  return null;
}

function fromJsonLd(doc: Document): string | null {
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(script.textContent ?? '');
    } catch {
      continue; // Malformed JSON-LD is common on real pages: ignore it.
    }
    const date = datePublishedIn(parsed);
    if (date) return date;
  }
  return null;
}

function fromMicrodata(doc: Document): string | null {
  for (const el of doc.querySelectorAll('[itemprop~="datePublished"]')) {
    const date =
      normaliseDate(el.getAttribute('datetime')) ??
      normaliseDate(el.getAttribute('content')) ??
      normaliseDate(el.textContent);
    if (date) return date;
  }
  return null;
}

/** `<time datetime>` inside the article (or its byline), the publisher's visible date. */
function fromTime(scope: Element | null): string | null {
  if (!scope) return null;
  for (const time of scope.querySelectorAll('time[datetime]')) {
    const prop = time.getAttribute('itemprop') ?? '';
    if (/dateModified/i.test(prop)) continue;
    const date = normaliseDate(time.getAttribute('datetime'));
    if (date) return date;
  }
  return null;
}

const URL_DATE = /\/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:\/|$|[-_])/;

/** A date in a URL path, e.g. `/2017/08/23/slug`. */
export function dateFromUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  const m = URL_DATE.exec(url);
  return m ? ymd(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

/** The page's own URL as it declares it (canonical link, then og:url). */
export function declaredUrl(doc: Document): string | null {
  const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href');
  if (canonical) return canonical;
  return doc.querySelector('meta[property="og:url"]')?.getAttribute('content') ?? null;
}

/**
 * The publication date of the page, `YYYY-MM-DD`, or null. Sources, most
 * explicit first: article meta tags, JSON-LD `datePublished`, microdata
 * `datePublished`, a `<time datetime>` in the article, a date in the URL.
 * `articleScope` is the element the article was found in (or its container).
 */
export function findPublicationDate(doc: Document, articleScope: Element | null, url?: string | null): string | null {
  return (
    fromMeta(doc) ??
    fromJsonLd(doc) ??
    fromMicrodata(doc) ??
    fromTime(articleScope) ??
    dateFromUrl(url) ??
    dateFromUrl(declaredUrl(doc))
  );
}

/** The page language as a BCP 47 tag ("en", "en-GB"), from `html[lang]` or meta tags; null when absent. */
export function findLanguage(doc: Document): string | null {
  const htmlLang = doc.documentElement?.getAttribute('lang')?.trim();
  if (htmlLang) return htmlLang;
  for (const meta of doc.querySelectorAll('meta[http-equiv]')) {
    if ((meta.getAttribute('http-equiv') ?? '').toLowerCase() !== 'content-language') continue;
    const value = meta.getAttribute('content')?.split(',')[0]?.trim();
    if (value) return value;
  }
  const locale = doc.querySelector('meta[property="og:locale"]')?.getAttribute('content')?.trim();
  return locale ? locale.replace('_', '-') : null;
}

/** The headline the page declares in its metadata (og:title, twitter:title, then `<title>`), or null. */
export function declaredTitle(doc: Document): string | null {
  const og =
    doc.querySelector('meta[property="og:title"]')?.getAttribute('content') ??
    doc.querySelector('meta[name="twitter:title"]')?.getAttribute('content');
  if (og && og.trim()) return og.trim();
  const title = doc.querySelector('title')?.textContent?.trim();
  return title || null;
}
