/**
 * The packs that ship inside the extension. They go through the same
 * validator as any user pack, at module load, so a broken edit to a bundled
 * pack fails loudly (in tests and at build time) instead of shipping.
 */
import korusJson from './korus.json';
import { formatPackErrors, parsePack } from './load';
import type { KnowledgePack } from './types';

function validated(json: unknown, file: string): KnowledgePack {
  const result = parsePack(json);
  if (!result.ok) throw new Error(`Bundled pack ${file} is invalid:\n${formatPackErrors(result.errors)}`);
  return result.pack;
}

/** Every bundled knowledge pack, validated. */
export const bundledPacks: readonly KnowledgePack[] = Object.freeze([validated(korusJson, 'lib/packs/korus.json')]);
