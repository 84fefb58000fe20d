import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { formatCatalogueEntry, formatFigureValue, t } from '../../lib/i18n';

const ROOT = resolve(__dirname, '../..');

interface Entry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

function catalogue(lang: string): Record<string, Entry> {
  return JSON.parse(readFileSync(join(ROOT, 'public/_locales', lang, 'messages.json'), 'utf8')) as Record<string, Entry>;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(tsx?|html)$/.test(name) ? [path] : [];
  });
}

const en = catalogue('en');
const ko = catalogue('ko');

describe('locales', () => {
  it('English and Korean have the same keys', () => {
    expect(Object.keys(ko).sort()).toEqual(Object.keys(en).sort());
  });

  it('every message has text and the same placeholders in both languages', () => {
    for (const key of Object.keys(en)) {
      expect(en[key]!.message.trim(), key).not.toBe('');
      expect(ko[key]!.message.trim(), key).not.toBe('');
      // A translation may leave a substitution out (word order, a sign), but must define every one it uses.
      expect(Object.keys(ko[key]!.placeholders ?? {}).sort(), key).toEqual(Object.keys(en[key]!.placeholders ?? {}).sort());
      for (const lang of [en, ko]) {
        for (const m of lang[key]!.message.matchAll(/\$([a-zA-Z0-9_@]+)\$/g)) {
          expect(lang[key]!.placeholders?.[m[1]!], `${key} defines $${m[1]}$`).toBeDefined();
        }
        // Chrome's getMessage turns a run of `$` into dollar signs, eating a `$1` right after it.
        expect(lang[key]!.message, key).not.toMatch(/\$\$\$/);
      }
    }
  });

  it('the Korean catalogue is actually Korean where there are words to translate', () => {
    const hangul = Object.values(ko).filter((e) => /[\uac00-\ud7a3]/.test(e.message)).length;
    expect(hangul / Object.keys(ko).length).toBeGreaterThan(0.9);
  });

  it('every t("key") and __MSG_key__ used in the code exists', () => {
    const files = [
      ...sourceFiles(join(ROOT, 'components')),
      ...sourceFiles(join(ROOT, 'entrypoints')),
      ...sourceFiles(join(ROOT, 'lib')),
      join(ROOT, 'wxt.config.ts'),
    ];
    const used = new Set<string>();
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bt\(\s*'([A-Za-z0-9_]+)'/g)) used.add(m[1]!);
      for (const m of text.matchAll(/__MSG_([A-Za-z0-9_]+)__/g)) used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(100);
    const missing = [...used].filter((key) => !(key in en));
    expect(missing).toEqual([]);
  });
});

describe('t()', () => {
  it('falls back to English with substitutions when the browser cannot answer', () => {
    expect(t('mentionCount', 3)).toBe('3 mentions');
    expect(t('spellingNote', ['Kim Hyung-chong', 'Kim Hyun-chong'])).toBe('Written “Kim Hyung-chong”; standard spelling: Kim Hyun-chong');
    expect(t('amountUsd', ['$', '27.7 billion'])).toBe('$27.7 billion');
  });

  it('fills placeholders the way browsers do', () => {
    expect(formatCatalogueEntry({ message: '$$$a$ and $$ and $2', placeholders: { a: { content: '$1' } } }, ['x', 'y'])).toBe('$x and $ and y');
  });

  it('formats figure values for display', () => {
    expect(formatFigureValue({ kind: 'money', value: 28_000_000_000, unit: 'USD' })).toBe('$28 billion');
    expect(formatFigureValue({ kind: 'percent', value: 95, unit: 'percent' })).toBe('95%');
    expect(formatFigureValue({ kind: 'duration', value: 5, unit: 'year' })).toBe('5 years');
    expect(formatFigureValue({ kind: 'date', value: '2017-08-22', unit: null })).toBe('Aug 22, 2017');
    expect(formatFigureValue({ kind: 'count', value: 3, unit: 'rank' })).toBe('No. 3');
    expect(formatFigureValue({ kind: 'other', value: null, unit: null })).toBeNull();
  });
});
