/**
 * Knowledge packs the user imported from JSON files, kept in
 * `browser.storage.local` under their own key (apart from settings, so a
 * corrupt settings value never costs the user their packs, and vice versa).
 *
 * Stored packs are validated again on every read: the schema may have moved
 * on, or storage may have been damaged, and a bad stored pack must never reach
 * the engine or the UI. An import is a single write of the whole list, so a
 * failed import leaves nothing half-written.
 */
import { storage } from 'wxt/utils/storage';
import { parsePack, type PackError } from './load';
import { MAX_PACK_CHARS } from './schema';
import type { KnowledgePack } from './types';
import { serialise, writeItem } from '../settings/store';

/** Storage key of the imported packs (an array of pack JSON). */
export const USER_PACKS_KEY = 'local:userPacks' as const;

/** Imported packs as read, plus how many stored entries were unreadable and skipped. */
export interface UserPacks {
  packs: KnowledgePack[];
  /** Stored entries that no longer validate; they are left in storage untouched, but not used. */
  skipped: number;
}

/** The result of an import: the pack, whether it replaced an older import with the same id, or the errors. */
export type ImportResult =
  | { ok: true; pack: KnowledgePack; replaced: boolean }
  | { ok: false; errors: PackError[] };

async function readStored(): Promise<unknown[]> {
  try {
    const raw = await storage.getItem<unknown>(USER_PACKS_KEY);
    return Array.isArray(raw) ? raw : [];
  } catch {
    return [];
  }
}

/** Reads the imported packs, skipping (and counting) any stored entry that no longer validates. */
export async function listUserPacks(): Promise<UserPacks> {
  const stored = await readStored();
  const packs: KnowledgePack[] = [];
  let skipped = 0;
  for (const entry of stored) {
    const result = parsePack(entry);
    if (result.ok && !packs.some((p) => p.id === result.pack.id)) packs.push(result.pack);
    else skipped++;
  }
  return { packs, skipped };
}

/**
 * Imports a pack from the text of a JSON file. `reservedIds` are the ids of the
 * bundled packs, which an import may not shadow. An import with the id of an
 * earlier import replaces it (a newer version of the same pack). Throws
 * `StorageWriteError` when storage refuses the write (quota included).
 */
export function importUserPack(jsonText: string, reservedIds: readonly string[]): Promise<ImportResult> {
  // Refuse an oversized file before parsing it: JSON.parse of tens of megabytes costs seconds and memory.
  if (jsonText.length > MAX_PACK_CHARS) {
    return Promise.resolve({
      ok: false,
      errors: [{ path: '', message: `is too large (${jsonText.length} characters; the limit is ${MAX_PACK_CHARS})` }],
    });
  }
  let json: unknown;
  try {
    json = JSON.parse(jsonText);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    return Promise.resolve({ ok: false, errors: [{ path: '', message: `is not valid JSON (${reason})` }] });
  }
  const result = parsePack(json);
  if (!result.ok) return Promise.resolve(result);
  const pack = result.pack;
  if (reservedIds.includes(pack.id)) {
    return Promise.resolve({
      ok: false,
      errors: [{ path: 'id', message: `"${pack.id}" is the id of a pack that comes with Gloss; give the imported pack its own id` }],
    });
  }
  return serialise(USER_PACKS_KEY, async () => {
    const stored = await readStored();
    const sameId = (entry: unknown): boolean =>
      typeof entry === 'object' && entry !== null && (entry as { id?: unknown }).id === pack.id;
    const replaced = stored.some(sameId);
    await writeItem(USER_PACKS_KEY, [...stored.filter((entry) => !sameId(entry)), pack]);
    return { ok: true, pack, replaced };
  });
}

/** Removes an imported pack by id (and any unreadable entries carrying that id). */
export function removeUserPack(id: string): Promise<void> {
  return serialise(USER_PACKS_KEY, async () => {
    const stored = await readStored();
    const kept = stored.filter(
      (entry) => !(typeof entry === 'object' && entry !== null && (entry as { id?: unknown }).id === id),
    );
    await writeItem(USER_PACKS_KEY, kept);
  });
}
