import type { FigureCheck } from '../../lib/types';
import type { KnowledgePack, PackSeries } from '../../lib/packs/types';
import { sourcesFor } from '../../lib/packs/lookup';
import { formatBalance, t, uiLanguage } from '../../lib/i18n';
import { SourceLink } from './SourceLink';

/** An article figure to draw over the series: its text as written and its check. */
export interface ChartOverlay {
  figureText: string;
  check: FigureCheck;
}

/** One year slot of the chart: a value, or a gap where the series has no value. */
export interface ChartSlot {
  year: number;
  value: number | null;
  approximate: boolean;
}

/**
 * One slot per year from the first to the last year of the series (stretched
 * to take in the overlaid periods). Years without a value stay gaps: the chart
 * never draws a value the source does not give.
 */
export function chartSlots(series: PackSeries, overlayYears: readonly number[] = []): ChartSlot[] {
  const byYear = new Map<number, { value: number; approximate: boolean }>();
  for (const p of series.points) {
    const year = Number(p.period.slice(0, 4));
    if (Number.isInteger(year)) byYear.set(year, { value: p.value, approximate: p.approximate === true });
  }
  const years = [...byYear.keys(), ...overlayYears.filter(Number.isInteger)];
  if (years.length === 0) return [];
  const first = Math.min(...years);
  const last = Math.max(...years);
  const slots: ChartSlot[] = [];
  for (let year = first; year <= last; year++) {
    const point = byYear.get(year);
    slots.push({ year, value: point ? point.value : null, approximate: point?.approximate ?? false });
  }
  return slots;
}

/** "Nice" tick step (1, 2 or 5 × a power of ten) giving about `count` ticks over `span`. */
function tickStep(span: number, count: number): number {
  const raw = span / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const unit = raw / power;
  return (unit <= 1 ? 1 : unit <= 2 ? 2 : unit <= 5 ? 5 : 10) * power;
}

const W = 360;
const H = 190;
const PAD = { left: 46, right: 8, top: 12, bottom: 24 };

/** The verdict's message key and CSS modifier. */
function verdictKey(verdict: FigureCheck['verdict']): 'verdictMatches' | 'verdictDiffers' | 'verdictNoData' {
  return verdict === 'matches' ? 'verdictMatches' : verdict === 'differs' ? 'verdictDiffers' : 'verdictNoData';
}

/** The sentence under the chart for one overlay: what the article says, what the series says, the verdict. */
export function overlaySentence(o: ChartOverlay): string {
  const official =
    o.check.officialValue === null ? t('chartOfficialNone', o.check.period) : t('chartOfficial', [formatBalance(o.check.officialValue), o.check.basis]);
  return t('chartArticleLine', [o.figureText, o.check.period, official, t(verdictKey(o.check.verdict))]);
}

/**
 * A bar chart of a trade-balance series by year, drawn as SVG. Deficits hang
 * below the zero line. Missing years are left as gaps (marked, not
 * interpolated), the basis is stated, and the article's figures are drawn over
 * their year with the verdict.
 */
export function TradeChart({ pack, series, overlays = [] }: { pack: KnowledgePack; series: PackSeries; overlays?: readonly ChartOverlay[] }) {
  const slots = chartSlots(series, overlays.map((o) => Number(o.check.period.slice(0, 4))));
  if (slots.length === 0) return null;
  const values = [0, ...slots.flatMap((s) => (s.value === null ? [] : [s.value])), ...overlays.map((o) => o.check.statedValue)];
  const span = Math.max(...values) - Math.min(...values) || 1;
  const step = tickStep(span, 4);
  const lo = Math.floor(Math.min(...values) / step) * step;
  const hi = Math.ceil(Math.max(...values) / step) * step;
  const plotH = H - PAD.top - PAD.bottom;
  const y = (v: number): number => PAD.top + ((hi - v) / (hi - lo || 1)) * plotH;
  const slotW = (W - PAD.left - PAD.right) / slots.length;
  const barW = Math.max(3, slotW * 0.64);
  const x = (i: number): number => PAD.left + i * slotW + (slotW - barW) / 2;
  const ticks: number[] = [];
  for (let v = lo; v <= hi + step / 2; v += step) ticks.push(v);
  const tickFormat = new Intl.NumberFormat(uiLanguage(), {
    style: 'currency',
    currency: 'USD',
    currencyDisplay: 'narrowSymbol',
    notation: 'compact',
    maximumFractionDigits: 0,
  });
  const labelEvery = slots.length > 12 ? 5 : slots.length > 6 ? 2 : 1;
  const overlayYears = new Set(overlays.map((o) => Number(o.check.period.slice(0, 4))));
  // Year labels: every `labelEvery`-th and the last, plus the overlaid years, which win over a regular label next to them (they would overlap).
  const nextToOverlay = (i: number): boolean => overlayYears.has(slots[i - 1]?.year ?? NaN) || overlayYears.has(slots[i + 1]?.year ?? NaN);
  const labelled = (i: number): boolean =>
    overlayYears.has(slots[i]!.year) || ((i % labelEvery === 0 || i === slots.length - 1) && !nextToOverlay(i));
  const gaps = slots.filter((s) => s.value === null).length;
  const titleId = `chart-title-${series.id}`;
  const descId = `chart-desc-${series.id}`;
  const sources = sourcesFor(pack, series.sourceIds);

  return (
    <figure class="gloss-chart">
      <figcaption>
        <span class="gloss-chart__title" id={titleId}>{series.label}</span>
        <span class="gloss-chart__basis">{t('chartBasis', [series.basis])}</span>
      </figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={titleId} aria-describedby={descId} class="gloss-chart__svg">
        <desc id={descId}>{t('chartDescription', [String(slots[0]!.year), String(slots[slots.length - 1]!.year), String(gaps)])}</desc>
        {ticks.map((v) => (
          <g key={`tick-${v}`} class="gloss-chart__tick">
            <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} class={v === 0 ? 'gloss-chart__zero' : 'gloss-chart__grid'} />
            <text x={PAD.left - 6} y={y(v)} dy="0.32em" text-anchor="end">{v === 0 ? '0' : tickFormat.format(v)}</text>
          </g>
        ))}
        {slots.map((s, i) =>
          s.value === null ? (
            <g key={s.year} class="gloss-chart__gap" data-year={s.year}>
              <title>{t('chartGap', String(s.year))}</title>
              <line x1={x(i)} x2={x(i) + barW} y1={y(0)} y2={y(0)} />
            </g>
          ) : (
            <rect
              key={s.year}
              data-year={s.year}
              class={`gloss-chart__bar${s.value < 0 ? ' is-deficit' : ' is-surplus'}${s.approximate ? ' is-approximate' : ''}${overlayYears.has(s.year) ? ' is-compared' : ''}`}
              x={x(i)}
              width={barW}
              y={Math.min(y(0), y(s.value))}
              height={Math.max(1, Math.abs(y(s.value) - y(0)))}
            >
              <title>{`${s.year}: ${formatBalance(s.value)}${s.approximate ? ` (${t('chartApproximate')})` : ''}`}</title>
            </rect>
          ),
        )}
        {overlays.map((o) => {
          const i = slots.findIndex((s) => s.year === Number(o.check.period.slice(0, 4)));
          if (i === -1) return null;
          const cy = y(o.check.statedValue);
          return (
            <g key={`overlay-${o.figureText}-${o.check.period}`} class={`gloss-chart__overlay is-${o.check.verdict}`} data-year={slots[i]!.year}>
              <title>{overlaySentence(o)}</title>
              <line x1={x(i) - 5} x2={x(i) + barW + 5} y1={cy} y2={cy} />
              <circle cx={x(i) + barW / 2} cy={cy} r={4.5} />
              {/* The label goes to the side with room: right of the bar early in the range, left of it late. */}
              {i < slots.length * 0.65 ? (
                <text x={x(i) + barW + 8} y={cy} dy="0.32em" text-anchor="start">{o.figureText}</text>
              ) : (
                <text x={x(i) - 8} y={cy} dy="0.32em" text-anchor="end">{o.figureText}</text>
              )}
            </g>
          );
        })}
        {slots.map((s, i) =>
          labelled(i) ? (
            <text key={`label-${s.year}`} class="gloss-chart__year" x={x(i) + barW / 2} y={H - 8} text-anchor="middle">
              {`'${String(s.year).slice(2)}`}
            </text>
          ) : null,
        )}
      </svg>
      <ul class="gloss-chart__legend">
        <li><span class="gloss-swatch is-deficit" aria-hidden="true" />{t('chartLegendDeficit')}</li>
        {gaps > 0 ? <li><span class="gloss-swatch is-gap" aria-hidden="true" />{t('chartLegendGap')}</li> : null}
        {overlays.length > 0 ? <li><span class="gloss-swatch is-overlay" aria-hidden="true" />{t('chartLegendArticle')}</li> : null}
      </ul>
      {overlays.map((o) => (
        <div key={`line-${o.figureText}-${o.check.period}`} class={`gloss-chart__verdict is-${o.check.verdict}`}>
          <p>
            <span class={`gloss-verdict is-${o.check.verdict}`}>{t(verdictKey(o.check.verdict))}</span> {overlaySentence(o)}
          </p>
          {o.check.related && o.check.related.length > 0 ? (
            <ul class="gloss-chart__related">
              {o.check.related.map((r) => (
                <li key={r.label}>{t('chartRelated', [r.label, formatBalance(r.value), r.basis])}</li>
              ))}
            </ul>
          ) : null}
          <ul class="gloss-chart__check-sources">
            {sourcesFor(pack, o.check.sourceIds).map((s) => (
              <li key={s.id}><SourceLink source={s} /></li>
            ))}
          </ul>
        </div>
      ))}
      <table class="gloss-sr-only">
        <caption>{series.label}</caption>
        <thead><tr><th scope="col">{t('chartYear')}</th><th scope="col">{t('chartValue')}</th></tr></thead>
        <tbody>
          {slots.map((s) => (
            <tr key={s.year}><th scope="row">{s.year}</th><td>{s.value === null ? t('chartNoData') : formatBalance(s.value)}</td></tr>
          ))}
        </tbody>
      </table>
      {sources.length > 0 ? (
        <details class="gloss-chart__sources">
          <summary>{t('chartSources', String(sources.length))}</summary>
          <ul>
            {sources.map((s) => (
              <li key={s.id}><SourceLink source={s} /></li>
            ))}
          </ul>
        </details>
      ) : null}
    </figure>
  );
}
