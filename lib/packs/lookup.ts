/**
 * Look-ups across the loaded packs, shared by cards, popup and export.
 */
import type { KnowledgePack, PackEntity, PackSource } from './types';

/** The sources behind `ids` in `pack`, in order, skipping ids the pack does not have. */
export function sourcesFor(pack: KnowledgePack, ids: readonly string[]): PackSource[] {
  const out: PackSource[] = [];
  for (const id of ids) {
    const s = pack.sources.find((src) => src.id === id);
    if (s) out.push(s);
  }
  return out;
}

/** The pack and entity for a pack entity id, or null. */
export function findEntity(
  packs: readonly KnowledgePack[],
  packId: string | null,
  entityId: string | null,
): { pack: KnowledgePack; entity: PackEntity } | null {
  if (!entityId) return null;
  for (const pack of packs) {
    if (packId && pack.id !== packId) continue;
    const entity = pack.entities.find((e) => e.id === entityId);
    if (entity) return { pack, entity };
  }
  return null;
}

/** The pack with this id, or null. */
export function findPack(packs: readonly KnowledgePack[], id: string): KnowledgePack | null {
  return packs.find((p) => p.id === id) ?? null;
}
