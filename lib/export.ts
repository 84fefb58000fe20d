/**
 * Export of a page's annotations with their sources: Markdown to paste into
 * notes, JSON for tools. Both carry every source a finding rests on, so an
 * exported finding can always be traced back.
 */
import type { Annotations, Claim, Figure, OfficialMention, Role } from './types';
import type { KnowledgePack, PackSource } from './packs/types';
import { findEntity, findPack, sourcesFor } from './packs/lookup';
import { formatBalance, formatFigureValue, formatPartialDate, t } from './i18n';
import { isSafeUrl } from '../components/shared/SourceLink';

/** What is exported: the page and its annotations, with the packs to resolve sources. */
export interface ExportInput {
  url: string;
  title: string | null;
  annotations: Annotations;
  packs: readonly KnowledgePack[];
  /** ISO time of the export (a parameter so tests are stable). */
  exportedAt: string;
}

/** A source in the export, numbered from 1 in order of first use. */
export interface ExportedSource extends PackSource {
  n: number;
  packId: string;
}

/** The JSON export's shape (`format` + `version` say what it is to a reader years from now). */
export interface AnnotationExport {
  format: 'gloss-annotations';
  version: 1;
  page: { url: string; title: string | null; date: string | null };
  exportedAt: string;
  topics: string[];
  officials: (OfficialMention & { sources: number[] })[];
  figures: (Figure & { sources: number[] })[];
  claims: Claim[];
  sources: ExportedSource[];
}

/** Numbers sources in order of first use, across packs. */
class SourceRegistry {
  readonly list: ExportedSource[] = [];
  private readonly index = new Map<string, number>();
  constructor(private readonly packs: readonly KnowledgePack[]) {}

  /** The numbers of the sources behind `ids` in pack `packId`. */
  cite(packId: string | null, ids: readonly string[]): number[] {
    if (!packId) return [];
    const pack = findPack(this.packs, packId);
    if (!pack) return [];
    return sourcesFor(pack, ids).map((source) => {
      const key = `${packId}\u0000${source.id}`;
      let n = this.index.get(key);
      if (n === undefined) {
        n = this.list.length + 1;
        this.index.set(key, n);
        this.list.push({ ...source, n, packId });
      }
      return n;
    });
  }
}

function officialSourceIds(packs: readonly KnowledgePack[], o: OfficialMention): string[] {
  if (o.role && o.role.sourceIds.length > 0) return o.role.sourceIds;
  return findEntity(packs, o.packId, o.entityId)?.entity.sourceIds ?? [];
}

function buildExport(input: ExportInput): AnnotationExport {
  const registry = new SourceRegistry(input.packs);
  const { annotations: a } = input;
  const officials = a.officials.map((o) => ({ ...o, sources: registry.cite(o.packId, officialSourceIds(input.packs, o)) }));
  const figures = a.figures.map((f) => ({ ...f, sources: f.check ? registry.cite(f.check.packId, f.check.sourceIds) : [] }));
  return {
    format: 'gloss-annotations',
    version: 1,
    page: { url: input.url, title: input.title, date: a.date },
    exportedAt: input.exportedAt,
    topics: [...a.topics],
    officials,
    figures,
    claims: a.claims.map((c) => ({ ...c })),
    sources: registry.list,
  };
}

/** The annotations as pretty-printed JSON. */
export function toJson(input: ExportInput): string {
  return JSON.stringify(buildExport(input), null, 2);
}

/** Escapes text so Markdown shows it as written (page text must not become links or markup). */
export function escapeMarkdown(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/[\\`*_[\]<>|#~]/g, (c) => `\\${c}`);
}

/** A URL made safe inside Markdown link parentheses. */
function markdownUrl(url: string): string {
  return url.replace(/[()\s<>]/g, (c) => encodeURIComponent(c));
}

function refs(numbers: readonly number[]): string {
  return numbers.map((n) => `[${n}]`).join('');
}

/**
 * When a role was held ("Jul 30, 2017 – Feb 28, 2019", "from 2017", "until 2006"),
 * or '' when the pack does not say. An open end means the end is not recorded,
 * not that the role is current, so it is never shown as "present".
 */
export function describeRoleSpan(role: Role): string {
  if (role.from && role.to) return `${formatPartialDate(role.from)} – ${formatPartialDate(role.to)}`;
  if (role.from) return t('roleFrom', formatPartialDate(role.from));
  if (role.to) return t('roleUntil', formatPartialDate(role.to));
  return '';
}

/** "Trade Minister (MOTIE, KR), Jul 2017 – Sep 2018" in the UI language. */
export function describeRole(role: Role): string {
  const where = [role.org, role.country].filter(Boolean).join(', ');
  return [role.title + (where ? ` (${where})` : ''), describeRoleSpan(role)].filter(Boolean).join(', ');
}

/** The Markdown line for one figure's check, or '' when it has none. */
function checkLine(f: Figure): string {
  const c = f.check;
  if (!c) return '';
  const verdict = t(c.verdict === 'matches' ? 'verdictMatches' : c.verdict === 'differs' ? 'verdictDiffers' : 'verdictNoData');
  if (c.officialValue === null) return `${verdict} (${escapeMarkdown(c.seriesLabel)}, ${escapeMarkdown(c.period)})`;
  return `${verdict}: ${t('officialFigure', [formatBalance(c.officialValue), c.period, escapeMarkdown(c.basis)])}`;
}

/** The annotations as a Markdown document with numbered sources. */
export function toMarkdown(input: ExportInput): string {
  const data = buildExport(input);
  const lines: string[] = [];
  lines.push(`# ${escapeMarkdown(t('exportHeading', data.page.title ?? data.page.url))}`, '');
  lines.push(`<${markdownUrl(data.page.url)}>`, '');
  const meta = [
    data.page.date ? t('exportPublished', formatPartialDate(data.page.date)) : t('exportNoDate'),
    t('exportExported', data.exportedAt.slice(0, 10)),
  ];
  lines.push(meta.join(' · '), '');

  lines.push(`## ${t('sectionOfficials')} (${data.officials.length})`, '');
  if (data.officials.length === 0) lines.push(`_${t('exportNone')}_`);
  for (const o of data.officials) {
    const role = o.role ? describeRole(o.role) : t('roleUnknown');
    lines.push(`- **${escapeMarkdown(o.name)}**: ${escapeMarkdown(role)} ${refs(o.sources)}`.trimEnd());
    if (o.standardSpelling) lines.push(`  - ${escapeMarkdown(t('spellingNote', [o.text, o.standardSpelling]))}`);
  }
  lines.push('');

  lines.push(`## ${t('sectionFigures')} (${data.figures.length})`, '');
  if (data.figures.length === 0) lines.push(`_${t('exportNone')}_`);
  for (const f of data.figures) {
    const value = formatFigureValue(f);
    const head = `- “${escapeMarkdown(f.text)}”${value ? ` = ${escapeMarkdown(value)}` : ''}`;
    const check = checkLine(f);
    lines.push(`${head}${check ? `; ${check}` : ''} ${refs(f.sources)}`.trimEnd());
  }
  lines.push('');

  lines.push(`## ${t('sectionClaims')} (${data.claims.length})`, '');
  if (data.claims.length === 0) lines.push(`_${t('exportNone')}_`);
  for (const c of data.claims) {
    const speaker = c.speaker ?? t('speakerUnknown');
    lines.push(`- “${escapeMarkdown(c.text)}”, ${escapeMarkdown(speaker)} (${t(worthinessKey(c.worthiness.score))})`);
  }
  lines.push('');

  lines.push(`## ${t('sectionSources')}`, '');
  if (data.sources.length === 0) lines.push(`_${t('exportNone')}_`);
  for (const s of data.sources) {
    const label = escapeMarkdown(`${s.publisher}: ${s.title}`);
    const link = isSafeUrl(s.url) ? `[${label}](${markdownUrl(s.url)})` : label;
    lines.push(`${s.n}. ${link} (${escapeMarkdown(t('sourceAccessed', s.accessed))})`);
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

/** The message key for a check-worthiness score: three plain bands instead of a number. */
export function worthinessKey(score: number): 'worthinessHigh' | 'worthinessMedium' | 'worthinessLow' {
  if (score >= 0.66) return 'worthinessHigh';
  if (score >= 0.33) return 'worthinessMedium';
  return 'worthinessLow';
}
