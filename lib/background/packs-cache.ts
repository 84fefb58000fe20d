/**
 * The packs the background annotates with: the bundled ones plus the user's
 * imported ones (validated on read by `listUserPacks`). Read once and kept
 * until the imported packs change, so annotating a page does not re-validate
 * every pack.
 */
import { bundledPacks } from '../packs/bundled';
import type { KnowledgePack } from '../packs/types';
import { listUserPacks, USER_PACKS_KEY } from '../packs/user-packs';

/** `storage.onChanged`, as far as the cache needs it. */
export interface StorageChangeEvent {
  addListener(listener: (changes: Record<string, unknown>, areaName: string) => void): void;
}

/** Storage key of the imported packs inside `storage.local` (WXT's `local:` prefix removed). */
const USER_PACKS_STORAGE_KEY = USER_PACKS_KEY.replace(/^local:/, '');

/** A loader for the background's packs that forgets its copy when the imported packs change. */
export function createPacksCache(onChanged: StorageChangeEvent, readUserPacks: () => Promise<readonly KnowledgePack[]> = async () => (await listUserPacks()).packs): () => Promise<readonly KnowledgePack[]> {
  let cached: Promise<readonly KnowledgePack[]> | null = null;
  onChanged.addListener((changes, areaName) => {
    if (areaName === 'local' && USER_PACKS_STORAGE_KEY in changes) cached = null;
  });
  return () => {
    cached ??= readUserPacks().then(
      (user) => Object.freeze([...bundledPacks, ...user.filter((p) => !bundledPacks.some((b) => b.id === p.id))]),
      // Storage unreadable: the bundled packs still work, and the next page tries again.
      () => {
        cached = null;
        return bundledPacks;
      },
    );
    return cached;
  };
}
