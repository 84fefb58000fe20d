import type { OfficialMention } from '../../lib/types';
import type { KnowledgePack, PackSource } from '../../lib/packs/types';
import { findEntity, sourcesFor } from '../../lib/packs/lookup';
import { roleAt, roleDates, roleHeldOn, roleLabel } from './model';
import { Sources } from './Sources';

/**
 * An official: name (and native-script name), the role held at the article's
 * date, other roles with dates, the pack's one-line summary and its sources.
 * A variant or misspelt name says which spelling is standard.
 */
export function OfficialCard({ mention, packs, articleDate }: { mention: OfficialMention; packs: readonly KnowledgePack[]; articleDate: string | null }) {
  const found = findEntity(packs, mention.packId, mention.entityId);
  const entity = found?.entity ?? null;
  const role = mention.role ?? (entity ? roleAt(entity.roles, articleDate) : null);
  const otherRoles = entity ? entity.roles.filter((r) => r !== role && !(role && r.title === role.title && r.from === role.from)) : [];
  const sources: PackSource[] = found
    ? sourcesFor(found.pack, [...(role?.sourceIds ?? []), ...found.entity.sourceIds])
    : [];
  return (
    <div class="gloss-official">
      <p class="gloss-kind">Official</p>
      <h2 class="gloss-title">
        {entity?.name ?? mention.name}
        {entity?.nativeName ? <span class="gloss-native" lang="ko"> {entity.nativeName}</span> : null}
      </h2>
      {mention.standardSpelling ? (
        <p class="gloss-spelling">
          Standard spelling: <strong>{mention.standardSpelling}</strong> (the page writes “{mention.text}”)
        </p>
      ) : null}
      {role ? (
        <p class="gloss-role">
          {roleLabel(role)}
          {roleDates(role) ? <span class="gloss-muted"> · {roleDates(role)}</span> : null}
          {articleDate && roleHeldOn(role, articleDate) ? <span class="gloss-muted"> · at the article's date ({articleDate})</span> : null}
        </p>
      ) : (
        <p class="gloss-role gloss-muted">Role at the article's date not known</p>
      )}
      {entity?.summary ? <p class="gloss-summary">{entity.summary}</p> : null}
      {otherRoles.length > 0 ? (
        <div class="gloss-roles">
          <span class="gloss-label">Other roles</span>
          <ul>
            {otherRoles.map((r, i) => (
              <li key={i}>
                {roleLabel(r)}
                {roleDates(r) ? <span class="gloss-muted"> ({roleDates(r)})</span> : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {!entity ? <p class="gloss-muted">Not in Gloss's knowledge packs: recognised from the page's wording.</p> : null}
      <Sources sources={sources} />
    </div>
  );
}
