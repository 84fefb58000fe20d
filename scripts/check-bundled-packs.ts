/**
 * Validates the bundled packs with the full pack validator. Run before every
 * build (the `build:before` hook in wxt.config.ts), because the content script
 * types the bundled JSON without validating it at load (lib/packs/bundled.ts).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { BUNDLED_PACK_FILES } from '../lib/packs/bundled';
import { formatPackErrors, parsePack } from '../lib/packs/load';

/** Throws with every problem found when a bundled pack does not validate. */
export function checkBundledPacks(root: string): void {
  for (const file of BUNDLED_PACK_FILES) {
    const result = parsePack(JSON.parse(readFileSync(resolve(root, file), 'utf8')) as unknown);
    if (!result.ok) throw new Error(`Bundled pack ${file} is invalid:\n${formatPackErrors(result.errors)}`);
  }
}
