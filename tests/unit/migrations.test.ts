import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { migrateSettings, SETTINGS_VERSION, storedVersion } from '../../lib/settings/migrations';
import { loadSettings } from '../../lib/settings/store';
import { DEFAULT_SETTINGS } from '../../lib/settings/types';

describe('settings migrations', () => {
  beforeEach(() => fakeBrowser.reset());

  it('reads a value without a version as v0', () => {
    expect(storedVersion({ enabled: true })).toBe(0);
    expect(storedVersion({ version: 1 })).toBe(1);
    expect(storedVersion({ version: '1' })).toBe(0);
  });

  it('maps every v0 field to its v1 place', () => {
    const { value, from, migrated } = migrateSettings({
      enabled: false,
      showOfficials: true,
      showFigures: false,
      showClaims: true,
      blockedHosts: ['example.com'],
      highlightColor: '#123456',
      underline: true,
    });
    expect(from).toBe(0);
    expect(migrated).toBe(true);
    expect(value).toEqual({
      version: 1,
      categories: { officials: true, figures: false, claims: true },
      runMode: 'on-demand',
      disabledSites: ['example.com'],
      style: { mode: 'underline', officialColor: '#123456', figureColor: '#123456', claimColor: '#123456' },
    });
  });

  it('gives an empty v0 value the defaults', () => {
    const { value } = migrateSettings({});
    expect(value).toMatchObject({ version: 1, runMode: 'news', categories: DEFAULT_SETTINGS.categories });
  });

  it('leaves a current value untouched', () => {
    const { value, migrated } = migrateSettings({ ...DEFAULT_SETTINGS });
    expect(migrated).toBe(false);
    expect(value).toEqual(DEFAULT_SETTINGS);
    expect(SETTINGS_VERSION).toBe(1);
  });

  it('migrates stored v0 settings on load and writes v1 back without a notice', async () => {
    await fakeBrowser.storage.local.set({ settings: { showFigures: false, blockedHosts: ['a.example'], underline: false } });
    const { settings, notice } = await loadSettings();
    expect(notice).toBeNull();
    expect(settings.categories.figures).toBe(false);
    expect(settings.disabledSites).toEqual(['a.example']);
    expect((await fakeBrowser.storage.local.get('settings')).settings).toEqual(settings);
  });

  it('repairs a v0 value with a bad colour field by field', async () => {
    await fakeBrowser.storage.local.set({ settings: { highlightColor: 'chartreuse', showClaims: false } });
    const { settings, notice } = await loadSettings();
    expect(settings.categories.claims).toBe(false);
    expect(settings.style.officialColor).toBe(DEFAULT_SETTINGS.style.officialColor);
    expect(notice?.fields).toContain('style.officialColor');
  });

  it('keeps what it understands of a value from a newer version', async () => {
    await fakeBrowser.storage.local.set({ settings: { ...DEFAULT_SETTINGS, version: 2, runMode: 'always', future: 1 } });
    const { settings } = await loadSettings();
    expect(settings.runMode).toBe('always');
    expect(settings.version).toBe(1);
  });
});
