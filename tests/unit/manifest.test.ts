/**
 * The manifest asks for the least Gloss needs. Every permission and every
 * kind of host access must be on this allow-list, and each entry is justified
 * in docs/permissions.md; adding one means changing both, on purpose.
 */
import { describe, expect, test } from 'vitest';
import config from '../../wxt.config';

/** The only API permissions Gloss may ask for (see docs/permissions.md). */
const ALLOWED_PERMISSIONS = ['activeTab', 'contextMenus', 'storage'];

/** Manifest keys that grant access to sites or other extensions: none may be declared in the config. */
const FORBIDDEN_KEYS = [
  'host_permissions',
  'optional_permissions',
  'optional_host_permissions',
  'externally_connectable',
  'web_accessible_resources',
  'content_security_policy',
];

/** The manifest object the config produces for one browser, as `wxt build` would ask for it. */
async function manifestFor(browser: 'chrome' | 'firefox'): Promise<Record<string, unknown>> {
  const manifest = config.manifest;
  const env = { browser, manifestVersion: 3 as const, mode: 'production', command: 'build' as const };
  const value = typeof manifest === 'function' ? await manifest(env) : await manifest;
  return (value ?? {}) as Record<string, unknown>;
}

describe.each(['chrome', 'firefox'] as const)('the %s manifest', (browser) => {
  test('asks only for allow-listed permissions', async () => {
    const manifest = await manifestFor(browser);
    const permissions = (manifest.permissions ?? []) as string[];
    expect([...permissions].sort()).toEqual(ALLOWED_PERMISSIONS);
  });

  test('declares no extra host access, page-exposed files or CSP changes', async () => {
    const manifest = await manifestFor(browser);
    for (const key of FORBIDDEN_KEYS) expect(manifest, `${key} is not declared`).not.toHaveProperty(key);
  });
});

describe('the Firefox manifest', () => {
  test('has a fixed add-on id, a minimum version with the Highlight API, and declares no data collection', async () => {
    const manifest = await manifestFor('firefox');
    expect(manifest.browser_specific_settings).toMatchObject({
      gecko: { id: 'gloss@gloss.invalid', strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } },
    });
  });
});

describe('the Chrome manifest', () => {
  test('carries no Firefox-only settings', async () => {
    expect(await manifestFor('chrome')).not.toHaveProperty('browser_specific_settings');
  });
});
