import type { Figure, FigureCheck } from '../../lib/types';
import type { KnowledgePack } from '../../lib/packs/types';
import { findPack, sourcesFor } from '../../lib/packs/lookup';
import { FIGURE_KIND_LABEL, formatFigureValue, formatMoney } from './model';
import { Sources } from './Sources';

const VERDICT_LABEL: Record<FigureCheck['verdict'], string> = {
  matches: 'Matches the official figure',
  differs: 'Differs from the official figure',
  'no-data': 'No official figure for this period',
};

function formatOfficial(value: number, unit: string): string {
  return unit === 'USD' || unit === 'KRW' ? formatMoney(value, unit) : `${value} ${unit}`;
}

const VERDICT_MARK: Record<FigureCheck['verdict'], string> = { matches: '✓', differs: '≠', 'no-data': '?' };

/**
 * The check against the official series: the verdict first, then the engine's
 * one-sentence comparison, then the official value with its basis, related
 * series for the same period, and the sources.
 */
function CheckSection({ check, packs }: { check: FigureCheck; packs: readonly KnowledgePack[] }) {
  const pack = findPack(packs, check.packId);
  const sources = pack ? sourcesFor(pack, check.sourceIds) : [];
  return (
    <div class={`gloss-check gloss-verdict-${check.verdict}`}>
      <p class="gloss-verdict">
        <span class="gloss-verdict-mark" aria-hidden="true">{VERDICT_MARK[check.verdict]}</span>
        <strong>{VERDICT_LABEL[check.verdict]}</strong>
      </p>
      {check.note ? <p class="gloss-check-note">{check.note}</p> : null}
      <p class="gloss-check-official">
        {check.seriesLabel}, {check.period}
        {check.officialValue !== null ? <>: {formatOfficial(check.officialValue, check.unit)}</> : null}
      </p>
      <p class="gloss-muted gloss-small">Basis: {check.basis}</p>
      {check.related && check.related.length > 0 ? (
        // Folded: other series for the same period help with "which deficit?", but the verdict and its sources come first.
        <details class="gloss-related gloss-small">
          <summary>Other official series for {check.period} ({check.related.length})</summary>
          <ul class="gloss-related-values">
            {check.related.map((r, i) => (
              <li key={i}>
                {r.label}: {formatOfficial(r.value, check.unit)} <span class="gloss-muted">({r.basis})</span>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      <Sources sources={sources} />
    </div>
  );
}

/**
 * A figure: as written → normalised value · period, what kind of figure it is,
 * and the check against an official series when the engine made one.
 */
export function FigureCard({ figure, packs }: { figure: Figure; packs: readonly KnowledgePack[] }) {
  const value = formatFigureValue(figure);
  const line = [value ? `${figure.text} → ${value}` : figure.text, figure.period?.label ?? figure.check?.period].filter(Boolean).join(' · ');
  return (
    <div class="gloss-figure">
      <p class="gloss-kind">{FIGURE_KIND_LABEL[figure.kind]}</p>
      <h2 class="gloss-title">{line}</h2>
      {figure.relative ? <p class="gloss-muted">Relative to the article's date.</p> : null}
      {figure.check ? <CheckSection check={figure.check} packs={packs} /> : null}
    </div>
  );
}
