/**
 * Where the browser tests find things: the repository, the two extension
 * builds, the sample article.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root (this file is tests/e2e/helpers/paths.ts). */
export const REPO_ROOT = resolve(fileURLToPath(new URL('../../..', import.meta.url)));

/** The unpacked Chrome MV3 build made by `npm run build`. */
export const CHROME_BUILD = join(REPO_ROOT, '.output', 'chrome-mv3');

/** The unpacked Firefox MV3 build made by `npm run build`. */
export const FIREFOX_BUILD = join(REPO_ROOT, '.output', 'firefox-mv3');

/**
 * Returns `dir` when it holds a built extension; otherwise throws, saying how
 * to make one. Tests must fail loudly rather than test a stale or missing build.
 */
export function requireBuild(dir: string): string {
  if (!existsSync(join(dir, 'manifest.json'))) {
    throw new Error(`No extension build at ${dir}. Run \`npm run build\` first.`);
  }
  return dir;
}
