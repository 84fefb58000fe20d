import type { Claim } from '../../lib/types';
import type { KnowledgePack } from '../../lib/packs/types';
import { findEntity } from '../../lib/packs/lookup';
import { relatedFacts, roleAt, roleLabel } from './model';
import { FactList } from './FactList';

/** "high", "medium" or "low", from a 0–1 score. */
export function worthinessLevel(score: number): 'high' | 'medium' | 'low' {
  return score >= 0.66 ? 'high' : score >= 0.33 ? 'medium' : 'low';
}

/**
 * A claim: who said it (with their role at the article's date), whether it is a
 * quotation or reported speech, how worth checking it is and why, and pack facts
 * related to it with their sources.
 */
export function ClaimCard({ claim, packs, articleDate }: { claim: Claim; packs: readonly KnowledgePack[]; articleDate: string | null }) {
  const speaker = findEntity(packs, null, claim.speakerEntityId);
  const role = speaker ? roleAt(speaker.entity.roles, articleDate) : null;
  const facts = relatedFacts(claim.text, packs);
  const level = worthinessLevel(claim.worthiness.score);
  return (
    <div class="gloss-claim">
      <p class="gloss-kind">{claim.quoted ? 'Quoted statement' : 'Reported statement'}</p>
      <h2 class="gloss-title">{speaker?.entity.name ?? claim.speaker ?? 'Speaker not identified'}</h2>
      {role ? <p class="gloss-role">{roleLabel(role)}</p> : null}
      <p class={`gloss-worthiness gloss-worthiness-${level}`}>
        Check-worthiness: <strong>{level}</strong> ({Math.round(claim.worthiness.score * 100)}/100)
      </p>
      {claim.worthiness.reasons.length > 0 ? (
        <ul class="gloss-reasons">
          {claim.worthiness.reasons.map((r, i) => (
            <li key={i}>{r}</li>
          ))}
        </ul>
      ) : null}
      {facts.length > 0 ? (
        <div class="gloss-facts">
          <span class="gloss-label">Related facts</span>
          <FactList facts={facts} />
        </div>
      ) : null}
    </div>
  );
}
