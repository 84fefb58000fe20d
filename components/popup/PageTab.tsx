import { useState } from 'preact/hooks';
import type { Annotations, Claim, Figure, OfficialMention } from '../../lib/types';
import type { CategorySettings } from '../../lib/settings/types';
import { formatBalance, formatFigureValue, t } from '../../lib/i18n';
import { describeRole, describeRoleSpan, worthinessKey } from '../../lib/export';

/** The three lists, named as in `Annotations` and in `gloss:reveal`. */
export type Category = keyof CategorySettings;

/** An official with every mention of them (the list shows people, not mentions). */
export interface OfficialGroup {
  name: string;
  mention: OfficialMention;
  indices: number[];
}

/** Groups mentions of the same person (same pack entity, or same name) in order of first mention. */
export function groupOfficials(officials: readonly OfficialMention[]): OfficialGroup[] {
  const groups = new Map<string, OfficialGroup>();
  officials.forEach((o, index) => {
    const key = o.entityId ?? `name:${o.name.toLowerCase()}`;
    const group = groups.get(key);
    if (group) group.indices.push(index);
    else groups.set(key, { name: o.name, mention: o, indices: [index] });
  });
  return [...groups.values()];
}

function matches(query: string, ...texts: (string | null | undefined)[]): boolean {
  if (!query) return true;
  return texts.some((text) => text?.toLowerCase().includes(query));
}

const VERDICT_KEYS = { matches: 'verdictMatches', differs: 'verdictDiffers', 'no-data': 'verdictNoData' } as const;

function FigureItem({ figure }: { figure: Figure }) {
  const value = formatFigureValue(figure);
  const check = figure.check;
  return (
    <>
      <span class="gloss-item__main">
        <span class="gloss-item__title">{figure.text}</span>
        {value && value !== figure.text ? <span class="gloss-item__value">{value}</span> : null}
      </span>
      <span class="gloss-item__meta">
        {t(`kind_${figure.kind}`)}
        {figure.period ? ` · ${figure.period.label}` : ''}
      </span>
      {check ? (
        <span class="gloss-item__check">
          <span class={`gloss-verdict is-${check.verdict}`}>{t(VERDICT_KEYS[check.verdict])}</span>
          <span class="gloss-item__meta">
            {check.officialValue === null
              ? t('chartOfficialNone', check.period)
              : t('officialFigure', [formatBalance(check.officialValue), check.period, check.basis])}
          </span>
        </span>
      ) : null}
    </>
  );
}

function ClaimItem({ claim }: { claim: Claim }) {
  const band = worthinessKey(claim.worthiness.score);
  return (
    <>
      <span class="gloss-item__quote">{claim.quoted ? `“${claim.text}”` : claim.text}</span>
      <span class="gloss-item__meta">
        {claim.speaker ?? t('speakerUnknown')}
        {' · '}
        <span class={`gloss-worthiness is-${band}`} title={claim.worthiness.reasons.join('; ')}>
          {t(band)}
        </span>
      </span>
    </>
  );
}

/** A list section with its heading, count and an on/off switch for its highlights. */
function Section({ category, title, count, enabled, onToggle, children, empty }: {
  category: Category;
  title: string;
  count: number;
  enabled: boolean;
  onToggle: (on: boolean) => void;
  children: preact.ComponentChildren;
  empty: boolean;
}) {
  const headingId = `section-${category}`;
  return (
    <section class={`gloss-section is-${category}`} aria-labelledby={headingId}>
      <div class="gloss-section__head">
        <h2 id={headingId}>
          <span class={`gloss-dot is-${category}`} aria-hidden="true" />
          {title} <span class="gloss-count">{count}</span>
        </h2>
        <label class="gloss-switch">
          <input type="checkbox" role="switch" checked={enabled} onChange={(e) => onToggle(e.currentTarget.checked)} />
          <span>{t('highlightOnPage')}</span>
        </label>
      </div>
      {!enabled ? <p class="gloss-muted">{t('categoryOff')}</p> : null}
      {enabled && empty ? <p class="gloss-muted">{t('listEmpty')}</p> : null}
      {enabled && !empty ? <ul class="gloss-list">{children}</ul> : null}
    </section>
  );
}

/**
 * "This page": counts, a filter, and the officials, figures and claims found,
 * each a button that scrolls the page to it. Export sits at the bottom.
 */
export function PageTab({ annotations, categories, onToggleCategory, onReveal, onCopyMarkdown, onDownloadJson, exportMessage }: {
  annotations: Annotations;
  categories: CategorySettings;
  onToggleCategory: (category: Category, on: boolean) => void;
  onReveal: (category: Category, index: number) => void;
  onCopyMarkdown: () => void;
  onDownloadJson: () => void;
  exportMessage: string | null;
}) {
  const [filter, setFilter] = useState('');
  const [cursor, setCursor] = useState<Record<string, number>>({});
  const q = filter.trim().toLowerCase();
  const groups = groupOfficials(annotations.officials).filter((g) =>
    matches(q, g.name, g.mention.text, g.mention.role?.title, g.mention.role?.org, g.mention.role?.country),
  );
  const figures = annotations.figures
    .map((figure, index) => ({ figure, index }))
    .filter(({ figure }) =>
      matches(q, figure.text, figure.check?.seriesLabel, figure.check?.period, figure.period?.label, figure.kind, formatFigureValue(figure)),
    );
  const claims = annotations.claims
    .map((claim, index) => ({ claim, index }))
    .filter(({ claim }) => matches(q, claim.text, claim.speaker));

  const revealGroup = (group: OfficialGroup): void => {
    const key = group.mention.entityId ?? group.name;
    const at = cursor[key] ?? 0;
    onReveal('officials', group.indices[at % group.indices.length]!);
    setCursor({ ...cursor, [key]: at + 1 });
  };

  return (
    <div class="gloss-page">
      <dl class="gloss-stats">
        <div class="is-officials"><dt>{t('sectionOfficials')}</dt><dd>{groupOfficials(annotations.officials).length}</dd></div>
        <div class="is-figures"><dt>{t('sectionFigures')}</dt><dd>{annotations.figures.length}</dd></div>
        <div class="is-claims"><dt>{t('sectionClaims')}</dt><dd>{annotations.claims.length}</dd></div>
      </dl>
      <div class="gloss-filter">
        <label for="gloss-filter-input" class="gloss-sr-only">{t('filterLabel')}</label>
        <input
          id="gloss-filter-input"
          type="search"
          placeholder={t('filterPlaceholder')}
          value={filter}
          onInput={(e) => setFilter(e.currentTarget.value)}
        />
      </div>

      <Section category="officials" title={t('sectionOfficials')} count={groups.length} enabled={categories.officials}
        onToggle={(on) => onToggleCategory('officials', on)} empty={groups.length === 0}>
        {groups.map((g) => (
          <li key={g.indices[0]}>
            <button type="button" class="gloss-item" onClick={() => revealGroup(g)} data-kind="officials" data-index={g.indices[0]}>
              <span class="gloss-item__main">
                <span class="gloss-item__title">{g.name}</span>
                {g.indices.length > 1 ? <span class="gloss-item__badge">{t('mentionCount', String(g.indices.length))}</span> : null}
              </span>
              {g.mention.role ? (
                <>
                  <span class="gloss-item__role" title={describeRole(g.mention.role)}>{g.mention.role.title}</span>
                  <span class="gloss-item__meta">
                    {[g.mention.role.country, describeRoleSpan(g.mention.role)].filter(Boolean).join(' · ')}
                  </span>
                </>
              ) : (
                <span class="gloss-item__meta">{t('roleUnknown')}</span>
              )}
              {g.mention.standardSpelling ? (
                <span class="gloss-item__note">{t('spellingNote', [g.mention.text, g.mention.standardSpelling])}</span>
              ) : null}
            </button>
          </li>
        ))}
      </Section>

      <Section category="figures" title={t('sectionFigures')} count={figures.length} enabled={categories.figures}
        onToggle={(on) => onToggleCategory('figures', on)} empty={figures.length === 0}>
        {figures.map(({ figure, index }) => (
          <li key={index}>
            <button type="button" class="gloss-item" onClick={() => onReveal('figures', index)} data-kind="figures" data-index={index}>
              <FigureItem figure={figure} />
            </button>
          </li>
        ))}
      </Section>

      <Section category="claims" title={t('sectionClaims')} count={claims.length} enabled={categories.claims}
        onToggle={(on) => onToggleCategory('claims', on)} empty={claims.length === 0}>
        {claims.map(({ claim, index }) => (
          <li key={index}>
            <button type="button" class="gloss-item" onClick={() => onReveal('claims', index)} data-kind="claims" data-index={index}>
              <ClaimItem claim={claim} />
            </button>
          </li>
        ))}
      </Section>

      <div class="gloss-export">
        <button type="button" class="gloss-button" onClick={onCopyMarkdown}>{t('exportMarkdown')}</button>
        <button type="button" class="gloss-button" onClick={onDownloadJson}>{t('exportJson')}</button>
        <p class="gloss-export__message" role="status">{exportMessage ?? ''}</p>
      </div>
    </div>
  );
}
