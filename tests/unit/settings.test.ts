import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  dismissNotice,
  importSettings,
  loadSettings,
  NOTICE_KEY,
  SETTINGS_KEY,
  StorageWriteError,
  updateSettings,
  getSettings,
} from '../../lib/settings/store';
import { DEFAULT_SETTINGS } from '../../lib/settings/types';
import { isSiteDisabled, normalizeHost, validateSettings } from '../../lib/settings/validate';

const rawKey = SETTINGS_KEY.replace('local:', '');

async function stored(): Promise<unknown> {
  return (await fakeBrowser.storage.local.get(rawKey))[rawKey];
}

describe('settings store', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('returns defaults on first run without a notice', async () => {
    const { settings, notice } = await loadSettings();
    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect(notice).toBeNull();
  });

  it('saves an update and reads it back', async () => {
    await updateSettings((s) => ({ ...s, runMode: 'always' }));
    expect((await getSettings()).runMode).toBe('always');
    expect(await stored()).toMatchObject({ version: 1, runMode: 'always' });
  });

  it('keeps both of two updates made at the same time', async () => {
    await Promise.all([
      updateSettings((s) => ({ ...s, categories: { ...s.categories, claims: false } })),
      updateSettings((s) => ({ ...s, disabledSites: [...s.disabledSites, 'example.org'] })),
      updateSettings((s) => ({ ...s, style: { ...s.style, mode: 'underline' } })),
    ]);
    const s = await getSettings();
    expect(s.categories.claims).toBe(false);
    expect(s.disabledSites).toEqual(['example.org']);
    expect(s.style.mode).toBe('underline');
  });

  it('replaces a wholly unreadable value with defaults and leaves a notice', async () => {
    await fakeBrowser.storage.local.set({ [rawKey]: 'garbage {{{' });
    const { settings, notice } = await loadSettings();
    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect(notice?.fields).toEqual(['']);
    expect(await stored()).toEqual(DEFAULT_SETTINGS);
  });

  it('keeps the valid fields of a partly corrupt value and names the bad ones', async () => {
    await fakeBrowser.storage.local.set({
      [rawKey]: {
        version: 1,
        categories: { officials: false, figures: 'yes', claims: true },
        runMode: 'sometimes',
        disabledSites: ['news.example.com', 42, 'not a host!'],
        style: { mode: 'underline', officialColor: '#112233', figureColor: 'red;}body{', claimColor: '#abcdef' },
      },
    });
    const { settings, notice } = await loadSettings();
    expect(settings.categories).toEqual({ officials: false, figures: true, claims: true });
    expect(settings.runMode).toBe('news');
    expect(settings.disabledSites).toEqual(['news.example.com']);
    expect(settings.style).toEqual({
      mode: 'underline',
      officialColor: '#112233',
      figureColor: DEFAULT_SETTINGS.style.figureColor,
      claimColor: '#abcdef',
    });
    expect(notice?.fields.sort()).toEqual(
      ['categories.figures', 'disabledSites[1]', 'disabledSites[2]', 'runMode', 'style.figureColor'].sort(),
    );
  });

  it('leaves imported packs alone when settings are corrupt', async () => {
    await fakeBrowser.storage.local.set({ [rawKey]: 17, userPacks: [{ id: 'kept' }] });
    await loadSettings();
    expect((await fakeBrowser.storage.local.get('userPacks')).userPacks).toEqual([{ id: 'kept' }]);
  });

  it('keeps the notice until it is dismissed', async () => {
    await fakeBrowser.storage.local.set({ [rawKey]: [] });
    await loadSettings();
    expect((await loadSettings()).notice?.kind).toBe('recovered');
    await dismissNotice();
    expect((await loadSettings()).notice).toBeNull();
    expect((await fakeBrowser.storage.local.get(NOTICE_KEY.replace('local:', '')))).toEqual({});
  });

  it('reports a quota error instead of swallowing it', async () => {
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValueOnce(new Error('QUOTA_BYTES quota exceeded'));
    const attempt = updateSettings((s) => ({ ...s, runMode: 'always' }));
    await expect(attempt).rejects.toBeInstanceOf(StorageWriteError);
    await expect(attempt).rejects.toMatchObject({ quota: true });
    // The queue is not wedged by a failed write.
    await updateSettings((s) => ({ ...s, runMode: 'on-demand' }));
    expect((await getSettings()).runMode).toBe('on-demand');
  });

  it('never writes invalid values handed to an update', async () => {
    await updateSettings((s) => ({ ...s, style: { ...s.style, claimColor: 'url(javascript:x)' } }));
    expect((await getSettings()).style.claimColor).toBe(DEFAULT_SETTINGS.style.claimColor);
  });

  it('imports an exported settings file, migrating an old one', async () => {
    const result = await importSettings({ showClaims: false, blockedHosts: ['Blog.Example.net'] });
    expect(result.invalid).toEqual([]);
    expect(result.settings.categories.claims).toBe(false);
    expect(result.settings.disabledSites).toEqual(['blog.example.net']);
  });
});

describe('site rules', () => {
  it('normalises what users type into host names', () => {
    expect(normalizeHost('https://www.Example.com/news/today')).toBe('www.example.com');
    expect(normalizeHost(' example.com ')).toBe('example.com');
    expect(normalizeHost('example.com:8080')).toBe('example.com');
    expect(normalizeHost('two words')).toBeNull();
    expect(normalizeHost('')).toBeNull();
    expect(normalizeHost('-bad-.com')).toBeNull();
  });

  it('treats a site entry as covering its subdomains but not look-alikes', () => {
    const s = { ...DEFAULT_SETTINGS, disabledSites: ['example.com'] };
    expect(isSiteDisabled(s, 'example.com')).toBe(true);
    expect(isSiteDisabled(s, 'news.example.com')).toBe(true);
    expect(isSiteDisabled(s, 'badexample.com')).toBe(false);
  });

  it('reports a non-object as wholly invalid', () => {
    expect(validateSettings(null).invalid).toEqual(['']);
    expect(validateSettings(DEFAULT_SETTINGS).invalid).toEqual([]);
  });
});
