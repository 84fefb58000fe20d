/**
 * The manifests `npm run build` actually wrote (WXT adds the content script,
 * background and icons to what wxt.config.ts declares): still only the
 * allow-listed permissions, host access only through the content script's
 * web-page patterns, and the icons in place. See docs/permissions.md.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHROME_BUILD, FIREFOX_BUILD, requireBuild } from './helpers/paths';

/** Shape of the parts of a built manifest checked here. */
interface BuiltManifest {
  manifest_version: number;
  permissions?: string[];
  host_permissions?: string[];
  optional_permissions?: string[];
  optional_host_permissions?: string[];
  content_scripts?: { matches: string[] }[];
  icons?: Record<string, string>;
}

const ALLOWED_PERMISSIONS = ['activeTab', 'contextMenus', 'storage'];
/** The content script runs on web pages, nowhere else. */
const ALLOWED_MATCHES = new Set(['<all_urls>', 'http://*/*', 'https://*/*']);

for (const [browser, dir] of [['Chrome', CHROME_BUILD], ['Firefox', FIREFOX_BUILD]] as const) {
  describe(`the built ${browser} manifest`, () => {
    const read = (): BuiltManifest =>
      JSON.parse(readFileSync(join(requireBuild(dir), 'manifest.json'), 'utf8')) as BuiltManifest;

    test('is MV3 with only the allow-listed permissions and no extra host access', () => {
      const manifest = read();
      assert.equal(manifest.manifest_version, 3);
      assert.deepEqual([...(manifest.permissions ?? [])].sort(), ALLOWED_PERMISSIONS);
      assert.equal(manifest.host_permissions, undefined);
      assert.equal(manifest.optional_permissions, undefined);
      assert.equal(manifest.optional_host_permissions, undefined);
    });

    test('runs its content script on web pages only', () => {
      const scripts = read().content_scripts ?? [];
      assert.ok(scripts.length > 0, 'a content script is declared');
      for (const match of scripts.flatMap((s) => s.matches)) assert.ok(ALLOWED_MATCHES.has(match), `match ${match}`);
    });

    test('has its icons at 16, 32, 48 and 128 px', () => {
      assert.deepEqual(Object.keys(read().icons ?? {}).sort(), ['128', '16', '32', '48']);
    });
  });
}
