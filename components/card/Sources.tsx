import type { PackSource } from '../../lib/packs/types';
import { SourceLink } from '../shared/SourceLink';

/** A de-duplicated list of sources under a card section; renders nothing when empty. */
export function Sources({ sources, label = 'Sources' }: { sources: readonly PackSource[]; label?: string }) {
  const seen = new Set<string>();
  const unique = sources.filter((s) => (seen.has(s.id) ? false : (seen.add(s.id), true)));
  if (unique.length === 0) return null;
  return (
    <div class="gloss-sources">
      <span class="gloss-label">{label}</span>
      <ul>
        {unique.map((s) => (
          <li key={s.id}>
            <SourceLink source={s} />
          </li>
        ))}
      </ul>
    </div>
  );
}
