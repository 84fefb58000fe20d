import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { checkBundledPacks } from './scripts/check-bundled-packs';

/**
 * One config for both browsers. The manifest asks for the least it needs;
 * docs/permissions.md says why each permission is there, and
 * tests/unit/manifest.test.ts keeps it to that list.
 */
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [preact()],
    build: { minify: process.env.GLOSS_NO_MINIFY ? false : undefined },
  }),
  hooks: {
    // The content script does not validate the bundled pack at load (lib/packs/bundled.ts); the build does.
    'build:before': () => checkBundledPacks(__dirname),
  },
  // The Firefox sources zip (for add-on review) holds the source tree, not
  // local output: screenshots, coverage, benchmark results, scratch files.
  zip: {
    excludeSources: ['demo-output/**', 'coverage/**', '.bench/**', 'web-ext-artifacts/**', '.tmp-*', '.scratch*/**'],
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'activeTab', 'contextMenus'],
    action: { default_title: '__MSG_extName__' },
    // Keyboard commands, handled in lib/background/commands.ts. Alt+Shift keeps clear of page and browser shortcuts.
    commands: {
      'toggle-highlights': { suggested_key: { default: 'Alt+Shift+G' }, description: '__MSG_cmdToggle__' },
      'next-annotation': { suggested_key: { default: 'Alt+Shift+Period' }, description: '__MSG_cmdNext__' },
      'previous-annotation': { suggested_key: { default: 'Alt+Shift+Comma' }, description: '__MSG_cmdPrevious__' },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            // 140: the first Firefox (and ESR) with the CSS Custom Highlight API
            // and with `data_collection_permissions`; Android got the latter in 142.
            gecko: {
              id: 'gloss@gloss.invalid',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
