import { describe, expect, it } from 'vitest';
import { dateFromUrl, findLanguage, findPublicationDate, normaliseDate } from '../../lib/dom/metadata';
import { parseHtmlDocument } from '../../lib/node/parse-html';

function doc(head: string, body = ''): Document {
  return parseHtmlDocument(`<!DOCTYPE html><html><head>${head}</head><body>${body}</body></html>`);
}

function dateOf(head: string, body = '', url: string | null = null): string | null {
  const d = doc(head, body);
  return findPublicationDate(d, d.querySelector('article'), url);
}

describe('normaliseDate', () => {
  it('keeps the date part as written, without shifting time zones', () => {
    expect(normaliseDate('2017-08-23T23:30:00-05:00')).toBe('2017-08-23');
    expect(normaliseDate('2017-08-23T01:00:00+09:00')).toBe('2017-08-23');
    expect(normaliseDate('2017-8-3')).toBe('2017-08-03');
  });

  it('reads compact, slashed and written-out dates', () => {
    expect(normaliseDate('20170823')).toBe('2017-08-23');
    expect(normaliseDate('2017/08/23 10:00')).toBe('2017-08-23');
    expect(normaliseDate('Aug. 23, 2017')).toBe('2017-08-23');
    expect(normaliseDate('Wed, 23 August 2017 10:00:00 GMT')).toBe('2017-08-23');
    expect(normaliseDate('September 1st, 2017')).toBe('2017-09-01');
    expect(normaliseDate('Fri Mar 13 21:30:09 EST 2015')).toBe('2015-03-13');
  });

  it('rejects what is not a date', () => {
    expect(normaliseDate('')).toBeNull();
    expect(normaliseDate(null)).toBeNull();
    expect(normaliseDate('yesterday')).toBeNull();
    expect(normaliseDate('2017-13-40')).toBeNull();
  });
});

describe('findPublicationDate sources', () => {
  it('reads article:published_time', () => {
    expect(dateOf('<meta property="article:published_time" content="2019-04-02T08:00:00Z">')).toBe('2019-04-02');
  });

  it.each(['date', 'pubdate', 'publishdate', 'sailthru.date', 'parsely-pub-date', 'dc.date'])('reads meta name=%s', (name) => {
    expect(dateOf(`<meta name="${name}" content="2018-11-05 09:30:00">`)).toBe('2018-11-05');
  });

  it('reads JSON-LD datePublished inside @graph, ignoring malformed blocks', () => {
    const head =
      '<script type="application/ld+json">{"broken": </script>' +
      '<script type="application/ld+json">{"@graph":[{"@type":"Organization"},{"@type":"Article","datePublished":"2016-02-29T12:00:00+01:00"}]}</script>';
    expect(dateOf(head)).toBe('2016-02-29');
  });

  it('reads JSON-LD arrays', () => {
    expect(dateOf('<script type="application/ld+json">[{"@type":"NewsArticle","datePublished":"2015-06-01"}]</script>')).toBe('2015-06-01');
  });

  it('reads itemprop=datePublished', () => {
    expect(dateOf('', '<span itemprop="datePublished" content="2014-01-09">9 January</span>')).toBe('2014-01-09');
  });

  it('reads <time datetime> inside the article but not elsewhere', () => {
    expect(dateOf('', '<article><p class="byline"><time datetime="2013-07-19">19 July</time></p></article>')).toBe('2013-07-19');
    expect(dateOf('', '<footer><time datetime="2013-07-19">19 July</time></footer><article><p>text</p></article>')).toBeNull();
  });

  it('falls back to a date in the URL path, then in the canonical link', () => {
    expect(dateOf('', '', 'https://news.example/2017/08/23/some-story/')).toBe('2017-08-23');
    expect(dateOf('<link rel="canonical" href="https://news.example/world/2012/05/07/title.html">')).toBe('2012-05-07');
    expect(dateOf('', '', 'https://news.example/world/some-story')).toBeNull();
  });

  it('prefers explicit metadata over the URL', () => {
    expect(dateOf('<meta property="article:published_time" content="2017-08-24">', '', 'https://x.example/2017/08/23/a/')).toBe('2017-08-24');
  });
});

describe('dateFromUrl and findLanguage', () => {
  it('needs a full year/month/day path', () => {
    expect(dateFromUrl('https://x.example/2017/08/story')).toBeNull();
    expect(dateFromUrl('https://x.example/2017-08-23/story')).toBe('2017-08-23');
  });

  it('reads html[lang], then meta tags', () => {
    expect(findLanguage(parseHtmlDocument('<html lang="ko"><body></body></html>'))).toBe('ko');
    expect(findLanguage(doc('<meta property="og:locale" content="en_US">'))).toBe('en-US');
    expect(findLanguage(doc('<meta http-equiv="Content-Language" content="de-AT">'))).toBe('de-AT');
    expect(findLanguage(doc(''))).toBeNull();
  });
});
