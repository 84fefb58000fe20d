/**
 * The packs that ship inside the extension, typed without being validated
 * here: this module is loaded by the content script on every page, and running
 * the full validator (valibot) at load cost about 40 ms there.
 *
 * Why the cast is safe: the same JSON is validated by `parsePack` in
 * tests/unit/packs.test.ts (which also checks that validation returns it
 * unchanged, so the typed value is exactly what `parsePack` would give) and
 * again before every build (`scripts/check-bundled-packs.ts`, run by the
 * `build:before` hook in wxt.config.ts), so a broken edit fails loudly
 * instead of shipping.
 */
import korusJson from './korus.json';
import type { KnowledgePack } from './types';

/** Where each bundled pack's JSON lives, for the test and the build check. */
export const BUNDLED_PACK_FILES: readonly string[] = ['lib/packs/korus.json'];

/** Every bundled knowledge pack (validated at test and build time, see above). */
export const bundledPacks: readonly KnowledgePack[] = Object.freeze([korusJson as KnowledgePack]);
