import { useState } from 'preact/hooks';
import type { Annotations } from '../../lib/types';
import type { KnowledgePack, PackSeries } from '../../lib/packs/types';
import { findPack, sourcesFor } from '../../lib/packs/lookup';
import { t } from '../../lib/i18n';
import { SourceChips, Timeline } from '../shared/Timeline';
import { TradeChart, type ChartOverlay } from '../shared/TradeChart';

/** Facts shown before "show all". */
const FACTS_SHOWN = 5;

/** The article's figures that were checked against `series`, as chart overlays (no-data checks included: they say so). */
export function overlaysFor(annotations: Annotations, pack: KnowledgePack, series: PackSeries): ChartOverlay[] {
  return annotations.figures.flatMap((f) =>
    f.check && f.check.packId === pack.id && f.check.seriesId === series.id ? [{ figureText: f.text, check: f.check }] : [],
  );
}

/** The series worth a chart: the pack's primary ones, and any a figure on this page was checked against. */
export function chartedSeries(annotations: Annotations, pack: KnowledgePack): PackSeries[] {
  const checked = new Set(annotations.figures.flatMap((f) => (f.check?.packId === pack.id ? [f.check.seriesId] : [])));
  return pack.series.filter((s) => s.match.primary || checked.has(s.id));
}

function PackContext({ pack, annotations }: { pack: KnowledgePack; annotations: Annotations }) {
  const [allFacts, setAllFacts] = useState(false);
  const facts = allFacts ? pack.facts : pack.facts.slice(0, FACTS_SHOWN);
  return (
    <article class="gloss-context" aria-labelledby={`pack-${pack.id}`}>
      <h2 id={`pack-${pack.id}`} class="gloss-context__title">{pack.name}</h2>
      <p class="gloss-muted">{pack.description}</p>

      {/* Two parts so a wide page can set them side by side: the timeline, then the data. */}
      <div class="gloss-context__body">
        <section class="gloss-context__timeline" aria-labelledby={`timeline-${pack.id}`}>
          <h3 id={`timeline-${pack.id}`}>{t('contextTimeline')}</h3>
          <Timeline pack={pack} articleDate={annotations.date} />
        </section>

        <div class="gloss-context__data">
          {chartedSeries(annotations, pack).map((series) => (
            <section key={series.id} class="gloss-context__chart">
              <h3>{t('contextTrade')}</h3>
              <TradeChart pack={pack} series={series} overlays={overlaysFor(annotations, pack, series)} />
            </section>
          ))}

          {pack.facts.length > 0 ? (
            <section>
              <h3>{t('contextFacts')}</h3>
              <ul class="gloss-facts">
                {facts.map((fact, i) => (
                  <li key={i}>
                    <p>{fact.text}</p>
                    <p class="gloss-facts__sources"><SourceChips sources={sourcesFor(pack, fact.sourceIds)} /></p>
                  </li>
                ))}
              </ul>
              {pack.facts.length > FACTS_SHOWN ? (
                <button type="button" class="gloss-link-button" aria-expanded={allFacts} onClick={() => setAllFacts(!allFacts)}>
                  {allFacts ? t('factsShowFewer') : t('factsShowAll', String(pack.facts.length))}
                </button>
              ) : null}
            </section>
          ) : null}
        </div>
      </div>
    </article>
  );
}

/**
 * "Context": for each topic the article is about, the pack's timeline with the
 * article placed on it, the trade chart with the article's figures overlaid,
 * and the key facts with their sources.
 */
export function ContextTab({ annotations, packs }: { annotations: Annotations; packs: readonly KnowledgePack[] }) {
  const topicPacks = annotations.topics.flatMap((id) => {
    const pack = findPack(packs, id);
    return pack ? [pack] : [];
  });
  if (topicPacks.length === 0) {
    return <p class="gloss-muted gloss-context__empty">{t('contextNone')}</p>;
  }
  return (
    <div>
      {topicPacks.map((pack) => (
        <PackContext key={pack.id} pack={pack} annotations={annotations} />
      ))}
    </div>
  );
}
