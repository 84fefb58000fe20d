/**
 * Parsing HTML into a DOM `Document` in Node (CLI, evaluation, benchmarks),
 * with linkedom: fast, no layout, the same DOM API the extractor uses on a
 * live page.
 */
import { parseHTML } from 'linkedom';

/** Parses an HTML string into a `Document`. Never throws on malformed markup (the parser is forgiving). */
export function parseHtmlDocument(html: string): Document {
  const { document } = parseHTML(html);
  return document as unknown as Document;
}

/**
 * A cheap check that a string is an HTML page rather than some other file:
 * it must contain an `<html`, `<body`, `<head` or `<!doctype html` tag, or
 * at least one paragraph or article element, near its start or anywhere.
 */
export function looksLikeHtml(content: string): boolean {
  if (content.includes('\u0000')) return false;
  return /<!doctype\s+html|<html[\s>]|<body[\s>]|<head[\s>]|<article[\s>]|<p[\s>]/i.test(content);
}
