/**
 * What a card shows, and the small pure helpers the cards share: role at a
 * date, number formatting, related facts and selection look-up. Kept apart from
 * the components so they are tested without rendering.
 */
import type { Claim, Figure, OfficialMention, Role } from '../../lib/types';
import type { KnowledgePack, PackEntity, PackFact, PackSource } from '../../lib/packs/types';
import { sourcesFor } from '../../lib/packs/lookup';

/** The content of one card. `articleDate` is the page's date (`YYYY-MM-DD`) or null. */
export type CardModel =
  | { kind: 'official'; mention: OfficialMention; articleDate: string | null }
  | { kind: 'figure'; figure: Figure; articleDate: string | null }
  | { kind: 'claim'; claim: Claim; articleDate: string | null }
  | { kind: 'lookup'; text: string; articleDate: string | null };

/** Compares partial dates (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`) by padding: open starts pad low, open ends pad high. */
function padDate(d: string, high: boolean): string {
  if (d.length === 4) return d + (high ? '-12-31' : '-01-01');
  if (d.length === 7) return d + (high ? '-31' : '-01');
  return d;
}

/** True when `role` was held on `date` (a missing date or bound counts as open). */
export function roleHeldOn(role: Role, date: string | null): boolean {
  if (!date) return !role.to;
  const d = padDate(date, false);
  if (role.from && padDate(role.from, false) > d) return false;
  if (role.to && padDate(role.to, true) < d) return false;
  return true;
}

/** The role held on `date` (the first one listed), or null. */
export function roleAt(roles: readonly Role[], date: string | null): Role | null {
  return roles.find((r) => roleHeldOn(r, date)) ?? null;
}

/** "Trade Minister, Ministry of Trade (South Korea)". */
export function roleLabel(role: Role): string {
  const where = [role.org, role.country].filter(Boolean);
  return where.length ? `${role.title}, ${where.join(', ')}` : role.title;
}

/** "2017–2019", "from 2017", "until 2019" or "". */
export function roleDates(role: Role): string {
  if (role.from && role.to) return `${role.from}–${role.to}`;
  if (role.from) return `from ${role.from}`;
  if (role.to) return `until ${role.to}`;
  return '';
}

const CURRENCY_PREFIX: Record<string, string> = { USD: 'US$', KRW: '₩', EUR: '€', GBP: '£', JPY: '¥', CNY: 'CN¥' };

/** A number with thousands separators, as written in English. */
export function formatNumber(n: number): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

/** A money amount in a unit, e.g. `US$28,000,000,000`; deficits keep their sign. */
export function formatMoney(value: number, unit: string | null): string {
  const sign = value < 0 ? '−' : '';
  const abs = Math.abs(value);
  const prefix = unit ? CURRENCY_PREFIX[unit] : undefined;
  return prefix ? `${sign}${prefix}${formatNumber(abs)}` : `${sign}${formatNumber(abs)}${unit ? ` ${unit}` : ''}`;
}

/** The normalised value of a figure as a reader would write it, or null when there is none. */
export function formatFigureValue(f: Figure): string | null {
  if (f.value === null) return null;
  if (typeof f.value === 'string') return f.value;
  switch (f.kind) {
    case 'money':
      return formatMoney(f.value, f.unit);
    case 'percent':
      return `${formatNumber(f.value)}%`;
    case 'year':
      return String(f.value);
    default:
      if (!f.unit || f.unit === 'rank') return f.unit === 'rank' ? `rank ${formatNumber(f.value)}` : formatNumber(f.value);
      return `${formatNumber(f.value)} ${f.unit}${f.value === 1 || f.unit.endsWith('s') ? '' : 's'}`;
  }
}

/** Plain-language names of figure kinds. */
export const FIGURE_KIND_LABEL: Record<Figure['kind'], string> = {
  money: 'Amount of money',
  percent: 'Percentage',
  year: 'Year',
  date: 'Date',
  duration: 'Duration',
  count: 'Count',
  other: 'Figure',
};

/** Lower-case words of four letters or more, for overlap scoring. */
function words(text: string): Set<string> {
  const out = new Set<string>();
  for (const w of text.toLowerCase().split(/[^\p{L}\p{N}]+/u)) if (w.length >= 4) out.add(w);
  return out;
}

/** A pack fact with the pack it came from. */
export interface RelatedFact {
  fact: PackFact;
  pack: KnowledgePack;
  sources: PackSource[];
}

/**
 * Pack facts related to a statement: a tag found in the text counts 3, each
 * shared word 1; the best `limit` with a score of at least 2 are returned.
 */
export function relatedFacts(text: string, packs: readonly KnowledgePack[], limit = 3): RelatedFact[] {
  const lower = text.toLowerCase();
  const w = words(text);
  const scored: { score: number; item: RelatedFact }[] = [];
  for (const pack of packs) {
    for (const fact of pack.facts) {
      let score = 0;
      for (const tag of fact.tags) if (tag.length >= 3 && lower.includes(tag.toLowerCase())) score += 3;
      for (const fw of words(fact.text)) if (w.has(fw)) score += 1;
      if (score >= 2) scored.push({ score, item: { fact, pack, sources: sourcesFor(pack, fact.sourceIds) } });
    }
  }
  scored.sort((a, b) => b.score - a.score);
  return scored.slice(0, limit).map((s) => s.item);
}

/** The pack entity whose name, alias or misspelling equals `text` (ignoring case and spacing), or null. */
export function entityNamed(text: string, packs: readonly KnowledgePack[]): { pack: KnowledgePack; entity: PackEntity } | null {
  const norm = (s: string) => s.normalize('NFC').toLowerCase().replace(/[\s\u00a0]+/g, ' ').trim();
  const want = norm(text);
  if (!want) return null;
  for (const pack of packs) {
    for (const entity of pack.entities) {
      const names = [entity.name, ...entity.aliases, ...entity.misspellings, entity.nativeName ?? ''];
      if (names.some((n) => n && norm(n) === want)) return { pack, entity };
    }
  }
  return null;
}

/** Short text announced to screen readers when a card opens. */
export function announcement(model: CardModel): string {
  switch (model.kind) {
    case 'official':
      return model.mention.role ? `${model.mention.name}: ${roleLabel(model.mention.role)}` : model.mention.name;
    case 'figure':
      return `${FIGURE_KIND_LABEL[model.figure.kind]}: ${model.figure.text}`;
    case 'claim':
      return `${model.claim.quoted ? 'Quoted' : 'Reported'} statement${model.claim.speaker ? ` by ${model.claim.speaker}` : ''}`;
    case 'lookup':
      return `Gloss look-up: ${model.text}`;
  }
}
