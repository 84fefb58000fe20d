import { useState } from 'preact/hooks';
import type { PackSource, TimelineEvent } from '../../lib/packs/types';
import { sourcesFor } from '../../lib/packs/lookup';
import type { KnowledgePack } from '../../lib/packs/types';
import { formatPartialDate, t } from '../../lib/i18n';
import { isSafeUrl } from './SourceLink';

/** A row of the timeline: a pack event or the article itself. */
type Row = { kind: 'event'; event: TimelineEvent; index: number } | { kind: 'article'; date: string };

/** Events shown either side of the article while the timeline is collapsed. */
const NEIGHBOURS = 2;

/**
 * Sorts events and places the article among them: after every event that
 * starts on or before the article's date ("2017" counts as starting 2017-01-01).
 */
export function timelineRows(events: readonly TimelineEvent[], articleDate: string | null): Row[] {
  const rows: Row[] = events
    .map((event, index) => ({ kind: 'event' as const, event, index }))
    .sort((a, b) => (a.event.date < b.event.date ? -1 : a.event.date > b.event.date ? 1 : a.index - b.index));
  if (articleDate) {
    const at = rows.findIndex((row) => row.kind === 'event' && row.event.date > articleDate);
    rows.splice(at === -1 ? rows.length : at, 0, { kind: 'article', date: articleDate });
  }
  return rows;
}

/** Which rows the collapsed timeline shows: key events, the article, and its nearest neighbours. */
function collapsedRows(rows: readonly Row[]): Row[] {
  const articleAt = rows.findIndex((row) => row.kind === 'article');
  return rows.filter(
    (row, i) =>
      row.kind === 'article' || row.event.key || (articleAt !== -1 && Math.abs(i - articleAt) <= NEIGHBOURS),
  );
}

/** Compact source links (publisher only; the full title is the tooltip), for timeline rows and fact lists. */
export function SourceChips({ sources }: { sources: readonly PackSource[] }) {
  if (sources.length === 0) return null;
  return (
    <span class="gloss-chips">
      {sources.map((s) =>
        isSafeUrl(s.url) ? (
          <a key={s.id} class="gloss-chip" href={s.url} target="_blank" rel="noopener noreferrer" title={`${s.publisher}: ${s.title}`}>
            {s.publisher}
          </a>
        ) : (
          <span key={s.id} class="gloss-chip" title={`${s.publisher}: ${s.title}`}>
            {s.publisher}
          </span>
        ),
      )}
    </span>
  );
}

/**
 * The pack's timeline, newest last, with the article's publication date placed
 * on it so the reader sees what had and had not happened yet. Key events are
 * emphasised; the rest fold away until asked for.
 */
export function Timeline({ pack, articleDate }: { pack: KnowledgePack; articleDate: string | null }) {
  const [expanded, setExpanded] = useState(false);
  const rows = timelineRows(pack.timeline, articleDate);
  const shown = expanded ? rows : collapsedRows(rows);
  const hidden = rows.length - shown.length;
  return (
    <div class="gloss-timeline">
      <ol>
        {shown.map((row) =>
          row.kind === 'article' ? (
            <li key="article" class="gloss-timeline__row is-article" aria-current="date">
              <time dateTime={row.date}>{formatPartialDate(row.date)}</time>
              <span class="gloss-timeline__text">{t('timelineArticle')}</span>
            </li>
          ) : (
            <li key={row.index} class={`gloss-timeline__row${row.event.key ? ' is-key' : ''}`}>
              <time dateTime={row.event.date}>{formatPartialDate(row.event.date)}</time>
              <span class="gloss-timeline__text">
                {row.event.key ? <strong>{row.event.event}</strong> : row.event.event}
                <SourceChips sources={sourcesFor(pack, row.event.sourceIds)} />
              </span>
            </li>
          ),
        )}
      </ol>
      {hidden > 0 || expanded ? (
        <button type="button" class="gloss-link-button" aria-expanded={expanded} onClick={() => setExpanded(!expanded)}>
          {expanded ? t('timelineShowFewer') : t('timelineShowAll', String(rows.filter((r) => r.kind === 'event').length))}
        </button>
      ) : null}
    </div>
  );
}
