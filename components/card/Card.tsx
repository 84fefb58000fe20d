import type { KnowledgePack } from '../../lib/packs/types';
import type { CardModel } from './model';
import { entityNamed, relatedFacts } from './model';
import { OfficialCard } from './OfficialCard';
import { FigureCard } from './FigureCard';
import { ClaimCard } from './ClaimCard';
import { FactList } from './FactList';

/** Accessible names of the dialog, by kind. */
const LABEL: Record<CardModel['kind'], string> = {
  official: 'Gloss: official',
  figure: 'Gloss: figure',
  claim: 'Gloss: claim',
  lookup: 'Gloss: look-up',
};

/** A selection looked up in the packs ("Explain with Gloss"): a person if one matches, else related facts. */
function LookupCard({ text, packs, articleDate }: { text: string; packs: readonly KnowledgePack[]; articleDate: string | null }) {
  const hit = entityNamed(text, packs);
  if (hit) {
    const mention = { start: 0, end: text.length, text, name: hit.entity.name, entityId: hit.entity.id, packId: hit.pack.id, role: null, via: 'pack-name' as const };
    return <OfficialCard mention={mention} packs={packs} articleDate={articleDate} />;
  }
  const facts = relatedFacts(text, packs);
  return (
    <div class="gloss-lookup">
      <p class="gloss-kind">Look-up</p>
      <h2 class="gloss-title">{text.length > 80 ? `${text.slice(0, 80)}…` : text}</h2>
      {facts.length === 0 ? <p class="gloss-muted">Gloss's knowledge packs say nothing about this.</p> : null}
      <FactList facts={facts} />
    </div>
  );
}

/**
 * One card: a labelled, non-modal dialog with a close button around the card for
 * its kind. It can take focus itself (tabindex -1) when opened from the keyboard.
 */
export function Card({ model, packs, onClose }: { model: CardModel; packs: readonly KnowledgePack[]; onClose?: () => void }) {
  return (
    <div class={`gloss-card gloss-card-${model.kind}`} role="dialog" aria-label={LABEL[model.kind]} tabIndex={-1}>
      {onClose ? (
        <button type="button" class="gloss-close" aria-label="Close" onClick={onClose}>
          ×
        </button>
      ) : null}
      {model.kind === 'official' ? <OfficialCard mention={model.mention} packs={packs} articleDate={model.articleDate} /> : null}
      {model.kind === 'figure' ? <FigureCard figure={model.figure} packs={packs} /> : null}
      {model.kind === 'claim' ? <ClaimCard claim={model.claim} packs={packs} articleDate={model.articleDate} /> : null}
      {model.kind === 'lookup' ? <LookupCard text={model.text} packs={packs} articleDate={model.articleDate} /> : null}
    </div>
  );
}
