/**
 * Field-by-field validation of stored settings. A stored value that is partly
 * unreadable keeps every field that is still valid and falls back to the
 * default only for the fields that are not, so one bad byte never costs the
 * user the rest of their choices.
 */
import { DEFAULT_SETTINGS, type HighlightStyle, type RunMode, type Settings } from './types';

/** The result of validating a stored settings value. */
export interface SettingsValidation {
  settings: Settings;
  /** Paths of the fields that were invalid and replaced by defaults, e.g. `style.mode`, `disabledSites[2]`. */
  invalid: string[];
}

const RUN_MODES: readonly RunMode[] = ['news', 'always', 'on-demand'];
const STYLE_MODES: readonly HighlightStyle['mode'][] = ['underline', 'background'];
/** Only `#rrggbb`: colours end up in CSS the content script writes, so nothing else is let through. */
const HEX_COLOUR = /^#[0-9a-f]{6}$/i;
/** One DNS label: letters, digits, hyphens inside; at most 63 characters. */
const HOST_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** True for a CSS colour Gloss accepts (`#rrggbb`). */
export function isHexColour(value: unknown): value is string {
  return typeof value === 'string' && HEX_COLOUR.test(value);
}

/**
 * A site as the user typed it ("https://www.Example.com/news", "example.com")
 * reduced to a lower-case hostname, or null when it is not a hostname. Used by
 * the options page and by validation, so both agree on what a site is.
 */
export function normalizeHost(input: string): string | null {
  const trimmed = input.trim().toLowerCase();
  if (!trimmed || trimmed.length > 253) return null;
  let host = trimmed;
  if (host.includes('/') || host.includes(':')) {
    try {
      host = new URL(host.includes('://') ? host : `http://${host}`).hostname;
    } catch {
      return null;
    }
  }
  host = host.replace(/\.$/, '');
  const labels = host.split('.');
  if (labels.length === 0 || !labels.every((label) => HOST_LABEL.test(label))) return null;
  return host;
}

/** True when `host` is `site` or a subdomain of it (a site entry covers its subdomains). */
export function hostMatchesSite(host: string, site: string): boolean {
  const h = host.toLowerCase();
  return h === site || h.endsWith(`.${site}`);
}

/** True when Gloss must not run on `host` under these settings. */
export function isSiteDisabled(settings: Settings, host: string): boolean {
  return settings.disabledSites.some((site) => hostMatchesSite(host, site));
}

function pickBoolean(raw: Record<string, unknown>, key: string, fallback: boolean, path: string, invalid: string[]): boolean {
  const value = raw[key];
  if (typeof value === 'boolean') return value;
  invalid.push(path);
  return fallback;
}

function pickOneOf<T extends string>(value: unknown, allowed: readonly T[], fallback: T, path: string, invalid: string[]): T {
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  invalid.push(path);
  return fallback;
}

function pickColour(raw: Record<string, unknown>, key: keyof HighlightStyle, path: string, invalid: string[]): string {
  const value = raw[key];
  if (isHexColour(value)) return value.toLowerCase();
  invalid.push(path);
  return DEFAULT_SETTINGS.style[key];
}

function pickSites(value: unknown, invalid: string[]): string[] {
  if (!Array.isArray(value)) {
    invalid.push('disabledSites');
    return [...DEFAULT_SETTINGS.disabledSites];
  }
  const sites: string[] = [];
  value.forEach((entry, i) => {
    const host = typeof entry === 'string' ? normalizeHost(entry) : null;
    if (host === null) invalid.push(`disabledSites[${i}]`);
    else if (!sites.includes(host)) sites.push(host);
  });
  return sites;
}

/**
 * Validates a current-version settings value field by field. Anything that is
 * not an object is wholly invalid (reported as the path `""`).
 */
export function validateSettings(raw: unknown): SettingsValidation {
  const invalid: string[] = [];
  if (!isRecord(raw)) {
    return { settings: structuredClone(DEFAULT_SETTINGS), invalid: [''] };
  }
  const d = DEFAULT_SETTINGS;

  let categories = { ...d.categories };
  if (isRecord(raw.categories)) {
    const c = raw.categories;
    categories = {
      officials: pickBoolean(c, 'officials', d.categories.officials, 'categories.officials', invalid),
      figures: pickBoolean(c, 'figures', d.categories.figures, 'categories.figures', invalid),
      claims: pickBoolean(c, 'claims', d.categories.claims, 'categories.claims', invalid),
    };
  } else {
    invalid.push('categories');
  }

  let style = { ...d.style };
  if (isRecord(raw.style)) {
    const s = raw.style;
    style = {
      mode: pickOneOf(s.mode, STYLE_MODES, d.style.mode, 'style.mode', invalid),
      officialColor: pickColour(s, 'officialColor', 'style.officialColor', invalid),
      figureColor: pickColour(s, 'figureColor', 'style.figureColor', invalid),
      claimColor: pickColour(s, 'claimColor', 'style.claimColor', invalid),
    };
  } else {
    invalid.push('style');
  }

  return {
    settings: {
      version: 1,
      categories,
      runMode: pickOneOf(raw.runMode, RUN_MODES, d.runMode, 'runMode', invalid),
      disabledSites: pickSites(raw.disabledSites, invalid),
      style,
    },
    invalid,
  };
}
