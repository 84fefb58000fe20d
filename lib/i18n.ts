/**
 * Every UI string goes through `t`, which asks the browser for the message in
 * the user's language (`public/_locales/<lang>/messages.json`). Where the
 * browser cannot answer (unit tests, a fake browser) it falls back to the
 * English catalogue, with the same placeholder rules, so a test sees the text
 * a user would.
 */
import { browser } from 'wxt/browser';
import english from '../public/_locales/en/messages.json';
import type { Figure } from './types';

interface CatalogueEntry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

const EN: Record<string, CatalogueEntry> = english;

/** The keys of the English catalogue: every message the UI may ask for. */
export type MessageKey = keyof typeof english;

/**
 * Fills a catalogue entry the way browsers do, in one pass: `$$` is a dollar
 * sign, `$name$` is a placeholder whose content is `$1`…`$9`, and a bare `$1`…`$9`
 * is a substitution.
 */
export function formatCatalogueEntry(entry: CatalogueEntry, subs: readonly string[]): string {
  const positional = (text: string): string => text.replace(/\$([1-9])/g, (_m, d: string) => subs[Number(d) - 1] ?? '');
  return entry.message.replace(/\$\$|\$([a-zA-Z0-9_@]+)\$|\$([1-9])/g, (match, name: string | undefined, digit: string | undefined) => {
    if (match === '$$') return '$';
    if (digit) return subs[Number(digit) - 1] ?? '';
    const placeholder = name ? entry.placeholders?.[name] ?? entry.placeholders?.[name.toLowerCase()] : undefined;
    return placeholder ? positional(placeholder.content) : match;
  });
}

function fromBrowser(key: string, subs: readonly string[]): string {
  try {
    const getMessage = (browser as { i18n?: { getMessage?: (k: string, s?: string[]) => string } }).i18n?.getMessage;
    return getMessage ? getMessage(key, subs.length > 0 ? [...subs] : undefined) : '';
  } catch {
    return '';
  }
}

/**
 * The message `key` in the UI language, with `subs` filled into its
 * placeholders. Falls back to English, then to the key itself (so a missing
 * string is visible rather than blank).
 */
export function t(key: MessageKey, subs: string | number | readonly (string | number)[] = []): string {
  const list = (Array.isArray(subs) ? subs : [subs]).map(String);
  const local = fromBrowser(key, list);
  if (local) return local;
  const entry = EN[key];
  return entry ? formatCatalogueEntry(entry, list) : key;
}

/**
 * The language of the strings shown (for `lang`, dates and numbers): the
 * catalogue's own tag, so formats always match the text even when the
 * browser's reported UI language differs; then the browser's; then `en`.
 */
export function uiLanguage(): string {
  const tag = fromBrowser('htmlLang', []);
  if (tag) return tag;
  try {
    const getUILanguage = (browser as { i18n?: { getUILanguage?: () => string } }).i18n?.getUILanguage;
    return getUILanguage?.() || 'en';
  } catch {
    return 'en';
  }
}

/** A US-dollar amount in the UI language, without sign ("$27.7 billion", "277억 달러"). */
export function formatUsd(value: number): string {
  const abs = Math.abs(value);
  const amount =
    abs >= 1_000_000
      ? new Intl.NumberFormat(uiLanguage(), { notation: 'compact', compactDisplay: 'long', maximumFractionDigits: 2 }).format(abs)
      : new Intl.NumberFormat(uiLanguage(), { maximumFractionDigits: 2 }).format(abs);
  // The sign is passed in, not written in the catalogue: Chrome's getMessage swallows a `$` next to `$1`.
  return t('amountUsd', ['$', amount]);
}

/** A trade balance in words: "US deficit $27.7 billion" / "US surplus …" (negative = deficit). */
export function formatBalance(value: number): string {
  return t(value < 0 ? 'balanceDeficit' : 'balanceSurplus', formatUsd(value));
}

/** A `YYYY`, `YYYY-MM` or `YYYY-MM-DD` date in the UI language, at the precision it has. */
export function formatPartialDate(date: string): string {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(date);
  if (!m) return date;
  const [, y, mo, d] = m;
  if (!mo) return y ?? date;
  const when = new Date(Date.UTC(Number(y), Number(mo) - 1, d ? Number(d) : 1));
  const options: Intl.DateTimeFormatOptions = d
    ? { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }
    : { year: 'numeric', month: 'short', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(uiLanguage(), options).format(when);
}

const DURATION_UNITS = new Set(['day', 'week', 'month', 'year', 'hour', 'minute']);

/**
 * A figure's normalised value for display ("$28 billion", "95%", "Aug 23, 2017",
 * "5 years"), or null when the engine could not normalise it (the UI then
 * shows the text as written).
 */
export function formatFigureValue(figure: Pick<Figure, 'kind' | 'value' | 'unit'>): string | null {
  const { kind, value, unit } = figure;
  if (value === null) return null;
  if (typeof value === 'string') return kind === 'date' ? formatPartialDate(value) : value;
  const lang = uiLanguage();
  switch (kind) {
    case 'money':
      if (unit === 'USD') return formatUsd(value) + (value < 0 ? ' (−)' : '');
      return `${new Intl.NumberFormat(lang, { notation: 'compact', maximumFractionDigits: 2 }).format(value)}${unit ? ` ${unit}` : ''}`;
    case 'percent':
      return new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 2 }).format(value / 100);
    case 'year':
      return String(value);
    case 'duration':
      if (unit && DURATION_UNITS.has(unit)) {
        return new Intl.NumberFormat(lang, { style: 'unit', unit, unitDisplay: 'long' }).format(value);
      }
      break;
    default:
      break;
  }
  if (unit === 'rank') return t('rankValue', new Intl.NumberFormat(lang).format(value));
  return `${new Intl.NumberFormat(lang).format(value)}${unit ? ` ${unit}` : ''}`;
}
