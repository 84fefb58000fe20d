/**
 * Turning a stored settings value into valid current settings: pure, with no
 * storage API, so the content script can read settings without loading the
 * storage layer (see `page-settings.ts`), and `store.ts` shares the same code.
 */
import { DEFAULT_SETTINGS, type Settings } from './types';
import { migrateSettings, SETTINGS_VERSION } from './migrations';
import { validateSettings } from './validate';

/** True for a plain object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Turns whatever is stored into valid current settings. Pure: the caller
 * decides whether to write the result back.
 */
export function interpretStored(raw: unknown): { settings: Settings; invalid: string[]; rewrite: boolean } {
  if (raw === null || raw === undefined) {
    return { settings: structuredClone(DEFAULT_SETTINGS), invalid: [], rewrite: false };
  }
  if (!isRecord(raw)) {
    return { settings: structuredClone(DEFAULT_SETTINGS), invalid: [''], rewrite: true };
  }
  let migrated: ReturnType<typeof migrateSettings>;
  try {
    migrated = migrateSettings(raw);
  } catch {
    return { settings: structuredClone(DEFAULT_SETTINGS), invalid: [''], rewrite: true };
  }
  const { settings, invalid } = validateSettings(migrated.value);
  return { settings, invalid, rewrite: migrated.migrated || invalid.length > 0 || migrated.from > SETTINGS_VERSION };
}

