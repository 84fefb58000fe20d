/**
 * The options page in a real Chromium with Gloss loaded: changes save and
 * survive a reload, a malformed pack is refused with path and reason (and
 * nothing of it is kept), a good pack imports and can be removed, corrupt
 * stored settings are repaired with a notice while imported packs are kept,
 * and axe-core finds no violations. Needs `npm run build` first.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { launchChromiumWithGloss, type ChromiumWithGloss } from './helpers/chromium';
import { runAxe } from './axe';
import { pollUntil } from './helpers/poll';

/** A small valid pack, written for this test. */
const GOOD_PACK = {
  schemaVersion: 1,
  id: 'test-import',
  name: 'Imported test pack',
  version: '0.1.0',
  description: 'A small pack for the options test.',
  topicTerms: ['widgets'],
  sources: [{ id: 'src', publisher: 'Example Statistics Office', title: 'Widget exports', url: 'https://stats.example.org/widgets', accessed: '2026-11-28' }],
  entities: [],
  series: [],
  timeline: [{ date: '2020-05', event: 'Widget rules change', key: true, sourceIds: ['src'] }],
  facts: [],
};

interface StorageGlobal {
  chrome: { storage: { local: { set(items: object): Promise<void>; get(key: string): Promise<Record<string, unknown>> } } };
}

function file(name: string, text: string) {
  return { name, mimeType: 'application/json', buffer: Buffer.from(text) };
}

describe('the options page in Chromium', { timeout: 180_000 }, () => {
  let browser: ChromiumWithGloss;
  let page: Page;
  const errors: string[] = [];

  const optionsUrl = () => `chrome-extension://${browser.extensionId}/options.html`;
  const saved = () => page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor({ timeout: 5000 });

  before(async () => {
    browser = await launchChromiumWithGloss();
    page = await browser.context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(optionsUrl());
    await page.getByRole('heading', { name: 'Gloss options' }).waitFor();
  });

  after(async () => {
    await browser?.close();
  });

  test('lists the bundled pack with version and source count', async () => {
    const text = await page.locator('#packs-title').locator('..').innerText();
    assert.match(text, /US–South Korea free trade agreement \(KORUS\)/);
    assert.match(text, /version \d+\.\d+\.\d+ · \d+ sources/);
  });

  test('saves changes and keeps them across a reload', async () => {
    await page.getByRole('checkbox', { name: /Claims/ }).uncheck();
    await saved();
    await page.getByRole('radio', { name: /Only when I ask/ }).check();
    await page.getByRole('textbox', { name: 'Site to add' }).fill('https://www.Example.com/some/page');
    await page.getByRole('button', { name: 'Add site' }).click();
    await page.getByRole('radio', { name: 'Underline' }).check({ force: true });
    // "Saved." may still be showing from the first change, so wait for the
    // last change to reach storage before reloading.
    const storedNow = () =>
      browser.background.evaluate(async () => {
        const got = await (globalThis as unknown as StorageGlobal).chrome.storage.local.get('settings');
        const settings = got.settings as { runMode?: string; disabledSites?: string[]; style?: { mode?: string } } | undefined;
        return `${settings?.runMode} ${settings?.disabledSites?.join(',')} ${settings?.style?.mode}`;
      });
    const expected = 'on-demand www.example.com underline';
    assert.equal(await pollUntil(storedNow, (s) => s === expected, { timeoutMs: 5000, intervalMs: 50 }), expected);
    await page.reload();
    await page.getByRole('heading', { name: 'Gloss options' }).waitFor();
    await page.getByRole('listitem').filter({ hasText: 'www.example.com' }).waitFor();
    assert.equal(await page.getByRole('checkbox', { name: /Claims/ }).isChecked(), false);
    assert.equal(await page.getByRole('checkbox', { name: /Officials/ }).isChecked(), true);
    assert.equal(await page.getByRole('radio', { name: /Only when I ask/ }).isChecked(), true);
    assert.equal(await page.getByRole('radio', { name: 'Underline' }).isChecked(), true);
    const stored = await browser.background.evaluate(async () => (await (globalThis as unknown as StorageGlobal).chrome.storage.local.get('settings')).settings);
    assert.deepEqual((stored as { disabledSites: string[] }).disabledSites, ['www.example.com']);
  });

  test('refuses a site that is not a host name, saying why', async () => {
    await page.getByRole('textbox', { name: 'Site to add' }).fill('not a site');
    await page.getByRole('button', { name: 'Add site' }).click();
    assert.match(await page.getByRole('alert').innerText(), /“not a site” is not a site name/);
  });

  test('refuses a malformed pack with path and reason, keeping nothing of it', async () => {
    const broken = { ...GOOD_PACK, id: 'broken', timeline: [{ date: 'soon', event: 'x', key: true, sourceIds: ['nowhere'] }] };
    await page.locator('#pack-file').setInputFiles(file('broken-pack.json', JSON.stringify(broken)));
    const box = page.locator('.gloss-error-box');
    await box.waitFor();
    const text = await box.innerText();
    assert.match(text, /broken-pack\.json was not imported/);
    assert.match(text, /Nothing from it was saved/);
    assert.match(text, /timeline\[0\]/);
    await page.locator('#pack-file').setInputFiles(file('not-json.json', '{ this is not json'));
    await page.locator('.gloss-error-box').filter({ hasText: 'not-json.json' }).waitFor();
    assert.match(await page.locator('.gloss-error-box').innerText(), /is not valid JSON/);
    const packs = await browser.background.evaluate(async () => (await (globalThis as unknown as StorageGlobal).chrome.storage.local.get('userPacks')).userPacks);
    assert.equal(packs, undefined);
    assert.ok(await page.getByText('None yet.').isVisible());
  });

  test('imports a good pack and can remove it', async () => {
    await page.locator('#pack-file').setInputFiles(file('good-pack.json', JSON.stringify(GOOD_PACK)));
    await page.getByText('Imported “Imported test pack”.').waitFor();
    const row = page.getByRole('list', { name: 'Imported by you' }).getByRole('listitem');
    assert.match(await row.innerText(), /Imported test pack\s+version 0\.1\.0 · 1 sources/);
    await page.getByRole('button', { name: 'Remove the pack Imported test pack' }).click();
    await page.getByText('None yet.').waitFor();
    // Import it again for the recovery test below.
    await page.locator('#pack-file').setInputFiles(file('good-pack.json', JSON.stringify(GOOD_PACK)));
    await page.getByText(/Imported “Imported test pack”/).waitFor();
  });

  test('recovers from corrupt stored settings with a notice, keeping imported packs', async () => {
    await browser.background.evaluate(() => (globalThis as unknown as StorageGlobal).chrome.storage.local.set({ settings: '%%garbage{' }));
    await page.reload();
    const notice = page.locator('.gloss-notice');
    await notice.waitFor();
    assert.match(await notice.innerText(), /Some settings were unreadable\.\s*Gloss went back to the default settings\. Your imported packs were kept\./);
    assert.equal(await page.getByRole('checkbox', { name: /Claims/ }).isChecked(), true);
    assert.ok(await page.getByRole('list', { name: 'Imported by you' }).getByText('Imported test pack').isVisible());
    await page.getByRole('button', { name: 'Dismiss' }).click();
    await notice.waitFor({ state: 'detached' });
    await page.reload();
    await page.getByRole('heading', { name: 'Gloss options' }).waitFor();
    assert.equal(await page.locator('.gloss-notice').count(), 0);
  });

  test('keeps the valid fields of partly corrupt settings and names the others', async () => {
    await browser.background.evaluate(() =>
      (globalThis as unknown as StorageGlobal).chrome.storage.local.set({
        settings: { version: 1, categories: { officials: false, figures: true, claims: 'maybe' }, runMode: 'always', disabledSites: [], style: { mode: 'underline', officialColor: '#112233', figureColor: '#0e9f6e', claimColor: '#f0b429' } },
      }),
    );
    await page.reload();
    await page.locator('.gloss-notice').waitFor();
    assert.match(await page.locator('.gloss-notice').innerText(), /These went back to their defaults: categories\.claims\./);
    assert.equal(await page.getByRole('checkbox', { name: /Officials/ }).isChecked(), false);
    assert.equal(await page.getByRole('radio', { name: /On every page/ }).isChecked(), true);
    await page.getByRole('button', { name: 'Dismiss' }).click();
  });

  test('axe-core finds no violations, light and dark', async () => {
    assert.deepEqual(await runAxe(page), []);
    await page.emulateMedia({ colorScheme: 'dark' });
    assert.deepEqual(await runAxe(page), []);
    await page.emulateMedia({ colorScheme: 'light' });
  });

  test('no script errors on the options page', () => {
    assert.deepEqual(errors, []);
  });
});
